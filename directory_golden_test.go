package objector_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/objector/objector"
)

// directoryCases are letters to the AI trainers of the directory's second
// round, kept in testdata/directory as text and as the web-form route: each
// new company from a place where its controller is confirmed, and the
// cases where a company's own dates change the letter.
func directoryCases() []goldenCase {
	at := func(controller, residence, lang, date string) objector.Request {
		r := person(residence, lang)
		r.Controller = controller
		if date != "" {
			r.AsOf = mustDate(date)
		}
		return r
	}
	return []goldenCase{
		{"whatsapp-DE-de", at("whatsapp", "DE", "de", "")},
		{"whatsapp-GB-en", at("whatsapp", "GB", "en", "")},
		{"threads-IE-en", at("threads", "IE", "en", "")},
		{"openai-FR-fr", at("openai", "FR", "fr", "")},
		{"openai-GB-en", at("chatgpt", "GB", "en", "")},
		{"openai-US-CA-en", at("openai", "US-CA", "en", "")},
		{"anthropic-DE-en", at("claude", "DE", "en", "")},
		{"anthropic-US-NY-en", at("anthropic", "US-NY", "en", "")},
		{"facebook-GB-en", at("facebook", "GB", "en", "")},
		{"instagram-GB-en", at("instagram", "GB", "en", "")},
		{"instagram-AT-de-2025-06-01", at("instagram", "AT", "de", "2025-06-01")},
		{"x-IE-en", at("x", "IE", "en", "")},
		{"google-GB-en-2025-09-01", at("gemini", "GB", "en", "2025-09-01")},
		{"google-GB-en-2025-09-02", at("gemini", "GB", "en", "2025-09-02")},
		{"spotify-DE-de", at("spotify", "DE", "de", "")},
		{"slack-GB-en", at("slack", "GB", "en", "")},
		{"linkedin-CA-en-2025-06-01", at("linkedin", "CA", "en", "2025-06-01")},
		{"linkedin-CA-en-2025-11-03", at("linkedin", "CA", "en", "2025-11-03")},
	}
}

// TestDirectoryGolden compares each case's text letter and form route with
// testdata/directory. Run `go test -update` to rewrite them, then read the
// diff.
func TestDirectoryGolden(t *testing.T) {
	g := generator(t)
	for _, tc := range directoryCases() {
		t.Run(tc.name, func(t *testing.T) {
			l, err := g.Generate(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			for f, ext := range map[objector.Format]string{objector.FormatText: ".txt", objector.FormatForm: ".form.txt"} {
				var buf bytes.Buffer
				if err := g.Render(&buf, l, f, objector.RenderOptions{}); err != nil {
					t.Fatal(err)
				}
				compareGolden(t, filepath.Join("testdata", "directory", tc.name+ext), buf.Bytes())
			}
		})
	}
}

// TestLinkedInCanadaBeforeTraining: a LinkedIn letter from Canada dated
// 2025-06-01 must not assert training that LinkedIn says began on
// 2025-11-03, nor ask to switch off a setting for it; one dated that day
// does.
func TestLinkedInCanadaBeforeTraining(t *testing.T) {
	g := generator(t)
	text := func(date string) string {
		req := person("CA", "en")
		req.AsOf = mustDate(date)
		l, err := g.Generate(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(l.Body, "\n")
	}
	before, after := text("2025-06-01"), text("2025-11-03")
	for _, s := range []string{"generative AI models. Insofar", "switch off the setting"} {
		if strings.Contains(before, s) {
			t.Errorf("letter of 2025-06-01 contains %q:\n%s", s, before)
		}
		if !strings.Contains(after, s) {
			t.Errorf("letter of 2025-11-03 lacks %q:\n%s", s, after)
		}
	}
	if !strings.Contains(before, "you do not use data of members in my region") {
		t.Errorf("letter of 2025-06-01 does not say LinkedIn excluded the region:\n%s", before)
	}
}
