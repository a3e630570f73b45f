package batch

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ErrAmbiguousDate is wrapped by the error for a date such as 03/04/2026
// that reads as 3 April or 4 March.
var ErrAmbiguousDate = errors.New("is ambiguous: day and month could be either way round")

// ParseCellDate parses a date as spreadsheets store or export it:
// 2026-04-03 (ISO, also with a time after it), 2026/04/03, 03.04.2026
// (day first, as in German), 3/4/2026 or 3-4-2026. A slash or hyphen date
// whose day and month could be swapped is read day first if dayFirst is
// set (a column named in a language that writes day first), else it
// fails with [ErrAmbiguousDate]; one with a part above 12 is never
// ambiguous. The years are four digits. Excel's serial dates (46115 for
// 2026-04-03) are accepted where serial is set: from a spreadsheet cell,
// never from CSV text.
func ParseCellDate(cell string, dayFirst, serial bool) (time.Time, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return time.Time{}, errors.New("is empty")
	}
	if serial {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return serialDate(f)
		}
	}
	// An ISO date with a time, as LibreOffice and databases export it.
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-' {
		s = s[:10]
	}
	var sep byte
	for _, c := range []byte{'-', '/', '.'} {
		if strings.Count(s, string(c)) == 2 {
			sep = c
			break
		}
	}
	parts := strings.Split(s, string(sep))
	if sep == 0 || len(parts) != 3 {
		return time.Time{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD", cell)
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || len(p) > 4 || len(p) == 0 {
			return time.Time{}, fmt.Errorf("%q is not a date; write it as YYYY-MM-DD", cell)
		}
		n[i] = v
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4: // year first: ISO, or 2026/04/03
		y, m, d = n[0], n[1], n[2]
	case len(parts[2]) != 4:
		return time.Time{}, fmt.Errorf("%q has no four-digit year; write it as YYYY-MM-DD", cell)
	case sep == '.': // 03.04.2026: day first wherever dots are used
		y, m, d = n[2], n[1], n[0]
	case n[0] > 12 && n[1] <= 12:
		y, m, d = n[2], n[1], n[0]
	case n[1] > 12 && n[0] <= 12:
		y, m, d = n[2], n[0], n[1]
	case n[0] == n[1] || dayFirst:
		y, m, d = n[2], n[1], n[0]
	default:
		return time.Time{}, fmt.Errorf("%q %w; write it as YYYY-MM-DD", cell, ErrAmbiguousDate)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("%q is not a date of the calendar; write it as YYYY-MM-DD", cell)
	}
	return t, nil
}

// serialDate converts an Excel serial date (days since 1899-12-30 in the
// 1900 date system, with the time of day as a fraction) to its date.
func serialDate(f float64) (time.Time, error) {
	// 1 is 1900-01-01; 2958465 is 9999-12-31. Serials below 61 count
	// Excel's 29 February 1900, a day that never was; nobody sends a
	// letter in 1900.
	if math.IsNaN(f) || f < 61 || f > 2958465 {
		return time.Time{}, fmt.Errorf("%v is not a date; write it as YYYY-MM-DD", f)
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(math.Floor(f)))
	return t, nil
}
