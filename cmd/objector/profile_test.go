package main

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzParseProfile feeds arbitrary bytes to the profile file parser. It
// must never panic; it rejects with a message and a hint, or accepts a
// profile that survives being written out and read back unchanged.
func FuzzParseProfile(f *testing.F) {
	for _, s := range []string{
		"name = \"Erika Mustermann\"\nemail = \"erika@example.org\"\naddress = [\"Musterstraße 1\", \"10115 Berlin\"]\n",
		"name = \"Erika\"\naccount = \"https://www.linkedin.com/in/erika\"\nlang = \"de\"\n",
		"agent_name = \"Verein e.V.\"\nagent_address = [\"Hauptstr. 1\"]\nagent_email = \"info@example.org\"\n",
		"name = \"Erika\\nBcc: x@example.org\"\n",
		"nmae = \"typo\"\n",
		"address = \"one line, not a list\"\n",
		"name = 1\n",
		"[name]\nfirst = \"Erika\"\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parseProfile(b)
		if err != nil {
			if err.msg == "" || err.hint == "" {
				t.Fatalf("parseProfile(%q): error %q with hint %q", b, err.msg, err.hint)
			}
			return
		}
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(p); err != nil {
			t.Fatalf("encoding %+v: %v", p, err)
		}
		q, err2 := parseProfile(buf.Bytes())
		if err2 != nil {
			t.Fatalf("parseProfile accepts %q but not its own re-encoding %q: %s", b, buf.Bytes(), err2.msg)
		}
		if !reflect.DeepEqual(normalizeProfile(p), normalizeProfile(q)) {
			t.Fatalf("round trip of %q: %+v, then %+v", b, p, q)
		}
	})
}

// normalizeProfile makes empty and nil lists alike.
func normalizeProfile(p profile) profile {
	if len(p.Address) == 0 {
		p.Address = nil
	}
	if len(p.AgentAddress) == 0 {
		p.AgentAddress = nil
	}
	return p
}
