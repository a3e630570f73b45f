// Package objector turns a person's privacy rights into a letter a company
// has to answer: an objection under GDPR Art. 21 and its equivalents, an
// opt-out request under a US state law, or, where no law applies, an honest
// courtesy request that claims none.
//
// # Generating a letter
//
// [Generate] takes a [Request] (who writes, where they live, to which
// company, about which uses of their data, on which date) and returns a
// [Letter]: the finished text with the legal assessment that produced it.
// [Generator.Render] writes the letter in a [Format]: PDF to post, plain
// text, an .eml draft, a mailto: URL, the text for the company's own web
// form, or JSON. [WriteCalendar] writes its due date as a calendar event.
//
//	l, err := objector.Generate(ctx, objector.Request{
//		Controller: "linkedin",
//		Residence:  "DE",
//		Name:       "Erika Mustermann",
//		Email:      "erika@example.org",
//		AsOf:       time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
//	})
//
// [Generator.Assess] answers the question before the letter: which law,
// which rights and which deadline apply where a person lives.
//
// # Errors
//
// A request the person can correct fails with a [*FieldError] that names
// the field, says what is wrong, suggests known values for an unknown one,
// and says whether the value is personal data that must not reach a log.
// A few conditions a caller may treat differently are sentinels to test
// with errors.Is: [ErrNoEntity], [ErrNoAuthority], [ErrMissingGlyph],
// [ErrAddressTooLong], [ErrNoPostalAddress], [ErrNoForm] and
// [ErrNoDueDate].
//
// # Follow-ups
//
// When the company does not answer by the due date, a [Request] with Kind
// [KindReminder] and Sent (the first letter's date) writes a reminder that
// cites the first letter's reference and deadline, and [KindComplaint] a
// complaint to the supervisory authority. When the company answers
// otherwise than by complying, [KindReply] with a [Reply] answers it: an
// identity document demanded, "use our form", a refusal, an extension, a
// partial answer, or (US) a denial to appeal; a reply the person's law
// gives no footing for is [ErrReplyUnsupported].
//
// # Data
//
// The law (package jurisdiction), the companies (package controllers), the
// wording (package locales) and the letter structure (package templates)
// are data files embedded in their packages. A [Generator] made with [New]
// shares them, read-only, and is safe for concurrent use; embedders can
// pass their own through [Config] or add company records with
// [Generator.WithControllers]. Package batch writes many letters at once.
//
// objector never opens a network connection and never logs personal data.
package objector

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
	"github.com/objector/objector/locales"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/templates"
)

// Version is objector's version, written into PDF metadata.
const Version = "0.1.0"

// Request is what a person asks for: one letter to one company. Generate
// reads it and never changes it or the slices it holds.
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
	// "profiling" (see [Purposes]). Nil means generative-AI training, or
	// other machine learning where the company does not train on the
	// person's region.
	Purposes []string
	Reason   string // the person's own grounds, optional
	// Also asks for more alongside an objection: "access" adds a request
	// for access (GDPR Art. 15: whether the data was used for the
	// purposes, in which models, disclosed to which recipients, and a
	// copy). See [AlsoRequests].
	Also []string
	// Lang is the letter's language (a BCP 47 tag). Empty means the first
	// official language of the residence.
	Lang string
	// AsOf is the letter date, which also picks the law and the company
	// facts in force. Only its calendar date counts; zero means today
	// (UTC).
	AsOf time.Time
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
	Sent time.Time
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
// it. Its fields are the finished text (see package letter); a caller may
// add Enclosures before rendering.
type Letter struct {
	letter.Letter
	Controller string                   `json:"controller,omitempty"`
	Assessment *jurisdiction.Assessment `json:"assessment"`
	// LangNote says how the language was chosen when it was not the one
	// asked for exactly, such as "no messages in de-AT; writing in de".
	LangNote string `json:"-"`
	// Warnings tell the person what the letter cannot do well without
	// them, such as the default grounds standing in for their own; for
	// the person, not the company.
	Warnings []string `json:"-"`
	// FollowsUp identifies the original request of a reminder or
	// complaint; nil for a first letter.
	FollowsUp *OriginalRequest `json:"follows_up,omitempty"`
}

// AlsoRequests returns what [Request.Also] may ask for alongside an
// objection.
func AlsoRequests() []string { return []string{AlsoAccess} }

// AlsoAccess in [Request.Also] adds a request for access to the
// objection.
const AlsoAccess = "access"

// Purposes returns the uses of data a letter can object to, in the order
// letters name them.
func Purposes() []string { return append([]string(nil), controllers.Purposes...) }

// Config holds the data a [Generator] uses. Nil fields take the embedded
// data, which is loaded once per process and shared.
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

// pdfRenderer is the PDF renderer every generator shares: it holds only
// the parsed font, which is read-only.
var pdfRenderer = sync.OnceValues(pdf.NewRenderer)

// New returns a generator for cfg. It fails only if embedded data does not
// load, which the tests rule out.
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
	if g.pdf, err = pdfRenderer(); err != nil {
		return nil, err
	}
	return g, nil
}

var defaultGenerator = sync.OnceValues(func() (*Generator, error) { return New(Config{}) })

// Generate generates a letter with a generator of the embedded data; see
// [Generator.Generate].
func Generate(ctx context.Context, req Request) (*Letter, error) {
	g, err := defaultGenerator()
	if err != nil {
		return nil, err
	}
	return g.Generate(ctx, req)
}

// Rules returns the generator's jurisdiction rules, read-only.
func (g *Generator) Rules() *jurisdiction.Rules { return g.rules }

// Controllers returns the generator's directory of companies, read-only.
func (g *Generator) Controllers() *controllers.Directory { return g.dir }

// WithControllers returns a generator like g whose directory also holds
// the records in fsys (*.toml files, each named after its id, as
// controllers.Load reads them); a record with the same id replaces g's.
// g does not change.
func (g *Generator) WithControllers(fsys fs.FS) (*Generator, error) {
	extra, err := controllers.Load(fsys)
	if err != nil {
		return nil, err
	}
	c := *g
	c.dir = g.dir.Merge(extra)
	return &c, nil
}

// Assess returns what the law gives a person living in residence on the
// date asOf (zero means today): the regime, the rights with their
// citations, the deadline, the authority and the languages. With a
// controller (an id or alias in the directory), it is what the law gives
// against that company: a law that binds only companies above thresholds
// may not reach it. An unknown residence or controller is a [*FieldError]
// with suggestions.
func (g *Generator) Assess(residence, controller string, asOf time.Time) (*jurisdiction.Assessment, error) {
	var company *jurisdiction.Company
	if controller = strings.TrimSpace(controller); controller != "" {
		rec, err := g.dir.Lookup(controller)
		if err != nil {
			return nil, fieldError(err)
		}
		company = rec.Company()
	}
	a, err := g.rules.ResolveFor(strings.TrimSpace(residence), day(asOf), company)
	if err != nil {
		return nil, fieldError(err)
	}
	return a, nil
}

// Entity returns the legal entity of the directory's company controller
// (an id or alias) that answers to a person living in residence on asOf
// (zero means today). An unknown residence or controller is a
// [*FieldError] with suggestions; a company without a known entity for
// the region is an error wrapping [ErrNoEntity].
func (g *Generator) Entity(controller, residence string, asOf time.Time) (*controllers.Entity, error) {
	a, err := g.Assess(residence, "", asOf)
	if err != nil {
		return nil, err
	}
	rec, err := g.dir.Lookup(strings.TrimSpace(controller))
	if err != nil {
		return nil, fieldError(err)
	}
	ent, err := rec.For(a.Region, day(asOf))
	if err != nil {
		return nil, fieldError(err)
	}
	return ent, nil
}

// day returns t's calendar date, or today's (UTC) for the zero time.
func day(t time.Time) jurisdiction.Date {
	if t.IsZero() {
		return jurisdiction.Day(time.Now().UTC())
	}
	return jurisdiction.Day(t)
}

// Generate builds the letter for req: the first letter, or with req.Kind a
// reminder or a complaint about it. Input the person can correct is a
// [*FieldError] (a premature follow-up one that wraps a [*NotDueError]);
// a company without a known entity for the person's region wraps
// [ErrNoEntity], a complaint where no authority is on record
// [ErrNoAuthority].
func (g *Generator) Generate(ctx context.Context, req Request) (*Letter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	req, err := clean(req)
	if err != nil {
		return nil, err
	}
	asOf := day(req.AsOf)
	a, err := g.rules.Resolve(req.Residence, asOf)
	if err != nil {
		return nil, fieldError(err)
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
			return nil, fieldError(err)
		}
		if ent, err = rec.For(a.Region, asOf); err != nil {
			return nil, fieldError(err)
		}
		// Whether a law that binds only companies above thresholds
		// reaches this one depends on its record.
		if a, err = g.rules.ResolveFor(req.Residence, asOf, rec.Company()); err != nil {
			return nil, fieldError(err)
		}
	}
	// Proposals not in force are for objector rights; a letter (and the
	// assessment it carries) never relies on them.
	a.Proposals = nil
	lang, note, err := g.language(req.Lang, a)
	if err != nil {
		return nil, err
	}
	loc, err := g.msgs.Localizer(lang)
	if err != nil {
		return nil, fieldError(err)
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
		Also:       req.Also,
		Agent:      agentParty(req.Agent),
		Kind:       req.Kind,
		Followup:   fu,
		Date:       asOf,
		Localizer:  loc,
	})
	if err != nil {
		if errors.Is(err, templates.ErrInvalidInput) {
			msg := strings.TrimPrefix(err.Error(), templates.ErrInvalidInput.Error()+": ")
			if rest, ok := strings.CutPrefix(msg, "also: "); ok {
				return nil, &FieldError{Field: "also", Value: strings.Join(req.Also, ","), Err: errors.New(rest)}
			}
			return nil, &FieldError{Field: "purposes", Value: strings.Join(req.Purposes, ","), Err: errors.New(msg)}
		}
		return nil, err
	}
	out := &Letter{Letter: *l, Assessment: a, LangNote: note, FollowsUp: orig}
	if o, ok := a.Right(jurisdiction.RightObject); ok && o.Condition == jurisdiction.ConditionParticularSituation && req.Kind == "" && req.Reason == "" {
		out.Warnings = append(out.Warnings, fmt.Sprintf("the letter gives objector's default grounds; %s asks for grounds relating to your own particular situation, which carry more weight: give them with --reason", o.Citation.Text))
	}
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
	return &FieldError{Field: "reason", Err: fmt.Errorf("is needed in %s: %s allows this request only where %s; say in your own words why that is so", a.Residence, o.Citation.Text, why)}
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
			return "", "", fieldError(err)
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
