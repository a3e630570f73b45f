package email

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/letter"
)

// ErrInvalid is wrapped by every [*FieldError].
var ErrInvalid = errors.New("email: letter cannot be written as an email")

// FieldError reports a letter field that cannot go into an email safely,
// such as a name with a line break in it.
type FieldError struct {
	Field string // "sender name", "sender email", "recipient name", "subject", ...
	Msg   string
}

// Error names the field and what is wrong with it.
func (e *FieldError) Error() string { return "email: " + e.Field + ": " + e.Msg }

// Unwrap returns [ErrInvalid].
func (e *FieldError) Unwrap() error { return ErrInvalid }

// checkHeader rejects a value that must stay on one header line: invalid
// UTF-8, control characters (CR, LF, NUL, U+0085 NEL, ...) and Unicode
// line or paragraph separators.
func checkHeader(field, s string) error {
	if !utf8.ValidString(s) {
		return &FieldError{Field: field, Msg: "is not valid UTF-8"}
	}
	for _, r := range s {
		if guard.IsBreaking(r) {
			return &FieldError{Field: field, Msg: fmt.Sprintf("contains the control character %U; a header value must be one line without control characters", r)}
		}
	}
	return nil
}

// checkAddress rejects anything but a single bare address such as
// erika@example.org.
func checkAddress(field, s string) error {
	if err := checkHeader(field, s); err != nil {
		return err
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s, "@") {
		return &FieldError{Field: field, Msg: "is not a bare email address such as name@example.org"}
	}
	return nil
}

// checkBody rejects text that is not valid UTF-8 (the message declares
// charset=utf-8).
func checkBody(l *letter.Letter) error {
	parts := append([]string{l.Salutation, l.Closing, l.Signature, l.Recipient.WebForm}, l.Body...)
	parts = append(parts, l.Sender.Address...)
	for _, p := range parts {
		if !utf8.ValidString(p) {
			return &FieldError{Field: "body", Msg: "is not valid UTF-8"}
		}
	}
	return nil
}

// checkLetter checks everything of l that reaches a header or the body
// of a draft.
func checkLetter(l *letter.Letter, needFrom bool) error {
	for _, f := range []struct{ name, value string }{
		{"sender name", l.Sender.Name},
		{"recipient name", l.Recipient.Name},
		{"subject", l.Subject},
		{"reference", l.Reference},
		{"language", l.Lang},
		{"web form", l.Recipient.WebForm},
	} {
		if err := checkHeader(f.name, f.value); err != nil {
			return err
		}
	}
	if needFrom || l.Sender.Email != "" {
		if l.Sender.Email == "" {
			return &FieldError{Field: "sender email", Msg: "is missing; a message needs the sender's address"}
		}
		if err := checkAddress("sender email", l.Sender.Email); err != nil {
			return err
		}
	}
	if l.Recipient.Email != "" {
		if err := checkAddress("recipient email", l.Recipient.Email); err != nil {
			return err
		}
	}
	for _, r := range l.Lang {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return &FieldError{Field: "language", Msg: fmt.Sprintf("%q is not a language tag such as de or pt-BR", l.Lang)}
		}
	}
	return checkBody(l)
}
