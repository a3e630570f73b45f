// Package templates composes letters. It takes what the law allows (a
// jurisdiction.Assessment), who is responsible (a controllers.Entity), who
// writes and what they object to, and builds a [letter.Letter] from
// localized messages.
//
// Each letter kind is a text/template file embedded in the package
// (objection.tmpl, optout.tmpl, courtesy.tmpl) that defines a "subject" and
// a "body"; every line the body produces is one paragraph, and every
// sentence comes from the locales package. The templates decide which
// paragraphs a letter has; the messages decide their words.
package templates

import (
	"crypto/sha256"
	"embed"
	"encoding/base32"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
	"github.com/objector/objector/locales"
)

//go:embed *.tmpl
var embedded embed.FS

// Data is the embedded templates, one <kind>.tmpl per letter kind.
var Data fs.FS = embedded

// The letter kinds.
const (
	KindObjection = "objection" // GDPR-like regimes
	KindOptOut    = "optout"    // US state laws
	KindCourtesy  = "courtesy"  // no statutory right
)

// Kinds lists the kinds every template set must define.
var Kinds = []string{KindObjection, KindOptOut, KindCourtesy, KindReminder, KindComplaint, KindReply}

// ErrInvalidInput is wrapped by errors about the person's input, such as a
// missing name.
var ErrInvalidInput = errors.New("invalid input")

// Set is a parsed, read-only set of letter templates. It is safe for
// concurrent use.
type Set struct {
	kinds map[string]*template.Template
}

// Load parses the templates in fsys: one <kind>.tmpl per kind in [Kinds],
// each defining "subject" and "body".
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{kinds: map[string]*template.Template{}}
	for _, kind := range Kinds {
		src, err := fs.ReadFile(fsys, kind+".tmpl")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		t, err := template.New(kind).Option("missingkey=error").Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("templates: %s.tmpl: %w", kind, err)
		}
		for _, name := range []string{"subject", "body"} {
			if t.Lookup(name) == nil {
				return nil, fmt.Errorf("templates: %s.tmpl does not define %q", kind, name)
			}
		}
		s.kinds[kind] = t
	}
	return s, nil
}

var defaultSet = sync.OnceValues(func() (*Set, error) { return Load(Data) })

// Default returns the embedded templates, parsed once per process.
func Default() (*Set, error) { return defaultSet() }

// Input is everything a letter is composed from.
type Input struct {
	Assessment *jurisdiction.Assessment
	// Company is the directory record; nil for a company the user
	// describes on the command line.
	Company *controllers.Record
	Entity  *controllers.Entity
	Sender  letter.Party
	// Purposes are the uses objected to, from controllers.Purposes. Nil
	// means the default: generative-AI training, or, where the company
	// says it does not train on the person's region, its other machine
	// learning.
	Purposes []string
	// Reason gives the person's own grounds for a GDPR objection; empty
	// means the default text.
	Reason string
	// Also asks for more alongside an objection: "access" adds a request
	// for access where the law grants one.
	Also []string
	// Agent, if not nil, sends the letter on Sender's behalf: it becomes
	// the letter's sender (with OnBehalfOf set), the body states its
	// authority and the mandate is listed as an enclosure.
	Agent *letter.Party
	// Kind is the letter kind; empty means the one the regime calls for
	// (see KindFor). KindReminder and KindComplaint need Followup.
	Kind string
	// Followup describes the request a reminder or complaint follows up.
	Followup  *Followup
	Date      jurisdiction.Date
	Localizer *locales.Localizer
}

// KindFor returns the letter kind for a regime.
func KindFor(r jurisdiction.Regime) string {
	switch r {
	case jurisdiction.RegimeNone:
		return KindCourtesy
	case jurisdiction.RegimeUSState:
		return KindOptOut
	}
	return KindObjection
}

func hasRight(a *jurisdiction.Assessment, id string) bool {
	_, ok := a.Right(id)
	return ok
}

// Compose builds the letter for in. It returns an error wrapping
// [ErrInvalidInput] when the sender's name or email is missing or a purpose
// is unknown.
func (s *Set) Compose(in Input) (*letter.Letter, error) {
	if strings.TrimSpace(in.Sender.Name) == "" {
		return nil, fmt.Errorf("%w: the sender's name is missing", ErrInvalidInput)
	}
	if strings.TrimSpace(in.Sender.Email) == "" {
		return nil, fmt.Errorf("%w: the sender's email is missing", ErrInvalidInput)
	}
	if in.Assessment == nil || in.Entity == nil || in.Localizer == nil {
		return nil, errors.New("templates: Compose needs an assessment, an entity and a localizer")
	}
	a, loc := in.Assessment, in.Localizer
	kind := KindFor(a.Regime)
	if kind == KindObjection && !hasRight(a, jurisdiction.RightObject) && !hasRight(a, jurisdiction.RightWithdrawConsent) {
		// A law with neither a right to object nor consent to withdraw
		// (Australia's Privacy Act) gives the person nothing to claim
		// against the use: the letter can only ask.
		kind = KindCourtesy
	}
	if in.Kind != "" {
		if _, ok := s.kinds[in.Kind]; !ok {
			return nil, fmt.Errorf("templates: unknown letter kind %q", in.Kind)
		}
		kind = in.Kind
	}

	var ai *controllers.AITraining
	if in.Company != nil {
		ai = in.Company.AIAt(a.Region, a.Residence, in.Date)
	}
	purposes := in.Purposes
	if purposes == nil {
		purposes = []string{"ai-training"}
		if ai != nil && ai.Status == controllers.AIExcluded {
			purposes = []string{"ml"}
		}
	}
	v, err := newView(in, kind, purposes, ai)
	if err != nil {
		return nil, err
	}
	if kind == KindReminder || kind == KindComplaint || kind == KindReply {
		if err := v.followup(in, kind); err != nil {
			return nil, err
		}
	}
	if kind == KindReply {
		if err := v.reply(in); err != nil {
			return nil, err
		}
	}
	t := s.kinds[kind]
	subject, err := execute(t, "subject", v)
	if err != nil {
		return nil, err
	}
	v.used = nil // a form's free text ranks the body's messages only
	body, err := execute(t, "body", v)
	if err != nil {
		return nil, err
	}
	var paras []string
	for _, line := range strings.Split(body, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			paras = append(paras, line)
		}
	}
	l := &letter.Letter{
		Kind:      kind,
		Lang:      loc.Lang(),
		Date:      in.Date.Time,
		DateISO:   in.Date.String(),
		Sender:    in.Sender,
		Subject:   strings.TrimSpace(subject),
		Reference: v.fields["Reference"].(string),
		Body:      paras,
		Signature: in.Sender.Name,
		Recipient: letter.Party{
			Name:    in.Entity.Name,
			Address: in.Entity.Address,
			Email:   in.Entity.Email,
			WebForm: in.Entity.ContactForm,
		},
		Country: country(a.Residence),
	}
	if l.DateText, err = loc.Date(in.Date.Time); err != nil {
		return nil, err
	}
	if v.due != nil {
		l.Due = v.due.Time
		l.DueISO = v.due.String()
		l.DueText = v.fields["Due"].(locales.Inflected).Base
	}
	if l.Salutation, err = loc.T("salutation", nil); err != nil {
		return nil, err
	}
	if l.Closing, err = loc.T("closing", nil); err != nil {
		return nil, err
	}
	if l.Labels, err = Labels(loc); err != nil {
		return nil, err
	}
	followupLetter(l, in, kind)
	if in.Agent != nil {
		if err := v.agent(l, in); err != nil {
			return nil, err
		}
	}
	if kind == KindObjection || kind == KindOptOut || kind == KindCourtesy {
		if l.Form, err = composeForm(in, v, l); err != nil {
			return nil, err
		}
	}
	// The form's free text has no salutation, so only the letter's first
	// paragraph continues it.
	if len(l.Body) > 0 && strings.HasSuffix(l.Salutation, ",") && lowerAfterComma[baseLang(loc.Lang())] {
		l.Body[0] = lowerFirst(l.Body[0])
	}
	return l, nil
}

// lowerAfterComma lists the languages whose letter norms continue a
// salutation that ends in a comma with a lowercase first word: German (DIN
// 5008: "Sehr geehrte Damen und Herren, / hiermit …") and Czech (ČSN 01
// 6910: "Vážení, / obracím se …"). Their first paragraphs begin with a
// word that is not capitalized for its own sake (no noun, no name).
var lowerAfterComma = map[string]bool{"de": true, "cs": true}

func baseLang(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	return base
}

// lowerFirst lowercases the first letter of s.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// Labels returns the localized words renderers print around a letter's
// text, keyed as in letter.LabelKeys. Label templates such as "page" keep
// their placeholders for the renderer to fill.
func Labels(loc *locales.Localizer) (map[string]string, error) {
	out := make(map[string]string, len(letter.LabelKeys))
	for _, k := range letter.LabelKeys {
		m := "label_" + k
		var err error
		if k == "page" {
			out[k], err = loc.T(m, map[string]any{"Page": "{{.Page}}", "Pages": "{{.Pages}}"})
		} else if k == "due_event" {
			out[k], err = loc.T(m, map[string]any{"Entity": "{{.Entity}}", "Reference": "{{.Reference}}"})
		} else {
			out[k], err = loc.T(m, nil)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func execute(t *template.Template, name string, v *view) (string, error) {
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, v); err != nil {
		return "", fmt.Errorf("templates: %w", err)
	}
	return b.String(), nil
}

// Reference derives a short reference from the parts that identify a
// request, so the same request always gets the same reference.
func Reference(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h.Sum(nil))
	return "OBJ-" + enc[:4] + "-" + enc[4:8]
}

// country returns the country of a residence code: "US" for "US-CA".
func country(residence string) string {
	c, _, _ := strings.Cut(residence, "-")
	return c
}
