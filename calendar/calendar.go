// Package calendar writes a letter's due date as an iCalendar file (RFC
// 5545), so the person can put the day the company must answer into their
// calendar and follow up when it passes.
//
// [Write] produces one all-day VEVENT on the due date. The output is
// deterministic: the UID derives from the letter's reference and due date,
// DTSTAMP is the letter date, lines end in CRLF and are folded at 75
// octets, and text is escaped as RFC 5545 §3.3.11 requires.
package calendar

import (
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/objector/objector/letter"
)

// ErrNoDueDate is returned by [Write] for a letter without a due date, such
// as a courtesy request or a reminder.
var ErrNoDueDate = errors.New("the letter has no due date")

// maxOctets is the longest a content line may be, without its CRLF
// (RFC 5545 §3.1).
const maxOctets = 75

// Write writes an iCalendar file with one all-day event on l's due date,
// titled with l.Labels["due_event"] (or English where the letter has no
// such label). It returns [ErrNoDueDate] if l has no due date.
func Write(w io.Writer, l *letter.Letter) error {
	if l.Due.IsZero() {
		return ErrNoDueDate
	}
	due := l.Due.UTC()
	summary := "Reply due from {{.Entity}} ({{.Reference}})"
	if s := l.Labels["due_event"]; s != "" {
		summary = s
	}
	summary = strings.NewReplacer("{{.Entity}}", l.Recipient.Name, "{{.Reference}}", l.Reference).Replace(summary)
	uid := l.Reference
	if uid == "" {
		uid = "objector"
	}
	return WriteEvents(w, []Event{{
		UID:         strings.ToLower(uid) + "-due-" + due.Format("20060102") + "@objector.invalid",
		Date:        due,
		Stamp:       l.Date,
		Summary:     summary,
		Description: l.Subject,
		Lang:        l.Lang,
	}})
}

// Event is one all-day calendar event.
type Event struct {
	UID         string    // unique and stable: the same event always gets the same UID
	Date        time.Time // the day of the event
	Stamp       time.Time // when the event was made (DTSTAMP)
	Summary     string    // the title
	Description string    // optional
	Lang        string    // the BCP 47 language of the text, optional
}

// WriteEvents writes an iCalendar file with one all-day event each, in
// the order given. Like [Write], its output is deterministic.
func WriteEvents(w io.Writer, events []Event) error {
	var b strings.Builder
	line := func(s string) {
		fold(&b, s)
	}
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//objector//objector//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	for _, e := range events {
		lang := ""
		if e.Lang != "" {
			lang = ";LANGUAGE=" + e.Lang
		}
		d := e.Date.UTC()
		line("BEGIN:VEVENT")
		line("UID:" + escape(e.UID))
		line("DTSTAMP:" + e.Stamp.UTC().Format("20060102T150405Z"))
		line("DTSTART;VALUE=DATE:" + d.Format("20060102"))
		line("DTEND;VALUE=DATE:" + d.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY" + lang + ":" + escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION" + lang + ":" + escape(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// escape escapes TEXT values (RFC 5545 §3.3.11): backslash, semicolon and
// comma get a backslash, line breaks become \n.
func escape(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// fold writes one content line, folded so that no line exceeds 75 octets
// without its CRLF: each continuation line starts with a space. It never
// splits a UTF-8 sequence.
func fold(b *strings.Builder, s string) {
	limit := maxOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
