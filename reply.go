package objector

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/templates"
)

// The kinds of company answer a reply letter ([KindReply]) answers.
const (
	// ReplyIDDemanded: the company asks for proof of identity, such as a
	// copy of an identity card. The reply says identity is established by
	// the account (Art. 12(6) GDPR; for a US opt-out, that none may be
	// demanded).
	ReplyIDDemanded = string(jurisdiction.ReplyIDDemanded)
	// ReplyUseForm: the company says to use its web form. The reply says
	// any channel is valid (Art. 12(2) GDPR) and repeats the form's text.
	ReplyUseForm = string(jurisdiction.ReplyUseForm)
	// ReplyRefused: the company claims grounds that override the
	// objection. The reply asks for the balancing and for restriction
	// meanwhile.
	ReplyRefused = string(jurisdiction.ReplyRefused)
	// ReplyExtended: the company extends the deadline. The reply judges
	// the extension and states the due date that follows.
	ReplyExtended = string(jurisdiction.ReplyExtended)
	// ReplyPartial: the company answered part of the request. The reply
	// lists what is open, point by point.
	ReplyPartial = string(jurisdiction.ReplyPartial)
	// ReplyAppeal: the company denied a US state-law request. The reply is
	// the statutory appeal to the company.
	ReplyAppeal = string(jurisdiction.ReplyAppeal)
)

// ReplyKinds returns the kinds of company answer a reply letter answers.
func ReplyKinds() []string {
	var out []string
	for _, k := range jurisdiction.ReplyKinds() {
		out = append(out, string(k))
	}
	return out
}

// ErrReplyUnsupported is wrapped by the error [Generator.Generate] returns
// for a reply the person's law gives no footing for (an appeal under the
// GDPR, where a refusal goes to the authority instead) or for which
// objector has no confirmed provision on record.
var ErrReplyUnsupported = templates.ErrReplyUnsupported

// Reply describes the company's answer, for a [Request] of kind
// [KindReply].
type Reply struct {
	// Kind is what the company did: ReplyIDDemanded, ReplyUseForm,
	// ReplyRefused, ReplyExtended, ReplyPartial or ReplyAppeal.
	Kind string
	// Received is the date of the company's answer; zero if not given. It
	// falls between the request and the reply.
	Received time.Time
	// ExtendedTo is the date an extension notice names (ReplyExtended);
	// zero if it names none.
	ExtendedTo time.Time
	// NoReasons records that an extension notice gave no reasons for the
	// delay (ReplyExtended).
	NoReasons bool
	// Unanswered lists what a partial answer left open (ReplyPartial), as
	// right ids of the original request: "object", "erasure",
	// "restriction", "notify-recipients", "access", "withdraw-consent".
	Unanswered []string
}

// replyInput checks r and converts it for the templates. It copies
// r.Unanswered, so the caller's slice is never shared.
func replyInput(r *Reply) (*templates.Reply, error) {
	kind := jurisdiction.ReplyKind(strings.TrimSpace(r.Kind))
	known := false
	for _, k := range jurisdiction.ReplyKinds() {
		known = known || k == kind
	}
	if !known {
		return nil, &FieldError{Field: "reply", Value: r.Kind, Suggestions: ReplyKinds(), Err: errors.New("is not a kind of company answer")}
	}
	if kind != jurisdiction.ReplyExtended && (!r.ExtendedTo.IsZero() || r.NoReasons) {
		return nil, &FieldError{Field: "extended-to", Err: errors.New("an extension date and missing reasons apply only to a reply of kind extended")}
	}
	if kind != jurisdiction.ReplyPartial && len(r.Unanswered) > 0 {
		return nil, &FieldError{Field: "unanswered", Err: errors.New("the unanswered points apply only to a reply of kind partial")}
	}
	out := &templates.Reply{Kind: kind, NoReasons: r.NoReasons}
	if !r.Received.IsZero() {
		out.Received = jurisdiction.Day(r.Received)
	}
	if !r.ExtendedTo.IsZero() {
		out.ExtendedTo = jurisdiction.Day(r.ExtendedTo)
	}
	for _, u := range r.Unanswered {
		if u = strings.TrimSpace(u); u != "" {
			out.Unanswered = append(out.Unanswered, u)
		}
	}
	return out, nil
}

// checkReply checks the dates and points of a reply against the original
// request and the law, so that a mistake names the field to correct.
func checkReply(r *templates.Reply, a *jurisdiction.Assessment, orig *OriginalRequest, asOf jurisdiction.Date) error {
	sent, due := jurisdiction.Day(orig.Date), jurisdiction.Day(orig.Due)
	if !r.Received.IsZero() && (r.Received.Before(sent) || r.Received.After(asOf)) {
		return &FieldError{Field: "received", Value: r.Received.String(), Err: fmt.Errorf("is not between the request of %s and this reply of %s; give the date of the company's answer", sent, asOf)}
	}
	if !r.ExtendedTo.IsZero() && !orig.Due.IsZero() && !r.ExtendedTo.After(due) {
		return &FieldError{Field: "extended-to", Value: r.ExtendedTo.String(), Err: fmt.Errorf("is not later than the original due date %s; give the new date the company named, or leave it out", due)}
	}
	if r.Kind == jurisdiction.ReplyPartial {
		valid := templates.UnansweredItems(a)
		if len(r.Unanswered) == 0 {
			return &FieldError{Field: "unanswered", Suggestions: valid, Err: errors.New("is missing; name what the company left open")}
		}
		for _, u := range r.Unanswered {
			ok := false
			for _, v := range valid {
				ok = ok || u == v
			}
			if !ok {
				return &FieldError{Field: "unanswered", Value: u, Suggestions: valid, Err: errors.New("is not a point of this request")}
			}
		}
	}
	return nil
}
