// Package email renders a [letter.Letter] as an email draft the person
// sends themselves. It reads only the letter and never opens a network
// connection.
//
// # Formats
//
//   - [Text] is a plain-text draft: recipient and subject on top, then the
//     letter wrapped at 72 columns, ready to paste into a mail program or a
//     company's web form.
//   - [EML] writes an RFC 5322 / MIME message (a .eml file) marked
//     "X-Unsent: 1", so that mail programs open it as a draft. A PDF of the
//     same letter can be attached with [Options].
//   - [Mailto] returns an RFC 6068 mailto: URL that opens a new message in
//     the person's mail program. Many programs refuse URLs longer than
//     [MailtoLimit].
//
// A company reached only through a web form gets a draft without a
// recipient and a note naming the form's address.
//
// # Safety
//
// Names, addresses and the subject end up in message headers. [EML] and
// [Mailto] check every such value themselves, whatever the caller checked
// before: a line break, another control character or a Unicode line
// separator is rejected with a [*FieldError], never written, so no input
// can add a header such as Bcc.
package email

import (
	"strings"
	"unicode/utf8"

	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/letter"
)

// Width is the column at which drafts wrap their text.
const Width = 72

// Text returns the draft as plain text: a "To:" line (for a company
// reached only through a web form, the company's name and a line with the
// form's address), a "Subject:" line, a blank line and the letter's text
// wrapped at [Width] columns. Text never fails; control characters in
// the header lines are replaced by spaces so that they cannot fake lines.
func Text(l *letter.Letter) string {
	var b strings.Builder
	to, subject, form := label(l, "to"), label(l, "subject"), label(l, "form")
	name := oneLine(l.Recipient.Name)
	sep := oneLine(l.LabelSeparator())
	switch {
	case l.Recipient.Email != "":
		b.WriteString(to + sep + name + " <" + oneLine(l.Recipient.Email) + ">\n")
	case l.Recipient.WebForm != "":
		b.WriteString(to + sep + name + "\n")
		b.WriteString(form + sep + oneLine(l.Recipient.WebForm) + "\n")
	default:
		b.WriteString(to + sep + name + "\n")
	}
	b.WriteString(subject + sep + oneLine(l.Subject) + "\n\n")
	b.WriteString(letterText(l, Width))
	return b.String()
}

// letterText returns the letter from the salutation to the sender's
// address, paragraphs wrapped at width (no wrapping if width <= 0), lines
// ending in "\n".
func letterText(l *letter.Letter, width int) string {
	wrap := func(s string) string {
		if width <= 0 {
			return s
		}
		return Wrap(s, width)
	}
	var b strings.Builder
	b.WriteString(wrap(l.Salutation) + "\n\n")
	for _, p := range l.Body {
		b.WriteString(wrap(p) + "\n\n")
	}
	b.WriteString(wrap(l.Closing) + "\n")
	// Signature, email and address are one line each.
	b.WriteString(oneLine(l.Signature) + "\n")
	if l.Sender.Email != "" {
		b.WriteString(oneLine(l.Sender.Email) + "\n")
	}
	for _, line := range l.Sender.Address {
		b.WriteString(oneLine(line) + "\n")
	}
	if len(l.Enclosures) > 0 {
		b.WriteString("\n" + label(l, "enclosures") + "\n")
		for _, e := range l.Enclosures {
			b.WriteString("– " + oneLine(e) + "\n")
		}
	}
	return normalizeNewlines(b.String())
}

// formNote returns the lines that open the body of a draft to a company
// reached only through a web form, or "".
func formNote(l *letter.Letter) string {
	if l.Recipient.Email != "" || l.Recipient.WebForm == "" {
		return ""
	}
	return label(l, "form") + oneLine(l.LabelSeparator()) + l.Recipient.WebForm + "\n\n"
}

// defaultLabels are used when a letter lacks a label (a letter built by
// hand rather than by templates.Compose).
var defaultLabels = map[string]string{"to": "To", "subject": "Subject", "form": "Web form", "enclosures": "Enclosures"}

func label(l *letter.Letter, key string) string {
	if s := oneLine(l.Labels[key]); s != "" {
		return s
	}
	return defaultLabels[key]
}

// oneLine replaces control characters and Unicode line and paragraph
// separators with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if guard.IsBreaking(r) {
			return ' '
		}
		return r
	}, s)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Wrap breaks s at ASCII spaces into lines of at most width runes. No-break
// spaces hold (citations stay on one line), and a word longer than width
// (a URL) stays whole on its own line. Line breaks in s are kept.
func Wrap(s string, width int) string {
	s = normalizeNewlines(s)
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			lines[i] = Wrap(line, width)
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	// The words are the runs of s between spaces and tabs, as
	// strings.FieldsFunc would split them, without the slice.
	for i, rest := 0, s; ; i++ {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			break
		}
		end := strings.IndexAny(rest, " \t")
		if end < 0 {
			end = len(rest)
		}
		w := rest[:end]
		rest = rest[end:]
		wl := utf8.RuneCountInString(w)
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
