package templates

import (
	"errors"
	"fmt"
	"strings"

	"github.com/objector/objector/jurisdiction"
)

// KindReply answers what a company said about a request: it demanded an
// identity document, pointed to its web form, refused, extended the
// deadline, answered in part, or (US) denied an opt-out, which the person
// appeals.
const KindReply = "reply"

// ErrReplyUnsupported is wrapped by the error [Set.Compose] returns for a
// reply kind the person's law gives no footing for, or for which objector
// has no confirmed provision on record.
var ErrReplyUnsupported = errors.New("no reply of this kind under this law")

// Reply describes the company's answer a reply letter answers.
type Reply struct {
	Kind jurisdiction.ReplyKind
	// Received is the day the company's answer arrived; zero if the person
	// did not say.
	Received jurisdiction.Date
	// ExtendedTo is the day an extension notice names (ReplyExtended);
	// zero if it names none.
	ExtendedTo jurisdiction.Date
	// NoReasons records that an extension notice gave no reasons for the
	// delay (ReplyExtended).
	NoReasons bool
	// Unanswered lists what the company left unanswered (ReplyPartial), as
	// right ids of the original request ("object", "erasure", …).
	Unanswered []string
}

// replyRoleFields maps the roles of a jurisdiction.ReplyRule to the
// placeholders that hold their citations.
var replyRoleFields = map[string]string{
	"identity":      "IdentityCite",
	"minimisation":  "MinimisationCite",
	"facilitate":    "FacilitateCite",
	"object":        "ObjectCite",
	"restriction":   "RestrictionCite",
	"reasons":       "ReasonsCite",
	"extension":     "ExtensionCite",
	"deadline":      "DeadlineCite",
	"justification": "JustificationCite",
	"claims":        "ClaimsCite",
	"appeal":        "AppealCite",
}

// UnansweredItems returns the right ids a partial reply can name as
// unanswered for an assessment: the rights the original request invoked
// that have a sentence of their own.
func UnansweredItems(a *jurisdiction.Assessment) []string {
	var out []string
	for _, r := range a.Rights {
		if partialItem(r.ID) != "" {
			out = append(out, r.ID)
		}
	}
	return out
}

// partialItem returns the message id that names right id as an unanswered
// point, or "" where a partial reply does not list it.
func partialItem(id string) string {
	switch id {
	case jurisdiction.RightObject, jurisdiction.RightErasure, jurisdiction.RightRestriction,
		jurisdiction.RightNotify, jurisdiction.RightAccess, jurisdiction.RightWithdrawConsent:
		return "reply_partial_" + strings.ReplaceAll(id, "-", "_")
	}
	return ""
}

// ReplyRule returns the rule of the assessed law for answering a company
// reply of kind k. It returns an error wrapping [ErrReplyUnsupported], which
// says why, where the law provides no such route or objector has no
// confirmed provision for it.
func ReplyRule(a *jurisdiction.Assessment, k jurisdiction.ReplyKind) (jurisdiction.ReplyRule, error) {
	rule, ok := a.Reply(k)
	switch {
	case ok && rule.None:
		return rule, fmt.Errorf("%w: %s", ErrReplyUnsupported, rule.Note)
	case !ok && k == jurisdiction.ReplyAppeal && a.Regime != jurisdiction.RegimeUSState:
		return rule, fmt.Errorf("%w: an appeal to the company is a US state-law step; under %s a refusal goes to the supervisory authority (a complaint) or gets a reply of kind refused", ErrReplyUnsupported, lawName(a))
	case !ok && a.Regime == jurisdiction.RegimeNone:
		return rule, fmt.Errorf("%w: no data protection law applies in %s on %s, so a reply could cite none; write to the company in your own words", ErrReplyUnsupported, a.Place, a.AsOf)
	case !ok:
		return rule, fmt.Errorf("%w: objector has no confirmed provision for a %s reply under %s on %s", ErrReplyUnsupported, k, lawName(a), a.AsOf)
	}
	return rule, nil
}

// reply fills the fields and flags of a reply letter. It runs after
// followup, which has cited the original letter.
func (v *view) reply(in Input) error {
	r := in.Followup.Reply
	if r == nil {
		return errors.New("templates: a reply needs the company's answer (Followup.Reply)")
	}
	a, loc, f := in.Assessment, in.Localizer, v.fields
	rule, err := ReplyRule(a, r.Kind)
	if err != nil {
		return err
	}
	v.ReplyKind = string(r.Kind)
	v.replyRoles = map[string]bool{}
	for role, c := range rule.Cites {
		field, ok := replyRoleFields[role]
		if !ok {
			return fmt.Errorf("templates: reply role %q has no placeholder", role)
		}
		s, err := Cite(loc, c)
		if err != nil {
			return err
		}
		f[field] = s
		v.replyRoles[role] = true
	}
	date := func(field string, d jurisdiction.Date) (err error) {
		f[field], err = dateForms(loc, d)
		return err
	}
	if !r.Received.IsZero() {
		if r.Received.Before(jurisdiction.Day(in.Followup.Original.Date)) || r.Received.After(in.Date) {
			return fmt.Errorf("%w: the company's answer of %s must fall between the request of %s and this reply of %s", ErrInvalidInput, r.Received, in.Followup.Original.DateISO, in.Date)
		}
		if err := date("ReceivedDate", r.Received); err != nil {
			return err
		}
		v.Received = true
	}
	switch r.Kind {
	case jurisdiction.ReplyUseForm:
		if form := in.Followup.Original.Form; form != nil {
			for _, fl := range form.Fields {
				switch {
				case fl.Value == "":
					continue
				case fl.Label == "":
					// A field whose label no source confirms is shown
					// only where its value speaks for itself: the
					// request's own text.
					if fl.Fill == "statement" {
						// The reply ends with the reference line itself;
						// the request's text, repeated, need not say it
						// twice.
						ref, err := loc.T("reference", f)
						if err != nil {
							return err
						}
						for _, p := range strings.Split(fl.Value, "\n") {
							if p = strings.TrimSpace(p); p != "" && p != strings.TrimSpace(ref) {
								v.FormLines = append(v.FormLines, p)
							}
						}
					}
					continue
				}
				line, err := loc.T("reply_form_field", map[string]any{"Field": fl.Label, "Value": fl.Value})
				if err != nil {
					return err
				}
				v.FormLines = append(v.FormLines, line)
			}
		}
	case jurisdiction.ReplyExtended:
		return v.replyExtended(in, r)
	case jurisdiction.ReplyPartial:
		return v.replyPartial(in, r)
	case jurisdiction.ReplyAppeal:
		period, err := loc.N("period_days", rule.Days, nil)
		if err != nil {
			return err
		}
		f["AppealPeriod"] = period
		due := in.Date.AddDays(rule.Days)
		v.due = &due
		return date("Due", due)
	}
	return nil
}

// replyExtended judges an extension notice against the law: it must come
// within the first period, give reasons, and stay within the longest
// extension. The reply's due date is the extended one where the extension
// holds, and none (the original has passed) where it does not.
func (v *view) replyExtended(in Input, r *Reply) error {
	a, f, o := in.Assessment, v.fields, in.Followup.Original
	d := a.Deadline
	if d == nil || o.Due.IsZero() {
		return fmt.Errorf("%w: %s sets no period that could be extended", ErrReplyUnsupported, lawName(a))
	}
	sent := jurisdiction.Day(o.Date)
	due := jurisdiction.Day(o.Due)
	longest := d.Extended(sent)
	if !r.ExtendedTo.IsZero() && !r.ExtendedTo.After(due) {
		return fmt.Errorf("%w: the extension to %s does not go beyond the original due date %s", ErrInvalidInput, r.ExtendedTo, due)
	}
	date := func(field string, x jurisdiction.Date) (err error) {
		f[field], err = dateForms(in.Localizer, x)
		return err
	}
	if err := date("MaxDue", longest); err != nil {
		return err
	}
	if !r.ExtendedTo.IsZero() {
		if err := date("ExtendedTo", r.ExtendedTo); err != nil {
			return err
		}
		v.ExtendedTo = true
	}
	v.ExtensionLate = !r.Received.IsZero() && r.Received.After(due)
	v.ExtensionNoReasons = r.NoReasons
	v.ExtensionTooLong = !r.ExtendedTo.IsZero() && r.ExtendedTo.After(longest)
	v.ExtensionValid = !v.ExtensionLate && !v.ExtensionNoReasons
	v.due = nil
	if v.ExtensionValid {
		newDue := longest
		if !r.ExtendedTo.IsZero() && r.ExtendedTo.Before(longest) {
			newDue = r.ExtendedTo
		}
		v.due = &newDue
		return date("Due", newDue)
	}
	return nil
}

// replyPartial lists, point by point, what the company left unanswered.
func (v *view) replyPartial(in Input, r *Reply) error {
	if len(r.Unanswered) == 0 {
		return fmt.Errorf("%w: say what the company left unanswered, as one or more of %s", ErrInvalidInput, strings.Join(UnansweredItems(in.Assessment), ", "))
	}
	seen := map[string]bool{}
	for _, id := range r.Unanswered {
		msg := partialItem(id)
		if _, granted := in.Assessment.Right(id); msg == "" || !granted {
			return fmt.Errorf("%w: %q is not a point of this request; use one or more of %s", ErrInvalidInput, id, strings.Join(UnansweredItems(in.Assessment), ", "))
		}
		if !seen[id] {
			seen[id] = true
			v.Unanswered = append(v.Unanswered, msg)
		}
	}
	return nil
}

// Cites reports whether the reply's rule cites a provision for role.
func (v *view) Cites(role string) bool { return v.replyRoles[role] }

func lawName(a *jurisdiction.Assessment) string {
	if a.LawShort != "" {
		return a.LawShort
	}
	if a.Law != "" {
		return a.Law
	}
	return "the law of " + a.Place
}
