package jurisdiction

import (
	"errors"
	"fmt"
	"strings"
)

// Threshold is one test a law applies to decide whether it binds a company:
// most US state laws bind only controllers that, for example, process the
// data of at least 100,000 of the state's consumers; Florida's binds only
// those with more than USD 1 billion in revenue that also meet a platform
// criterion. A law binds a company that meets any one of its thresholds.
type Threshold struct {
	ID     string `toml:"id" json:"id"`
	Text   string `toml:"text" json:"text"` // the test in English
	Source string `toml:"source" json:"source"`
}

// ThresholdClaim is what a company record says about one law's thresholds:
// which of them the company meets (none, where the record says it meets
// none), and where that comes from.
type ThresholdClaim struct {
	Law    string   `toml:"law" json:"law"`
	Meets  []string `toml:"meets" json:"meets"`
	Status string   `toml:"status" json:"status,omitempty"` // "verified" or "secondary"
	Source string   `toml:"source" json:"source"`
}

// Validate checks the claim against the rules: a known law, threshold ids
// that law defines, and a source.
func (c ThresholdClaim) Validate(r *Rules) error {
	l := r.Law(c.Law)
	if l == nil {
		return fmt.Errorf("threshold claim: unknown law %q", c.Law)
	}
	for _, id := range c.Meets {
		if l.threshold(id) == nil {
			return fmt.Errorf("threshold claim: law %s has no threshold %q", c.Law, id)
		}
	}
	if err := CheckSourceURL(c.Source); err != nil {
		return fmt.Errorf("threshold claim for %s: %w", c.Law, err)
	}
	return nil
}

// Company is what the rules need to know about the company a request goes
// to: its name, and what its record says about the thresholds it meets.
type Company struct {
	Name       string
	Thresholds []ThresholdClaim
}

// The values of [Applicability.Status].
const (
	// AppliesUnconditionally: the law binds every controller the request
	// can go to; it states no thresholds objector models.
	AppliesUnconditionally = "no-thresholds"
	// AppliesMeets: the company's record says it meets a threshold.
	AppliesMeets = "meets"
	// AppliesBelow: the company's record says it meets none, so the law
	// does not reach it.
	AppliesBelow = "below"
	// AppliesUnknown: objector does not know whether the company meets
	// the law's thresholds.
	AppliesUnknown = "unknown"
)

// Applicability explains whether a law that binds only companies above
// thresholds reaches the company a request goes to.
type Applicability struct {
	Status     string      `json:"status"`
	Law        string      `json:"law"`
	Company    string      `json:"company,omitempty"`
	Thresholds []Threshold `json:"thresholds,omitempty"`
	Met        []string    `json:"met,omitempty"`
	Source     string      `json:"source,omitempty"`
	Claim      string      `json:"claim_status,omitempty"`
}

func (l *Law) threshold(id string) *Threshold {
	for i := range l.Thresholds {
		if l.Thresholds[i].ID == id {
			return &l.Thresholds[i]
		}
	}
	return nil
}

func (l *Law) validateThresholds() error {
	seen := map[string]bool{}
	for _, t := range l.Thresholds {
		if t.ID == "" || t.Text == "" {
			return errors.New("threshold needs an id and a text")
		}
		if seen[t.ID] {
			return fmt.Errorf("threshold %q listed twice", t.ID)
		}
		seen[t.ID] = true
		if err := CheckSourceURL(t.Source); err != nil {
			return fmt.Errorf("threshold %s: %w", t.ID, err)
		}
	}
	if l.OnlyIfMet && len(l.Thresholds) == 0 {
		return errors.New("only_if_met needs thresholds")
	}
	return nil
}

// applyCompany decides whether law reaches company and changes the
// assessment accordingly: where the company's record says it meets none of
// the thresholds, or where the law is so narrow (only_if_met) that objector
// cites it only for companies known to meet one, the assessment falls back
// to a courtesy request that names the law and says why it does not claim
// it.
func (a *Assessment) applyCompany(law *Law, c *Company, n notes) {
	if len(law.Thresholds) == 0 {
		return
	}
	ap := &Applicability{Status: AppliesUnknown, Law: law.Name, Thresholds: law.Thresholds}
	if c != nil {
		ap.Company = c.Name
		for _, cl := range c.Thresholds {
			if cl.Law != law.ID {
				continue
			}
			ap.Source, ap.Claim, ap.Met = cl.Source, cl.Status, cl.Meets
			ap.Status = AppliesBelow
			if len(cl.Meets) > 0 {
				ap.Status = AppliesMeets
			}
			a.Sources = appendUnique(a.Sources, cl.Source)
		}
	}
	for _, t := range law.Thresholds {
		a.Sources = appendUnique(a.Sources, t.Source)
	}
	a.Applicability = ap
	who := n.text("the_company", nil)
	if ap.Company != "" {
		who = ap.Company
	}
	tests := make([]string, len(law.Thresholds))
	for i, t := range law.Thresholds {
		tests[i] = t.Text
	}
	list := strings.Join(tests, "; or ")
	if !law.OnlyIfMet && ap.Status == AppliesUnknown {
		// The common case: the law is cited, and the note says what
		// objector cannot know.
		a.Notes = append(a.Notes, n.text("threshold_unknown", map[string]string{"Law": law.Short, "Thresholds": list, "Company": who}))
		return
	}
	switch {
	case ap.Status == AppliesMeets:
		var met []string
		for _, id := range ap.Met {
			met = append(met, law.threshold(id).Text)
		}
		a.Notes = append(a.Notes, n.text("threshold_met", map[string]string{"Law": law.Short, "Company": who, "Met": strings.Join(met, "; ")}))
	case ap.Status == AppliesBelow:
		a.Notes = append(a.Notes, n.text("threshold_none", map[string]string{"Law": law.Short, "Company": who}))
		a.fallBack()
	case law.OnlyIfMet:
		a.Notes = append(a.Notes, n.text("threshold_unconfirmed", map[string]string{"Law": law.Short, "Company": who}))
		a.fallBack()
	}
}

// fallBack turns the assessment into one for a courtesy request, keeping
// the law's name so that the letter can say why it does not claim it.
func (a *Assessment) fallBack() {
	a.Regime = RegimeNone
	a.Rights = []Right{}
	a.Deadline = nil
	a.Agent = nil
}
