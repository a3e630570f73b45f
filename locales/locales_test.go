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
			base, _, form := strings.Cut(id, locales.FormSep)
			if !form || b.Message(locales.Source, base) == nil {
				t.Errorf("%s: message %q is not in the English source", lang, id)
				continue
			}
			// A case form takes the placeholders of its message.
			want := placeholders(t, b.Message(locales.Source, base).Other)
			if got := placeholders(t, b.Message(lang, id).Other); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s: case form %q uses placeholders %v; %q uses %v", lang, id, got, base, want)
			}
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
		{"de-LI", "de", false},
		{"pt-PT", "pt", false},
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

// TestVariant checks that a regional variant holds only what differs and
// takes every other message from its language.
func TestVariant(t *testing.T) {
	fsys := fstest.MapFS{
		"active.en.toml":    &fstest.MapFile{Data: []byte("hello = \"Hello\"\nmonth_1 = \"January\"\n")},
		"active.de.toml":    &fstest.MapFile{Data: []byte("hello = \"Hallo\"\nmonth_1 = \"Januar\"\n")},
		"active.de-AT.toml": &fstest.MapFile{Data: []byte("month_1 = \"Jänner\"\n")},
	}
	b, err := locales.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, exact, err := b.Match("de-AT"); got != "de-AT" || !exact || err != nil {
		t.Errorf("Match(de-AT) = %q, %v, %v; want de-AT, exact", got, exact, err)
	}
	loc, err := b.Localizer("de-AT")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"hello": "Hallo", "month_1": "Jänner"} {
		if got, err := loc.T(id, nil); got != want || err != nil {
			t.Errorf("de-AT %s = %q, %v; want %q", id, got, err, want)
		}
	}
	if got := b.IDs("de-AT"); len(got) != 2 {
		t.Errorf("IDs(de-AT) = %v; want both messages", got)
	}
	delete(fsys, "active.de.toml")
	if _, err := locales.Load(fsys); err == nil {
		t.Error("a variant without its language loaded")
	}
}

// TestCaseForms checks that every case form a message asks for
// ({{.Due.In "loc"}}) exists in its language: for a date as
// date_format__loc, for a citation as cite_<instrument>__loc of every
// instrument the language cites in its own style.
func TestCaseForms(t *testing.T) {
	b := bundle(t)
	dates := map[string]bool{"Due": true, "SentDate": true, "OriginalDue": true}
	var instruments []string
	for _, id := range b.IDs(locales.Source) {
		if strings.HasPrefix(id, "cite_") && !strings.Contains(id, locales.FormSep) {
			instruments = append(instruments, id)
		}
	}
	for _, lang := range b.Languages() {
		for _, id := range b.IDs(lang) {
			for _, src := range forms(b.Message(lang, id)) {
				for _, u := range formUses(t, src) {
					field, form := u[0], u[1]
					var need []string
					if dates[field] {
						need = []string{"date_format"}
					} else if strings.HasSuffix(field, "Cite") {
						need = instruments
					} else {
						t.Errorf("%s: %s asks for form %q of %s, which has no case forms", lang, id, form, field)
					}
					for _, n := range need {
						if b.Message(lang, n+locales.FormSep+form) == nil {
							t.Errorf("%s: %s uses {{.%s.In %q}}, but %s%s%s is missing", lang, id, field, form, n, locales.FormSep, form)
						}
					}
				}
			}
		}
	}
}

// formUses returns the {{.Field.In "form"}} calls of a message as
// [field, form] pairs.
func formUses(t *testing.T, src string) [][2]string {
	t.Helper()
	tmpl, err := template.New("m").Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
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
			for _, c := range n.Pipe.Cmds {
				if len(c.Args) == 2 {
					f, ok := c.Args[0].(*parse.FieldNode)
					s, ok2 := c.Args[1].(*parse.StringNode)
					if ok && ok2 && len(f.Ident) == 2 && f.Ident[1] == "In" {
						out = append(out, [2]string{f.Ident[0], s.Text})
					}
				}
			}
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(tmpl.Tree.Root)
	return out
}

// TestNoColonBeforeReason checks that no message introduces the person's
// own grounds with a colon: the reason is their sentence, starting with a
// capital, and after a colon most languages continue in lowercase. A full
// sentence introduces it instead.
func TestNoColonBeforeReason(t *testing.T) {
	b := bundle(t)
	for _, lang := range b.Languages() {
		for _, id := range b.IDs(lang) {
			for _, s := range forms(b.Message(lang, id)) {
				if strings.Contains(strings.ReplaceAll(s, "\u00a0", " "), ": {{.Reason}}") {
					t.Errorf("%s: %s introduces {{.Reason}} with a colon: %q", lang, id, s)
				}
			}
		}
	}
}
