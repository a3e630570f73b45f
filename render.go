package objector

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/objector/objector/calendar"
	"github.com/objector/objector/email"
	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/webform"
)

// Format is an output format for a letter.
type Format string

// The formats [Generator.Render] writes.
const (
	FormatPDF  Format = "pdf"
	FormatText Format = "txt"
	FormatJSON Format = "json"
	// FormatEML is an RFC 5322 message marked as a draft (a .eml file),
	// with the PDF attached if [RenderOptions].AttachPDF is set.
	FormatEML Format = "eml"
	// FormatMailto is an RFC 6068 mailto: URL and a line break. URLs
	// longer than [MailtoLimit] may not open in every mail program.
	FormatMailto Format = "mailto"
	// FormatForm is the web-form route as steps to follow: switch off the
	// company's setting, open its form, what to enter in each field (see
	// package webform).
	FormatForm Format = "form"
	// FormatFormJSON is the web-form route as one JSON object
	// (webform.Document).
	FormatFormJSON Format = "form-json"
)

// MailtoLimit is the length of a mailto: URL above which common mail
// programs may cut it or refuse to open it.
const MailtoLimit = email.MailtoLimit

// Formats returns every format in the order help texts show them.
func Formats() []Format {
	return []Format{FormatPDF, FormatText, FormatEML, FormatMailto, FormatForm, FormatFormJSON, FormatJSON}
}

// ParseFormat returns the format named s, in any case, or a [*FieldError]
// for the field "format" that lists the formats.
func ParseFormat(s string) (Format, error) {
	var names []string
	for _, f := range Formats() {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
		names = append(names, string(f))
	}
	return "", &FieldError{Field: "format", Value: s, Err: errors.New("is not a format objector writes"), Suggestions: names}
}

// RenderOptions adjust rendering.
type RenderOptions struct {
	Paper  string // PDF: "a4" or "letter"; empty: the letter's country
	Window string // PDF: "left" or "right"; empty: the letter's country
	// Signature is a PNG or JPEG image of the sender's signature, printed
	// above the signature line of a PDF; nil for none.
	Signature []byte
	// AttachPDF attaches the PDF of the letter to an EML message (with
	// Paper and Window applied).
	AttachPDF bool
}

// check returns a [*FieldError] for a paper size or window side the PDF
// renderer does not know.
func (o RenderOptions) check() error {
	switch strings.ToLower(o.Paper) {
	case "", "a4", "letter":
	default:
		return &FieldError{Field: "paper", Value: o.Paper, Err: errors.New("is not a paper size objector knows"), Suggestions: []string{"a4", "letter"}}
	}
	switch strings.ToLower(o.Window) {
	case "", "left", "right":
	default:
		return &FieldError{Field: "window", Value: o.Window, Err: errors.New("is not an envelope window objector knows"), Suggestions: []string{"left", "right"}}
	}
	return nil
}

// Render writes l to w in format f. Text the format cannot hold is a
// [*FieldError] naming the field it came from (a PDF character the font
// lacks also wraps [ErrMissingGlyph]); a PDF address too long for the
// envelope window wraps [ErrAddressTooLong]; the web-form formats of a
// letter without a form route return [ErrNoForm].
func (g *Generator) Render(w io.Writer, l *Letter, f Format, opt RenderOptions) error {
	if err := opt.check(); err != nil {
		return err
	}
	for _, e := range l.Enclosures {
		if err := guard.Text(e, false); err != nil {
			return &FieldError{Field: "enclosures", Value: e, Personal: true, Err: err}
		}
	}
	switch f {
	case FormatPDF:
		return g.writePDF(w, l, opt)
	case FormatText:
		_, err := io.WriteString(w, email.Text(&l.Letter))
		return err
	case FormatEML:
		var eo email.Options
		if opt.AttachPDF {
			var pdfBuf bytes.Buffer
			if err := g.writePDF(&pdfBuf, l, opt); err != nil {
				return err
			}
			eo.Attachment = &email.Attachment{Name: attachmentName(l), ContentType: "application/pdf", Data: pdfBuf.Bytes()}
		}
		return emailError(l, email.EML(w, &l.Letter, eo))
	case FormatMailto:
		u, err := email.Mailto(&l.Letter)
		if err != nil {
			return emailError(l, err)
		}
		_, err = io.WriteString(w, u+"\n")
		return err
	case FormatForm:
		return webform.Text(w, &l.Letter)
	case FormatFormJSON:
		return webform.JSON(w, &l.Letter)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(l)
	}
	_, err := ParseFormat(string(f))
	return err
}

// writePDF writes l as PDF, turning the renderer's errors about input
// into a [*FieldError].
func (g *Generator) writePDF(w io.Writer, l *Letter, opt RenderOptions) error {
	err := g.pdf.Write(w, &l.Letter, pdf.Options{Paper: opt.Paper, Window: opt.Window, Creator: "objector " + Version, Signature: opt.Signature})
	var tl *pdf.TooLongError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tl):
		// The field whose text is longer than the PDF takes: a request
		// keeps within smaller limits, a letter a caller built may not.
		from := pdfFields[tl.Field]
		for _, p := range l.parts() {
			if !slices.Contains(from, p.field) {
				continue
			}
			for _, v := range p.values {
				if utf8.RuneCountInString(v) > tl.Limit {
					return &FieldError{Field: p.field, Personal: p.personal, Err: fmt.Errorf("is longer than %d characters, the most a PDF letter takes", tl.Limit)}
				}
			}
		}
	case errors.Is(err, pdf.ErrSignatureImage):
		return &FieldError{Field: "signature", Err: err}
	case errors.Is(err, pdf.ErrMissingGlyph):
		// The field, and as its Value the character to remove.
		for _, p := range l.parts() {
			for _, v := range p.values {
				for _, r := range v {
					if cerr := g.pdf.CheckText(string(r)); cerr != nil {
						return &FieldError{Field: p.field, Value: string(r), Personal: p.personal, Err: cerr}
					}
				}
			}
		}
	}
	return err
}

// pdfFields maps the fields of a letter, as package pdf names them, to
// the request fields their text can come from.
var pdfFields = map[string][]string{
	"sender name":       {"name", "agent.name"},
	"signature":         {"name", "agent.name"},
	"sender address":    {"address", "agent.address"},
	"sender email":      {"email", "agent.email"},
	"recipient name":    {"company.name"},
	"recipient address": {"company.address"},
	"body":              {"reason"},
	"enclosures":        {"enclosures"},
}

// part is text of a letter that came from one field of the request.
type part struct {
	field    string
	personal bool
	values   []string
}

// parts returns the texts of l that came from the request (or a caller),
// by the field they came from, in the order a person reads them.
func (l *Letter) parts() []part {
	s, r := l.Sender, l.Recipient
	who := ""
	if s.OnBehalfOf != "" {
		who = "agent."
	}
	ps := []part{
		{who + "name", true, []string{s.Name}},
		{"name", true, []string{s.OnBehalfOf}},
		{who + "email", true, []string{s.Email}},
		{who + "address", true, s.Address},
		{"account", true, []string{s.Account}},
		{"company.name", false, []string{r.Name}},
		{"company.address", false, r.Address},
		{"enclosures", true, l.Enclosures},
		{"reason", true, l.Body},
	}
	return ps
}

// emailError turns an email package error about a letter field into a
// [*FieldError] for the request field the text came from.
func emailError(l *Letter, err error) error {
	var fe *email.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	agent := l.Sender.OnBehalfOf != ""
	field, personal := fe.Field, false
	switch fe.Field {
	case "sender name", "sender email":
		field, personal = strings.TrimPrefix(fe.Field, "sender "), true
		if agent {
			field = "agent." + field
		}
	case "recipient name", "recipient email":
		field = "company." + strings.TrimPrefix(fe.Field, "recipient ")
	case "language":
		field = "lang"
	case "body":
		field, personal = "reason", true
	}
	return &FieldError{Field: field, Personal: personal, Err: errors.New(fe.Msg)}
}

// attachmentName names the PDF attached to an email: the letter's kind
// and reference, such as "objection-OBJ-NE7I-EG3A.pdf".
func attachmentName(l *Letter) string {
	name := l.Kind
	if name == "" {
		name = "letter"
	}
	if l.Reference != "" {
		name += "-" + l.Reference
	}
	return name + ".pdf"
}

// WriteCalendar writes an iCalendar (RFC 5545) file with one all-day event
// on l's due date, titled in the letter's language, so the person knows
// when to follow up. It returns [ErrNoDueDate] if l has no due date.
func WriteCalendar(w io.Writer, l *Letter) error {
	if err := calendar.Write(w, &l.Letter); err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	return nil
}

// CalendarEvent is one all-day event for [WriteCalendarEvents].
type CalendarEvent struct {
	UID         string    // unique and stable: the same event always gets the same UID
	Date        time.Time // the day of the event
	Stamp       time.Time // when the event was made (DTSTAMP)
	Summary     string    // the title
	Description string    // optional
	Lang        string    // the BCP 47 language of the text, optional
}

// WriteCalendarEvents writes an iCalendar (RFC 5545) file with the
// events, such as the due dates of many requests, in the order given.
func WriteCalendarEvents(w io.Writer, events []CalendarEvent) error {
	evs := make([]calendar.Event, len(events))
	for i, e := range events {
		evs[i] = calendar.Event(e)
	}
	if err := calendar.WriteEvents(w, evs); err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	return nil
}
