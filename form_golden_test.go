package objector_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/objector/objector"
	"github.com/objector/objector/webform"
)

// TestFormGolden keeps the web-form route (formats form and form-json) in
// testdata/form for LinkedIn and a German resident, a Californian and a New
// Yorker, and for a company without a known form. Run
// `go test -update` to rewrite them, then read the diff.
func TestFormGolden(t *testing.T) {
	g := generator(t)
	var cases []goldenCase
	// Every case in English and German; the German objection in every
	// other language.
	for _, lang := range languages(t) {
		if lang != "en" && lang != "de" {
			req := person("DE", lang)
			req.Account = "https://www.linkedin.com/in/erika-mustermann"
			cases = append(cases, goldenCase{"linkedin-DE-" + lang, req})
			continue
		}
		for _, res := range []string{"DE", "US-CA", "US-NY"} {
			req := person(res, lang)
			req.Account = "https://www.linkedin.com/in/erika-mustermann"
			cases = append(cases, goldenCase{"linkedin-" + res + "-" + lang, req})
		}
		custom := person("DE", lang)
		custom.Controller = ""
		custom.Company = &objector.Company{Name: "Beispiel GmbH", Address: []string{"Hauptstraße 1", "10115 Berlin"}, Email: "datenschutz@example.com"}
		cases = append(cases, goldenCase{"no-form-DE-" + lang, custom})
	}
	if len(cases) < 8 {
		t.Fatalf("only %d form golden cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, err := g.Generate(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []objector.Format{objector.FormatForm, objector.FormatFormJSON} {
				var buf bytes.Buffer
				if err := g.Render(&buf, l, f, objector.RenderOptions{}); err != nil {
					t.Fatal(err)
				}
				ext := ".txt"
				if f == objector.FormatFormJSON {
					ext = ".json"
					var d webform.Document
					if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
						t.Fatalf("form-json does not parse as webform.Document: %v", err)
					}
				}
				compareGolden(t, filepath.Join("testdata", "form", tc.name+ext), buf.Bytes())
			}
		})
	}
}

// TestFormLinkedIn checks what the issue asks of LinkedIn's form route on
// 2026-11-24: the generative-AI setting and its path come first, then the
// form's URL, and the free text stands on its own: who objects, to what,
// under which provision, and by when.
func TestFormLinkedIn(t *testing.T) {
	g := generator(t)
	tests := []struct {
		residence, lang string
		want            []string
	}{
		{"DE", "de", []string{"Art. 21 Abs. 1 DSGVO", "bis zum 24. Dezember 2026", "Erika Mustermann", "erika@example.org", "LinkedIn Ireland Unlimited Company"}},
		{"DE", "en", []string{"Art. 21(1) GDPR", "by 24 December 2026", "Erika Mustermann", "erika@example.org"}},
		{"US-CA", "en", []string{"California Consumer Privacy Act", "Cal. Civ. Code § 1798.120", "by 15 December 2026", "Erika Mustermann", "LinkedIn Corporation"}},
		{"US-NY", "en", []string{"I am not aware of a law where I live", "Erika Mustermann", "erika@example.org"}},
	}
	for _, tt := range tests {
		l, err := g.Generate(context.Background(), person(tt.residence, tt.lang))
		if err != nil {
			t.Fatal(err)
		}
		f := l.Form
		if f == nil || f.URL != "https://www.linkedin.com/help/linkedin/ask/TS-DPRO" {
			t.Fatalf("%s: form = %+v", tt.residence, f)
		}
		if len(f.Steps) < 3 || f.Steps[0].Kind != "setting" || f.Steps[1].Kind != "open" {
			t.Fatalf("%s: steps = %+v; want the setting first, then the form", tt.residence, f.Steps)
		}
		// The setting as the member's interface shows it: in German where a
		// source gives the German label.
		setting, path := "Data for Generative AI Improvement", "Settings → Data privacy"
		if tt.lang == "de" {
			setting, path = "Daten zur Verbesserung generativer KI", "Einstellungen → Datenschutz"
		}
		if s := f.Steps[0]; !strings.Contains(s.Text, setting) || !strings.Contains(s.Text, path) || s.URL == "" {
			t.Errorf("%s: setting step = %+v", tt.residence, s)
		}
		var free string
		for _, ff := range f.Fields {
			if ff.Fill == "statement" {
				free = ff.Value
			}
		}
		free = strings.ReplaceAll(free, "\u00a0", " ")
		for _, w := range tt.want {
			if !strings.Contains(free, w) {
				t.Errorf("%s/%s: free text lacks %q:\n%s", tt.residence, tt.lang, w, free)
			}
		}
	}
}
