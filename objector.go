// Package objector turns a person's privacy rights into a letter a company
// has to answer: an objection under GDPR Art. 21 and its equivalents, an
// opt-out request under a US state law, or, where no law applies, an honest
// courtesy request that claims none.
//
// # Generating a letter
//
// [Generate] takes a [Request] (who writes, where they live, to which
// company, about which uses of their data, on which date) and returns a
// [Letter]: the structured document with the legal [Assessment] that
// produced it. [Generator.Render] writes it in one of [Formats]: PDF to
// post, plain text, an .eml draft, a mailto: URL, the text for the
// company's own web form, or JSON.
//
//	l, err := objector.Generate(ctx, objector.Request{
//		Controller: "linkedin",
//		Residence:  "DE",
//		Name:       "Erika Mustermann",
//		Email:      "erika@example.org",
//		AsOf:       jurisdiction.MustDate("2026-11-24"),
//	})
//
// # Follow-ups
//
// When the company does not answer by the due date, a [Request] with Kind
// [KindReminder] and Sent (the first letter's date) writes a reminder that
// cites the first letter's reference and deadline, and [KindComplaint] a
// complaint to the supervisory authority. [WriteCalendar] writes
// the due date as an iCalendar event.
//
// # Many letters
//
// Package batch streams rows from CSV or JSONL through a [Generator],
// optionally on the persons' behalf ([Agent]), and reports bad rows
// without stopping. [WriteFile] is how every output file is written:
// atomically and readable by its owner only.
//
// # Data
//
// The law (package jurisdiction), the companies (package controllers), the
// wording (package locales) and the letter structure (package templates)
// are data files embedded in their packages. A [Generator] made with [New]
// prepares them once and is safe for concurrent use; embedders can pass
// their own through [Config] or add company records with
// [Generator.WithControllers].
//
// objector never opens a network connection and never logs personal data.
package objector

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
	"github.com/objector/objector/locales"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/templates"
)

// Version is objector's version, written into PDF metadata.
const Version = "0.1.0"

// Request is what a person asks for: one letter to one company.
type Request struct {
	// Controller is the company's id or alias in the directory, such as
	// "linkedin". Leave it empty and set Company for a company outside the
	// directory.
	Controller string
	// Company describes a company outside the directory.
	Company *Company

	Residence string // ISO 3166-1 or 3166-2 code, such as "DE" or "US-CA"
	Name      string
	Email     string
	Address   []string // postal address lines, optional
	Account   string   // profile URL or user name, optional
	// Purposes are the uses objected to: "ai-training", "ml", "ads",
	// "profiling". Nil means the default (see templates.Input).
	Purposes []string
	Reason   string // the person's own grounds, optional
	// Lang is the letter's language (a BCP 47 tag). Empty means the first
	// official language of the residence.
	Lang string
	// AsOf is the letter date, which also picks the law and the company
	// facts in force. Zero means today (UTC).
	AsOf jurisdiction.Date
	// Agent, if set, sends the letter on the person's behalf: the letter
	// then names the agent as sender, states the authority the law
	// expects, and lists the person's signed mandate as an enclosure.
	Agent *Agent

	// Kind asks for a follow-up instead of the first letter: KindReminder
	// or KindComplaint. Empty means the first letter.
	Kind string
	// Sent is the date of the original letter a reminder or complaint
	// follows up. The original is regenerated from this same request
	// dated Sent, so its reference and due date match the letter sent.
	Sent jurisdiction.Date
	// Authority chooses who receives a complaint: AuthorityResidence
	// (the default) or AuthorityLead.
	Authority string
	// Force writes a reminder or complaint even before the original
	// request's due date has passed; otherwise that is a [*NotDueError].
	Force bool
	// Reply says what the company answered, for a letter of [KindReply].
	Reply *Reply
}

// Agent is someone who sends a letter on a person's behalf, such as a
// privacy advocate. The person must have given them a signed written
// mandate (GDPR: under national law; California: 11 CCR § 7026(j)).
type Agent struct {
	Name    string
	Address []string // postal address lines, optional
	Email   string   // optional
}

// Company describes a company that is not in the directory.
type Company struct {
	Name    string
	Address []string
	Email   string
}

// Letter is a generated letter together with the assessment that produced
// it.
type Letter struct {
	letter.Letter
	Controller string                   `json:"controller,omitempty"`
	Assessment *jurisdiction.Assessment `json:"assessment"`
	// LangNote says how the language was chosen when it was not the one
	// asked for exactly, such as "de-AT: writing in de".
	LangNote string `json:"-"`
	// FollowsUp identifies the original request of a reminder or
	// complaint; nil for a first letter.
	FollowsUp *OriginalRequest `json:"follows_up,omitempty"`
}

// ErrInvalidRequest is wrapped by every [*FieldError].
var ErrInvalidRequest = errors.New("invalid request")

// FieldError reports a field of a [Request] that is missing or malformed.
type FieldError struct {
	Field string // the Request field's name in lower case: "name", "email", ...
	Msg   string
}

// Error names the field and what is wrong with it.
func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Unwrap returns [ErrInvalidRequest].
func (e *FieldError) Unwrap() error { return ErrInvalidRequest }

// Config holds the data a [Generator] uses. Nil fields take the embedded
// defaults.
type Config struct {
	Rules       *jurisdiction.Rules
	Controllers *controllers.Directory
	Messages    *locales.Bundle
	Templates   *templates.Set
}

// Generator generates and renders letters. Everything that does not depend
// on the letter is prepared once, in [New]. It is safe for concurrent use.
type Generator struct {
	rules *jurisdiction.Rules
	dir   *controllers.Directory
	msgs  *locales.Bundle
	tmpl  *templates.Set
	pdf   *pdf.Renderer
}

// New prepares a generator from cfg.
func New(cfg Config) (*Generator, error) {
	g := &Generator{rules: cfg.Rules, dir: cfg.Controllers, msgs: cfg.Messages, tmpl: cfg.Templates}
	var err error
	if g.rules == nil {
		if g.rules, err = jurisdiction.Default(); err != nil {
			return nil, err
		}
	}
	if g.dir == nil {
		if g.dir, err = controllers.Default(); err != nil {
			return nil, err
		}
	}
	if g.msgs == nil {
		if g.msgs, err = locales.Default(); err != nil {
			return nil, err
		}
	}
	if g.tmpl == nil {
		if g.tmpl, err = templates.Default(); err != nil {
			return nil, err
		}
	}
	if g.pdf, err = pdf.NewRenderer(); err != nil {
		return nil, err
	}
	return g, nil
}

var defaultGenerator = sync.OnceValues(func() (*Generator, error) { return New(Config{}) })

// Default returns a generator with the embedded data, made once per
// process.
func Default() (*Generator, error) { return defaultGenerator() }

// Generate generates a letter with the [Default] generator.
func Generate(ctx context.Context, req Request) (*Letter, error) {
	g, err := Default()
	if err != nil {
		return nil, err
	}
	return g.Generate(ctx, req)
}

// Rules returns the generator's jurisdiction rules.
func (g *Generator) Rules() *jurisdiction.Rules { return g.rules }

// Controllers returns the generator's controller directory.
func (g *Generator) Controllers() *controllers.Directory { return g.dir }

// Messages returns the generator's message bundle.
func (g *Generator) Messages() *locales.Bundle { return g.msgs }

// Generate builds the letter for req: the first letter, or with req.Kind a
// reminder or a complaint about it. Errors wrap [ErrInvalidRequest] (with
// a [*FieldError] naming the field), [ErrUnknownResidence],
// [ErrUnknownController], [ErrNoEntity], [ErrUnsupportedLanguage],
// [ErrNoAuthority], or are a [*NotDueError], so callers can tell the
// person what to change.
func (g *Generator) Generate(ctx context.Context, req Request) (*Letter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := validate(&req); err != nil {
		return nil, err
	}
	asOf := Today()
	if !req.AsOf.IsZero() {
		asOf = Day(req.AsOf.Time)
	}
	a, err := g.rules.Resolve(req.Residence, asOf)
	if err != nil {
		return nil, err
	}
	if err := needsReason(req, a); err != nil {
		return nil, err
	}
	var rec *controllers.Record
	var ent *controllers.Entity
	if req.Company != nil {
		ent = &controllers.Entity{Name: req.Company.Name, Address: req.Company.Address, Email: req.Company.Email}
	} else {
		if rec, err = g.dir.Lookup(req.Controller); err != nil {
			return nil, err
		}
		if ent, err = rec.For(a.Region, asOf); err != nil {
			return nil, err
		}
	}
	lang, note, err := g.language(req.Lang, a)
	if err != nil {
		return nil, err
	}
	loc, err := g.msgs.Localizer(lang)
	if err != nil {
		return nil, err
	}
	fu, orig, err := g.followup(ctx, req, a, rec, asOf)
	if err != nil {
		return nil, err
	}
	l, err := g.tmpl.Compose(templates.Input{
		Assessment: a,
		Company:    rec,
		Entity:     ent,
		Sender:     letter.Party{Name: req.Name, Email: req.Email, Address: req.Address, Account: req.Account},
		Purposes:   req.Purposes,
		Reason:     req.Reason,
		Agent:      agentParty(req.Agent),
		Kind:       req.Kind,
		Followup:   fu,
		Date:       asOf,
		Localizer:  loc,
	})
	if err != nil {
		var fe *FieldError
		if errors.Is(err, templates.ErrInvalidInput) && !errors.As(err, &fe) {
			return nil, &FieldError{Field: "purposes", Msg: strings.TrimPrefix(err.Error(), templates.ErrInvalidInput.Error()+": ")}
		}
		return nil, err
	}
	out := &Letter{Letter: *l, Assessment: a, LangNote: note, FollowsUp: orig}
	if rec != nil {
		out.Controller = rec.ID
	}
	return out, nil
}

// needsReason returns a [*FieldError] for the reason when the law allows
// the objection only on facts that only the person can state (LGPD Art. 18
// § 2: a breach of the law; APPI Art. 35: one of the cases it lists) and
// the request gives none. A letter that claims the right without them
// would claim more than the law gives.
func needsReason(req Request, a *jurisdiction.Assessment) error {
	if req.Kind != "" || strings.TrimSpace(req.Reason) != "" {
		return nil
	}
	o, ok := a.Right(jurisdiction.RightObject)
	if !ok || !o.Condition.NeedsReason() {
		return nil
	}
	why := "the processing breaches the law"
	if o.Condition == jurisdiction.ConditionCeaseUse {
		why = "the data is handled in breach of the law, is no longer needed, or its handling may harm your rights or legitimate interests"
	}
	return &FieldError{Field: "reason", Msg: fmt.Sprintf("is needed in %s: %s allows this request only where %s; say in your own words why that is so (--reason)", a.Residence, o.Citation.Text, why)}
}

// language picks the letter's language: the one asked for, or the closest
// that has messages (with a note); by default the residence's first
// official language that has messages, in the residence's regional
// variant where there is one (de-CH in Switzerland, pt-BR in Brazil), and
// English, with a note, where none of its languages has messages.
func (g *Generator) language(asked string, a *jurisdiction.Assessment) (lang, note string, err error) {
	if asked != "" {
		lang, exact, err := g.msgs.Match(asked)
		if err != nil {
			return "", "", err
		}
		if !exact {
			note = fmt.Sprintf("no messages in %s; writing in %s", asked, lang)
		}
		return lang, note, nil
	}
	country, _, _ := strings.Cut(a.Residence, "-")
	// The default: the first official language of the residence that has
	// messages of its own, saying so when it is not the first one; only if
	// none has, the closest match (Nynorsk finds Bokmål).
	for i, official := range a.Languages {
		lang, exact, err := g.msgs.Match(official)
		if err != nil || !exact {
			continue
		}
		if regional, exact, err := g.msgs.Match(official + "-" + country); err == nil && exact {
			lang = regional
		}
		if i > 0 {
			note = fmt.Sprintf("no messages in %s; writing in %s, an official language of %s (choose another with --lang)", strings.Join(a.Languages[:i], ", "), lang, a.Residence)
		}
		return lang, note, nil
	}
	for _, official := range a.Languages {
		if lang, _, err := g.msgs.Match(official); err == nil {
			note = fmt.Sprintf("no messages in %s; writing in %s, the closest language that has them (choose another with --lang)", strings.Join(a.Languages, ", "), lang)
			return lang, note, nil
		}
	}
	note = fmt.Sprintf("no messages in %s, the language of %s; writing in English (choose another with --lang)", strings.Join(a.Languages, ", "), a.Residence)
	return locales.Source, note, nil
}

// agentParty returns the agent as a letter party, or nil.
func agentParty(a *Agent) *letter.Party {
	if a == nil {
		return nil
	}
	return &letter.Party{Name: a.Name, Address: a.Address, Email: a.Email}
}

type textField struct {
	name, value string
	multiline   bool
}

// validate checks the person's input: required fields, a bare email
// address, valid UTF-8 and no control characters (which could inject email
// headers).
func validate(req *Request) error {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	trim(&req.Name)
	trim(&req.Email)
	trim(&req.Residence)
	trim(&req.Controller)
	trim(&req.Account)
	for i := range req.Address {
		trim(&req.Address[i])
	}
	fields := []textField{
		{"name", req.Name, false}, {"email", req.Email, false}, {"residence", req.Residence, false},
		{"controller", req.Controller, false}, {"account", req.Account, false},
		{"reason", req.Reason, true}, {"lang", req.Lang, false},
	}
	for _, a := range req.Address {
		fields = append(fields, textField{"address", a, false})
	}
	if req.Agent != nil {
		// A copy: callers such as batch share one Agent across requests.
		ag := &Agent{Name: strings.TrimSpace(req.Agent.Name), Email: strings.TrimSpace(req.Agent.Email)}
		for _, a := range req.Agent.Address {
			if a = strings.TrimSpace(a); a != "" {
				ag.Address = append(ag.Address, a)
			}
		}
		req.Agent = ag
		fields = append(fields, textField{"agent name", ag.Name, false}, textField{"agent email", ag.Email, false})
		for _, a := range ag.Address {
			fields = append(fields, textField{"agent address", a, false})
		}
	}
	if c := req.Company; c != nil {
		fields = append(fields, textField{"company name", c.Name, false}, textField{"company email", c.Email, false})
		for _, a := range c.Address {
			fields = append(fields, textField{"company address", a, false})
		}
	}
	for _, f := range fields {
		if err := CheckText(f.value, f.multiline); err != nil {
			return &FieldError{Field: f.name, Msg: err.Error()}
		}
	}
	switch {
	case req.Name == "":
		return &FieldError{Field: "name", Msg: "is missing; give the name of the person the letter is for"}
	case req.Email == "":
		return &FieldError{Field: "email", Msg: "is missing; give the email address of the person's account"}
	case req.Residence == "":
		return &FieldError{Field: "residence", Msg: "is missing; give a country or state code such as DE or US-CA"}
	case req.Controller == "" && req.Company == nil:
		return &FieldError{Field: "controller", Msg: "is missing; give a company id such as linkedin, or describe the company"}
	case req.Controller != "" && req.Company != nil:
		return &FieldError{Field: "controller", Msg: "give either a directory id or a company description, not both"}
	}
	if err := CheckEmail(req.Email); err != nil {
		return &FieldError{Field: "email", Msg: err.Error()}
	}
	if ag := req.Agent; ag != nil {
		if ag.Name == "" {
			return &FieldError{Field: "agent name", Msg: "is missing; give the name of the person or organisation sending on the person's behalf"}
		}
		if ag.Email != "" {
			if err := CheckEmail(ag.Email); err != nil {
				return &FieldError{Field: "agent email", Msg: err.Error()}
			}
		}
	}
	if c := req.Company; c != nil {
		if strings.TrimSpace(c.Name) == "" {
			return &FieldError{Field: "company name", Msg: "is missing"}
		}
		if len(c.Address) == 0 && c.Email == "" {
			return &FieldError{Field: "company address", Msg: "give the company's postal address or privacy email address"}
		}
		if c.Email != "" {
			if err := CheckEmail(c.Email); err != nil {
				return &FieldError{Field: "company email", Msg: err.Error()}
			}
		}
	}
	return nil
}

// CheckText rejects invalid UTF-8 and control characters; multiline text
// may contain line breaks and tabs.
func CheckText(s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return errors.New("is not valid UTF-8")
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("contains the control character %U; remove line breaks and control characters", r)
		}
	}
	return nil
}

// CheckEmail reports whether s is a single bare email address such as
// erika@example.org.
func CheckEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s, "@") {
		return fmt.Errorf("%q is not a valid email address (write it as name@example.org)", s)
	}
	return nil
}
