package templates

import (
	"fmt"
	"strings"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/locales"
)

// Fields lists every placeholder a message may use. Compose provides all
// of them for every letter (empty where they do not apply), and the tests
// check that no message uses another.
var Fields = []string{
	"Name", "Email", "Account", "Company", "Entity", "Place", "Law", "LawShort",
	"Purposes", "Reason", "Reference", "Due", "Period",
	"Setting", "SettingPath", "SettingURL",
	"ObjectCite", "DirectMarketingCite", "ErasureCite", "RestrictionCite",
	"NotifyCite", "WithdrawCite", "AccessCite", "SaleCite", "SharingCite",
	"TargetedAdsCite", "ProfilingCite", "LimitSensitiveCite", "DeadlineCite",
	"AgentName", "AgentCite",
	"SentDate", "OriginalReference", "OriginalSubject", "OriginalDue",
	"AuthorityName", "ComplaintCite", "ControllerFirstCite",
	// Replies (reply.go): the company's answer, an extension, an appeal,
	// and the provisions the reply cites by role.
	"ReceivedDate", "ExtendedTo", "MaxDue", "AppealPeriod",
	"IdentityCite", "MinimisationCite", "FacilitateCite", "ReasonsCite",
	"ExtensionCite", "JustificationCite", "ClaimsCite", "AppealCite",
	// The web-form route (form.go): the form, one of its fields and the
	// value to enter, its length limit, and the other ways to send.
	"Form", "FormURL", "Field", "Value", "MaxLength",
	"RecipientEmail", "ContactForm", "PostalAddress",
}

// citeFields maps right ids to the placeholder that holds their citation.
var citeFields = map[string]string{
	jurisdiction.RightObject:                    "ObjectCite",
	jurisdiction.RightObjectDirectMarketing:     "DirectMarketingCite",
	jurisdiction.RightErasure:                   "ErasureCite",
	jurisdiction.RightRestriction:               "RestrictionCite",
	jurisdiction.RightNotify:                    "NotifyCite",
	jurisdiction.RightWithdrawConsent:           "WithdrawCite",
	jurisdiction.RightAccess:                    "AccessCite",
	jurisdiction.RightOptOutSale:                "SaleCite",
	jurisdiction.RightOptOutSharing:             "SharingCite",
	jurisdiction.RightOptOutTargetedAdvertising: "TargetedAdsCite",
	jurisdiction.RightOptOutProfiling:           "ProfilingCite",
	jurisdiction.RightLimitSensitive:            "LimitSensitiveCite",
}

// view is what a letter template sees: flags that choose paragraphs, and T,
// which renders a message with the letter's fields.
type view struct {
	loc    *locales.Localizer
	fields map[string]any
	rights map[string]bool
	due    *jurisdiction.Date
	// purposes are the uses objected to, in the order of
	// controllers.Purposes; used records every message T rendered, in
	// order, so that a form's free text can be cut by importance.
	purposes []string
	used     []unit

	Account bool // the sender gave an account
	Grounds bool // the law requires grounds (GDPR Art. 21(1))
	Ads     bool // advertising is among the purposes
	Models  bool // AI training or machine learning is among the purposes; in an opt-out, a purpose the statute does not cover
	// Threshold says why a courtesy letter does not claim a law that
	// binds only companies above thresholds: "below" (the company's
	// record says it meets none) or "unknown"; empty otherwise.
	Threshold string
	// Access: the person asks for access alongside the objection.
	Access bool
	// Condition is what the law attaches to the objection right
	// (jurisdiction.Condition): the letter states it.
	Condition string
	AI        string // what the company says about AI training here: "", "excluded", "active"
	Setting   bool   // the company has a setting for one of the purposes
	// SettingEnglish: the setting's name and path are quoted in English,
	// because no source gives them in the letter's language.
	SettingEnglish bool
	Deadline       bool   // the law sets a deadline
	Extension      string // the sentence about extending the deadline, if any
	// Follow-ups (reminder, complaint): see followup.go.
	OriginalKind    string // the original letter's kind
	OriginalDue     bool   // the original letter had a due date
	Authority       bool   // an authority is on record
	ComplaintCite   bool   // the law names the right to complain
	ReportOnly      bool   // the authority takes reports, not complaints
	ControllerFirst bool   // the law requires complaining to the controller first

	Agent string // an agent sends the letter: "gdpr", "us-cited", "us", "us-none" or "courtesy" (see agentKind)

	// Replies (reply.go).
	ReplyKind          string // the company's answer a reply answers; "" for other letters
	replyRoles         map[string]bool
	USState            bool     // the law is a US state law
	Received           bool     // the date of the company's answer is known
	ExtendedTo         bool     // an extension notice named a date
	ExtensionLate      bool     // the extension came after the first period
	ExtensionNoReasons bool     // the extension gave no reasons
	ExtensionTooLong   bool     // the extension goes beyond the longest period
	ExtensionValid     bool     // the extension holds
	Unanswered         []string // message ids of the points a partial answer left open
	FormLines          []string // the original request's form entries, one line each
}

// Has reports whether the law grants the right with this id.
func (v *view) Has(id string) bool { return v.rights[id] }

// T renders message id with the letter's fields.
func (v *view) T(id string) (string, error) {
	s, err := v.loc.T(id, v.fields)
	if err == nil {
		s = collapseDots(s, v.fields)
		v.used = append(v.used, unit{id: id, text: s})
	}
	return s, err
}

// nameFields are the placeholders that hold names, which may end in a
// period: "X Corp.", "Amazon Europe Core S.à r.l.".
var nameFields = []string{"Entity", "Company", "AuthorityName", "AgentName", "Name"}

// collapseDots keeps a name that ends in a period from doubling the period
// of the sentence it ends ("… with X Corp.." becomes "… with X Corp."), in
// every language, whatever the message's word order.
func collapseDots(s string, fields map[string]any) string {
	for _, k := range nameFields {
		if n, _ := fields[k].(string); strings.HasSuffix(n, ".") {
			s = strings.ReplaceAll(s, n+".", n)
		}
	}
	return s
}

// Cite renders a citation in the letter's language, in every case form
// the language has for it, with no-break spaces so that no renderer breaks
// a line inside it ("Art. 21 Abs. 1 DSGVO").
func Cite(loc *locales.Localizer, c jurisdiction.Citation) (locales.Inflected, error) {
	x, err := loc.CiteForms(locales.Citation{Text: c.Text, Instrument: c.Instrument, Article: c.Article, Paragraph: c.Paragraph, Point: c.Point})
	return x.Map(nbsp), err
}

// dateForms renders a date in every case form the language has, with
// no-break spaces: a date, like a citation, is not broken across lines.
func dateForms(loc *locales.Localizer, d jurisdiction.Date) (locales.Inflected, error) {
	x, err := loc.DateForms(d.Time)
	return x.Map(nbsp), err
}

func nbsp(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

func newView(in Input, kind string, purposes []string, ai *controllers.AITraining) (*view, error) {
	a, loc := in.Assessment, in.Localizer
	v := &view{loc: loc, rights: map[string]bool{}, fields: make(map[string]any, len(Fields))}
	for _, f := range Fields {
		v.fields[f] = ""
	}
	f := v.fields
	f["Name"] = in.Sender.Name
	f["Email"] = in.Sender.Email
	f["Account"] = in.Sender.Account
	f["Entity"] = in.Entity.Name
	f["Company"] = in.Entity.Name
	if in.Company != nil {
		f["Company"] = in.Company.Name
	}
	f["Place"] = a.Place
	f["Law"] = a.Law
	f["LawShort"] = a.LawShort
	if f["LawShort"] == "" {
		f["LawShort"] = a.Law
	}
	v.Account = in.Sender.Account != ""
	for _, x := range in.Also {
		switch x {
		case "access":
			if kind != KindObjection || !hasRight(a, jurisdiction.RightAccess) {
				return nil, fmt.Errorf("%w: also: the %s letter objector writes here has no access request; ask for access separately", ErrInvalidInput, kind)
			}
			v.Access = true
		default:
			return nil, fmt.Errorf("%w: also: %q is not one of: access", ErrInvalidInput, x)
		}
	}
	if ap := a.Applicability; ap != nil && a.Regime == jurisdiction.RegimeNone {
		v.Threshold = jurisdiction.AppliesUnknown
		if ap.Status == jurisdiction.AppliesBelow {
			v.Threshold = jurisdiction.AppliesBelow
		}
	}
	v.Grounds = a.Regime == jurisdiction.RegimeGDPR || a.Regime == jurisdiction.RegimeUKGDPR
	v.USState = a.Regime == jurisdiction.RegimeUSState

	// Purposes, in the fixed order of controllers.Purposes.
	chosen := map[string]bool{}
	for _, p := range purposes {
		if !controllers.ValidPurpose(p) {
			return nil, fmt.Errorf("%w: purpose %q is not one of %s", ErrInvalidInput, p, strings.Join(controllers.Purposes, ", "))
		}
		chosen[p] = true
	}
	if len(chosen) == 0 {
		return nil, fmt.Errorf("%w: no purpose given; choose from %s", ErrInvalidInput, strings.Join(controllers.Purposes, ", "))
	}
	var names, ordered []string
	for _, p := range controllers.Purposes {
		if !chosen[p] {
			continue
		}
		ordered = append(ordered, p)
		s, err := loc.T("purpose_"+strings.ReplaceAll(p, "-", "_"), nil)
		if err != nil {
			return nil, err
		}
		names = append(names, s)
	}
	list, err := loc.List(names)
	if err != nil {
		return nil, err
	}
	f["Purposes"] = list
	v.purposes = ordered
	v.Ads = chosen["ads"]
	for _, r := range a.Rights {
		v.rights[r.ID] = true
		if r.ID == jurisdiction.RightObject {
			v.Condition = string(r.Condition)
		}
	}
	// The statutory opt-outs cover advertising and, where the law has
	// one, profiling; what the law does not cover (model training, and
	// profiling or advertising where it grants no opt-out) is asked for
	// beyond the statute, never dropped.
	if kind == KindOptOut {
		covered := map[string]bool{
			"ads":       v.rights[jurisdiction.RightOptOutTargetedAdvertising] || v.rights[jurisdiction.RightOptOutSharing],
			"profiling": v.rights[jurisdiction.RightOptOutProfiling],
		}
		var extra []string
		for _, p := range ordered {
			if covered[p] {
				continue
			}
			s, err := loc.T("purpose_"+strings.ReplaceAll(p, "-", "_"), nil)
			if err != nil {
				return nil, err
			}
			extra = append(extra, s)
		}
		if len(extra) > 0 {
			v.Models = true
			if f["Purposes"], err = loc.List(extra); err != nil {
				return nil, err
			}
		}
	} else {
		v.Models = chosen["ai-training"] || chosen["ml"]
	}

	for _, r := range a.Rights {
		if field, ok := citeFields[r.ID]; ok {
			s, err := Cite(loc, r.Citation)
			if err != nil {
				return nil, err
			}
			f[field] = s
		}
	}

	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		if reason, err = loc.T("objection_default_reason", nil); err != nil {
			return nil, err
		}
	}
	f["Reason"] = reason

	if d := a.Deadline; d != nil {
		v.Deadline = true
		// The period runs from receipt; the letter's date stands in for it
		// and the letter says so. The controller's country chooses the
		// holidays where the law moves a period off them.
		due := d.DueFor(in.Date, in.Entity.Country())
		v.due = &due
		if f["Due"], err = dateForms(loc, due); err != nil {
			return nil, err
		}
		if f["DeadlineCite"], err = Cite(loc, d.Citation); err != nil {
			return nil, err
		}
		switch {
		case d.Months > 0:
			f["Period"], err = loc.N("period_months", d.Months, nil)
			if err == nil && d.ExtensionMonths > 0 {
				v.Extension, err = loc.N("extension_months", d.ExtensionMonths, nil)
			}
		case d.Days > 0:
			f["Period"], err = loc.N("period_days", d.Days, nil)
			if err == nil && d.ExtensionDays > 0 {
				v.Extension, err = loc.N("extension_days", d.ExtensionDays, nil)
			}
		case d.BusinessDays > 0:
			f["Period"], err = loc.N("period_business_days", d.BusinessDays, nil)
		}
		if err != nil {
			return nil, err
		}
	}

	if ai != nil {
		v.AI = string(ai.Status)
	}
	if in.Company != nil {
		if settings := in.Company.SettingsAt(a.Region, a.Residence, in.Date, ordered); len(settings) > 0 {
			s := settings[0]
			name, path, english := s.In(loc.Lang())
			v.Setting, v.SettingEnglish = true, english
			f["Setting"] = name
			f["SettingPath"] = strings.Join(path, " → ")
			f["SettingURL"] = s.URL
		}
	}

	if ag := in.Agent; ag != nil {
		f["AgentName"] = ag.Name
		v.Agent = agentKind(a)
		if a.Agent != nil && a.Agent.Citation.Text != "" {
			if f["AgentCite"], err = Cite(loc, a.Agent.Citation); err != nil {
				return nil, err
			}
		}
	}

	company := ""
	if in.Company != nil {
		company = in.Company.ID
	}
	f["Reference"] = Reference(kind, company, in.Entity.Name, a.Residence, in.Sender.Name, in.Sender.Email, in.Date.String(), strings.Join(ordered, ","))
	return v, nil
}
