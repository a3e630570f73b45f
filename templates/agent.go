package templates

import (
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
)

// agentKind chooses the paragraph that states an agent's authority:
//
//   - "gdpr" for objections (GDPR and comparable laws): the GDPR has no
//     agent rule, so the letter rests on a written mandate under national
//     law and claims no statutory agent right;
//   - "us-cited" where the state law provides for authorized agents and
//     the rules name the provision to cite (California: 11 CCR § 7026);
//   - "us" where it provides for them without a provision to cite;
//   - "us-none" where the law is known to have no agent provision
//     (Virginia, Utah, ...): the letter says so and claims no right;
//   - "courtesy" where no law applies, or where the rules do not say
//     whether the law provides for agents: the letter claims nothing.
func agentKind(a *jurisdiction.Assessment) string {
	switch {
	case KindFor(a.Regime) == KindObjection:
		return "gdpr"
	case KindFor(a.Regime) == KindCourtesy, a.Agent == nil:
		return "courtesy"
	case !a.Agent.Allowed:
		return "us-none"
	case a.Agent.Citation.Text != "":
		return "us-cited"
	}
	return "us"
}

// agent makes the agent the letter's sender, signing on the person's
// behalf, and lists the person's mandate among the enclosures.
func (v *view) agent(l *letter.Letter, in Input) error {
	person := l.Sender.Name
	l.Sender = *in.Agent
	l.Sender.OnBehalfOf = person
	var err error
	if l.Signature, err = v.T("agent_signature"); err != nil {
		return err
	}
	enc, err := v.T("enclosure_mandate")
	if err != nil {
		return err
	}
	l.Enclosures = append(l.Enclosures, enc)
	return nil
}
