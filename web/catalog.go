package web

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/objector/objector"
)

// msgPrefix starts the id of every message the page uses.
const msgPrefix = "web_"

// catalog holds what the page shows that does not depend on the request,
// per page language: its words, the names of the languages, the places and
// the companies to choose from. It is built once, in [New], and read-only
// afterwards.
type catalog struct {
	gen     *objector.Generator
	langs   []string // the languages with messages, in the bundle's order
	matcher language.Matcher
	tags    []language.Tag
	words   map[string]map[string]string // language → message id without the prefix → text
	names   []option                     // every language in its own name
	places  map[string][]option          // language → residence codes with names in it
	byName  map[string]string            // lower-case place name (any language) or code → code
	company []option                     // the directory's companies, by name
}

// option is one choice in a list: the value sent and the text shown.
type option struct {
	Value, Label, Lang string
}

// newCatalog prepares the page's catalog from gen's data.
func newCatalog(gen *objector.Generator) (*catalog, error) {
	b := gen.Messages()
	c := &catalog{gen: gen, langs: b.Languages(), words: map[string]map[string]string{}, places: map[string][]option{}, byName: map[string]string{}}
	for _, l := range c.langs {
		t, err := language.Parse(l)
		if err != nil {
			return nil, fmt.Errorf("language %q: %w", l, err)
		}
		c.tags = append(c.tags, t)
		c.names = append(c.names, option{Value: l, Label: display.Self.Name(t), Lang: l})
	}
	c.matcher = language.NewMatcher(c.tags)
	rules := gen.Rules()
	for i, l := range c.langs {
		loc, err := b.Localizer(l)
		if err != nil {
			return nil, err
		}
		w := map[string]string{}
		for _, id := range b.IDs(l) {
			if !strings.HasPrefix(id, msgPrefix) || strings.Contains(b.Message(l, id).Other, "{{") {
				continue
			}
			s, err := loc.T(id, nil)
			if err != nil {
				return nil, err
			}
			w[strings.TrimPrefix(id, msgPrefix)] = s
		}
		if len(w) == 0 {
			return nil, fmt.Errorf("language %q has no %s* messages", l, msgPrefix)
		}
		c.words[l] = w
		regions := display.Regions(c.tags[i])
		var places []option
		for _, code := range rules.Codes() {
			p, err := rules.Place(code)
			if err != nil {
				return nil, err
			}
			name := p.Name
			country, _, isSub := strings.Cut(code, "-")
			if r, err := language.ParseRegion(country); err == nil && regions != nil {
				if n := regions.Name(r); n != "" {
					if isSub {
						name = p.Name + " (" + n + ")"
					} else {
						name = n
					}
				}
			}
			places = append(places, option{Value: code, Label: name})
			c.byName[strings.ToLower(name)] = code
			c.byName[strings.ToLower(p.Name)] = code
			c.byName[strings.ToLower(code)] = code
		}
		coll := collate.New(c.tags[i])
		sort.SliceStable(places, func(a, b int) bool { return coll.CompareString(places[a].Label, places[b].Label) < 0 })
		c.places[l] = places
	}
	for _, rec := range gen.Controllers().Records() {
		c.company = append(c.company, option{Value: rec.ID, Label: rec.Name})
	}
	sort.Slice(c.company, func(a, b int) bool { return strings.ToLower(c.company[a].Label) < strings.ToLower(c.company[b].Label) })
	return c, nil
}

// pick returns the page language for r: the "ui" query or form value if
// it names one, else the best match for Accept-Language, else English.
func (c *catalog) pick(r *http.Request) string {
	if ui := r.FormValue("ui"); ui != "" {
		for _, l := range c.langs {
			if l == ui {
				return l
			}
		}
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err == nil && len(tags) > 0 {
		_, i, conf := c.matcher.Match(tags...)
		if conf >= language.High {
			return c.langs[i]
		}
	}
	return "en"
}

// residence returns the code for what a person typed in the residence
// field: a code, or a place's name as the list shows it.
func (c *catalog) residence(s string) string {
	s = strings.TrimSpace(s)
	if code, ok := c.byName[strings.ToLower(s)]; ok {
		return code
	}
	return s
}

// t renders the page message id (without its prefix) with data in lang,
// or in English should lang lack it (the tests rule that out).
func (c *catalog) t(lang, id string, data map[string]any) string {
	for _, l := range []string{lang, "en"} {
		if loc, err := c.gen.Messages().Localizer(l); err == nil {
			if s, err := loc.T(msgPrefix+id, data); err == nil {
				return s
			}
		}
	}
	return id
}
