package jurisdiction

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/internal/suggest"
)

// Law is one statute or regulation as the rules data describes it: its
// regime, the rights it grants and the deadline it sets.
type Law struct {
	ID       string    `toml:"id"`
	Regime   Regime    `toml:"regime"`
	Name     string    `toml:"name"`
	Short    string    `toml:"short"`
	Source   string    `toml:"source"`
	Rights   []Right   `toml:"right"`
	Deadline *Deadline `toml:"deadline"`
	// DatedDeadlines replace Deadline where the rule changed over time:
	// each is in force between its EffectiveFrom and EffectiveUntil, and a
	// date none covers has no deadline. A law has one or the other.
	DatedDeadlines []Deadline `toml:"dated_deadline"`
	// Agent says whether the law lets an authorized agent act for the
	// person; nil where it has no such provision or it is not known.
	Agent *AgentRule `toml:"agent"`
	// Complaint says how a person complains to the authority; nil where
	// the data does not say.
	Complaint *Complaint `toml:"complaint"`
	Notes     []string   `toml:"notes"`
	// Replies says how to answer a company's reply to a request under
	// this law (replies/<law>.toml); empty where the data has none.
	Replies []ReplyRule `toml:"-"`
	// Thresholds are the tests of which a company must meet one for the
	// law to bind it; none where the law (as objector models it) binds
	// every company a request goes to.
	Thresholds []Threshold `toml:"threshold"`
	// OnlyIfMet says the law reaches so few companies (Florida's) that a
	// letter claims it only where the company's record says it meets a
	// threshold.
	OnlyIfMet bool `toml:"only_if_met"`
	// Proposals are dated notes about changes proposed but not in force.
	Proposals []Proposal `toml:"proposal"`
}

// Application records that a law applies to a place from one date (and,
// where it lapsed, until another, inclusive).
type Application struct {
	Law            string   `toml:"law"`
	EffectiveFrom  Date     `toml:"effective_from"`
	EffectiveUntil Date     `toml:"effective_until"`
	NationalLaw    string   `toml:"national_law"`
	Source         string   `toml:"source"`
	Notes          []string `toml:"notes"`
}

// in reports whether the application is in force on day d.
func (a Application) in(d Date) bool {
	if d.Before(a.EffectiveFrom) {
		return false
	}
	return a.EffectiveUntil.IsZero() || !d.After(a.EffectiveUntil)
}

// Place is a country or subdivision a person can live in.
type Place struct {
	Code      string        `toml:"code"`
	Name      string        `toml:"name"`
	Region    Region        `toml:"region"`
	Parent    string        `toml:"parent"`
	Languages []string      `toml:"languages"`
	Authority *Authority    `toml:"authority"`
	Applies   []Application `toml:"applies"`
	Notes     []string      `toml:"notes"`
	// ComplaintsBySubdivision says that complaints about companies go to
	// the authority of the person's subdivision (a German federal state),
	// not to the country's own authority, so a complaint needs the
	// subdivision's code.
	ComplaintsBySubdivision bool `toml:"complaints_by_subdivision"`
	// NoLawSource documents why the place has no statutory right (for
	// example a tracker page listing the states without a comprehensive
	// privacy law). Required when Applies is empty.
	NoLawSource string `toml:"no_law_source"`

	// unmodelled is true for a valid country code the rules data does not
	// list: objector knows nothing of its law.
	unmodelled bool
}

// Rules is a validated, read-only set of laws and places. It is safe for
// concurrent use.
type Rules struct {
	laws   map[string]*Law
	places map[string]*Place
	codes  []string // sorted
	notes  notes
}

// Load reads a rule set from fsys: laws from laws/*.toml, places from
// places/*.toml, and the wording of the notes the rules add from
// notes.toml (the embedded one where fsys has none). Unknown keys, missing sources, malformed URLs or dates and
// references to unknown laws are errors that name the file.
func Load(fsys fs.FS) (*Rules, error) {
	r := &Rules{laws: map[string]*Law{}, places: map[string]*Place{}}
	var err error
	if r.notes, err = loadNotes(fsys); err != nil {
		return nil, err
	}
	lawFiles, err := fs.Glob(fsys, "laws/*.toml")
	if err != nil {
		return nil, err
	}
	placeFiles, err := fs.Glob(fsys, "places/*.toml")
	if err != nil {
		return nil, err
	}
	if len(lawFiles) == 0 || len(placeFiles) == 0 {
		return nil, errors.New("jurisdiction: rules need laws/*.toml and places/*.toml")
	}
	for _, name := range lawFiles {
		var l Law
		if err := decodeStrict(fsys, name, &l); err != nil {
			return nil, err
		}
		if err := l.validate(); err != nil {
			return nil, fmt.Errorf("jurisdiction: %s: %w", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".toml"); l.ID != want {
			return nil, fmt.Errorf("jurisdiction: %s: id %q must match the file name %q", name, l.ID, want)
		}
		r.laws[l.ID] = &l
	}
	if err := r.loadReplies(fsys); err != nil {
		return nil, err
	}
	for _, name := range placeFiles {
		var p Place
		if err := decodeStrict(fsys, name, &p); err != nil {
			return nil, err
		}
		if want := strings.TrimSuffix(path.Base(name), ".toml"); p.Code != want {
			return nil, fmt.Errorf("jurisdiction: %s: code %q must match the file name %q", name, p.Code, want)
		}
		if err := r.validatePlace(&p); err != nil {
			return nil, fmt.Errorf("jurisdiction: %s: %w", name, err)
		}
		r.places[p.Code] = &p
	}
	for code, p := range r.places {
		if p.Parent != "" {
			parent, ok := r.places[p.Parent]
			if !ok {
				return nil, fmt.Errorf("jurisdiction: places/%s.toml: parent %q is not a known place", code, p.Parent)
			}
			if parent.Parent != "" {
				return nil, fmt.Errorf("jurisdiction: places/%s.toml: parent %q has a parent itself; one level only", code, p.Parent)
			}
		}
		r.codes = append(r.codes, code)
	}
	sort.Strings(r.codes)
	return r, nil
}

func decodeStrict(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(v)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return fmt.Errorf("%s: unknown keys %s", name, strings.Join(keys, ", "))
	}
	return nil
}

// CheckSourceURL reports whether s is an absolute https URL with a host, as
// every source in the data must be.
func CheckSourceURL(s string) error {
	if err := guard.URL(s); err != nil {
		return fmt.Errorf("source %w", err)
	}
	return nil
}

func (l *Law) validate() error {
	if l.ID == "" || l.Name == "" {
		return errors.New("law needs id and name")
	}
	if !l.Regime.valid() || l.Regime == RegimeNone {
		return fmt.Errorf("law %s: regime %q is not one of gdpr, uk-gdpr, ch-fadp, us-state, other", l.ID, l.Regime)
	}
	if err := CheckSourceURL(l.Source); err != nil {
		return fmt.Errorf("law %s: %w", l.ID, err)
	}
	if len(l.Rights) == 0 {
		return fmt.Errorf("law %s: grants no rights; a place without rights needs no law", l.ID)
	}
	seen := map[string]bool{}
	for _, rt := range l.Rights {
		if !KnownRight(rt.ID) {
			return fmt.Errorf("law %s: unknown right id %q", l.ID, rt.ID)
		}
		if seen[rt.ID] {
			return fmt.Errorf("law %s: right %q listed twice", l.ID, rt.ID)
		}
		seen[rt.ID] = true
		if rt.Citation.Text == "" || rt.Summary == "" {
			return fmt.Errorf("law %s: right %s needs a citation text and a summary", l.ID, rt.ID)
		}
		if err := CheckSourceURL(rt.Source); err != nil {
			return fmt.Errorf("law %s: right %s: %w", l.ID, rt.ID, err)
		}
		if !rt.Condition.valid() {
			return fmt.Errorf("law %s: right %s: condition %q is not one of particular-situation, breach, cease-use", l.ID, rt.ID, rt.Condition)
		}
	}
	if d := l.Deadline; d != nil {
		if err := d.validate(); err != nil {
			return fmt.Errorf("law %s: %w", l.ID, err)
		}
		if !d.EffectiveFrom.IsZero() || !d.EffectiveUntil.IsZero() {
			return fmt.Errorf("law %s: deadline: dates belong to dated_deadline entries", l.ID)
		}
	}
	if l.Deadline != nil && len(l.DatedDeadlines) > 0 {
		return fmt.Errorf("law %s: give either deadline or dated_deadline, not both", l.ID)
	}
	for i := range l.DatedDeadlines {
		d := &l.DatedDeadlines[i]
		if err := d.validate(); err != nil {
			return fmt.Errorf("law %s: dated_deadline[%d]: %w", l.ID, i, err)
		}
		if d.EffectiveFrom.IsZero() {
			return fmt.Errorf("law %s: dated_deadline[%d]: effective_from is missing", l.ID, i)
		}
		if !d.EffectiveUntil.IsZero() && d.EffectiveUntil.Before(d.EffectiveFrom) {
			return fmt.Errorf("law %s: dated_deadline[%d]: effective_until is before effective_from", l.ID, i)
		}
		for j := range l.DatedDeadlines[:i] {
			e := &l.DatedDeadlines[j]
			if overlaps(Application{EffectiveFrom: d.EffectiveFrom, EffectiveUntil: d.EffectiveUntil}, Application{EffectiveFrom: e.EffectiveFrom, EffectiveUntil: e.EffectiveUntil}) {
				return fmt.Errorf("law %s: dated_deadline[%d] overlaps dated_deadline[%d]", l.ID, i, j)
			}
		}
	}
	if err := l.validateThresholds(); err != nil {
		return fmt.Errorf("law %s: %w", l.ID, err)
	}
	for _, p := range l.Proposals {
		if err := p.validate(); err != nil {
			return fmt.Errorf("law %s: %w", l.ID, err)
		}
	}
	if r := l.Agent; r != nil {
		if err := r.validate(); err != nil {
			return fmt.Errorf("law %s: %w", l.ID, err)
		}
	}
	if c := l.Complaint; c != nil {
		if err := c.validate(); err != nil {
			return fmt.Errorf("law %s: %w", l.ID, err)
		}
	}
	return nil
}

func (r *Rules) validatePlace(p *Place) error {
	if p.Code != normalize(p.Code) || p.Name == "" {
		return fmt.Errorf("place needs an upper-case code and a name")
	}
	if !p.Region.valid() {
		return fmt.Errorf("place %s: region %q is not one of eu, uk, ch, us, row", p.Code, p.Region)
	}
	if p.Parent == "" && len(p.Languages) == 0 {
		return fmt.Errorf("place %s: languages are missing", p.Code)
	}
	if a := p.Authority; a != nil {
		if a.Name == "" {
			return fmt.Errorf("place %s: authority needs a name", p.Code)
		}
		if err := CheckSourceURL(a.URL); err != nil {
			return fmt.Errorf("place %s: authority url: %w", p.Code, err)
		}
		if err := CheckSourceURL(a.Source); err != nil {
			return fmt.Errorf("place %s: authority: %w", p.Code, err)
		}
	}
	if p.Parent == "" && len(p.Applies) == 0 {
		if err := CheckSourceURL(p.NoLawSource); err != nil {
			return fmt.Errorf("place %s applies no law, so no_law_source must say where that was checked: %w", p.Code, err)
		}
	}
	for i, a := range p.Applies {
		if _, ok := r.laws[a.Law]; !ok {
			return fmt.Errorf("place %s: applies[%d]: unknown law %q", p.Code, i, a.Law)
		}
		if a.EffectiveFrom.IsZero() {
			return fmt.Errorf("place %s: applies[%d]: effective_from is missing", p.Code, i)
		}
		if !a.EffectiveUntil.IsZero() && a.EffectiveUntil.Before(a.EffectiveFrom) {
			return fmt.Errorf("place %s: applies[%d]: effective_until is before effective_from", p.Code, i)
		}
		if err := CheckSourceURL(a.Source); err != nil {
			return fmt.Errorf("place %s: applies[%d]: %w", p.Code, i, err)
		}
		for j, b := range p.Applies[:i] {
			if overlaps(a, b) {
				return fmt.Errorf("place %s: applies[%d] (%s) overlaps applies[%d] (%s)", p.Code, i, a.Law, j, b.Law)
			}
		}
	}
	return nil
}

func overlaps(a, b Application) bool {
	end := func(x Application) Date {
		if x.EffectiveUntil.IsZero() {
			return Date{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}
		}
		return x.EffectiveUntil
	}
	return !a.EffectiveFrom.After(end(b)) && !b.EffectiveFrom.After(end(a))
}

// Codes returns every known residence code, sorted.
func (r *Rules) Codes() []string { return append([]string(nil), r.codes...) }

// Place returns the place with the given code (case-insensitive), or an
// [*UnknownResidenceError].
func (r *Rules) Place(code string) (*Place, error) {
	c := normalize(code)
	if p, ok := r.places[c]; ok {
		return p, nil
	}
	if p := r.isoPlace(c); p != nil {
		return p, nil
	}
	// Not ISO 3166-1 codes, but what people type: UK for GB, and EL, the
	// EU's own code for Greece, for GR.
	if iso, ok := map[string]string{"UK": "GB", "EL": "GR"}[c]; ok {
		return nil, &UnknownResidenceError{Code: code, Suggestions: []string{iso}}
	}
	return nil, &UnknownResidenceError{Code: code, Suggestions: suggest.Closest(c, r.codes, maxDistance(c), 3)}
}

// Subdivisions returns the codes of the places whose parent is code, sorted.
func (r *Rules) Subdivisions(code string) []string {
	var out []string
	for _, c := range r.codes {
		if r.places[c].Parent == normalize(code) {
			out = append(out, c)
		}
	}
	return out
}

// Law returns the law with the given id, or nil.
func (r *Rules) Law(id string) *Law { return r.laws[id] }

// Resolve returns the assessment for a person living at residence on day
// asOf: the law in force, its rights, deadline, authority and languages. A
// subdivision without rules of its own (such as DE-BY) takes its country's
// law and keeps its own authority where it has one. It returns an
// [*UnknownResidenceError] for codes the rules do not know.
func (r *Rules) Resolve(residence string, asOf Date) (*Assessment, error) {
	return r.ResolveFor(residence, asOf, nil)
}

// ResolveFor is [Rules.Resolve] for a request to company c: where the law
// binds only companies above thresholds, the assessment says whether c's
// record meets them ([Assessment.Applicability]), and falls back to a
// courtesy request where it does not, or where the law is too narrow to
// claim without knowing (Florida's). A nil c is a company objector knows
// nothing about.
func (r *Rules) ResolveFor(residence string, asOf Date, c *Company) (*Assessment, error) {
	p, err := r.Place(residence)
	if err != nil {
		return nil, err
	}
	asOf = Day(asOf.Time)
	a := &Assessment{
		Residence: p.Code,
		Place:     p.Name,
		AsOf:      asOf,
		Region:    p.Region,
		Regime:    RegimeNone,
		Rights:    []Right{},
		Languages: p.Languages,
		Authority: p.Authority,

		ComplaintsBySubdivision: p.ComplaintsBySubdivision,
		Unmodelled:              p.unmodelled,
	}
	applies := p.Applies
	if p.Parent != "" {
		parent := r.places[p.Parent]
		if len(applies) == 0 {
			applies = parent.Applies
		}
		if len(a.Languages) == 0 {
			a.Languages = parent.Languages
		}
		if a.Authority == nil {
			a.Authority = parent.Authority
		}
		a.Notes = append(a.Notes, parent.Notes...)
	}
	a.Notes = append(a.Notes, p.Notes...)
	for _, app := range applies {
		if !app.in(asOf) {
			continue
		}
		law := r.laws[app.Law]
		a.Regime = law.Regime
		a.LawID = law.ID
		a.Law = law.Name
		a.LawShort = law.Short
		a.NationalLaw = app.NationalLaw
		a.EffectiveFrom = app.EffectiveFrom
		a.Rights = append(a.Rights, law.Rights...)
		a.Deadline = law.deadlineOn(asOf)
		a.Complaint = law.Complaint.on(asOf)
		a.Agent = law.Agent.on(asOf)
		a.Replies = law.repliesOn(asOf)
		for _, rule := range a.Replies {
			a.Sources = appendUnique(a.Sources, rule.Source)
		}
		a.Notes = append(a.Notes, law.Notes...)
		a.Notes = append(a.Notes, app.Notes...)
		a.Sources = appendUnique(a.Sources, law.Source, app.Source)
		for _, rt := range law.Rights {
			a.Sources = appendUnique(a.Sources, rt.Source)
		}
		a.Proposals = law.proposalsOn(asOf)
		a.applyCompany(law, c, r.notes)
		break
	}
	if a.Unmodelled {
		a.Notes = append(a.Notes, r.notes.text("unmodelled", map[string]string{"Place": p.Name}))
	} else if a.Regime == RegimeNone && a.Applicability == nil {
		a.Notes = append(a.Notes, r.notes.text("no_right", nil))
		if next := nextApplication(applies, asOf); next != nil {
			a.Notes = append(a.Notes, r.notes.text("takes_effect", map[string]string{"Law": r.laws[next.Law].Name, "Date": next.EffectiveFrom.String()}))
			a.Sources = appendUnique(a.Sources, next.Source)
		}
		if p.NoLawSource != "" {
			a.Sources = appendUnique(a.Sources, p.NoLawSource)
		}
	}
	if a.Authority != nil {
		a.Sources = appendUnique(a.Sources, a.Authority.Source)
	}
	if c := a.Complaint; c != nil {
		a.Sources = appendUnique(a.Sources, c.Source, c.ControllerFirstSource)
	}
	return a, nil
}

// deadlineOn returns the deadline in force on day d: the law's single
// deadline, or the dated one that covers d, or nil.
func (l *Law) deadlineOn(d Date) *Deadline {
	if l.Deadline != nil {
		return l.Deadline
	}
	for i := range l.DatedDeadlines {
		if l.DatedDeadlines[i].in(d) {
			return &l.DatedDeadlines[i]
		}
	}
	return nil
}

func nextApplication(apps []Application, d Date) *Application {
	var next *Application
	for i := range apps {
		if apps[i].EffectiveFrom.After(d) && (next == nil || apps[i].EffectiveFrom.Before(next.EffectiveFrom)) {
			next = &apps[i]
		}
	}
	return next
}

func appendUnique(list []string, s ...string) []string {
	for _, v := range s {
		if v == "" {
			continue
		}
		dup := false
		for _, w := range list {
			if w == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// maxDistance is how far a suggestion may be from a mistyped code: one
// edit for a two-letter country code (XX is no typo of AT), two for a
// subdivision such as US-CQ.
func maxDistance(code string) int {
	if len(code) <= 3 {
		return 1
	}
	return 2
}
