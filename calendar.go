package objector

import (
	"io"

	"github.com/objector/objector/calendar"
)

// ErrNoDueDate is returned by [WriteCalendar] for a letter that sets no due
// date, such as a courtesy request or a reminder.
var ErrNoDueDate = calendar.ErrNoDueDate

// WriteCalendar writes an iCalendar (RFC 5545) file with one all-day event
// on l's due date, titled in the letter's language, so the person knows
// when to follow up. It returns [ErrNoDueDate] if l has no due date.
func WriteCalendar(w io.Writer, l *Letter) error { return calendar.Write(w, &l.Letter) }

// CalendarEvent is one all-day event for [WriteCalendarEvents].
type CalendarEvent = calendar.Event

// WriteCalendarEvents writes an iCalendar (RFC 5545) file with the
// events, such as the due dates of many requests.
func WriteCalendarEvents(w io.Writer, events []CalendarEvent) error {
	return calendar.WriteEvents(w, events)
}
