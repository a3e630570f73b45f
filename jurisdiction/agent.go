package jurisdiction

import (
	"errors"
	"fmt"
)

// AgentRule records that a law lets an authorized agent make requests for
// the person (US state laws, for opt-outs), from which date, and the
// provision a letter should cite, if any.
type AgentRule struct {
	// Allowed is true where the law provides for authorized agents and
	// false where it is known not to (Virginia, Utah, ...). Laws whose
	// position is not known carry no rule at all.
	Allowed       bool `toml:"allowed"`
	EffectiveFrom Date `toml:"effective_from"`
	// Citation is the provision a letter cites when an agent writes; its
	// text is empty where the provision is known but a letter need not
	// cite it.
	Citation Citation `toml:"citation"`
	Source   string   `toml:"source"`
}

func (r *AgentRule) validate() error {
	if r.EffectiveFrom.IsZero() {
		return errors.New("agent: effective_from is missing")
	}
	if !r.Allowed && r.Citation.Text != "" {
		return errors.New("agent: a citation for a law that allows no agent")
	}
	if err := CheckSourceURL(r.Source); err != nil {
		return fmt.Errorf("agent: %w", err)
	}
	return nil
}

// on returns the rule if it applies on day d, else nil.
func (r *AgentRule) on(d Date) *AgentRule {
	if r == nil || d.Before(r.EffectiveFrom) {
		return nil
	}
	return r
}
