package email

import (
	"bytes"
	"errors"
	"mime"
	"net/mail"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/objector/objector/internal/guard"
)

// FuzzEML guards the header encoding: whatever the names and the subject,
// EML either refuses them with ErrInvalid (only for control characters,
// line separators or invalid UTF-8) or writes a message net/mail parses,
// with exactly the expected headers, each once, and every value decoding
// back to the input.
func FuzzEML(f *testing.F) {
	for _, v := range append(append([]string{}, hostile...),
		"Erika Mustermann", "Jürgen Groß", "Γιώργος Παπαδόπουλος", "Мария Петрова Иванова", "Zofia Wiśniewska-Łukasiewicz",
		"=?utf-8?q?Eve?=", "\"quoted\" \\ back", "Müller, Erika (DPO)", strings.Repeat("ž", 100), strings.Repeat("x ", 60), "",
	) {
		f.Add(v, v, v)
	}
	f.Fuzz(func(t *testing.T, name, recipient, subject string) {
		l := fixtures()[1].l
		l.Sender.Name, l.Recipient.Name, l.Subject = name, recipient, subject
		var b bytes.Buffer
		err := EML(&b, &l, Options{})
		unsafe := !safe(name) || !safe(recipient) || !safe(subject)
		if err != nil {
			if !unsafe || !errors.Is(err, ErrInvalid) {
				t.Fatalf("EML(%q, %q, %q): %v", name, recipient, subject, err)
			}
			if b.Len() != 0 {
				t.Fatalf("EML wrote %d bytes and failed", b.Len())
			}
			return
		}
		if unsafe {
			t.Fatalf("EML accepted %q, %q, %q", name, recipient, subject)
		}
		raw := b.Bytes()
		// No line but a header line of ours or a folded continuation may
		// appear in the header.
		head, _, _ := strings.Cut(string(raw), "\r\n\r\n")
		for _, line := range strings.Split(head, "\r\n") {
			if strings.ContainsAny(line, "\r\n") {
				t.Fatalf("lone CR or LF in header line %q", line)
			}
			if len(line) > 998 {
				t.Fatalf("header line of %d characters", len(line))
			}
		}
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("net/mail cannot parse:\n%s\n%v", raw, err)
		}
		var keys []string
		for k, vs := range m.Header {
			keys = append(keys, k)
			if len(vs) != 1 {
				t.Fatalf("header %s appears %d times:\n%s", k, len(vs), raw)
			}
		}
		sort.Strings(keys)
		if got, want := strings.Join(keys, ","), "Content-Language,Content-Transfer-Encoding,Content-Type,Date,From,Message-Id,Mime-Version,Subject,To,X-Unsent"; got != want {
			t.Fatalf("headers %s, want %s:\n%s", got, want, raw)
		}
		for key, want := range map[string]*mail.Address{"From": {Name: name, Address: l.Sender.Email}, "To": {Name: recipient, Address: l.Recipient.Email}} {
			a, err := m.Header.AddressList(key)
			if err != nil || len(a) != 1 || a[0].Name != want.Name || a[0].Address != want.Address {
				t.Fatalf("%s %q parses as %v, %v; want %q <%s>", key, m.Header.Get(key), a, err, want.Name, want.Address)
			}
		}
		got, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		if err != nil || got != subject {
			t.Fatalf("Subject %q decodes as %q, %v; want %q", m.Header.Get("Subject"), got, err, subject)
		}
	})
}

// safe reports whether s may go into a header: valid UTF-8 without
// control characters or line separators.
func safe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if guard.IsBreaking(r) {
			return false
		}
	}
	return true
}
