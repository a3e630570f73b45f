package templates

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/objector/objector/locales"
)

// placeholder matches a field a message or template reads: {{.Name}},
// {{.Due.In "loc"}}, {{ .Entity }}.
var placeholder = regexp.MustCompile(`\{\{-?\s*(?:[^}]*?\s)?\.([A-Z][A-Za-z]*)`)

// englishMessages returns every English message's text, by id.
func englishMessages(t *testing.T) map[string]string {
	t.Helper()
	b, err := locales.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, id := range b.IDs(locales.Source) {
		m := b.Message(locales.Source, id)
		out[id] = strings.Join([]string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other}, "\n")
	}
	return out
}

// letterMessages returns the English messages a letter can print: those
// whose id this package names (in a template or in its code), and the
// purposes, which it names by prefix.
func letterMessages(t *testing.T) map[string]string {
	t.Helper()
	all := englishMessages(t)
	var src strings.Builder
	err := fs.WalkDir(Data, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Data, path)
		src.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range goSources(t) {
		src.WriteString(p)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`"([a-z][a-z0-9_]*)"`).FindAllStringSubmatch(src.String(), -1) {
		if text, ok := all[m[1]]; ok {
			out[m[1]] = text
		}
	}
	for id, text := range all {
		if strings.HasPrefix(id, "purpose_") {
			out[id] = text
		}
	}
	if len(out) < 50 {
		t.Fatalf("found only %d letter messages", len(out))
	}
	return out
}

// goSources returns the package's Go code without its tests.
func goSources(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// TestFieldsBothWays cross-checks the placeholders of the letters' wording
// with the fields Compose provides, both ways: every placeholder a letter
// message uses is one of Fields (else that message fails or prints
// nothing in some letter), and every field is used by a message, a
// template or the code that builds forms (else it is computed for
// nothing). The locales tests hold every other language to English's
// placeholders.
func TestFieldsBothWays(t *testing.T) {
	known := map[string]bool{}
	for _, f := range Fields {
		known[f] = true
	}
	used := map[string]bool{}
	for id, text := range letterMessages(t) {
		for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
			used[m[1]] = true
			// Count is what Localizer.N gives a plural message.
			if !known[m[1]] && m[1] != "Count" {
				t.Errorf("message %s uses {{.%s}}, which Compose does not provide", id, m[1])
			}
		}
	}
	// Fields the code reads back, such as the form's company name.
	for _, src := range goSources(t) {
		for _, m := range regexp.MustCompile(`fields\["([A-Z][A-Za-z]*)"\]([^=]|==)`).FindAllStringSubmatch(src, -1) {
			used[m[1]] = true
		}
	}
	var unused []string
	for _, f := range Fields {
		if !used[f] {
			unused = append(unused, f)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("fields Compose provides that no letter message or code uses: %s", strings.Join(unused, ", "))
	}
}

// TestCutRankIDs: every message a form's free text may cut is a message
// id (a typo would make the message uncuttable without a word).
func TestCutRankIDs(t *testing.T) {
	msgs := englishMessages(t)
	for id := range cutRank {
		if _, ok := msgs[id]; !ok {
			t.Errorf("cutRank names %q, which is not a message id", id)
		}
	}
}
