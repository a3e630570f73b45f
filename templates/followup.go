package templates

import (
	"errors"
	"fmt"

	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
)

// The follow-up kinds: letters about a request that went unanswered.
const (
	KindReminder  = "reminder"  // to the company, after the due date
	KindComplaint = "complaint" // to the supervisory authority or regulator
)

// ErrNoAuthority is wrapped by the error [Set.Compose] returns for a
// complaint where no law applies or no authority is on record.
var ErrNoAuthority = errors.New("no authority to complain to")

// Followup describes the request a reminder or a complaint follows up.
type Followup struct {
	// Original is the original letter exactly as it was generated for its
	// date: its date, reference, subject, kind and due date are cited.
	Original *letter.Letter
	// Authority receives a complaint; for a reminder it is named as the
	// next step. Nil where none is on record.
	Authority *jurisdiction.Authority
	// Reply describes the company's answer, for a letter of [KindReply].
	Reply *Reply
}

// followup fills the fields and flags of a reminder or complaint. The
// letter's own deadline does not apply: a follow-up cites the original
// one, and a reminder keeps the original reference so the company files it
// with the request.
func (v *view) followup(in Input, kind string) error {
	fu := in.Followup
	if fu == nil || fu.Original == nil {
		return fmt.Errorf("templates: a %s needs the original letter", kind)
	}
	a, loc, f, o := in.Assessment, in.Localizer, v.fields, fu.Original
	if kind == KindComplaint && (a.Regime == jurisdiction.RegimeNone || fu.Authority == nil) {
		if a.Regime == jurisdiction.RegimeNone {
			return fmt.Errorf("%w: no data protection law applies in %s on %s, so no authority hears complaints about this request", ErrNoAuthority, a.Place, in.Date)
		}
		return fmt.Errorf("%w: the rules name no supervisory authority or regulator for %s", ErrNoAuthority, a.Place)
	}
	sent, err := dateForms(loc, jurisdiction.Date{Time: o.Date})
	if err != nil {
		return err
	}
	f["SentDate"] = sent
	f["OriginalReference"] = o.Reference
	f["OriginalSubject"] = o.Subject
	v.OriginalKind = o.Kind
	if !o.Due.IsZero() {
		due, err := dateForms(loc, jurisdiction.Date{Time: o.Due})
		if err != nil {
			return err
		}
		f["OriginalDue"] = due
		v.OriginalDue = true
	}
	// Where no law applies there is no complaint to announce.
	if au := fu.Authority; au != nil && a.Regime != jurisdiction.RegimeNone {
		f["AuthorityName"] = au.NameIn(loc.Lang())
		v.Authority = true
	}
	if c := a.Complaint; c != nil {
		v.ReportOnly = c.ReportOnly
		if c.Citation.Text != "" {
			if f["ComplaintCite"], err = Cite(loc, c.Citation); err != nil {
				return err
			}
			v.ComplaintCite = true
		}
		if c.ControllerFirst != nil {
			if f["ControllerFirstCite"], err = Cite(loc, *c.ControllerFirst); err != nil {
				return err
			}
			v.ControllerFirst = true
		}
	}
	// The follow-up sets no new deadline of its own.
	v.due = nil
	if kind != KindComplaint {
		f["Reference"] = o.Reference
	} else {
		f["Reference"] = Reference(kind, o.Reference, f["AuthorityName"].(string), in.Date.String())
	}
	return nil
}

// followupLetter addresses a complaint to the authority.
func followupLetter(l *letter.Letter, in Input, kind string) {
	if kind != KindComplaint {
		return
	}
	au := in.Followup.Authority
	l.Recipient = letter.Party{Name: au.NameIn(l.Lang), Address: au.Address, Email: au.Email}
}
