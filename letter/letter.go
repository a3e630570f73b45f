// Package letter defines the structured document every renderer reads: the
// parties, the date, the subject, the paragraphs, the closing and the due
// date. A Letter holds finished, localized text and no law or layout;
// renderers decide how it looks, templates decide what it says.
package letter

import "time"

// Letter is one finished letter, ready to render.
type Letter struct {
	Kind       string    `json:"kind"`      // objection, opt-out, courtesy, reminder, complaint
	Lang       string    `json:"lang"`      // BCP 47 tag of the text, such as "de"
	Date       time.Time `json:"-"`         // the letter date (midnight UTC)
	DateISO    string    `json:"date"`      // the letter date as 2006-01-02
	DateText   string    `json:"date_text"` // the date as the letter prints it
	Place      string    `json:"place,omitempty"`
	Sender     Party     `json:"sender"`
	Recipient  Party     `json:"recipient"`
	Subject    string    `json:"subject"`
	Reference  string    `json:"reference,omitempty"` // a short stable id the company is asked to quote
	Salutation string    `json:"salutation"`
	Body       []string  `json:"body"` // paragraphs
	Closing    string    `json:"closing"`
	Signature  string    `json:"signature"` // the name under the signature line
	Enclosures []string  `json:"enclosures,omitempty"`
	Due        time.Time `json:"-"` // the day the answer is due; zero if none
	DueISO     string    `json:"due,omitempty"`
	DueText    string    `json:"due_text,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country where the
	// person the letter is for lives, such as "DE". Renderers choose
	// their layout by it: the paper and envelopes used there.
	Country string `json:"country"`
	// Labels holds localized words renderers print around the text, such
	// as "Page {{.Page}} of {{.Pages}}"; keys are listed in LabelKeys.
	Labels map[string]string `json:"-"`
	// Form says how to make the same request through the company's own
	// web form, and what to enter in each of its fields; nil when the
	// letter was composed without it. Package webform renders it (the
	// form and form-json formats); the letter's JSON includes it.
	Form *Form `json:"form,omitempty"`
}

// LabelKeys are the keys renderers may find in Letter.Labels. "due_event"
// is the title of a calendar event for the due date, with {{.Entity}} and
// {{.Reference}} left for the renderer to fill; "separator" is what the
// language puts between a label and its value (": ", in French "\u00a0: ").
var LabelKeys = []string{"page", "enclosures", "reference", "due", "to", "subject", "form", "due_event", "separator"}

// LabelSeparator returns what the letter's language writes between a
// label and its value ("Subject: …", French "Objet\u00a0: …"); ": " where
// the letter has no labels.
func (l *Letter) LabelSeparator() string {
	if s := l.Labels["separator"]; s != "" {
		return s
	}
	return ": "
}

// Party is the sender or the recipient of a letter.
type Party struct {
	Name    string   `json:"name"`
	Address []string `json:"address,omitempty"` // postal address lines, without the name
	Email   string   `json:"email,omitempty"`
	Account string   `json:"account,omitempty"` // profile URL or user name at the company
	WebForm string   `json:"web_form,omitempty"`
	// OnBehalfOf names the person an agent writes for, if any.
	OnBehalfOf string `json:"on_behalf_of,omitempty"`
}
