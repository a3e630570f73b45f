package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector"
)

// TestHeaderInjection: a value with a line break or another control
// character in it, as a hostile environment or script could pass, never
// reaches an email header. The command exits 2 with a hint and writes no
// file, in every email format.
func TestHeaderInjection(t *testing.T) {
	base := map[string]string{
		"--controller-name":  "Beispiel GmbH",
		"--controller-email": "datenschutz@example.com",
		"--residence":        "DE",
		"--name":             "Erika Mustermann",
		"--email":            "erika@example.org",
		"--as-of":            "2026-11-24",
	}
	hostile := []struct{ flag, value string }{
		{"--name", "Erika Mustermann\r\nBcc: victim@example.net"},
		{"--name", "Erika Mustermann\nBcc: victim@example.net"},
		{"--name", "Erika Mustermann\rBcc: victim@example.net"},
		{"--name", "Erika Mustermann\u2028Bcc: victim@example.net"},
		{"--name", "Erika Mustermann\u0085Bcc: victim@example.net"},
		{"--name", "Erika\x00Mustermann"},
		{"--email", "erika@example.org\r\nBcc: victim@example.net"},
		{"--email", "Erika <erika@example.org>, victim@example.net"},
		{"--controller-name", "Beispiel GmbH\r\nBcc: victim@example.net"},
		{"--controller-email", "datenschutz@example.com\r\nBcc: victim@example.net"},
		{"--controller-email", "datenschutz@example.com, victim@example.net"},
		{"--lang", "de\r\nBcc: victim@example.net"},
		{"--account", "https://example.org/erika\r\nBcc: victim@example.net"},
	}
	for _, format := range []string{"eml", "mailto", "txt"} {
		for _, h := range hostile {
			t.Run(fmt.Sprintf("%s/%s=%q", format, h.flag, h.value), func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "letter."+format)
				args := []string{"objector", "letter", "--format", format, "-o", out}
				for flag, v := range base {
					if flag != h.flag {
						args = append(args, flag, v)
					}
				}
				args = append(args, h.flag, h.value)
				var stdout, stderr bytes.Buffer
				code := run(args, strings.NewReader(""), &stdout, &stderr)
				if code != exitUsage {
					t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr.String())
				}
				if !strings.Contains(stderr.String(), "objector: error: ") || !strings.Contains(stderr.String(), "objector: hint: ") {
					t.Errorf("stderr lacks an error and a hint:\n%s", stderr.String())
				}
				if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s was written (stat: %v)", out, err)
				}
				if stdout.Len() > 0 {
					t.Errorf("stdout: %q", stdout.String())
				}
			})
		}
	}
}

// TestReportExitCodes: every error a person can cause maps to exit 2 and a
// hint that names what to change; other errors are exit 1.
func TestReportExitCodes(t *testing.T) {
	for _, tt := range []struct {
		err  error
		code int
		hint string // "" for no hint
	}{
		{fmt.Errorf("pdf: %w: 13 lines", objector.ErrAddressTooLong), exitUsage, "--controller-address"},
		{&objector.FieldError{Field: "signature", Err: errors.New("pdf: signature image not usable: not a PNG or JPEG file")}, exitUsage, "PNG or JPEG"},
		{&objector.FieldError{Field: "reason", Personal: true, Err: fmt.Errorf("%w: '🦄' (U+1F984)", objector.ErrMissingGlyph)}, exitUsage, "from --reason"},
		{&objector.FieldError{Field: "enclosures", Personal: true, Err: fmt.Errorf("%w: '🦄' (U+1F984)", objector.ErrMissingGlyph)}, exitUsage, "--format txt"},
		{&objector.FieldError{Field: "name", Personal: true, Err: errors.New("contains the control character U+000A")}, exitUsage, "set --name"},
		{&objector.FieldError{Field: "company.email", Err: errors.New("is not a bare email address")}, exitUsage, "set --controller-email"},
		{&objector.FieldError{Field: "agent.email", Personal: true, Err: errors.New("is not a valid email address")}, exitUsage, "set --agent-email"},
		{objector.ErrNoForm, exitUsage, "--format txt, pdf or eml"},
		{&objector.FieldError{Field: "residence", Err: fmt.Errorf("%w: no law", objector.ErrNoAuthority)}, exitUsage, "objector followup reminder"},
		{&objector.FieldError{Field: "sent", Err: &objector.NotDueError{Kind: objector.KindReminder, Due: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}}, exitUsage, "wait until 2026-10-02, or add --force"},
		{fmt.Errorf("letter: %w", &objector.FieldError{Field: "name", Err: errors.New("is missing; give the name")}), exitUsage, "set --name"},
		{&objector.FieldError{Field: "residence", Value: "UK", Err: errors.New("is not a country or state code objector knows"), Suggestions: []string{"GB"}}, exitUsage, "--residence GB"},
		{&objector.FieldError{Field: "residence", Value: "QQ", Err: errors.New("is not a country or state code objector knows")}, exitUsage, "objector jurisdictions"},
		{&objector.FieldError{Field: "controller", Value: "linkdin", Err: errors.New("is not a company in the directory")}, exitUsage, "objector controllers list"},
		{&objector.FieldError{Field: "lang", Value: "xx", Err: errors.New("is not a language objector has messages in; it has de, en")}, exitUsage, "with --lang"},
		{&objector.FieldError{Field: "controller", Err: fmt.Errorf("x: %w", objector.ErrNoEntity)}, exitNoEntity, "--controller-name"},
		{&outputDirError{path: "out/x.pdf", dir: "out", err: os.ErrNotExist}, exitUsage, "mkdir -p out"},
		{&usageError{msg: "unknown command \"lettre\"", hint: "run 'objector help'"}, exitUsage, "objector help"},
		{errors.New("writing out.pdf: permission denied"), exitFailure, ""},
	} {
		var w bytes.Buffer
		code := report(&w, tt.err)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.err, code, tt.code)
		}
		out := w.String()
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if !strings.HasPrefix(line, "objector: error: ") && !strings.HasPrefix(line, "objector: hint: ") {
				t.Errorf("%v: line without prefix: %q", tt.err, line)
			}
		}
		switch {
		case tt.hint == "" && strings.Contains(out, "objector: hint:"):
			t.Errorf("%v: unexpected hint:\n%s", tt.err, out)
		case tt.hint != "" && !strings.Contains(out, "objector: hint: ") || !strings.Contains(out, tt.hint):
			t.Errorf("%v: output lacks a hint with %q:\n%s", tt.err, tt.hint, out)
		}
	}
}
