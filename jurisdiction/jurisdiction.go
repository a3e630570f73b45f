// Package jurisdiction decides which privacy law applies to a person on a
// given date, which rights it grants, how the law is cited, the deadline a
// company must meet and the supervisory authority that hears complaints.
//
// The package knows law, never wording: it returns an [Assessment] made of
// identifiers, citations and dates, and leaves the words of a letter to the
// templates.
//
// # Data
//
// Rules live in TOML files embedded in the package ([Data]): one file per law
// under data/laws and one per place (a country or a subdivision) under
// data/places. A place lists the laws that apply to it with the dates they
// took effect and lapsed; every fact carries its source. [Load] reads and
// validates a rule set, [Default] returns the embedded one.
//
// # Resolving
//
// [Rules.Resolve] takes a residence code (ISO 3166-1 alpha-2 such as "DE",
// or ISO 3166-2 such as "US-CA" or "DE-BY", case-insensitive) and a date, and
// returns the [Assessment] in force that day. A valid ISO 3166-1 country
// code the data does not list resolves to no rules (Assessment.Unmodelled),
// so that the person gets an honest courtesy letter; an invalid code returns
// an [*UnknownResidenceError] that suggests the nearest known codes.
// [Rules.ResolveFor] also decides whether a law that binds only companies
// above thresholds reaches the company the request goes to.
package jurisdiction

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Regime names the family of law an assessment falls under. Letters are
// chosen by regime: an objection for GDPR-like regimes, an opt-out request
// for US state laws, a courtesy request where no law applies.
type Regime string

// The regimes a law can belong to.
const (
	RegimeGDPR    Regime = "gdpr"     // GDPR in the EU and the EEA
	RegimeUKGDPR  Regime = "uk-gdpr"  // UK GDPR and the Data Protection Act 2018
	RegimeCHFADP  Regime = "ch-fadp"  // Swiss Federal Act on Data Protection
	RegimeUSState Regime = "us-state" // a US state's comprehensive consumer privacy law
	RegimeOther   Regime = "other"    // another national law with a comparable right
	RegimeNone    Regime = "none"     // no statutory right: a courtesy request only
)

func (r Regime) valid() bool {
	switch r {
	case RegimeGDPR, RegimeUKGDPR, RegimeCHFADP, RegimeUSState, RegimeOther, RegimeNone:
		return true
	}
	return false
}

// Region is the group of places a company's privacy notice treats alike. The
// controller directory chooses the responsible legal entity by region.
type Region string

// The regions controller records are organised by.
const (
	RegionEU  Region = "eu"  // the EU and the EEA
	RegionUK  Region = "uk"  // the United Kingdom
	RegionCH  Region = "ch"  // Switzerland
	RegionUS  Region = "us"  // the United States
	RegionRoW Region = "row" // the rest of the world
)

// Regions lists every region in a fixed order.
var Regions = []Region{RegionEU, RegionUK, RegionCH, RegionUS, RegionRoW}

func (r Region) valid() bool {
	for _, v := range Regions {
		if r == v {
			return true
		}
	}
	return false
}

// The right identifiers an assessment can grant. They are the vocabulary
// templates and tools share.
const (
	RightObject                    = "object"
	RightObjectDirectMarketing     = "object-direct-marketing"
	RightErasure                   = "erasure"
	RightRestriction               = "restriction"
	RightAccess                    = "access"
	RightOptOutSale                = "opt-out-sale"
	RightOptOutSharing             = "opt-out-sharing"
	RightOptOutTargetedAdvertising = "opt-out-targeted-advertising"
	RightOptOutProfiling           = "opt-out-profiling"
	RightLimitSensitive            = "limit-sensitive"
	RightWithdrawConsent           = "withdraw-consent"
	RightNotify                    = "notify-recipients"
)

var knownRights = map[string]bool{
	RightObject: true, RightObjectDirectMarketing: true, RightErasure: true,
	RightRestriction: true, RightAccess: true, RightOptOutSale: true,
	RightOptOutSharing: true, RightOptOutTargetedAdvertising: true,
	RightOptOutProfiling: true, RightLimitSensitive: true,
	RightWithdrawConsent: true, RightNotify: true,
}

// KnownRight reports whether id is one of the right identifiers above.
func KnownRight(id string) bool { return knownRights[id] }

// Citation is a reference to a provision of law. Text is the canonical
// English citation ("Art. 21(1) GDPR"); Instrument, Article, Paragraph and
// Point let a localizer render it the way another language cites the same
// provision ("Art. 21 Abs. 1 DSGVO").
type Citation struct {
	Text       string `toml:"text" json:"text"`
	Instrument string `toml:"instrument" json:"instrument,omitempty"`
	Article    string `toml:"article" json:"article,omitempty"`
	Paragraph  string `toml:"paragraph" json:"paragraph,omitempty"`
	Point      string `toml:"point" json:"point,omitempty"`
}

// String returns the canonical English citation.
func (c Citation) String() string { return c.Text }

// Right is one right a law grants, with the provision that grants it.
type Right struct {
	ID       string   `toml:"id"`
	Citation Citation `toml:"citation"`
	Summary  string   `toml:"summary"`
	Source   string   `toml:"source"`
	// Condition is what the law requires before the right applies, which
	// a letter must state; empty where it requires nothing of the person.
	Condition Condition `toml:"condition"`
}

// Condition names what a law requires of a request before the right it
// grants applies. A letter states it, and where only the person can supply
// the facts it needs their own reason.
type Condition string

// The conditions a right can carry.
const (
	// ConditionNone: the right applies without a condition the letter
	// must state.
	ConditionNone Condition = ""
	// ConditionParticularSituation: grounds relating to the person's
	// particular situation (GDPR Art. 21(1), POPIA s. 11(3)(a)). A
	// default text can state them, though the person's own are better.
	ConditionParticularSituation Condition = "particular-situation"
	// ConditionBreach: the processing must breach the law (LGPD Art. 18
	// § 2). Only the person can say how; a letter needs their reason.
	ConditionBreach Condition = "breach"
	// ConditionCeaseUse: one of the cases APPI Art. 35 lists (handling in
	// breach of the Act, data no longer needed, or harm to the person's
	// rights or legitimate interests). Only the person can say which.
	ConditionCeaseUse Condition = "cease-use"
)

func (c Condition) valid() bool {
	switch c {
	case ConditionNone, ConditionParticularSituation, ConditionBreach, ConditionCeaseUse:
		return true
	}
	return false
}

// NeedsReason reports whether only the person can state the facts the
// condition requires, so that a letter cannot be written without their
// reason.
func (c Condition) NeedsReason() bool { return c == ConditionBreach || c == ConditionCeaseUse }

// Authority is a supervisory authority or regulator that hears complaints.
type Authority struct {
	// Name is the authority's official name in the place's first
	// language, without glosses; Names holds its official names in the
	// other languages it uses (keyed by BCP 47 tag: "sv", "fr", "en").
	Name    string            `toml:"name" json:"name"`
	Names   map[string]string `toml:"names" json:"names,omitempty"`
	URL     string            `toml:"url" json:"url"`
	Address []string          `toml:"address" json:"address,omitempty"`
	Email   string            `toml:"email" json:"email,omitempty"`
	Source  string            `toml:"source" json:"source,omitempty"`
}

// NameIn returns the authority's official name in lang ("fr-CH" finds
// "fr"), or [Authority.Name] where it has none in that language.
func (a *Authority) NameIn(lang string) string {
	if n := a.Names[lang]; n != "" {
		return n
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		if n := a.Names[base]; n != "" {
			return n
		}
	}
	return a.Name
}

// Date is a calendar date, held as midnight UTC. It reads from TOML dates
// (2018-05-25) and writes to JSON as "2018-05-25", or null when zero.
type Date struct{ time.Time }

// ParseDate parses a date in the form 2006-01-02, from the year 1900 on
// (earlier years are typing mistakes, and 0001-01-01 would be the zero
// Date, which means "no date"). It returns an error that names the
// expected form.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if t.Year() < minYear {
		return Date{}, fmt.Errorf("%q is before %d; give a date of the form YYYY-MM-DD", s, minYear)
	}
	return Date{t}, nil
}

// minYear is the first year [ParseDate] accepts.
const minYear = 1900

// MustDate is like [ParseDate] but panics on error. It is for constants in
// tests and examples.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Day returns t's calendar date as midnight UTC, dropping its clock time and
// zone.
func Day(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// String returns the date as 2006-01-02, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalJSON writes "2006-01-02", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.Format(time.DateOnly) + `"`), nil
}

// UnmarshalJSON reads "2006-01-02" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	s, err := strconv.Unquote(string(b))
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalTOML reads a TOML local date such as 2018-05-25.
func (d *Date) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return fmt.Errorf("%v is not a date (write it as 2018-05-25, without quotes)", v)
	}
	if h, m, s := t.Clock(); h != 0 || m != 0 || s != 0 {
		return fmt.Errorf("%v has a time of day; a date is all that is needed", v)
	}
	*d = Day(t)
	return nil
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Time.Before(e.Time) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Time.After(e.Time) }

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date { return Date{d.Time.AddDate(0, 0, n)} }

// ErrUnknownResidence is matched (with errors.Is) by every
// [*UnknownResidenceError].
var ErrUnknownResidence = errors.New("unknown residence")

// UnknownResidenceError reports a residence code the rules do not know, with
// the nearest codes that exist.
type UnknownResidenceError struct {
	Code        string
	Suggestions []string
}

// Error names the unknown code and the suggestions.
func (e *UnknownResidenceError) Error() string {
	msg := fmt.Sprintf("unknown residence %q", e.Code)
	if len(e.Suggestions) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(e.Suggestions, ", "))
	}
	return msg
}

// Is reports whether target is [ErrUnknownResidence].
func (e *UnknownResidenceError) Is(target error) bool { return target == ErrUnknownResidence }

// normalize turns " us-ca " into "US-CA" and "us_ca" into "US-CA".
func normalize(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	return strings.ReplaceAll(code, "_", "-")
}
