// Package controllers is the directory of companies (data controllers) that
// objector writes to: for each company, the legal entity responsible for a
// person in each region, its postal address and privacy contacts, its
// objection forms and in-product settings, and a dated record of what it
// says about training AI on its users' data.
//
// Records are TOML files embedded in the package ([Data]); [Load] reads and
// validates a set of them, [Default] returns the embedded directory, and
// [Directory.Merge] lays a user's own records over it. Every fact carries
// its source and the date it was checked.
package controllers

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/jurisdiction"
)

// Record is one company in the directory.
type Record struct {
	ID            string                  `toml:"id" json:"id"`
	Name          string                  `toml:"name" json:"name"`
	Aliases       []string                `toml:"aliases" json:"aliases,omitempty"`
	LeadAuthority *jurisdiction.Authority `toml:"lead_authority" json:"lead_authority,omitempty"`
	Entities      []Entity                `toml:"entity" json:"entities"`
	Settings      []Setting               `toml:"setting" json:"settings,omitempty"`
	Forms         []Form                  `toml:"form" json:"forms,omitempty"`
	AITraining    []AITraining            `toml:"ai_training" json:"ai_training,omitempty"`
	// Thresholds says, per law that binds only companies above
	// thresholds, which of them the company meets, with a source.
	Thresholds []jurisdiction.ThresholdClaim `toml:"threshold" json:"thresholds,omitempty"`
	Timeline   []Event                       `toml:"timeline" json:"timeline,omitempty"`
	Notes      []string                      `toml:"notes" json:"notes,omitempty"`
}

// Company returns what the jurisdiction rules need to know about the
// company: its name and the thresholds its record says it meets.
func (r *Record) Company() *jurisdiction.Company {
	return &jurisdiction.Company{Name: r.Name, Thresholds: r.Thresholds}
}

// Entity is the legal entity that controls a person's data in some regions.
type Entity struct {
	Regions []jurisdiction.Region `toml:"regions" json:"regions"`
	Name    string                `toml:"name" json:"name"`
	// Address is the postal address, one line each; empty where only the
	// entity's Email is confirmed (then no PDF letter can be written).
	Address        []string `toml:"address" json:"address"`
	Email          string   `toml:"email" json:"email,omitempty"`
	ContactForm    string   `toml:"contact_form" json:"contact_form,omitempty"`
	Representative string   `toml:"representative" json:"representative,omitempty"`
	// Status says how well the entity and its address are sourced:
	// "verified" (stated in the company's own published text) or
	// "secondary" (from third-party material, or inferred); empty when the
	// record does not say.
	Status         string            `toml:"status" json:"status,omitempty"`
	EffectiveFrom  jurisdiction.Date `toml:"effective_from" json:"effective_from"`
	EffectiveUntil jurisdiction.Date `toml:"effective_until" json:"effective_until,omitzero"`
	Source         string            `toml:"source" json:"source"`
	Checked        jurisdiction.Date `toml:"checked" json:"checked"`
}

// The values of [Entity.Status].
const (
	// EntityVerified: the entity and its postal address are stated in the
	// company's own published text.
	EntityVerified = "verified"
	// EntitySecondary: the entity or its address comes from third-party
	// material or is inferred; a letter may want to say so.
	EntitySecondary = "secondary"
)

// Setting is a switch in the company's product that stops a use of the
// person's data, and where to find it.
type Setting struct {
	ID       string                `toml:"id" json:"id"`
	Name     string                `toml:"name" json:"name"`
	Path     []string              `toml:"path" json:"path"`
	URL      string                `toml:"url" json:"url,omitempty"`
	Purposes []string              `toml:"purposes" json:"purposes"`
	Regions  []jurisdiction.Region `toml:"regions" json:"regions"`
	// Places adds single countries (ISO 3166-1 alpha-2, such as "CA") to
	// Regions, for facts a company states per country.
	Places         []string          `toml:"places" json:"places,omitempty"`
	EffectiveFrom  jurisdiction.Date `toml:"effective_from" json:"effective_from"`
	EffectiveUntil jurisdiction.Date `toml:"effective_until" json:"effective_until,omitzero"`
	Note           string            `toml:"note" json:"note,omitempty"`
	// Labels give the name and path in other languages of the company's
	// interface; Name and Path are the English ones.
	Labels  []Label           `toml:"label" json:"labels,omitempty"`
	Source  string            `toml:"source" json:"source"`
	Checked jurisdiction.Date `toml:"checked" json:"checked"`
}

// Form is a web form the company offers for objections or privacy requests.
type Form struct {
	ID       string                `toml:"id" json:"id"`
	Name     string                `toml:"name" json:"name"`
	URL      string                `toml:"url" json:"url"`
	Purposes []string              `toml:"purposes" json:"purposes"`
	Regions  []jurisdiction.Region `toml:"regions" json:"regions"`
	Places   []string              `toml:"places" json:"places,omitempty"` // as in [Setting]
	Fields   []Field               `toml:"field" json:"fields,omitempty"`
	// CaseNumber reports that the company shows a case number when the
	// form is sent (per Source or the fields' sources).
	CaseNumber     bool              `toml:"case_number" json:"case_number,omitempty"`
	EffectiveFrom  jurisdiction.Date `toml:"effective_from" json:"effective_from"`
	EffectiveUntil jurisdiction.Date `toml:"effective_until" json:"effective_until,omitzero"`
	Source         string            `toml:"source" json:"source"`
	Checked        jurisdiction.Date `toml:"checked" json:"checked"`
}

// Field is one input of a web form, in the order the form shows it.
type Field struct {
	ID string `toml:"id" json:"id"`
	// Label is the field's label as the form shows it; empty where no
	// source quotes it. objector never invents a label: it then describes
	// the field by what goes in.
	Label   string   `toml:"label" json:"label,omitempty"`
	Kind    string   `toml:"kind" json:"kind"`                 // text, email, choice or freetext
	Fill    string   `toml:"fill" json:"fill"`                 // what goes in: name, email, account, choice, statement
	Choices []string `toml:"choices" json:"choices,omitempty"` // the choices a source quotes
	Choose  string   `toml:"choose" json:"choose,omitempty"`   // the choice an objection picks, whatever its purposes
	// Options say which choice covers which purposes, where that depends
	// on what the person objects to; an option's text is empty where the
	// sources describe the option but do not quote it.
	Options   []Option `toml:"option" json:"options,omitempty"`
	MaxLength int      `toml:"max_length" json:"max_length,omitempty"`
	// Source describes the field where it is not the form's own source,
	// such as a guide that lists the form's fields.
	Source string `toml:"source" json:"source,omitempty"`
}

// Option is one choice of a choice field and the purposes it covers.
type Option struct {
	Text     string   `toml:"text" json:"text,omitempty"` // in English; empty: the choice exists, its English words are not known
	Purposes []string `toml:"purposes" json:"purposes"`
	// Labels give the choice's words in other languages of the form.
	Labels []OptionLabel `toml:"label" json:"labels,omitempty"`
}

// OptionLabel is a choice's words in one language of the form, as a
// source quotes them.
type OptionLabel struct {
	Lang   string `toml:"lang" json:"lang"`
	Text   string `toml:"text" json:"text"`
	Source string `toml:"source" json:"source"`
}

// In returns the option's words in lang, or else its English words with
// english true (false for lang "en"); text is empty where neither is
// known.
func (o *Option) In(lang string) (text string, english bool) {
	for _, l := range o.Labels {
		if l.Lang == lang {
			return l.Text, false
		}
	}
	return o.Text, o.Text != "" && lang != "en"
}

// OptionFor returns the option of f that covers the first of purposes one
// of its options covers (purposes in the order letters name them), and
// that purpose; ok is false when none does.
func (f *Field) OptionFor(purposes []string) (o Option, purpose string, ok bool) {
	for _, p := range Purposes {
		if !slices.Contains(purposes, p) {
			continue
		}
		for _, opt := range f.Options {
			if slices.Contains(opt.Purposes, p) {
				return opt, p, true
			}
		}
	}
	return Option{}, "", false
}

// Label is a setting's name and menu path in one language of the
// company's interface, as a source shows them.
type Label struct {
	Lang    string            `toml:"lang" json:"lang"` // ISO 639-1, such as "de"
	Name    string            `toml:"name" json:"name"`
	Path    []string          `toml:"path" json:"path"`
	Source  string            `toml:"source" json:"source"`
	Checked jurisdiction.Date `toml:"checked" json:"checked"`
}

// In returns the setting's name and menu path as the company's interface
// shows them in lang, and whether they are the English ones because no
// source gives them in lang (english is false for lang "en").
func (s *Setting) In(lang string) (name string, path []string, english bool) {
	for _, l := range s.Labels {
		if l.Lang == lang {
			return l.Name, l.Path, false
		}
	}
	return s.Name, s.Path, lang != "en"
}

// AIStatus says what a company does with a region's users' data for AI
// training in a period.
type AIStatus string

// The AI-training statuses a record can state.
const (
	// AIExcluded: the company said it does not use this region's data.
	AIExcluded AIStatus = "excluded"
	// AIActive: the company trains on this region's data.
	AIActive AIStatus = "active"
)

// AITraining records, for some regions and a period, whether the company
// trains AI on its users' data, on which legal basis, and with which setting
// a user can stop it.
type AITraining struct {
	Regions []jurisdiction.Region `toml:"regions" json:"regions"`
	// Places lists countries (ISO 3166-1 alpha-2) whose own entry wins
	// over their region's: LinkedIn trained on Canadian members' data
	// from a later date than on the rest of the world's.
	Places         []string          `toml:"places" json:"places,omitempty"`
	Status         AIStatus          `toml:"status" json:"status"`
	Basis          string            `toml:"basis" json:"basis,omitempty"` // legitimate-interests, consent, ...
	Setting        string            `toml:"setting" json:"setting,omitempty"`
	EffectiveFrom  jurisdiction.Date `toml:"effective_from" json:"effective_from"`
	EffectiveUntil jurisdiction.Date `toml:"effective_until" json:"effective_until,omitzero"`
	Source         string            `toml:"source" json:"source"`
	Checked        jurisdiction.Date `toml:"checked" json:"checked"`
}

// Event is a dated fact about the company's policy, kept for people who want
// to know the history.
type Event struct {
	Date   jurisdiction.Date `toml:"date" json:"date"`
	Text   string            `toml:"text" json:"text"`
	Source string            `toml:"source" json:"source"`
}

// ErrUnknownController is matched (with errors.Is) by every
// [*UnknownControllerError].
var ErrUnknownController = errors.New("unknown controller")

// ErrNoEntity is returned when a record has no entity for a person's region
// on the date asked: the directory does not guess an address.
var ErrNoEntity = errors.New("no known entity for this region")

// UnknownControllerError reports a controller id the directory does not
// know, with the nearest ids it does.
type UnknownControllerError struct {
	ID          string
	Suggestions []string
}

// Error names the unknown id and the suggestions.
func (e *UnknownControllerError) Error() string {
	msg := fmt.Sprintf("unknown controller %q", e.ID)
	if len(e.Suggestions) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(e.Suggestions, ", "))
	}
	return msg
}

// Is reports whether target is [ErrUnknownController].
func (e *UnknownControllerError) Is(target error) bool { return target == ErrUnknownController }

func inPeriod(d, from, until jurisdiction.Date) bool {
	if d.Before(from) {
		return false
	}
	return until.IsZero() || !d.After(until)
}

func hasRegion(list []jurisdiction.Region, r jurisdiction.Region) bool {
	for _, v := range list {
		if v == r {
			return true
		}
	}
	return false
}

// For returns the entity responsible for a person in region on day asOf. It
// returns an error wrapping [ErrNoEntity] when the record has none: the
// directory never guesses an address.
func (r *Record) For(region jurisdiction.Region, asOf jurisdiction.Date) (*Entity, error) {
	for i := range r.Entities {
		e := &r.Entities[i]
		if hasRegion(e.Regions, region) && inPeriod(asOf, e.EffectiveFrom, e.EffectiveUntil) {
			return e, nil
		}
	}
	return nil, fmt.Errorf("%s: %w %q on %s", r.Name, ErrNoEntity, region, asOf)
}

// AI returns what the record says about AI training for region on day asOf,
// or nil where it says nothing. It is [Record.AIAt] without a place.
func (r *Record) AI(region jurisdiction.Region, asOf jurisdiction.Date) *AITraining {
	return r.AIAt(region, "", asOf)
}

// AIAt returns what the record says about AI training for a person living
// in residence (an ISO 3166 code such as "CA" or "US-CA", or empty) in
// region on day asOf, or nil where it says nothing. An entry that names
// the person's country in its places wins over one for the whole region.
func (r *Record) AIAt(region jurisdiction.Region, residence string, asOf jurisdiction.Date) *AITraining {
	if c := Country(residence); c != "" {
		for i := range r.AITraining {
			a := &r.AITraining[i]
			if slices.Contains(a.Places, c) && inPeriod(asOf, a.EffectiveFrom, a.EffectiveUntil) {
				return a
			}
		}
	}
	for i := range r.AITraining {
		a := &r.AITraining[i]
		if hasRegion(a.Regions, region) && inPeriod(asOf, a.EffectiveFrom, a.EffectiveUntil) {
			return a
		}
	}
	return nil
}

// Country returns the country part of an ISO 3166 code in upper case:
// "CA" for "ca-qc", "" for "".
func Country(residence string) string {
	c, _, _ := strings.Cut(strings.TrimSpace(residence), "-")
	return strings.ToUpper(c)
}

// SettingsFor returns the in-product settings available in region on day
// asOf that stop one of purposes, in record order. It is
// [Record.SettingsAt] without a place.
func (r *Record) SettingsFor(region jurisdiction.Region, asOf jurisdiction.Date, purposes []string) []Setting {
	return r.SettingsAt(region, "", asOf, purposes)
}

// SettingsAt returns the in-product settings available to a person living
// in residence, in region, on day asOf, that stop one of purposes, in
// record order.
func (r *Record) SettingsAt(region jurisdiction.Region, residence string, asOf jurisdiction.Date, purposes []string) []Setting {
	var out []Setting
	c := Country(residence)
	for _, s := range r.Settings {
		if (hasRegion(s.Regions, region) || c != "" && slices.Contains(s.Places, c)) && inPeriod(asOf, s.EffectiveFrom, s.EffectiveUntil) && overlap(s.Purposes, purposes) {
			out = append(out, s)
		}
	}
	return out
}

// FormsFor returns the web forms available in region on day asOf for one of
// purposes, in record order. It is [Record.FormsAt] without a place.
func (r *Record) FormsFor(region jurisdiction.Region, asOf jurisdiction.Date, purposes []string) []Form {
	return r.FormsAt(region, "", asOf, purposes)
}

// FormsAt returns the web forms available to a person living in
// residence, in region, on day asOf, for one of purposes, in record order.
func (r *Record) FormsAt(region jurisdiction.Region, residence string, asOf jurisdiction.Date, purposes []string) []Form {
	var out []Form
	c := Country(residence)
	for _, f := range r.Forms {
		if (hasRegion(f.Regions, region) || c != "" && slices.Contains(f.Places, c)) && inPeriod(asOf, f.EffectiveFrom, f.EffectiveUntil) && overlap(f.Purposes, purposes) {
			out = append(out, f)
		}
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Purposes lists the uses of data a letter can object to, in the order
// letters name them.
var Purposes = []string{"ai-training", "ml", "ads", "profiling"}

// ValidPurpose reports whether p is one of [Purposes].
func ValidPurpose(p string) bool {
	for _, v := range Purposes {
		if v == p {
			return true
		}
	}
	return false
}

func (r *Record) validate() error {
	// Record text reaches letters, PDFs and email headers: each string is
	// one line of valid UTF-8.
	if err := checkText(reflect.ValueOf(r).Elem(), "record"); err != nil {
		return err
	}
	if r.ID == "" || r.ID != strings.ToLower(r.ID) || strings.ContainsAny(r.ID, " /\\") {
		return fmt.Errorf("id %q must be lower-case without spaces or slashes", r.ID)
	}
	if r.Name == "" {
		return errors.New("name is missing")
	}
	if len(r.Entities) == 0 && len(r.Notes) == 0 {
		// A company whose entities cannot be sourced may still be listed,
		// so that the user learns why no letter can be addressed; the
		// notes must say so.
		return errors.New("no entity, and no notes saying why")
	}
	for _, t := range r.Thresholds {
		// Whether the law and its threshold ids exist is checked against
		// the rules in the tests; here only what a record alone can show.
		if t.Law == "" {
			return errors.New("threshold: law is missing")
		}
		if err := jurisdiction.CheckSourceURL(t.Source); err != nil {
			return fmt.Errorf("threshold for %s: %w", t.Law, err)
		}
		if t.Status != "" && t.Status != EntityVerified && t.Status != EntitySecondary {
			return fmt.Errorf("threshold for %s: status %q is not verified or secondary", t.Law, t.Status)
		}
	}
	if a := r.LeadAuthority; a != nil {
		if a.Name == "" {
			return errors.New("lead_authority: name is missing")
		}
		if err := checkURL(a.URL); err != nil {
			return fmt.Errorf("lead_authority url: %w", err)
		}
		if err := checkURL(a.Source); err != nil {
			return fmt.Errorf("lead_authority source: %w", err)
		}
	}
	for i, e := range r.Entities {
		if err := e.validate(); err != nil {
			return fmt.Errorf("entity[%d] (%s): %w", i, e.Name, err)
		}
		for j, f := range r.Entities[:i] {
			for _, reg := range e.Regions {
				if hasRegion(f.Regions, reg) && periodsOverlap(e.EffectiveFrom, e.EffectiveUntil, f.EffectiveFrom, f.EffectiveUntil) {
					return fmt.Errorf("entity[%d] and entity[%d] both serve region %q at the same time", j, i, reg)
				}
			}
		}
	}
	for i, s := range r.Settings {
		if s.ID == "" || s.Name == "" || len(s.Path) == 0 {
			return fmt.Errorf("setting[%d]: id, name and path are required", i)
		}
		if err := checkCommon(s.Regions, s.Places, s.Purposes, s.EffectiveFrom, s.EffectiveUntil, s.Source, s.Checked); err != nil {
			return fmt.Errorf("setting %s: %w", s.ID, err)
		}
		if s.URL != "" {
			if err := checkURL(s.URL); err != nil {
				return fmt.Errorf("setting %s: %w", s.ID, err)
			}
		}
		for j, l := range s.Labels {
			if err := l.validate(); err != nil {
				return fmt.Errorf("setting %s: label[%d]: %w", s.ID, j, err)
			}
			for _, other := range s.Labels[:j] {
				if other.Lang == l.Lang {
					return fmt.Errorf("setting %s: two labels for %q", s.ID, l.Lang)
				}
			}
		}
	}
	for i, f := range r.Forms {
		if f.ID == "" || f.Name == "" {
			return fmt.Errorf("form[%d]: id and name are required", i)
		}
		if err := checkURL(f.URL); err != nil {
			return fmt.Errorf("form %s: %w", f.ID, err)
		}
		if err := checkCommon(f.Regions, f.Places, f.Purposes, f.EffectiveFrom, f.EffectiveUntil, f.Source, f.Checked); err != nil {
			return fmt.Errorf("form %s: %w", f.ID, err)
		}
		statements := 0
		for j, fd := range f.Fields {
			if err := fd.validate(); err != nil {
				return fmt.Errorf("form %s: field[%d] %q: %w", f.ID, j, fd.ID, err)
			}
			for _, other := range f.Fields[:j] {
				if other.ID == fd.ID {
					return fmt.Errorf("form %s: field id %q appears twice", f.ID, fd.ID)
				}
			}
			if fd.Fill == "statement" {
				statements++
			}
		}
		if statements > 1 {
			return fmt.Errorf("form %s: %d fields with fill = \"statement\"; a form takes the letter's text once", f.ID, statements)
		}
	}
	for i, a := range r.AITraining {
		if a.Status != AIExcluded && a.Status != AIActive {
			return fmt.Errorf("ai_training[%d]: status %q is not excluded or active", i, a.Status)
		}
		if err := checkCommon(a.Regions, a.Places, []string{"ai-training"}, a.EffectiveFrom, a.EffectiveUntil, a.Source, a.Checked); err != nil {
			return fmt.Errorf("ai_training[%d]: %w", i, err)
		}
		if a.Setting != "" {
			s := r.setting(a.Setting)
			if s == nil {
				return fmt.Errorf("ai_training[%d]: setting %q is not among the record's settings", i, a.Setting)
			}
			if !s.meets(&r.AITraining[i]) {
				return fmt.Errorf("ai_training[%d]: setting %q is not offered in any of its regions during its period", i, a.Setting)
			}
		}
		for j, b := range r.AITraining[:i] {
			if !periodsOverlap(a.EffectiveFrom, a.EffectiveUntil, b.EffectiveFrom, b.EffectiveUntil) {
				continue
			}
			for _, reg := range a.Regions {
				if hasRegion(b.Regions, reg) {
					return fmt.Errorf("ai_training[%d] and [%d] overlap for region %q", j, i, reg)
				}
			}
			for _, p := range a.Places {
				if slices.Contains(b.Places, p) {
					return fmt.Errorf("ai_training[%d] and [%d] overlap for place %q", j, i, p)
				}
			}
		}
	}
	// The other direction: a setting that stops AI training says the
	// company trains; the record must say so too, for some place and time
	// the setting covers.
	for _, st := range r.Settings {
		if !slices.Contains(st.Purposes, "ai-training") {
			continue
		}
		found := false
		for j := range r.AITraining {
			a := &r.AITraining[j]
			found = found || a.Status == AIActive && st.meets(a)
		}
		if !found {
			return fmt.Errorf("setting %s stops AI training, but no ai_training entry says the company trains where and when the setting is offered", st.ID)
		}
	}
	for i, ev := range r.Timeline {
		if ev.Date.IsZero() || ev.Text == "" {
			return fmt.Errorf("timeline[%d]: date and text are required", i)
		}
		if err := checkURL(ev.Source); err != nil {
			return fmt.Errorf("timeline[%d]: %w", i, err)
		}
	}
	return nil
}

func (r *Record) setting(id string) *Setting {
	for i := range r.Settings {
		if r.Settings[i].ID == id {
			return &r.Settings[i]
		}
	}
	return nil
}

// meets reports whether s is offered in one of a's regions or places at
// some time in a's period.
func (s *Setting) meets(a *AITraining) bool {
	if !periodsOverlap(s.EffectiveFrom, s.EffectiveUntil, a.EffectiveFrom, a.EffectiveUntil) {
		return false
	}
	for _, reg := range a.Regions {
		if hasRegion(s.Regions, reg) {
			return true
		}
	}
	for _, p := range a.Places {
		if slices.Contains(s.Places, p) {
			return true
		}
	}
	return false
}

// checkText returns an error for the first string reachable from v
// (through pointers, slices and exported struct fields) that is not valid
// UTF-8 or holds a control character or a Unicode line or paragraph
// separator, or a bidirectional control (see guard.Text). path names v
// in the error.
func checkText(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.String:
		if err := guard.Text(v.String(), false); err != nil {
			return fmt.Errorf("%s: %q %w", path, v.String(), err)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return checkText(v.Elem(), path)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := checkText(v.Index(i), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				name := f.Name
				if tag, _, _ := strings.Cut(f.Tag.Get("toml"), ","); tag != "" {
					name = tag
				}
				if err := checkText(v.Field(i), path+"."+name); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (e *Entity) validate() error {
	if e.Name == "" {
		return errors.New("name is missing")
	}
	if len(e.Address) == 0 && e.Email == "" {
		// An entity whose email is confirmed but whose postal address is
		// not still gets email letters; only a PDF needs the address.
		return errors.New("postal address and email are both missing")
	}
	for _, line := range e.Address {
		if strings.TrimSpace(line) == "" {
			return errors.New("postal address has an empty line")
		}
	}
	switch e.Status {
	case "", EntityVerified, EntitySecondary:
	default:
		return fmt.Errorf("status %q is not %s or %s", e.Status, EntityVerified, EntitySecondary)
	}
	if e.Email != "" {
		if err := guard.Email(e.Email); err != nil {
			return fmt.Errorf("email %q %w", e.Email, err)
		}
	}
	if e.ContactForm != "" {
		if err := checkURL(e.ContactForm); err != nil {
			return fmt.Errorf("contact_form: %w", err)
		}
	}
	return checkCommon(e.Regions, nil, []string{"ai-training"}, e.EffectiveFrom, e.EffectiveUntil, e.Source, e.Checked)
}

// langCode reports whether s looks like an ISO 639 code: two or three
// lower-case letters.
func langCode(s string) bool {
	return len(s) >= 2 && len(s) <= 3 && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz") == ""
}

func (l *Label) validate() error {
	if !langCode(l.Lang) || l.Lang == "en" {
		return fmt.Errorf("lang %q is not a lower-case ISO 639-1 code other than en (the setting's own name and path are English)", l.Lang)
	}
	if l.Name == "" || len(l.Path) == 0 {
		return errors.New("name and path are required")
	}
	if err := checkURL(l.Source); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	if l.Checked.IsZero() {
		return errors.New("checked (the date the source was read) is missing")
	}
	return nil
}

func (f *Field) validate() error {
	if f.ID == "" {
		return errors.New("id is required")
	}
	if f.Label == "" && f.Fill == "" {
		return errors.New("a field without a label needs fill, which says what goes in")
	}
	if f.Source != "" {
		if err := checkURL(f.Source); err != nil {
			return fmt.Errorf("source: %w", err)
		}
	}
	for _, o := range f.Options {
		if len(o.Purposes) == 0 {
			return errors.New("an option needs purposes")
		}
		for _, p := range o.Purposes {
			if !ValidPurpose(p) {
				return fmt.Errorf("option purpose %q is not one of %s", p, strings.Join(Purposes, ", "))
			}
		}
		if o.Text != "" && !slices.Contains(f.Choices, o.Text) {
			return fmt.Errorf("option %q is not among the choices", o.Text)
		}
		for i, l := range o.Labels {
			if !langCode(l.Lang) || l.Lang == "en" || l.Text == "" {
				return fmt.Errorf("option label %q: lang must be a lower-case ISO 639-1 code other than en, with text", l.Lang)
			}
			if err := checkURL(l.Source); err != nil {
				return fmt.Errorf("option label %s: source: %w", l.Lang, err)
			}
			for _, other := range o.Labels[:i] {
				if other.Lang == l.Lang {
					return fmt.Errorf("option: two labels for %q", l.Lang)
				}
			}
		}
	}
	switch f.Kind {
	case "text", "email", "freetext":
		if len(f.Choices) > 0 || f.Choose != "" || len(f.Options) > 0 {
			return errors.New("only a choice field has choices")
		}
	case "choice":
		if len(f.Choices) == 0 && len(f.Options) == 0 {
			return errors.New("a choice field needs choices or options")
		}
		if f.Choose != "" {
			found := false
			for _, c := range f.Choices {
				found = found || c == f.Choose
			}
			if !found {
				return fmt.Errorf("choose %q is not among the choices", f.Choose)
			}
		}
	default:
		return fmt.Errorf("kind %q is not text, email, choice or freetext", f.Kind)
	}
	switch f.Fill {
	case "name", "email", "account", "address", "residence", "choice", "statement", "":
	default:
		return fmt.Errorf("fill %q is not name, email, account, address, residence, choice or statement", f.Fill)
	}
	if f.Fill == "choice" && (f.Kind != "choice" || f.Choose == "" && len(f.Options) == 0) {
		return errors.New("fill = \"choice\" needs kind = \"choice\" and choose or options")
	}
	if f.Fill == "statement" && f.Kind != "freetext" {
		return errors.New("fill = \"statement\" needs kind = \"freetext\"")
	}
	for i, c := range f.Choices {
		if strings.TrimSpace(c) == "" || slices.Contains(f.Choices[:i], c) {
			return fmt.Errorf("choice %q is empty or repeated", c)
		}
	}
	if f.MaxLength < 0 {
		return errors.New("max_length is negative")
	}
	return nil
}

func checkCommon(regions []jurisdiction.Region, places, purposes []string, from, until jurisdiction.Date, source string, checked jurisdiction.Date) error {
	if len(regions) == 0 && len(places) == 0 {
		return errors.New("regions are missing")
	}
	for i, p := range places {
		if len(p) != 2 || p[0] < 'A' || p[0] > 'Z' || p[1] < 'A' || p[1] > 'Z' {
			return fmt.Errorf("place %q is not an upper-case ISO 3166-1 alpha-2 code such as CA", p)
		}
		if slices.Contains(places[:i], p) {
			return fmt.Errorf("place %q is listed twice", p)
		}
	}
	for _, reg := range regions {
		if !hasRegion(jurisdiction.Regions, reg) {
			return fmt.Errorf("region %q is not one of eu, uk, ch, us, row", reg)
		}
	}
	for _, p := range purposes {
		if !ValidPurpose(p) {
			return fmt.Errorf("purpose %q is not one of %s", p, strings.Join(Purposes, ", "))
		}
	}
	if from.IsZero() {
		return errors.New("effective_from is missing")
	}
	if !until.IsZero() && until.Before(from) {
		return errors.New("effective_until is before effective_from")
	}
	if err := checkURL(source); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	if checked.IsZero() {
		return errors.New("checked (the date the source was read) is missing")
	}
	return nil
}

func periodsOverlap(af, au, bf, bu jurisdiction.Date) bool {
	far := jurisdiction.MustDate("9999-01-01")
	if au.IsZero() {
		au = far
	}
	if bu.IsZero() {
		bu = far
	}
	return !af.After(bu) && !bf.After(au)
}

// checkURL returns an error unless s is an https URL, naming it.
func checkURL(s string) error {
	if err := guard.URL(s); err != nil {
		return fmt.Errorf("URL %w", err)
	}
	return nil
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// countryNames maps lower-case English country names, as the last line of
// a postal address gives them, to ISO 3166-1 codes.
var countryNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{"usa": "US", "u.s.a.": "US", "uk": "GB", "the netherlands": "NL"}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || r.String() != string([]rune{a, b}) {
				continue
			}
			if name := display.English.Regions().Name(r); name != "" {
				m[strings.ToLower(name)] = r.String()
			}
		}
	}
	return m
})

// Country returns the ISO 3166-1 code of the country the entity's postal
// address ends with ("Ireland" gives "IE", "USA" gives "US"), or "" where
// its last line names no country. Deadline rules use it to pick the
// holidays of the state where the controller acts.
func (e *Entity) Country() string {
	if e == nil || len(e.Address) == 0 {
		return ""
	}
	return countryNames()[strings.ToLower(strings.TrimSpace(e.Address[len(e.Address)-1]))]
}
