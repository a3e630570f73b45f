package locales_test

import (
	"errors"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"
	"text/template/parse"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/objector/objector/locales"
	"github.com/objector/objector/pdf"
)

func bundle(t testing.TB) *locales.Bundle {
	t.Helper()
	b, err := locales.Default()
	if err != nil {
		t.Fatalf("embedded messages do not load: %v", err)
	}
	return b
}

func forms(m *i18n.Message) map[string]string {
	out := map[string]string{}
	for k, v := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two, "few": m.Few, "many": m.Many, "other": m.Other} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// placeholders returns the {{.Field}} names a message template uses.
func placeholders(t *testing.T, src string) []string {
	t.Helper()
	tmpl, err := template.New("m").Parse(src)
	if err != nil {
		t.Fatalf("message %q does not parse: %v", src, err)
	}
	seen := map[string]bool{}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.FieldNode:
			seen[n.Ident[0]] = true
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(tmpl.Tree.Root)
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestSameMessages checks every language against the English source: the
// same message ids, no extra ones, and the same placeholders in each.
func TestSameMessages(t *testing.T) {
	b := bundle(t)
	src := b.IDs(locales.Source)
	if len(src) < 50 {
		t.Fatalf("English has only %d messages; the source file did not load fully", len(src))
	}
	for _, lang := range b.Languages() {
		ids := map[string]bool{}
		for _, id := range b.IDs(lang) {
			ids[id] = true
		}
		for _, id := range src {
			if !ids[id] {
				t.Errorf("%s: message %q is missing", lang, id)
				continue
			}
			delete(ids, id)
			want := map[string]bool{}
			for _, s := range forms(b.Message(locales.Source, id)) {
				for _, p := range placeholders(t, s) {
					want[p] = true
				}
			}
			got := map[string]bool{}
			for _, s := range forms(b.Message(lang, id)) {
				for _, p := range placeholders(t, s) {
					got[p] = true
				}
			}
			// Count may be spelled out in one language's "one" form and
			// used in another's; every other placeholder must match.
			delete(want, "Count")
			delete(got, "Count")
			if strings.Join(keys(got), ",") != strings.Join(keys(want), ",") {
				t.Errorf("%s: message %q uses placeholders %v; English uses %v", lang, id, keys(got), keys(want))
			}
		}
		for id := range ids {
			t.Errorf("%s: message %q is not in the English source", lang, id)
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestPlurals renders every plural message with counts that reach every
// CLDR plural category, so a language that lacks a form it needs fails.
func TestPlurals(t *testing.T) {
	b := bundle(t)
	for _, lang := range b.Languages() {
		loc, err := b.Localizer(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range b.IDs(lang) {
			m := b.Message(lang, id)
			if m.One == "" && m.Few == "" && m.Many == "" && m.Two == "" && m.Zero == "" {
				continue
			}
			for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 11, 12, 15, 21, 22, 25, 45, 90, 100, 101, 102} {
				if _, err := loc.N(id, n, nil); err != nil {
					t.Errorf("%s: %s with count %d: %v", lang, id, n, err)
				}
			}
		}
	}
}

// TestMessageText checks what renderers rely on: no line breaks in a
// message (one message, one paragraph) and a glyph in the embedded font for
// every character.
func TestMessageText(t *testing.T) {
	b := bundle(t)
	r, err := pdf.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range b.Languages() {
		for _, id := range b.IDs(lang) {
			for form, s := range forms(b.Message(lang, id)) {
				if strings.ContainsAny(s, "\r\n") {
					t.Errorf("%s: %s (%s) contains a line break", lang, id, form)
				}
				if strings.TrimSpace(s) != s || s == "" {
					if !strings.HasSuffix(id, "separator") {
						t.Errorf("%s: %s (%s) is empty or has leading or trailing space", lang, id, form)
					}
				}
				if err := r.CheckText(s); err != nil {
					t.Errorf("%s: %s (%s): %v", lang, id, form, err)
				}
			}
		}
	}
}

// TestDates renders every month in every language.
func TestDates(t *testing.T) {
	b := bundle(t)
	for _, lang := range b.Languages() {
		loc, _ := b.Localizer(lang)
		for m := 1; m <= 12; m++ {
			d := jdate(2026, m, 24)
			s, err := loc.Date(d)
			if err != nil || !strings.Contains(s, "2026") || !strings.Contains(s, "24") {
				t.Errorf("%s: Date(%s) = %q, %v", lang, d.Format("2006-01-02"), s, err)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	b := bundle(t)
	tests := []struct {
		tag, want string
		exact     bool
	}{
		{"de", "de", true},
		{"de-AT", "de", false},
		{"DE-ch", "de", false},
		{"en-GB", "en", false},
	}
	for _, tt := range tests {
		got, exact, err := b.Match(tt.tag)
		if err != nil || got != tt.want || exact != tt.exact {
			t.Errorf("Match(%q) = %q, %v, %v; want %q, %v", tt.tag, got, exact, err, tt.want, tt.exact)
		}
	}
	for _, tag := range []string{"xx", "zh", "", "not a tag"} {
		if _, _, err := b.Match(tag); !errors.Is(err, locales.ErrUnsupportedLanguage) {
			t.Errorf("Match(%q) error = %v; want ErrUnsupportedLanguage", tag, err)
		}
	}
}

func TestMissingKeyIsError(t *testing.T) {
	loc, _ := bundle(t).Localizer("en")
	if _, err := loc.T("identify", map[string]any{"Name": "x"}); err == nil {
		t.Error("a message rendered without its data gave no error")
	}
	if _, err := loc.T("no_such_message", nil); err == nil {
		t.Error("a missing message gave no error")
	}
}

// TestLoadTopicFiles checks that a language's messages may be split into
// topic files and that an id defined twice is refused.
func TestLoadTopicFiles(t *testing.T) {
	en := "[hello]\nother = \"Hello\"\n"
	fsys := fstest.MapFS{
		"active.en.toml": &fstest.MapFile{Data: []byte(en)},
		"reply.en.toml":  &fstest.MapFile{Data: []byte("[bye]\nother = \"Bye\"\n")},
	}
	b, err := locales.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.IDs("en"); len(got) != 2 || got[0] != "bye" || got[1] != "hello" {
		t.Errorf("IDs(en) = %v, want [bye hello]", got)
	}
	fsys["more.en.toml"] = &fstest.MapFile{Data: []byte(en)}
	if _, err := locales.Load(fsys); err == nil || !strings.Contains(err.Error(), `"hello"`) {
		t.Errorf("Load with a duplicate id: err = %v, want one naming \"hello\"", err)
	}
}
