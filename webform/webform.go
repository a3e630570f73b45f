// Package webform renders the web-form route of a [letter.Letter]: the
// steps a person takes to make the request through the company's own form
// (switch off an in-product setting first, open the form, what to enter in
// each field, send it), as plain text to follow or as JSON for programs.
//
// It reads only the letter's [letter.Form], which package templates
// composes from the controller record and the letter's own messages; it
// knows no law and sends nothing.
package webform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/objector/objector/letter"
)

// ErrNoForm is returned for a letter composed without a form route (a
// reminder or a complaint).
var ErrNoForm = errors.New("webform: the letter has no form route")

// Fence marks the start and the end of a free-text value in [Text], so
// the person copies exactly what lies between.
const Fence = "----------------------------------------"

// Text writes the form route as numbered steps. A free-text value is
// printed between two [Fence] lines, unwrapped, with paragraphs separated
// by blank lines, ready to paste; a note follows where it was shortened.
// Where the company has no known form, the steps say so and list the
// letter's other routes. It returns [ErrNoForm] if l has no form route.
func Text(w io.Writer, l *letter.Letter) error {
	f := l.Form
	if f == nil {
		return ErrNoForm
	}
	var b strings.Builder
	b.WriteString(f.Company)
	if f.Name != "" {
		b.WriteString(" — " + f.Name)
	}
	b.WriteString("\n")
	if l.Reference != "" {
		b.WriteString(l.Labels["reference"] + l.LabelSeparator() + l.Reference + "\n")
	}
	if l.DueText != "" {
		b.WriteString(l.Labels["due"] + l.LabelSeparator() + l.DueText + "\n")
	}
	b.WriteString("\n")
	fields := map[string]letter.FilledField{}
	for _, ff := range f.Fields {
		fields[ff.ID] = ff
	}
	n := 0
	for _, s := range f.Steps {
		if s.Kind == letter.StepRoute {
			b.WriteString("   - " + s.Text + "\n")
			continue
		}
		n++
		fmt.Fprintf(&b, "%d. %s\n", n, s.Text)
		if ff, ok := fields[s.Field]; ok && s.Kind == letter.StepField && ff.Kind == "freetext" && ff.Value != "" {
			b.WriteString("\n" + Fence + "\n" + ff.Value + "\n" + Fence + "\n")
			if ff.Note != "" {
				b.WriteString(ff.Note + "\n")
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Document is the object [JSON] writes:
//
//	{
//	  "lang": "de",                    // the language of every text below
//	  "date": "2026-11-24",            // the letter date
//	  "due": "2026-12-24",             // the day an answer is due; absent if none
//	  "due_text": "24. Dezember 2026",
//	  "reference": "OBJ-XXXX-XXXX",    // the reference the company is asked to quote
//	  "recipient": "LinkedIn Ireland Unlimited Company",
//	  "company": "LinkedIn",
//	  "name": "Data Processing Objection Form",  // absent: no known form
//	  "url": "https://www.linkedin.com/help/linkedin/ask/TS-DPRO",
//	  "steps": [                       // in order
//	    {"kind": "setting", "text": "...", "url": "https://..."},
//	    {"kind": "open", "text": "...", "url": "https://..."},
//	    {"kind": "field", "text": "...", "field": "statement"},
//	    {"kind": "submit", "text": "..."}
//	  ],                               // no form: {"kind": "none"} then {"kind": "route"} steps
//	  "fields": [                      // the form's fields in its order; [] if no form
//	    {"id": "statement", "label": "...", "kind": "freetext", "fill": "statement",
//	     "value": "...",               // what to enter; for a choice field, the choice to pick
//	     "choices": ["..."],           // choice fields only
//	     "max_length": 2000,           // absent when unknown
//	     "length": 1234,               // UTF-16 code units, as browsers count
//	     "shortened": true,            // absent when not shortened
//	     "complete": true,             // false: even shortened, essentials were cut
//	     "note": "..."}                // why and how it was shortened
//	  ]
//	}
//
// Step kinds and field kinds are those of package letter.
type Document struct {
	Lang      string `json:"lang"`
	Date      string `json:"date"`
	Due       string `json:"due,omitempty"`
	DueText   string `json:"due_text,omitempty"`
	Reference string `json:"reference,omitempty"`
	Recipient string `json:"recipient"`
	letter.Form
}

// NewDocument returns the [Document] for l, or [ErrNoForm].
func NewDocument(l *letter.Letter) (*Document, error) {
	if l.Form == nil {
		return nil, ErrNoForm
	}
	return &Document{
		Lang: l.Lang, Date: l.DateISO, Due: l.DueISO, DueText: l.DueText,
		Reference: l.Reference, Recipient: l.Recipient.Name, Form: *l.Form,
	}, nil
}

// JSON writes the form route as one indented [Document]. It returns
// [ErrNoForm] if l has no form route.
func JSON(w io.Writer, l *letter.Letter) error {
	d, err := NewDocument(l)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}
