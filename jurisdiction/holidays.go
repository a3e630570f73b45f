package jurisdiction

import "time"

// Calendar says which days a period may not end on: a period whose last
// day is not a working day ends at the end of the next working day.
type Calendar struct {
	// Name names the calendar in explanations, such as "Ireland's public
	// holidays".
	Name    string
	holiday func(Date) bool
}

// Working reports whether d is a working day: not a Saturday or Sunday,
// nor a holiday of the calendar.
func (c Calendar) Working(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return c.holiday == nil || !c.holiday(d)
}

// NextWorking returns d if it is a working day, else the next one.
func (c Calendar) NextWorking(d Date) Date {
	for !c.Working(d) {
		d = d.AddDays(1)
	}
	return d
}

// The rules a deadline follows when its last day is not a working day
// ([Deadline.NextWorkingDay]).
const (
	// RollEU: Art. 3(4) of Regulation (EEC, Euratom) No 1182/71, which the
	// EDPB applies to GDPR periods: a period ending on a Saturday, Sunday
	// or public holiday ends with the next working day. The public
	// holidays are those of the member state in which action is to be
	// taken (Art. 2(1)), that is where the controller answers.
	RollEU = "eu"
	// RollUK: the ICO's guidance on calendar months: an end date on a
	// Saturday, Sunday or bank holiday moves to the next working day.
	RollUK = "uk"
)

// CalendarFor returns the calendar a deadline of rule roll uses for a
// controller established in country (an ISO 3166-1 code, empty where
// unknown). For the EU rule objector knows Ireland's public holidays, where
// most large platforms have their EU controller; for another member state
// it counts only the holidays every EU and EEA state keeps (1 January and
// 25 December), so the date it gives may be a day or two early around
// that state's other holidays. For the UK rule it uses the bank holidays of
// England and Wales.
func CalendarFor(roll, country string) Calendar {
	switch roll {
	case RollEU:
		if country == "IE" {
			return Calendar{Name: "weekends and Ireland's public holidays", holiday: irishHoliday}
		}
		return Calendar{Name: "weekends, 1 January and 25 December (the controller's other national holidays are not counted)", holiday: commonEUHoliday}
	case RollUK:
		return Calendar{Name: "weekends and the bank holidays of England and Wales", holiday: englishBankHoliday}
	}
	return Calendar{}
}

func commonEUHoliday(d Date) bool {
	_, m, day := d.Date()
	return (m == time.January && day == 1) || (m == time.December && day == 25)
}

// easter returns Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm).
func easter(y int) Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)}
}

// nthMonday returns the n-th Monday of month m in year y; n = -1 is the
// last.
func nthMonday(y int, m time.Month, n int) Date {
	if n < 0 {
		d := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		for d.Weekday() != time.Monday {
			d = d.AddDate(0, 0, -1)
		}
		return Date{d}
	}
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return Date{d.AddDate(0, 0, 7*(n-1))}
}

func sameDay(a, b Date) bool { return a.Equal(b.Time) }

// irishHoliday reports Ireland's public holidays (Organisation of Working
// Time Act 1997, Sch. 2, as amended; citizensinformation.ie): 1 January,
// St Brigid's Day from 2023 (the first Monday in February, or 1 February
// when that is a Friday), 17 March, Easter Monday, the first Mondays in
// May, June and August, the last Monday in October, 25 and 26 December,
// and the one-off holiday of 18 March 2022.
func irishHoliday(d Date) bool {
	y, m, day := d.Date()
	switch {
	case m == time.January && day == 1,
		m == time.March && day == 17,
		m == time.December && (day == 25 || day == 26):
		return true
	case y == 2022 && m == time.March && day == 18:
		return true
	case y >= 2023 && m == time.February:
		feb1 := Date{time.Date(y, time.February, 1, 0, 0, 0, 0, time.UTC)}
		if feb1.Weekday() == time.Friday {
			return day == 1
		}
		return sameDay(d, nthMonday(y, time.February, 1))
	}
	return sameDay(d, easter(y).AddDays(1)) ||
		sameDay(d, nthMonday(y, time.May, 1)) ||
		sameDay(d, nthMonday(y, time.June, 1)) ||
		sameDay(d, nthMonday(y, time.August, 1)) ||
		sameDay(d, nthMonday(y, time.October, -1))
}

// englishSpecial lists the bank holidays of England and Wales that moved
// or were added by proclamation (gov.uk/bank-holidays): 2020's early May
// holiday on 8 May, 2022's spring holiday on 2 June with 3 June and 19
// September added, and 8 May 2023.
var englishSpecial = map[string]bool{
	"2020-05-08": true, "2022-06-02": true, "2022-06-03": true,
	"2022-09-19": true, "2023-05-08": true,
}

// englishMoved lists regular dates that did not apply in those years.
var englishMoved = map[string]bool{"2020-05-04": true, "2022-05-30": true}

// englishBankHoliday reports the bank holidays of England and Wales: New
// Year's Day, Good Friday, Easter Monday, the first and last Mondays in
// May, the last Monday in August, Christmas Day and Boxing Day, with a
// substitute weekday where 1 January, 25 or 26 December falls on a
// weekend.
func englishBankHoliday(d Date) bool {
	s := d.String()
	if englishSpecial[s] {
		return true
	}
	if englishMoved[s] {
		return false
	}
	y, m, day := d.Date()
	e := easter(y)
	if sameDay(d, e.AddDays(-2)) || sameDay(d, e.AddDays(1)) ||
		sameDay(d, nthMonday(y, time.May, 1)) || sameDay(d, nthMonday(y, time.May, -1)) ||
		sameDay(d, nthMonday(y, time.August, -1)) {
		return true
	}
	// New Year's Day, or the Monday after it when it falls on a weekend.
	if m == time.January && day <= 3 {
		ny := Date{time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)}
		return sameDay(d, substitute(ny))
	}
	if m == time.December && day >= 25 {
		xmas := Date{time.Date(y, time.December, 25, 0, 0, 0, 0, time.UTC)}
		x := substitute(xmas)
		boxing := substitute(xmas.AddDays(1))
		if sameDay(boxing, x) {
			boxing = boxing.AddDays(1)
		}
		return sameDay(d, x) || sameDay(d, boxing)
	}
	return false
}

// substitute returns d, or the next Monday (or Tuesday) where d falls on
// a weekend.
func substitute(d Date) Date {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(1)
	}
	return d
}
