package jurisdiction

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// ReplyKind names a kind of answer a company gives to a request, which a
// reply letter answers in turn.
type ReplyKind string

// The kinds of company answer a reply letter can answer.
const (
	// ReplyIDDemanded: the company asks for proof of identity, such as a
	// copy of an identity card, before it acts.
	ReplyIDDemanded ReplyKind = "id-demanded"
	// ReplyUseForm: the company says the request must be made through its
	// own web form.
	ReplyUseForm ReplyKind = "use-form"
	// ReplyRefused: the company refuses, claiming grounds that override
	// the person's objection.
	ReplyRefused ReplyKind = "refused"
	// ReplyExtended: the company extends the period for its answer.
	ReplyExtended ReplyKind = "extended"
	// ReplyPartial: the company answers only part of the request.
	ReplyPartial ReplyKind = "partial"
	// ReplyAppeal: the company denied a US state-law request; the person
	// appeals to the company as the statute provides.
	ReplyAppeal ReplyKind = "appeal"
)

// ReplyKinds returns every reply kind, in the order the documentation
// lists them.
func ReplyKinds() []ReplyKind {
	return []ReplyKind{ReplyIDDemanded, ReplyUseForm, ReplyRefused, ReplyExtended, ReplyPartial, ReplyAppeal}
}

// replyRoles lists, per kind, the provisions a rule must cite (required)
// and may cite (optional). A role is the part the provision plays in the
// reply, and the letter templates name the same roles.
var replyRoles = map[ReplyKind]struct{ required, optional []string }{
	ReplyIDDemanded: {[]string{"identity"}, []string{"minimisation"}},
	ReplyUseForm:    {[]string{"facilitate"}, nil},
	ReplyRefused:    {[]string{"object"}, []string{"restriction", "reasons", "justification", "claims"}},
	ReplyExtended:   {[]string{"extension"}, nil},
	ReplyPartial:    {[]string{"deadline"}, []string{"reasons"}},
	ReplyAppeal:     {[]string{"appeal"}, nil},
}

// ReplyRule is what one law says about answering one kind of company
// reply: the provisions to cite, by role, and for an appeal the period the
// company has to decide it. A rule with None set records, with its source,
// that the law provides no such route (the CCPA has no appeal), so that
// objector can say so instead of saying it does not know.
type ReplyRule struct {
	Kind ReplyKind `toml:"kind"`
	// Cites holds the provisions the reply cites, by role: "identity"
	// (Art. 12(6) GDPR; for a US opt-out, the rule that forbids
	// verification), "minimisation", "facilitate",
	// "object", "restriction", "reasons", "extension", "deadline",
	// "justification", "claims", "appeal".
	Cites map[string]Citation `toml:"cites"`
	// Days is the period, in days, the company has to decide an appeal.
	Days int `toml:"days"`
	// ExtensionDays is how far the company may extend Days, if at all.
	ExtensionDays int `toml:"extension_days"`
	// None records that the law provides no such route.
	None bool `toml:"none"`
	// Note explains a None rule to the person (English, shown by the CLI
	// only).
	Note           string `toml:"note"`
	EffectiveFrom  Date   `toml:"effective_from"`
	EffectiveUntil Date   `toml:"effective_until"`
	Source         string `toml:"source"`
}

// Cite returns the provision the rule cites for role, and whether it has
// one.
func (r *ReplyRule) Cite(role string) (Citation, bool) {
	c, ok := r.Cites[role]
	return c, ok && c.Text != ""
}

func (r *ReplyRule) in(d Date) bool {
	if !r.EffectiveFrom.IsZero() && d.Before(r.EffectiveFrom) {
		return false
	}
	return r.EffectiveUntil.IsZero() || !d.After(r.EffectiveUntil)
}

func (r *ReplyRule) validate() error {
	roles, ok := replyRoles[r.Kind]
	if !ok {
		kinds := make([]string, 0, len(replyRoles))
		for _, k := range ReplyKinds() {
			kinds = append(kinds, string(k))
		}
		return fmt.Errorf("reply kind %q is not one of %s", r.Kind, strings.Join(kinds, ", "))
	}
	if err := CheckSourceURL(r.Source); err != nil {
		return fmt.Errorf("reply %s: %w", r.Kind, err)
	}
	if !r.EffectiveUntil.IsZero() && r.EffectiveUntil.Before(r.EffectiveFrom) {
		return fmt.Errorf("reply %s: effective_until is before effective_from", r.Kind)
	}
	if r.None {
		if len(r.Cites) > 0 || r.Days > 0 || r.Note == "" {
			return fmt.Errorf("reply %s: a rule with none = true cites nothing and needs a note", r.Kind)
		}
		return nil
	}
	allowed := map[string]bool{}
	for _, role := range roles.required {
		if c, ok := r.Cite(role); !ok || c.Text == "" {
			return fmt.Errorf("reply %s: cites.%s is missing", r.Kind, role)
		}
		allowed[role] = true
	}
	for _, role := range roles.optional {
		allowed[role] = true
	}
	for role, c := range r.Cites {
		if !allowed[role] {
			return fmt.Errorf("reply %s: cites.%s is not a role of this kind", r.Kind, role)
		}
		if c.Text == "" {
			return fmt.Errorf("reply %s: cites.%s needs a text", r.Kind, role)
		}
	}
	if (r.Kind == ReplyAppeal) != (r.Days > 0) {
		return fmt.Errorf("reply %s: days is required for an appeal and only for one", r.Kind)
	}
	return nil
}

// replyFile is one file under replies/: the replies one law supports.
type replyFile struct {
	Law     string      `toml:"law"`
	Replies []ReplyRule `toml:"reply"`
}

// loadReplies reads replies/*.toml and attaches each file's rules to its
// law. A law may have at most one rule per kind in force on any day.
func (r *Rules) loadReplies(fsys fs.FS) error {
	files, err := fs.Glob(fsys, "replies/*.toml")
	if err != nil {
		return err
	}
	for _, name := range files {
		var f replyFile
		if err := decodeStrict(fsys, name, &f); err != nil {
			return err
		}
		if want := strings.TrimSuffix(path.Base(name), ".toml"); f.Law != want {
			return fmt.Errorf("jurisdiction: %s: law %q must match the file name %q", name, f.Law, want)
		}
		law, ok := r.laws[f.Law]
		if !ok {
			return fmt.Errorf("jurisdiction: %s: unknown law %q", name, f.Law)
		}
		for i := range f.Replies {
			rule := &f.Replies[i]
			if err := rule.validate(); err != nil {
				return fmt.Errorf("jurisdiction: %s: %w", name, err)
			}
			if rule.Kind == ReplyAppeal && law.Regime != RegimeUSState && !rule.None {
				return fmt.Errorf("jurisdiction: %s: an appeal to the company is a US state-law route", name)
			}
			for _, other := range f.Replies[:i] {
				if other.Kind == rule.Kind && overlapsDates(other, *rule) {
					return fmt.Errorf("jurisdiction: %s: two %s rules in force on the same day", name, rule.Kind)
				}
			}
		}
		sort.SliceStable(f.Replies, func(i, j int) bool { return f.Replies[i].Kind < f.Replies[j].Kind })
		law.Replies = f.Replies
	}
	return nil
}

func overlapsDates(a, b ReplyRule) bool {
	return overlaps(Application{EffectiveFrom: a.EffectiveFrom, EffectiveUntil: a.EffectiveUntil},
		Application{EffectiveFrom: b.EffectiveFrom, EffectiveUntil: b.EffectiveUntil})
}

// repliesOn returns the rules of l in force on day d.
func (l *Law) repliesOn(d Date) []ReplyRule {
	var out []ReplyRule
	for _, rule := range l.Replies {
		if rule.in(d) {
			out = append(out, rule)
		}
	}
	return out
}

// Reply returns the rule the assessed law has for answering a company
// reply of kind k, and whether it has one. A rule with None set means the
// law provides no such route.
func (a *Assessment) Reply(k ReplyKind) (ReplyRule, bool) {
	for _, r := range a.Replies {
		if r.Kind == k {
			return r, true
		}
	}
	return ReplyRule{}, false
}
