package jurisdiction

import "encoding/json"

// Assessment is what the law says for one residence on one date. It is the
// only thing templates learn about the law.
type Assessment struct {
	Residence     string      // normalized code, such as "DE" or "US-CA"
	Place         string      // the place's English name
	AsOf          Date        // the date the assessment holds for
	Region        Region      // the region controller records are chosen by
	Regime        Regime      // the family of law; RegimeNone where none applies
	LawID         string      // the law's id in the rules data; empty for RegimeNone
	Law           string      // the law's full name
	LawShort      string      // the law's usual short name, such as "GDPR"
	NationalLaw   string      // the national act that supplements it, if any
	EffectiveFrom Date        // when the law took effect for this place
	Rights        []Right     // the rights in force; empty for RegimeNone
	Deadline      *Deadline   // the response deadline, if the law sets one
	Authority     *Authority  // the supervisory authority or regulator
	Agent         *AgentRule  // the law's authorized-agent provision in force, if any
	Complaint     *Complaint  // how to complain to the authority; nil where the law data does not say
	Replies       []ReplyRule // how to answer a company's reply, per kind; see [Assessment.Reply]
	Languages     []string    // official languages, the first being the default
	Notes         []string    // caveats a reader should know
	Sources       []string    // where each fact comes from
	// ComplaintsBySubdivision is true where complaints go to the
	// authority of a subdivision, which the residence does not name
	// (Germany without its federal state).
	ComplaintsBySubdivision bool
	// Unmodelled is true where objector has no rules for the residence (a
	// valid country code not in its data): the letter is a courtesy
	// request, and nothing is known of the law there.
	Unmodelled bool
	// Applicability says whether a law that binds only companies above
	// thresholds reaches the company; nil where the law has none.
	Applicability *Applicability
	// Proposals are dated notes about changes proposed to the law but not
	// in force; they are for the person's information and never reach a
	// letter.
	Proposals []Proposal
}

// Right returns the right with the given id and whether the law grants it.
func (a *Assessment) Right(id string) (Right, bool) {
	for _, r := range a.Rights {
		if r.ID == id {
			return r, true
		}
	}
	return Right{}, false
}

// Statutory reports whether any law grants the person rights here.
func (a *Assessment) Statutory() bool { return a.Regime != RegimeNone }

// complaintJSON says how to complain to the authority: the provision, whether
// the authority only takes reports, which provision requires complaining to
// the company first, and whether the residence must name a subdivision.
type complaintJSON struct {
	Citation        string `json:"citation,omitempty"`
	ReportOnly      bool   `json:"report_only,omitempty"`
	ControllerFirst string `json:"controller_first,omitempty"`
	BySubdivision   bool   `json:"by_subdivision,omitempty"`
}

type rightJSON struct {
	ID        string    `json:"id"`
	Citation  string    `json:"citation"`
	Summary   string    `json:"summary"`
	Condition Condition `json:"condition,omitempty"`
}

// MarshalJSON writes the assessment in the shape documented for
// `objector rights --format json`.
func (a Assessment) MarshalJSON() ([]byte, error) {
	rights := make([]rightJSON, len(a.Rights))
	for i, r := range a.Rights {
		rights[i] = rightJSON{r.ID, r.Citation.Text, r.Summary, r.Condition}
	}
	var complaint *complaintJSON
	if c := a.Complaint; c != nil {
		complaint = &complaintJSON{Citation: c.Citation.Text, ReportOnly: c.ReportOnly, BySubdivision: a.ComplaintsBySubdivision}
		if c.ControllerFirst != nil {
			complaint.ControllerFirst = c.ControllerFirst.Text
		}
	}
	notes := a.Notes
	if notes == nil {
		notes = []string{}
	}
	out := struct {
		Residence   string         `json:"residence"`
		Place       string         `json:"place"`
		AsOf        string         `json:"as_of"`
		Regime      Regime         `json:"regime"`
		Law         string         `json:"law,omitempty"`
		NationalLaw string         `json:"national_law,omitempty"`
		Rights      []rightJSON    `json:"rights"`
		Deadline    *Deadline      `json:"deadline,omitempty"`
		Authority   *Authority     `json:"authority,omitempty"`
		Languages   []string       `json:"languages"`
		Region      Region         `json:"region"`
		Complaint   *complaintJSON `json:"complaint,omitempty"`
		Notes       []string       `json:"notes"`
		Sources     []string       `json:"sources"`
		NoRules     bool           `json:"no_rules,omitempty"`
		Applies     *Applicability `json:"applicability,omitempty"`
		Proposals   []Proposal     `json:"proposals,omitempty"`
	}{a.Residence, a.Place, a.AsOf.String(), a.Regime, a.Law, a.NationalLaw, rights,
		a.Deadline, a.Authority, a.Languages, a.Region, complaint, notes, a.Sources, a.Unmodelled, a.Applicability, a.Proposals}
	return json.Marshal(out)
}
