// Package locales holds objector's messages, one go-i18n file per language
// (active.<lang>.toml, English the hand-written source), and the
// [Localizer] that renders them: messages with their data, dates, lists,
// counted periods and legal citations the way each language writes them.
//
// A regional variant (active.de-CH.toml) holds only the messages that
// differ from its language (de); the others are taken from it.
//
// A language that inflects dates or citations adds their case forms as
// messages "<id>__<form>" (date_format__loc, month_9__loc,
// cite_gdpr__gen); a message then writes {{.Due.In "loc"}} where English
// writes {{.Due}}. See [Inflected].
//
// A [Bundle] is built once per process ([Default] or [Load]) and is
// read-only afterwards. A message that is missing in a language, or that
// refers to data the caller did not give, is an error, never fallback text.
package locales

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

//go:embed *.toml
var embedded embed.FS

// Data is the embedded message files. Pass another fs.FS holding
// <topic>.<lang>.toml files to [Load] to use messages of your own.
var Data fs.FS = embedded

// Source is the language every other message file is checked against.
const Source = "en"

// ErrUnsupportedLanguage is matched (with errors.Is) by every
// [*UnsupportedLanguageError].
var ErrUnsupportedLanguage = errors.New("unsupported language")

// UnsupportedLanguageError reports a language without messages, with the
// languages that have them.
type UnsupportedLanguageError struct {
	Lang      string
	Available []string
}

// Error names the language and the languages that have messages.
func (e *UnsupportedLanguageError) Error() string {
	return fmt.Sprintf("no messages in language %q (available: %s)", e.Lang, strings.Join(e.Available, ", "))
}

// Is reports whether target is [ErrUnsupportedLanguage].
func (e *UnsupportedLanguageError) Is(target error) bool { return target == ErrUnsupportedLanguage }

// parser executes every message with missingkey=error. It has no Funcs, so
// go-i18n caches what it parses.
var parser = &template.TextParser{Option: "missingkey=error"}

// Bundle is a read-only set of messages in several languages.
type Bundle struct {
	bundle  *i18n.Bundle
	langs   []string // sorted
	tags    []language.Tag
	matcher language.Matcher
	ids     map[string][]string // language → sorted message ids
	msgs    map[string]map[string]*i18n.Message
	// plain holds, per language, the messages whose "other" form is only
	// text and {{.Field}} placeholders, split into pieces; T renders them
	// without go-i18n and text/template (see Localizer.plainT).
	plain map[string]map[string][]piece
	// forms holds, per language, the case forms of each message that has
	// them: "date_format" → ["gen", "loc"] for date_format__gen and
	// date_format__loc.
	forms map[string]map[string][]string
	// locs holds one Localizer per language, made once.
	locs map[string]*Localizer
}

// FormSep separates a message id from the name of a case form:
// "date_format__loc" is the locative form of "date_format".
const FormSep = "__"

// piece is literal text, or (field != "") a {{.Field}} placeholder.
type piece struct{ text, field string }

// plainPieces splits src into pieces if it is only text and {{.Field}}
// actions, as text/template parses it; ok is false for anything else
// (conditionals, functions, pipes), which go-i18n renders.
func plainPieces(src string) (pieces []piece, ok bool) {
	t, err := texttemplate.New("").Option("missingkey=error").Parse(src)
	if err != nil || t.Tree == nil || t.Tree.Root == nil {
		return nil, false
	}
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			pieces = append(pieces, piece{text: string(n.Text)})
		case *parse.ActionNode:
			p := n.Pipe
			if p == nil || p.IsAssign || len(p.Decl) != 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
				return nil, false
			}
			f, isField := p.Cmds[0].Args[0].(*parse.FieldNode)
			if !isField || len(f.Ident) != 1 {
				return nil, false
			}
			pieces = append(pieces, piece{field: f.Ident[0]})
		default:
			return nil, false
		}
	}
	return pieces, true
}

// Load builds a bundle from the <topic>.<lang>.toml files in fsys, such
// as active.de.toml and reply.de.toml: a language's messages may be split
// by topic, and an id may stand in only one of its files. The English
// active.en.toml must be present; English is the source the others are
// checked against by the tests.
func Load(fsys fs.FS) (*Bundle, error) {
	files, err := fs.Glob(fsys, "*.*.toml")
	if err != nil {
		return nil, err
	}
	b := &Bundle{
		bundle: i18n.NewBundle(language.English),
		ids:    map[string][]string{},
		msgs:   map[string]map[string]*i18n.Message{},
		plain:  map[string]map[string][]piece{},
		forms:  map[string]map[string][]string{},
		locs:   map[string]*Localizer{},
	}
	b.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		mf, err := b.bundle.ParseMessageFileBytes(data, path.Base(name))
		if err != nil {
			return nil, fmt.Errorf("locales: %s: %w", name, err)
		}
		lang := mf.Tag.String()
		base := strings.TrimSuffix(path.Base(name), ".toml")
		if want := base[strings.IndexByte(base, '.')+1:]; lang != want {
			return nil, fmt.Errorf("locales: %s: language tag %q must be written as %q", name, want, lang)
		}
		m := b.msgs[lang]
		plain := b.plain[lang]
		if m == nil {
			m = map[string]*i18n.Message{}
			plain = map[string][]piece{}
			b.msgs[lang] = m
			b.plain[lang] = plain
			b.langs = append(b.langs, lang)
		}
		for _, msg := range mf.Messages {
			if _, dup := m[msg.ID]; dup {
				return nil, fmt.Errorf("locales: %s: message %q is defined in another %s file too", name, msg.ID, lang)
			}
			m[msg.ID] = msg
			b.ids[lang] = append(b.ids[lang], msg.ID)
			if msg.Other != "" && msg.LeftDelim == "" && msg.RightDelim == "" {
				if p, ok := plainPieces(msg.Other); ok {
					plain[msg.ID] = p
				}
			}
		}
		sort.Strings(b.ids[lang])
	}
	if b.msgs[Source] == nil {
		return nil, fmt.Errorf("locales: active.%s.toml is missing", Source)
	}
	if err := b.inherit(); err != nil {
		return nil, err
	}
	sort.Strings(b.langs)
	for _, lang := range b.langs {
		f := map[string][]string{}
		for _, id := range b.ids[lang] { // sorted, so the forms are too
			if base, form, ok := strings.Cut(id, FormSep); ok {
				f[base] = append(f[base], form)
			}
		}
		b.forms[lang] = f
	}
	// English first, so the matcher falls back to it only when asked to.
	b.tags = append(b.tags, language.English)
	for _, l := range b.langs {
		if l != Source {
			b.tags = append(b.tags, language.MustParse(l))
		}
	}
	b.matcher = language.NewMatcher(b.tags)
	for _, l := range b.langs {
		b.locs[l] = &Localizer{lang: l, bundle: b, loc: i18n.NewLocalizer(b.bundle, l), plain: b.plain[l]}
	}
	return b, nil
}

// inherit gives each regional variant (de-CH) the messages of its
// language (de) that it does not define itself.
func (b *Bundle) inherit() error {
	for _, lang := range b.langs {
		parent, _, regional := strings.Cut(lang, "-")
		if !regional {
			continue
		}
		pm := b.msgs[parent]
		if pm == nil {
			return fmt.Errorf("locales: %s is a variant of %s, which has no messages", lang, parent)
		}
		tag := language.MustParse(lang)
		var add []*i18n.Message
		for id, msg := range pm {
			if _, own := b.msgs[lang][id]; own {
				continue
			}
			b.msgs[lang][id] = msg
			b.ids[lang] = append(b.ids[lang], id)
			if p, ok := b.plain[parent][id]; ok {
				b.plain[lang][id] = p
			}
			add = append(add, msg)
		}
		if err := b.bundle.AddMessages(tag, add...); err != nil {
			return fmt.Errorf("locales: %s: %w", lang, err)
		}
		sort.Strings(b.ids[lang])
	}
	return nil
}

// Parent returns the language a regional variant falls back to ("de" for
// "de-CH"), or "" for a language that is not a variant.
func Parent(lang string) string {
	parent, _, ok := strings.Cut(lang, "-")
	if !ok {
		return ""
	}
	return parent
}

var defaultBundle = sync.OnceValues(func() (*Bundle, error) { return Load(Data) })

// Default returns the bundle of embedded messages, built once per process.
func Default() (*Bundle, error) { return defaultBundle() }

// Languages returns the languages that have messages, sorted.
func (b *Bundle) Languages() []string { return append([]string(nil), b.langs...) }

// IDs returns the message ids of lang, sorted.
func (b *Bundle) IDs(lang string) []string { return append([]string(nil), b.ids[lang]...) }

// Message returns the raw message lang has for id, or nil.
func (b *Bundle) Message(lang, id string) *i18n.Message { return b.msgs[lang][id] }

// Match returns the supported language that serves tag: "de-LI" finds
// "de", "pt-PT" finds "pt", "de-CH" its own variant. exact reports whether tag named that language
// itself. It returns an [*UnsupportedLanguageError] when no language
// serves tag; it never falls back to English silently.
func (b *Bundle) Match(tag string) (lang string, exact bool, err error) {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return "", false, &UnsupportedLanguageError{Lang: tag, Available: b.Languages()}
	}
	if _, ok := b.msgs[t.String()]; ok {
		return t.String(), true, nil
	}
	_, i, conf := b.matcher.Match(t)
	if conf < language.High {
		return "", false, &UnsupportedLanguageError{Lang: tag, Available: b.Languages()}
	}
	return b.tags[i].String(), false, nil
}

// Localizer returns the localizer for lang, which must name a language
// with messages exactly (use [Bundle.Match] first for tags like "de-AT").
func (b *Bundle) Localizer(lang string) (*Localizer, error) {
	l, ok := b.locs[lang]
	if !ok {
		return nil, &UnsupportedLanguageError{Lang: lang, Available: b.Languages()}
	}
	return l, nil
}

// Localizer renders messages in one language. It is safe for concurrent
// use.
type Localizer struct {
	lang   string
	bundle *Bundle
	loc    *i18n.Localizer
	plain  map[string][]piece // read-only; see Bundle.plain
	// memo holds the results of Cite and of N without data, which depend
	// only on their arguments: letters cite the same few articles and
	// count the same few periods again and again.
	memo memo
}

// Forms returns the names of the case forms lang has for message id
// (the "gen" of "cite_gdpr__gen"), sorted.
func (b *Bundle) Forms(lang, id string) []string {
	return append([]string(nil), b.forms[lang][id]...)
}

// memo is a concurrent map of rendered messages, bounded so that a
// long-running process calling Cite with ever new citations does not grow
// without limit (past the bound, results are simply not kept).
type memo struct {
	m sync.Map // memoKey → string
	n atomic.Int64
}

const memoLimit = 4096

type memoKey struct {
	id    string
	count int
	cite  Citation
}

func (m *memo) get(k memoKey) (any, bool) {
	return m.m.Load(k)
}

func (m *memo) put(k memoKey, s any) {
	if m.n.Load() < memoLimit {
		if _, loaded := m.m.LoadOrStore(k, s); !loaded {
			m.n.Add(1)
		}
	}
}

// Lang returns the localizer's language.
func (l *Localizer) Lang() string { return l.lang }

// Has reports whether the language has a message with this id.
func (l *Localizer) Has(id string) bool { return l.bundle.msgs[l.lang][id] != nil }

// T renders message id with data (a map from placeholder names to values).
// It returns an error if the message is missing in this language or uses a
// placeholder data does not hold.
func (l *Localizer) T(id string, data map[string]any) (string, error) {
	if p, ok := l.plain[id]; ok {
		if s, ok := plainT(p, data); ok {
			return s, nil
		}
	}
	return l.localize(id, data, nil)
}

// plainT renders a plain message (text and {{.Field}} placeholders) as
// text/template would, for string and int values. It reports false for a
// missing key or another type of value: go-i18n then renders the message
// and reports the error, so errors read the same on both paths.
func plainT(pieces []piece, data map[string]any) (string, bool) {
	if len(pieces) == 1 && pieces[0].field == "" {
		return pieces[0].text, true
	}
	var buf [256]byte
	out := buf[:0]
	for _, p := range pieces {
		if p.field == "" {
			out = append(out, p.text...)
			continue
		}
		switch v := data[p.field].(type) {
		case string:
			out = append(out, v...)
		case int:
			out = strconv.AppendInt(out, int64(v), 10)
		default: // missing (nil), or a type text/template may print otherwise
			return "", false
		}
	}
	return string(out), true
}

// N renders the plural form of message id for count, with data; the count
// is available to the message as {{.Count}}.
func (l *Localizer) N(id string, count int, data map[string]any) (string, error) {
	if len(data) == 0 {
		k := memoKey{id: id, count: count}
		if s, ok := l.memo.get(k); ok {
			return s.(string), nil
		}
		s, err := l.localize(id, map[string]any{"Count": count}, count)
		if err == nil {
			l.memo.put(k, s)
		}
		return s, err
	}
	d := make(map[string]any, len(data)+1)
	for k, v := range data {
		d[k] = v
	}
	d["Count"] = count
	return l.localize(id, d, count)
}

func (l *Localizer) localize(id string, data map[string]any, count any) (string, error) {
	if !l.Has(id) {
		return "", fmt.Errorf("locales: message %q is missing in %q", id, l.lang)
	}
	s, _, err := l.loc.LocalizeWithTag(&i18n.LocalizeConfig{
		MessageID:      id,
		TemplateData:   data,
		PluralCount:    count,
		TemplateParser: parser,
	})
	if err != nil {
		return "", fmt.Errorf("locales: %s: message %q: %w", l.lang, id, err)
	}
	return s, nil
}

// Date writes d as the language writes dates in letters ("24 November
// 2026", "24. November 2026").
func (l *Localizer) Date(d time.Time) (string, error) {
	return l.date(d, "")
}

// date writes d in a case form ("" for the basic form): the message
// date_format__<form> with the month's form month_<n>__<form> where the
// language has one.
func (l *Localizer) date(d time.Time, form string) (string, error) {
	suffix := ""
	if form != "" {
		suffix = FormSep + form
	}
	monthID := fmt.Sprintf("month_%d", int(d.Month()))
	if form != "" && l.Has(monthID+suffix) {
		monthID += suffix
	}
	month, err := l.T(monthID, nil)
	if err != nil {
		return "", err
	}
	return l.T("date_format"+suffix, map[string]any{"Day": d.Day(), "Month": month, "MonthNumber": fmt.Sprintf("%02d", int(d.Month())), "Year": d.Year()})
}

// DateForms writes d in its basic form and in every case form the
// language defines (date_format__<form>).
func (l *Localizer) DateForms(d time.Time) (Inflected, error) {
	base, err := l.date(d, "")
	if err != nil {
		return Inflected{}, err
	}
	x := Inflected{Base: base}
	for _, form := range l.bundle.forms[l.lang]["date_format"] {
		s, err := l.date(d, form)
		if err != nil {
			return Inflected{}, err
		}
		x.setForm(form, s)
	}
	return x, nil
}

// Inflected is a text with the case forms its language needs: a date or a
// citation that a sentence must put in the genitive or locative. In a
// message it prints its basic form ({{.Due}}); {{.Due.In "loc"}} prints
// the form "loc".
type Inflected struct {
	Base  string
	Forms map[string]string // form name → text; nil for text that is not inflected
}

// String returns the basic form.
func (x Inflected) String() string { return x.Base }

// In returns the form with this name, or the basic form where the text has
// no such form (a US statute is cited alike in every case; the tests check
// that every form a message asks for exists for every instrument).
func (x Inflected) In(form string) string {
	if s, ok := x.Forms[form]; ok {
		return s
	}
	return x.Base
}

// Map returns a copy of x with f applied to every form.
func (x Inflected) Map(f func(string) string) Inflected {
	out := Inflected{Base: f(x.Base)}
	for k, v := range x.Forms {
		out.setForm(k, f(v))
	}
	return out
}

func (x *Inflected) setForm(form, s string) {
	if x.Forms == nil {
		x.Forms = map[string]string{}
	}
	x.Forms[form] = s
}

// List joins items the way the language writes a list ("a, b and c").
func (l *Localizer) List(items []string) (string, error) {
	switch len(items) {
	case 0:
		return "", nil
	case 1:
		return items[0], nil
	}
	sep, err := l.T("list_separator", nil)
	if err != nil {
		return "", err
	}
	last, err := l.T("list_final_separator", nil)
	if err != nil {
		return "", err
	}
	return strings.Join(items[:len(items)-1], sep) + last + items[len(items)-1], nil
}

// Citation is the part of a legal citation a language can render its own
// way: the instrument ("gdpr") and the article, paragraph and point.
type Citation struct {
	Text       string // the canonical English citation, used where the language has no style of its own
	Instrument string
	Article    string
	Paragraph  string
	Point      string
}

// Cite renders c in the language's style when the source language has a
// message "cite_<instrument>" ("Art. 21 Abs. 1 DSGVO"), and returns c.Text
// otherwise (US statutes are cited the same way in every language).
func (l *Localizer) Cite(c Citation) (string, error) {
	if c.Instrument == "" {
		return c.Text, nil
	}
	id := "cite_" + strings.ReplaceAll(c.Instrument, "-", "_")
	if l.bundle.msgs[Source][id] == nil {
		return c.Text, nil
	}
	x, err := l.CiteForms(c)
	return x.Base, err
}

// CiteForms renders c like [Localizer.Cite], in the basic form and in
// every case form the language defines for its instrument
// (cite_gdpr__gen).
func (l *Localizer) CiteForms(c Citation) (Inflected, error) {
	if c.Instrument == "" {
		return Inflected{Base: c.Text}, nil
	}
	id := "cite_" + strings.ReplaceAll(c.Instrument, "-", "_")
	if l.bundle.msgs[Source][id] == nil {
		return Inflected{Base: c.Text}, nil
	}
	k := memoKey{id: id, cite: c}
	if x, ok := l.memo.get(k); ok {
		return x.(Inflected), nil
	}
	data := map[string]any{"Article": c.Article, "Paragraph": c.Paragraph, "Point": c.Point}
	base, err := l.T(id, data)
	if err != nil {
		return Inflected{}, err
	}
	x := Inflected{Base: base}
	for _, form := range l.bundle.forms[l.lang][id] {
		s, err := l.T(id+FormSep+form, data)
		if err != nil {
			return Inflected{}, err
		}
		x.setForm(form, s)
	}
	l.memo.put(k, x)
	return x, nil
}
