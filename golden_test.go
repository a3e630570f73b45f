package objector_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/locales"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func generator(t testing.TB) *objector.Generator {
	t.Helper()
	g, err := objector.New(objector.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// languages returns every language that has messages.
func languages(t testing.TB) []string {
	t.Helper()
	b, err := locales.Default()
	if err != nil {
		t.Fatal(err)
	}
	return b.Languages()
}

// mustDate returns the time of a date written as 2006-01-02.
func mustDate(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

type goldenCase struct {
	name string
	req  objector.Request
}

func person(residence, lang string) objector.Request {
	return objector.Request{
		Controller: "linkedin",
		Residence:  residence,
		Lang:       lang,
		Name:       "Erika Mustermann",
		Email:      "erika@example.org",
		Address:    []string{"Musterstraße 1", "10115 Berlin"},
		AsOf:       mustDate("2026-11-24"),
	}
}

// goldenCases are the letters whose text is kept in testdata/golden: each
// letter kind in every language, and the cases where law or company facts
// change the text.
func goldenCases(t testing.TB) []goldenCase {
	var cases []goldenCase
	for _, lang := range languages(t) {
		cases = append(cases,
			goldenCase{"objection-DE-" + lang, person("DE", lang)},
			goldenCase{"optout-US-CA-" + lang, person("US-CA", lang)},
			goldenCase{"courtesy-US-NY-" + lang, person("US-NY", lang)},
		)
	}
	all := person("DE", "en")
	all.Purposes = []string{"ai-training", "ml", "ads", "profiling"}
	all.Account = "https://www.linkedin.com/in/erika-mustermann"
	all.Reason = "I am a job seeker and my profile describes a health condition."
	excluded := person("FR", "en")
	excluded.AsOf = mustDate("2025-06-02")
	uk := person("GB", "en")
	ch := person("CH", "de")
	br := person("BR", "en")
	br.Reason = "LinkedIn did not tell me clearly and in advance that it would use my profile to train AI models, as the LGPD's transparency principle requires."
	jp := person("JP", "en")
	jp.Reason = "My profile and posts were shared to find work, and using them to train models may harm my rights and legitimate interests."
	caAll := person("US-CA", "en")
	caAll.Purposes = []string{"ai-training", "ads", "profiling"}
	custom := person("DE", "de")
	custom.Controller = ""
	custom.Company = &objector.Company{Name: "Beispiel GmbH", Address: []string{"Hauptstraße 1", "10115 Berlin"}, Email: "datenschutz@example.com"}
	cases = append(cases,
		goldenCase{"objection-DE-en-all-purposes", all},
		goldenCase{"objection-FR-en-before-eu-training", excluded},
		goldenCase{"objection-GB-en", uk},
		goldenCase{"objection-CH-de", ch},
		goldenCase{"objection-BR-en", br},
		goldenCase{"objection-JP-en", jp},
		goldenCase{"objection-ZA-en", person("ZA", "en")},
		goldenCase{"objection-TR-en", person("TR", "en")},
		goldenCase{"objection-CA-QC-fr", person("CA-QC", "fr")},
		goldenCase{"optout-US-CA-en-profiling", caAll},
		goldenCase{"objection-DE-de-custom-company", custom},
	)
	return cases
}

// TestGolden compares each golden letter as plain text, and the first one
// also as JSON. Run `go test -update` to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	g := generator(t)
	cases := goldenCases(t)
	if len(cases) < 10 {
		t.Fatalf("only %d golden cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l, err := g.Generate(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := g.Render(&buf, l, objector.FormatText, objector.RenderOptions{}); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join("testdata", "golden", tc.name+".txt"), buf.Bytes())
			if tc.name == "objection-DE-en-all-purposes" {
				buf.Reset()
				if err := g.Render(&buf, l, objector.FormatJSON, objector.RenderOptions{}); err != nil {
					t.Fatal(err)
				}
				compareGolden(t, filepath.Join("testdata", "golden", tc.name+".json"), buf.Bytes())
			}
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run go test -update and read the diff): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update and read the diff)\n--- got ---\n%s", path, got)
	}
}

// pdfTools returns whether pdftotext and qpdf are installed; it skips the
// test when they are not, unless OBJECTOR_REQUIRE_PDFTOOLS=1 (as in CI).
func pdfTools(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "qpdf"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS") == "1" {
				t.Fatalf("%s is required (OBJECTOR_REQUIRE_PDFTOOLS=1) but missing: install poppler-utils and qpdf", tool)
			}
			t.Skipf("%s not installed; install poppler-utils and qpdf to run the PDF checks", tool)
		}
	}
}

// words normalizes text for comparison: every run of white space,
// including no-break spaces, becomes one space.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\f'
	}), " ")
}

// TestPDFRoundTrip renders the objection in every language as PDF and
// reads it back with pdftotext, an independent reader: every paragraph
// must come back exactly, in every script, and qpdf --check must pass.
func TestPDFRoundTrip(t *testing.T) {
	pdfTools(t)
	g := generator(t)
	dir := t.TempDir()
	for _, lang := range languages(t) {
		t.Run(lang, func(t *testing.T) {
			l, err := g.Generate(context.Background(), person("DE", lang))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, lang+".pdf")
			var buf bytes.Buffer
			if err := g.Render(&buf, l, objector.FormatPDF, objector.RenderOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text := words(bodyText(t, l, string(out)))
			want := append([]string{l.Subject, l.Salutation, l.Closing, l.Signature, l.Recipient.Name, l.DateText}, l.Body...)
			want = append(want, l.Recipient.Address...)
			for _, p := range want {
				if !strings.Contains(text, words(p)) {
					t.Errorf("pdftotext output lacks %q", words(p))
				}
			}
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
}

// bodyText removes what a PDF adds on each page (the running header and
// the "Page N of M" footer) so that paragraphs broken across pages read
// as one.
func bodyText(t *testing.T, l *objector.Letter, text string) string {
	t.Helper()
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	label := template.Must(template.New("page").Parse(l.Labels["page"]))
	var kept []string
	for i, page := range pages {
		var footer strings.Builder
		if err := label.Execute(&footer, map[string]any{"Page": i + 1, "Pages": len(pages)}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(page, "\n") {
			trimmed := strings.TrimSpace(line)
			if words(trimmed) == words(footer.String()) || (i > 0 && strings.HasPrefix(trimmed, l.Sender.Name+" · ")) {
				continue
			}
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

// TestDeterministic renders the same letter twice in every format and
// expects the same bytes.
func TestDeterministic(t *testing.T) {
	g := generator(t)
	for _, f := range objector.Formats() {
		var out [2][]byte
		for i := range out {
			l, err := g.Generate(context.Background(), person("DE", "de"))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := g.Render(&buf, l, f, objector.RenderOptions{}); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out[i] = buf.Bytes()
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Errorf("format %s: two renders of the same letter differ", f)
		}
	}
}
