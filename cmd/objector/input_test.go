package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		{fmt.Errorf("pdf: %w: not a PNG or JPEG file", objector.ErrSignatureImage), exitUsage, "PNG or JPEG"},
		{fmt.Errorf("pdf: body: %w: '🦄' (U+1F984)", objector.ErrMissingGlyph), exitUsage, "--format txt"},
		{&inputError{flag: "--reason", what: "'🦄' (U+1F984)", err: fmt.Errorf("pdf: body: %w", objector.ErrMissingGlyph)}, exitUsage, "remove '🦄' (U+1F984) from --reason"},
		{errors.Join(fmt.Errorf("pdf: sender: %w", objector.ErrMissingGlyph), fmt.Errorf("pdf: body: %w", objector.ErrMissingGlyph)), exitUsage, "--format txt"},
		{&objector.EmailFieldError{Field: "sender name", Msg: "contains the control character U+000A"}, exitUsage, "correct --name"},
		{&objector.EmailFieldError{Field: "recipient email", Msg: "is not a bare email address"}, exitUsage, "correct --controller-email"},
		{&objector.EmailFieldError{Field: "subject", Msg: "contains the control character U+000A"}, exitUsage, "--format txt or --format pdf"},
		{objector.ErrNoForm, exitUsage, "--format txt, pdf or eml"},
		{fmt.Errorf("%w: no law", objector.ErrNoAuthority), exitUsage, "objector followup reminder"},
		{&objector.NotDueError{Kind: objector.KindReminder, Due: objector.Date{}}, exitUsage, "--force"},
		{fmt.Errorf("letter: %w", &objector.FieldError{Field: "name", Msg: "is missing"}), exitUsage, "set --name"},
		{&objector.UnknownResidenceError{Code: "XX"}, exitUsage, "objector jurisdictions"},
		{&objector.UnknownControllerError{ID: "linkdin"}, exitUsage, "objector controllers list"},
		{&objector.UnsupportedLanguageError{Lang: "xx", Available: []string{"de", "en"}}, exitUsage, "--lang with one of: de, en"},
		{fmt.Errorf("x: %w", objector.ErrNoEntity), exitNoEntity, "--controller-name"},
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
