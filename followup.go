package objector

import (
	"context"
	"fmt"
	"strings"

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

// ErrNoAuthority is wrapped by the error [Generator.Generate] returns for a
// complaint where no law applies or no authority is on record.
var ErrNoAuthority = templates.ErrNoAuthority

// NotDueError is returned for a reminder or complaint written on or before
// the original request's due date, unless [Request].Force is set.
type NotDueError struct {
	Kind string            // KindReminder or KindComplaint
	Sent jurisdiction.Date // the original letter's date
	Due  jurisdiction.Date // the last day of the period for an answer
	Date jurisdiction.Date // the follow-up's date
}

// Error says when the original request is due and that the follow-up is early.
func (e *NotDueError) Error() string {
	return fmt.Sprintf("the answer to the letter of %s is due by %s; a %s dated %s is premature", e.Sent, e.Due, e.Kind, e.Date)
}

// OriginalRequest identifies the letter a reminder or complaint follows up.
type OriginalRequest struct {
	Date      jurisdiction.Date `json:"date"`
	Reference string            `json:"reference"`
	Due       jurisdiction.Date `json:"due"`
}

// followup prepares a reminder or complaint: it regenerates the original
// letter from the same request dated req.Sent (so its reference and due date
// are exactly those the person sent) and picks the authority. It returns nil
// for a first letter.
func (g *Generator) followup(ctx context.Context, req Request, a *jurisdiction.Assessment, rec *controllers.Record, asOf jurisdiction.Date) (*templates.Followup, *OriginalRequest, error) {
	switch req.Kind {
	case "":
		if !req.Sent.IsZero() || req.Authority != "" || req.Reply != nil {
			return nil, nil, &FieldError{Field: "kind", Msg: "sent, authority and reply apply only to a follow-up (reminder, complaint or reply)"}
		}
		return nil, nil, nil
	case KindReminder, KindComplaint, KindReply:
	default:
		return nil, nil, &FieldError{Field: "kind", Msg: fmt.Sprintf("%q is not a letter kind; use %q, %q, %q or leave it empty for the first letter", req.Kind, KindReminder, KindComplaint, KindReply)}
	}
	if (req.Kind == KindReply) != (req.Reply != nil) {
		return nil, nil, &FieldError{Field: "reply", Msg: "a reply letter needs Reply (what the company answered), and only a reply letter takes it"}
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
		return nil, nil, &FieldError{Field: "sent", Msg: "is missing; give the date of the original letter (YYYY-MM-DD)"}
	}
	sent := jurisdiction.Day(req.Sent.Time)
	if sent.After(asOf) {
		return nil, nil, &FieldError{Field: "sent", Msg: fmt.Sprintf("%s is after the letter date %s; give the date the original letter was sent", sent, asOf)}
	}
	if req.Agent != nil {
		return nil, nil, &FieldError{Field: "agent", Msg: "reminders and complaints are written by the person themselves; leave the agent out"}
	}
	orig := req
	orig.Kind, orig.Sent, orig.Authority, orig.Force, orig.AsOf, orig.Reply = "", jurisdiction.Date{}, "", false, sent, nil
	o, err := g.Generate(ctx, orig)
	if err != nil {
		return nil, nil, fmt.Errorf("the original letter of %s: %w", sent, err)
	}
	info := &OriginalRequest{Date: sent, Reference: o.Reference}
	if !o.Due.IsZero() {
		info.Due = jurisdiction.Day(o.Due)
		// A company may answer before the due date; only a complaint about
		// silence, a reminder, or a reply to a partial answer (which the
		// company may still complete) waits for the period to end.
		waits := req.Kind != KindReply || req.Reply.Kind == ReplyPartial
		if waits && !req.Force && !asOf.After(info.Due) {
			return nil, nil, &NotDueError{Kind: req.Kind, Sent: sent, Due: info.Due, Date: asOf}
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
			return nil, nil, &FieldError{Field: "residence", Msg: fmt.Sprintf("complaints about companies in %s go to the authority of the person's state; give it as one of %s", a.Place, strings.Join(g.rules.Subdivisions(a.Residence), ", "))}
		}
	case AuthorityLead:
		if a.Regime != jurisdiction.RegimeGDPR {
			return nil, nil, &FieldError{Field: "authority", Msg: fmt.Sprintf("a lead authority exists only under the GDPR's one-stop shop, and %s is not under the GDPR on %s; complain to the authority where you live", a.Place, asOf)}
		}
		if rec == nil || rec.LeadAuthority == nil {
			return nil, nil, &FieldError{Field: "authority", Msg: "the directory names no lead authority for this company; complain to the authority where you live"}
		}
		fu.Authority = rec.LeadAuthority
	default:
		return nil, nil, &FieldError{Field: "authority", Msg: fmt.Sprintf("%q is not %q or %q", req.Authority, AuthorityResidence, AuthorityLead)}
	}
	if req.Kind == KindComplaint {
		switch {
		case a.Regime == jurisdiction.RegimeNone:
			return nil, nil, fmt.Errorf("%w: no data protection law gives a right to complain in %s on %s", ErrNoAuthority, a.Place, asOf)
		case fu.Authority == nil:
			return nil, nil, fmt.Errorf("%w: the rules name no supervisory authority or regulator for %s", ErrNoAuthority, a.Place)
		}
	}
	return fu, info, nil
}
