package templates

import (
	"strings"

	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
)

// agentKind chooses the paragraph that states an agent's authority:
//
//   - "gdpr" for objections (GDPR and comparable laws): the GDPR has no
//     agent rule, so the letter rests on a written mandate under national
//     law and claims no statutory agent right;
//   - "us-ca" for California, the only place whose regulation the letter
//     cites (11 CCR § 7026(j): signed written permission);
//   - "us" for US states whose law lets an authorized agent opt out;
//   - "us-none" for every other US state, notably VA, UT, IA, IN, KY and
//     TN, which have no agent provision: the letter claims no right and
//     asks the company to honour the signed permission anyway;
//   - "courtesy" where no law applies.
//
// The list of states is law and belongs in the rules data; it lives here
// until the jurisdiction package carries an agents fact. It errs towards
// "us-none": a state is listed only where its agent provision is known.
func agentKind(a *jurisdiction.Assessment, date jurisdiction.Date) string {
	switch KindFor(a.Regime) {
	case KindCourtesy:
		return "courtesy"
	case KindObjection:
		return "gdpr"
	}
	state := strings.TrimPrefix(a.Residence, "US-")
	if state == "CA" {
		return "us-ca"
	}
	from, ok := usAgentStates[state]
	if ok && !date.Time.Before(jurisdiction.MustDate(from).Time) {
		return "us"
	}
	return "us-none"
}

// usAgentStates are the US states whose privacy law lets an authorized
// agent opt out for the consumer, with the date the provision applies from
// (legal-notes §3.4). The laws' own effective dates still decide whether a
// letter is an opt-out at all.
var usAgentStates = map[string]string{
	"CO": "2023-07-01", // § 6-1-1306(1)(a)(II)
	"CT": "2023-07-01", // § 42-519
	"TX": "2025-01-01", // § 541.055(e)
	"MT": "2024-10-01", // § 30-14-2809
	"NJ": "2025-01-15", // 56:8-166.11
	"NH": "2025-01-01", // RSA 507-H:5
	"NE": "2025-01-01", // § 87-1111(5)
	"MD": "2025-10-01", // § 14-4706
	"RI": "2026-01-01", // § 6-48.1-5(f)
	"OR": "2024-07-01", // ORS 646A.576
	"DE": "2025-01-01",
	"MN": "2025-07-31",
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
