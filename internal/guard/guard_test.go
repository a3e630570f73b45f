package guard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	for _, tc := range []struct {
		s         string
		multiline bool
		want      string // part of the error, or "" for none
	}{
		{"Erika Mustermann", false, ""},
		{"Zoë Ångström-Łukasiewicz", false, ""},
		{"line one\nline two\ttab", true, ""},
		{"line one\nline two", false, "U+000A"},
		{"a\x00b", true, "U+0000"},
		{"next\u0085line", false, "U+0085"},
		{"sep\u2028arator", true, "U+2028"},
		{"evil\u202egpj.exe", false, "bidirectional"},
		{"embed\u202ax", true, "U+202A"},
		{"isolate\u2066x", false, "U+2066"},
		{"pop\u2069", false, "U+2069"},
		{"\xff", false, "UTF-8"},
		{"mark\u200fok", false, ""}, // a right-to-left mark is not an override
	} {
		err := Text(tc.s, tc.multiline)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Text(%q) = %v, want nil", tc.s, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Text(%q) = %v, want an error with %q", tc.s, err, tc.want)
		case tc.want != "" && !errors.Is(err, ErrText):
			t.Errorf("Text(%q) = %v, which does not match ErrText", tc.s, err)
		}
	}
}

func TestEmail(t *testing.T) {
	for _, s := range []string{"erika@example.org", "a.b+c@sub.example.co.uk"} {
		if err := Email(s); err != nil {
			t.Errorf("Email(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"", "erika", "Erika <erika@example.org>", "erika@example.org, x@example.org", "erika@example.org\r\nBcc: x@example.org", "erika\u202e@example.org", " erika@example.org"} {
		err := Email(s)
		if err == nil {
			t.Errorf("Email(%q) = nil, want an error", s)
			continue
		}
		if s != "" && strings.Contains(err.Error(), s) {
			t.Errorf("Email(%q) = %v: the error quotes the address", s, err)
		}
	}
}

func TestURL(t *testing.T) {
	if err := URL("https://www.linkedin.com/legal/privacy-policy"); err != nil {
		t.Error(err)
	}
	for _, s := range []string{"", "http://example.org", "https://", "example.org/x", "https://exa mple.org", "javascript:alert(1)"} {
		if URL(s) == nil {
			t.Errorf("URL(%q) = nil, want an error", s)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "letter.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read %q, %v; want \"new\"", got, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o600 && os.Getenv("GOOS") != "windows" {
		t.Errorf("mode %v, want 0600", m)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the file (no temporary file left)", len(entries))
	}

	// A folder in the way is a clear error, and stays a folder.
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(sub, []byte("x")); !errors.Is(err, ErrIsDir) {
		t.Errorf("WriteFile onto a folder = %v, want ErrIsDir", err)
	}
	if fi, err := os.Stat(sub); err != nil || !fi.IsDir() {
		t.Errorf("the folder was replaced: %v", err)
	}
	// A missing folder fails and creates nothing.
	if err := WriteFile(filepath.Join(dir, "missing", "x.txt"), []byte("x")); err == nil {
		t.Error("WriteFile into a missing folder = nil, want an error")
	}
}
