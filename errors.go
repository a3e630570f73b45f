package objector

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/objector/objector/calendar"
	"github.com/objector/objector/controllers"
	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/internal/suggest"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/locales"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/templates"
	"github.com/objector/objector/webform"
)

// FieldError reports a field whose value is missing, malformed, unknown or
// cannot be written in the format asked for: a field of the [Request], or
// of the letter or [RenderOptions] being rendered. Programs branch on
// Field and Personal, never on the message.
type FieldError struct {
	// Field names the field as the Request spells it, in lower case:
	// "name", "email", "address", "account", "reason", "residence",
	// "controller", "lang", "purposes", "kind", "sent", "authority",
	// "agent.name", "company.email" and so on; for rendering also
	// "enclosures", "signature", "paper", "window" and "format".
	Field string
	// Value is the value at fault, or "" if it is missing.
	Value string
	// Personal reports whether Value is personal data (a name, an email
	// or postal address, the person's own text): show it to the person it
	// belongs to, never in a report or a log. Error leaves it out.
	Personal bool
	// Suggestions are known values close to an unknown one, such as "GB"
	// for the residence "UK", or the values to choose from.
	Suggestions []string
	// Err says what is wrong, without quoting Value, so that it can go
	// into a report. It may wrap one of the sentinel errors of this
	// package or a [*NotDueError].
	Err error
}

// Error names the field, its value unless it is personal, what is wrong,
// and the suggestions.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Field)
	if e.Value != "" && !e.Personal {
		b.WriteString(" " + strconv.Quote(e.Value))
	}
	b.WriteString(": " + e.Err.Error())
	if len(e.Suggestions) > 0 {
		b.WriteString(" (did you mean " + strings.Join(e.Suggestions, ", ") + "?)")
	}
	return b.String()
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }

// NotDueError is what a reminder or complaint written on or before the
// original request's due date fails with (inside a [*FieldError] for the
// field "sent"), unless [Request].Force is set.
type NotDueError struct {
	Kind string    // KindReminder or KindComplaint
	Sent time.Time // the original letter's date
	Due  time.Time // the last day of the period for an answer
	Date time.Time // the follow-up's date
}

// Error says when the original request is due and that the follow-up is
// early.
func (e *NotDueError) Error() string {
	return fmt.Sprintf("the answer to the letter of %s is due by %s; a %s dated %s is premature",
		e.Sent.Format(time.DateOnly), e.Due.Format(time.DateOnly), e.Kind, e.Date.Format(time.DateOnly))
}

// The conditions a caller may want to handle on their own, to match with
// errors.Is.
var (
	// ErrMissing is wrapped by the [*FieldError] for a field that is
	// required and empty.
	ErrMissing = errors.New("is missing")
	// ErrText is matched by the [*FieldError] for text that is not
	// valid UTF-8 or holds a character objector refuses: a control
	// character, a line break in a one-line field, or a bidirectional
	// control (U+202A–U+202E, U+2066–U+2069).
	ErrText = guard.ErrText
	// ErrNoEntity is wrapped by the error for a company the directory
	// knows without knowing its responsible entity for the person's
	// region: objector does not guess an address.
	ErrNoEntity = controllers.ErrNoEntity
	// ErrNoAuthority is wrapped by the error for a complaint where no law
	// applies or no authority is on record.
	ErrNoAuthority = templates.ErrNoAuthority
	// ErrMissingGlyph is wrapped by the error [Generator.Render] returns
	// for a PDF with a character the embedded font lacks; plain text and
	// email can hold any character.
	ErrMissingGlyph = pdf.ErrMissingGlyph
	// ErrAddressTooLong is wrapped by the error [Generator.Render]
	// returns for a PDF whose recipient address does not fit the envelope
	// window.
	ErrAddressTooLong = pdf.ErrAddressTooLong
	// ErrNoPostalAddress is wrapped by the error [Generator.Render]
	// returns for a PDF to a company whose postal address is not known
	// (only its email): the email formats need no address.
	ErrNoPostalAddress = pdf.ErrNoAddress
	// ErrNoForm is returned by [Generator.Render] in the formats
	// [FormatForm] and [FormatFormJSON] for a letter without a web-form
	// route, such as a reminder or a complaint.
	ErrNoForm = webform.ErrNoForm
	// ErrNoDueDate is returned by [WriteCalendar] for a letter that sets
	// no due date, such as a courtesy request.
	ErrNoDueDate = calendar.ErrNoDueDate
)

// fieldError turns the unknown-code errors of the packages behind the
// facade into a [*FieldError]; other errors pass unchanged.
func fieldError(err error) error {
	var (
		re *jurisdiction.UnknownResidenceError
		ce *controllers.UnknownControllerError
		le *locales.UnsupportedLanguageError
	)
	switch {
	case errors.As(err, &re):
		return &FieldError{Field: "residence", Value: re.Code, Suggestions: re.Suggestions,
			Err: errors.New("is not a country or state code objector knows")}
	case errors.As(err, &ce):
		return &FieldError{Field: "controller", Value: ce.ID, Suggestions: ce.Suggestions,
			Err: errors.New("is not a company in the directory")}
	case errors.As(err, &le):
		return &FieldError{Field: "lang", Value: le.Lang, Suggestions: suggest.Closest(strings.ToLower(le.Lang), le.Available, 1, 3),
			Err: fmt.Errorf("is not a language objector has messages in; it has %s", strings.Join(le.Available, ", "))}
	case errors.Is(err, controllers.ErrNoEntity):
		return &FieldError{Field: "controller", Err: err}
	}
	return err
}
