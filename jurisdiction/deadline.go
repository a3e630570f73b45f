package jurisdiction

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Deadline is the time a law gives a company to answer a request, counted
// the way that law counts it: calendar months (GDPR Art. 12(3)), calendar
// days (most US state laws) or business days (CCPA opt-outs).
type Deadline struct {
	Months          int      `toml:"months"`
	ExtensionMonths int      `toml:"extension_months"`
	Days            int      `toml:"days"`
	ExtensionDays   int      `toml:"extension_days"`
	BusinessDays    int      `toml:"business_days"`
	Citation        Citation `toml:"citation"`
	Source          string   `toml:"source"`
	// EffectiveFrom and EffectiveUntil (inclusive) bound a dated deadline
	// (a law's dated_deadline entries): the rule in force when a request is
	// made, such as the CCPA opt-out deadline, which the regulations set
	// from 2020-08-14 and renumbered on 2022-05-05. Both are zero for a
	// law's single [deadline].
	EffectiveFrom  Date `toml:"effective_from"`
	EffectiveUntil Date `toml:"effective_until"`
	// NextWorkingDay names the rule that moves a period ending on a
	// Saturday, Sunday or public holiday to the next working day (RollEU,
	// RollUK); empty where the law states none, so the period ends on its
	// last day whatever day that is. NextWorkingDaySource is where the
	// rule comes from.
	NextWorkingDay       string `toml:"next_working_day"`
	NextWorkingDaySource string `toml:"next_working_day_source"`
}

// in reports whether the dated deadline is in force on day d.
func (d *Deadline) in(day Date) bool {
	if day.Before(d.EffectiveFrom) {
		return false
	}
	return d.EffectiveUntil.IsZero() || !day.After(d.EffectiveUntil)
}

func (d *Deadline) validate() error {
	n := 0
	for _, v := range []int{d.Months, d.Days, d.BusinessDays} {
		if v < 0 {
			return errors.New("deadline: negative period")
		}
		if v > 0 {
			n++
		}
	}
	if n != 1 {
		return errors.New("deadline: exactly one of months, days and business_days must be set")
	}
	if d.ExtensionMonths < 0 || d.ExtensionDays < 0 {
		return errors.New("deadline: negative extension")
	}
	if d.Citation.Text == "" {
		return errors.New("deadline: citation text is missing")
	}
	switch d.NextWorkingDay {
	case "":
	case RollEU, RollUK:
		if err := CheckSourceURL(d.NextWorkingDaySource); err != nil {
			return fmt.Errorf("deadline: next_working_day: %w", err)
		}
	default:
		return fmt.Errorf("deadline: next_working_day %q is not eu or uk", d.NextWorkingDay)
	}
	return CheckSourceURL(d.Source)
}

// Due returns the last day of the period that starts on sent (the day the
// company receives the request), for a controller whose country objector
// does not know: see [Deadline.DueFor].
func (d Deadline) Due(sent Date) Date { return d.DueFor(sent, "") }

// DueFor returns the last day of the period that starts on sent (the day
// the company receives the request) for a controller established in
// country (ISO 3166-1, or empty). A period in months ends on the same day
// of the month, or on the month's last day where that day does not exist:
// a request received on 31 January is due on 28 February (29 in a leap
// year). Business days skip Saturdays and Sundays. Where the law moves a
// period that ends on a Saturday, Sunday or public holiday to the next
// working day ([Deadline.NextWorkingDay]), so does DueFor, with the
// holidays of [CalendarFor].
func (d Deadline) DueFor(sent Date, country string) Date {
	var due Date
	switch {
	case d.Months > 0:
		due = AddMonths(sent, d.Months)
	case d.Days > 0:
		due = sent.AddDays(d.Days)
	case d.BusinessDays > 0:
		due = AddBusinessDays(sent, d.BusinessDays)
	default:
		return sent
	}
	return d.roll(due, country)
}

func (d Deadline) roll(due Date, country string) Date {
	if d.NextWorkingDay == "" {
		return due
	}
	return CalendarFor(d.NextWorkingDay, country).NextWorking(due)
}

// Extended returns the last day of the period including the longest
// extension the law allows, or the same date as [Deadline.Due] where the law
// allows none.
func (d Deadline) Extended(sent Date) Date { return d.ExtendedFor(sent, "") }

// ExtendedFor is [Deadline.Extended] for a controller established in
// country.
func (d Deadline) ExtendedFor(sent Date, country string) Date {
	switch {
	case d.Months > 0 && d.ExtensionMonths > 0:
		return d.roll(AddMonths(sent, d.Months+d.ExtensionMonths), country)
	case d.Days > 0 && d.ExtensionDays > 0:
		return d.roll(sent.AddDays(d.Days+d.ExtensionDays), country)
	}
	return d.DueFor(sent, country)
}

// Rule describes, in English, how the period is counted: from receipt,
// and what happens when it ends on a day that is not a working day.
func (d Deadline) Rule(country string) string {
	s := "counted from the day the company receives the request"
	switch {
	case d.Months > 0:
		s = "calendar months " + s + "; a month ends on the same date of the next month, or on its last day where that date does not exist"
	case d.BusinessDays > 0:
		s = "business days (Monday to Friday; no holidays are skipped) " + s
	default:
		s = "calendar days " + s
	}
	if d.NextWorkingDay != "" {
		s += "; a period ending on a Saturday, Sunday or public holiday ends on the next working day (" + CalendarFor(d.NextWorkingDay, country).Name + ")"
	} else if d.BusinessDays == 0 {
		s += "; objector does not move a period that ends on a weekend or holiday, though a general rule on computing time (such as a state's) may give the company a day or two more"
	}
	return s
}

// AddMonths adds n calendar months to t, clamping to the last day of the
// target month (31 January + 1 month = 28 or 29 February).
func AddMonths(t Date, n int) Date {
	y, m, day := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if day > last {
		day = last
	}
	return Date{time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC)}
}

// AddBusinessDays adds n days that fall Monday to Friday to t. Holidays are
// not skipped: the CCPA regulations, the only rules here that count business
// days, do not define the term (11 CCR § 7001 has no such definition), so no
// holiday calendar is assumed.
func AddBusinessDays(t Date, n int) Date {
	for n > 0 {
		t = t.AddDays(1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// MarshalJSON writes the deadline in the shape of the rights command:
// {"months": 1, "extension_months": 2, "citation": "Art. 12(3) GDPR"}.
func (d Deadline) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Months          int    `json:"months,omitempty"`
		ExtensionMonths int    `json:"extension_months,omitempty"`
		Days            int    `json:"days,omitempty"`
		ExtensionDays   int    `json:"extension_days,omitempty"`
		BusinessDays    int    `json:"business_days,omitempty"`
		Citation        string `json:"citation"`
		NextWorkingDay  string `json:"next_working_day,omitempty"`
		Rule            string `json:"rule"`
	}{d.Months, d.ExtensionMonths, d.Days, d.ExtensionDays, d.BusinessDays, d.Citation.Text, d.NextWorkingDay, d.Rule("")})
}
