package jurisdiction

import (
	"errors"
	"fmt"
)

// Proposal is a dated note about a proposal that would change a law but is
// not in force: [Rules.Resolve] reports it (Assessment.Proposals) for
// `objector rights`, and letters never cite it. When a proposal is adopted,
// the law's data changes instead.
type Proposal struct {
	Name     string `toml:"name" json:"name"`
	Proposed Date   `toml:"proposed" json:"proposed"` // when it was proposed; not shown before
	// Status is what was known on Checked, such as "not adopted".
	Status  string `toml:"status" json:"status"`
	Checked Date   `toml:"checked" json:"checked"`
	Text    string `toml:"text" json:"text"`
	Source  string `toml:"source" json:"source"`
}

func (p Proposal) validate() error {
	if p.Name == "" || p.Text == "" || p.Status == "" {
		return errors.New("proposal needs a name, a status and a text")
	}
	if p.Proposed.IsZero() || p.Checked.IsZero() {
		return fmt.Errorf("proposal %s: proposed and checked dates are needed", p.Name)
	}
	if p.Checked.Before(p.Proposed) {
		return fmt.Errorf("proposal %s: checked before it was proposed", p.Name)
	}
	return CheckSourceURL(p.Source)
}

// proposalsOn returns the proposals made by day d.
func (l *Law) proposalsOn(d Date) []Proposal {
	var out []Proposal
	for _, p := range l.Proposals {
		if !d.Before(p.Proposed) {
			out = append(out, p)
		}
	}
	return out
}
