// Package email renders a letter.Letter as an email draft: plain text
// with the recipient and subject on top, ready to paste into a mail
// program. It reads only the letter; it never sends anything.
package email

import (
	"strings"

	"github.com/objector/objector/letter"
)

// Text returns the draft as plain text: a "To:" line (or, for a company
// reached only through a web form, the form's address), a "Subject:"
// line, a blank line and the letter's text wrapped at 72 columns.
func Text(l *letter.Letter) string {
	var b strings.Builder
	to, subject := l.Labels["to"], l.Labels["subject"]
	switch {
	case l.Recipient.Email != "":
		b.WriteString(to + ": " + l.Recipient.Name + " <" + l.Recipient.Email + ">\n")
	case l.Recipient.WebForm != "":
		b.WriteString(to + ": " + l.Recipient.Name + " — " + l.Recipient.WebForm + "\n")
	default:
		b.WriteString(to + ": " + l.Recipient.Name + "\n")
	}
	b.WriteString(subject + ": " + l.Subject + "\n\n")
	b.WriteString(Wrap(l.Salutation, 72) + "\n\n")
	for _, p := range l.Body {
		b.WriteString(Wrap(p, 72) + "\n\n")
	}
	b.WriteString(Wrap(l.Closing, 72) + "\n")
	b.WriteString(l.Signature + "\n")
	if l.Sender.Email != "" {
		b.WriteString(l.Sender.Email + "\n")
	}
	for _, line := range l.Sender.Address {
		b.WriteString(line + "\n")
	}
	return b.String()
}

// Wrap breaks s at ASCII spaces into lines of at most width runes. No-break
// spaces hold (citations stay on one line), and a word longer than width
// (a URL) stays whole on its own line.
func Wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
	for i, w := range words {
		wl := len([]rune(w))
		if i > 0 {
			if n+1+wl > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}
