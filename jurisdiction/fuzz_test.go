package jurisdiction_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector/jurisdiction"
)

// FuzzParseDate feeds arbitrary text to ParseDate, the parser of --as-of
// and --sent. It must never panic; a date it accepts is a real, non-zero
// calendar date that prints back as the trimmed input. (It found that
// 0001-01-01 parsed to the zero Date, which means "no date".)
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-24", " 2026-11-24\n", "2024-02-29", "2023-02-29", "24.11.2026", "0001-01-01", "9999-12-31", "", "2026-1-1", "+2026-11-24"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := jurisdiction.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %v and the error %v", s, d, err)
			}
			if !strings.Contains(err.Error(), "YYYY-MM-DD") {
				t.Fatalf("ParseDate(%q): the error %q does not name the form", s, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) returned the zero date, which means no date", s)
		}
		if got := d.String(); got != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q).String() = %q", s, got)
		}
		if d.Time != jurisdiction.Day(d.Time).Time || d.Location() != time.UTC {
			t.Fatalf("ParseDate(%q) = %v, not midnight UTC", s, d.Time)
		}
	})
}

// FuzzResolve feeds arbitrary residence codes and dates to Rules.Resolve.
// It must never panic; for a non-empty code every error is an
// *UnknownResidenceError, and an assessment names a known code and its own
// date.
func FuzzResolve(f *testing.F) {
	rules, err := jurisdiction.Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range []string{"DE", "de", " us-ca ", "US_CA", "DE-BY", "GB", "CH", "US-NY", "XX", "", "D", "US-", "-", "ÄÖ", "de\x00"} {
		f.Add(c, int64(20781)) // 2026-11-24
	}
	f.Add("US-TX", int64(19904)) // 2024-06-30
	f.Add("DE", int64(-719162))  // 0001-01-01
	f.Fuzz(func(t *testing.T, code string, days int64) {
		days %= 3_000_000 // about ±8,000 years around 1970
		asOf := jurisdiction.Day(time.Unix(days*86400, 0).UTC())
		a, err := rules.Resolve(code, asOf)
		if err != nil {
			var ue *jurisdiction.UnknownResidenceError
			if code != "" && !errors.As(err, &ue) {
				t.Fatalf("Resolve(%q, %s): %T %v, want *UnknownResidenceError", code, asOf, err, err)
			}
			if !errors.Is(err, jurisdiction.ErrUnknownResidence) {
				t.Fatalf("Resolve(%q, %s): %v does not match ErrUnknownResidence", code, asOf, err)
			}
			if a != nil {
				t.Fatalf("Resolve(%q) returned an assessment and an error", code)
			}
			return
		}
		if _, err := rules.Place(a.Residence); err != nil || a.Residence != strings.ToUpper(a.Residence) {
			t.Fatalf("Resolve(%q) = residence %q: %v", code, a.Residence, err)
		}
		if !a.AsOf.Equal(asOf.Time) {
			t.Fatalf("Resolve(%q, %s).AsOf = %s", code, asOf, a.AsOf)
		}
		if a.Rights == nil || a.Regime == jurisdiction.RegimeNone && len(a.Rights) > 0 {
			t.Fatalf("Resolve(%q, %s): regime %s with %d rights", code, asOf, a.Regime, len(a.Rights))
		}
	})
}
