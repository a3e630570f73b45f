package objector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/templates"
)

// The kinds of letter a [Request] can ask for besides the first one.
const (
	// KindReminder reminds the company of a request whose due date has
	// passed, and names the complaint to the authority as the next step.
	KindReminder = templates.KindReminder
	// KindComplaint complains to the supervisory authority or regulator
	// about a request that went unanswered.
	KindComplaint = templates.KindComplaint
	// KindReply answers what the company said about a request; the
	// [Request]'s Reply says what that was.
	KindReply = templates.KindReply
)

// The authorities a complaint can go to ([Request].Authority).
const (
	AuthorityResidence = "residence" // the authority where the person lives (the default)
	AuthorityLead      = "lead"      // the controller's lead authority under the GDPR one-stop shop
)

// OriginalRequest identifies the letter a reminder or complaint follows up.
type OriginalRequest struct {
	Date      time.Time // the original letter's date
	Reference string    // the reference the original letter gave
	Due       time.Time // the day its answer was due; zero if none
}

// MarshalJSON writes {"date": "2006-01-02", "reference": "...", "due":
// "2006-01-02"}, with null for a zero due date.
func (o OriginalRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Date      jurisdiction.Date `json:"date"`
		Reference string            `json:"reference"`
		Due       jurisdiction.Date `json:"due"`
	}{jurisdiction.Day(o.Date), o.Reference, dateOrZero(o.Due)})
}

// dateOrZero returns t's date, or the zero date for the zero time.
func dateOrZero(t time.Time) jurisdiction.Date {
	if t.IsZero() {
		return jurisdiction.Date{}
	}
	return jurisdiction.Day(t)
}

// followup prepares a reminder or complaint: it regenerates the original
// letter from the same request dated req.Sent (so its reference and due date
// are exactly those the person sent) and picks the authority. It returns nil
// for a first letter.
func (g *Generator) followup(ctx context.Context, req Request, a *jurisdiction.Assessment, rec *controllers.Record, asOf jurisdiction.Date) (*templates.Followup, *OriginalRequest, error) {
	switch req.Kind {
	case "":
		if !req.Sent.IsZero() || req.Authority != "" || req.Reply != nil {
			return nil, nil, &FieldError{Field: "kind", Err: errors.New("sent, authority and reply apply only to a follow-up (reminder, complaint or reply)")}
		}
		return nil, nil, nil
	case KindReminder, KindComplaint, KindReply:
	default:
		return nil, nil, &FieldError{Field: "kind", Value: req.Kind, Err: fmt.Errorf("is not a letter kind; use %q, %q, %q or leave it empty for the first letter", KindReminder, KindComplaint, KindReply)}
	}
	if (req.Kind == KindReply) != (req.Reply != nil) {
		return nil, nil, &FieldError{Field: "reply", Err: errors.New("a reply letter needs Reply (what the company answered), and only a reply letter takes it")}
	}
	var reply *templates.Reply
	if req.Kind == KindReply {
		var err error
		if reply, err = replyInput(req.Reply); err != nil {
			return nil, nil, err
		}
		// Whether the law supports the reply at all comes first: no
		// waiting for a due date helps a reply the law has no footing for.
		if _, err := templates.ReplyRule(a, reply.Kind); err != nil {
			return nil, nil, err
		}
	}
	if req.Sent.IsZero() {
		return nil, nil, &FieldError{Field: "sent", Err: fmt.Errorf("%w; give the date of the original letter (YYYY-MM-DD)", ErrMissing)}
	}
	sent := jurisdiction.Day(req.Sent)
	if sent.After(asOf) {
		return nil, nil, &FieldError{Field: "sent", Value: sent.String(), Err: fmt.Errorf("is after the letter date %s; give the date the original letter was sent", asOf)}
	}
	if req.Agent != nil {
		return nil, nil, &FieldError{Field: "agent", Err: errors.New("reminders and complaints are written by the person themselves; leave the agent out")}
	}
	orig := req
	orig.Kind, orig.Sent, orig.Authority, orig.Force, orig.AsOf, orig.Reply = "", time.Time{}, "", false, sent.Time, nil
	o, err := g.Generate(ctx, orig)
	if err != nil {
		return nil, nil, fmt.Errorf("the original letter of %s: %w", sent, err)
	}
	info := &OriginalRequest{Date: sent.Time, Reference: o.Reference}
	if !o.Due.IsZero() {
		due := jurisdiction.Day(o.Due)
		info.Due = due.Time
		// A company may answer before the due date; only a complaint about
		// silence, a reminder, or a reply to a partial answer (which the
		// company may still complete) waits for the period to end.
		waits := req.Kind != KindReply || req.Reply.Kind == ReplyPartial
		if waits && !req.Force && !asOf.After(due) {
			return nil, nil, &FieldError{Field: "sent", Err: &NotDueError{Kind: req.Kind, Sent: sent.Time, Due: due.Time, Date: asOf.Time}}
		}
	}
	fu := &templates.Followup{Original: &o.Letter, Authority: a.Authority}
	if reply != nil {
		if err := checkReply(reply, a, info, asOf); err != nil {
			return nil, nil, err
		}
		fu.Reply = reply
	}
	switch req.Authority {
	case "", AuthorityResidence:
		if req.Kind == KindComplaint && a.ComplaintsBySubdivision {
			return nil, nil, &FieldError{Field: "residence", Err: fmt.Errorf("complaints about companies in %s go to the authority of the person's state; give it as one of %s", a.Place, strings.Join(g.rules.Subdivisions(a.Residence), ", "))}
		}
	case AuthorityLead:
		if a.Regime != jurisdiction.RegimeGDPR {
			return nil, nil, &FieldError{Field: "authority", Err: fmt.Errorf("a lead authority exists only under the GDPR's one-stop shop, and %s is not under the GDPR on %s; complain to the authority where you live", a.Place, asOf)}
		}
		if rec == nil || rec.LeadAuthority == nil {
			return nil, nil, &FieldError{Field: "authority", Err: errors.New("the directory names no lead authority for this company; complain to the authority where you live")}
		}
		fu.Authority = rec.LeadAuthority
	default:
		return nil, nil, &FieldError{Field: "authority", Value: req.Authority, Err: fmt.Errorf("is not %q or %q", AuthorityResidence, AuthorityLead)}
	}
	if req.Kind == KindComplaint {
		switch {
		case a.Regime == jurisdiction.RegimeNone:
			return nil, nil, &FieldError{Field: "residence", Value: a.Residence, Err: fmt.Errorf("%w: no data protection law gives a right to complain in %s on %s", ErrNoAuthority, a.Place, asOf)}
		case fu.Authority == nil:
			return nil, nil, &FieldError{Field: "residence", Value: a.Residence, Err: fmt.Errorf("%w: the rules name no supervisory authority or regulator for %s", ErrNoAuthority, a.Place)}
		}
	}
	return fu, info, nil
}
