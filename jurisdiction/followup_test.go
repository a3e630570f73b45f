package jurisdiction_test

import (
	"testing"

	"github.com/objector/objector/jurisdiction"
)

// TestDeadlineMonthEndsAndLeapYears checks the due dates follow-up letters
// rely on, for each way a law counts: calendar months (GDPR, UK GDPR),
// calendar days (US state laws, Iowa's 90) and business days (CCPA
// opt-outs), across month ends, leap days and century years. Rows resolve
// the real rules, so a change in the data shows up here.
func TestDeadlineMonthEndsAndLeapYears(t *testing.T) {
	r := rules(t)
	tests := []struct {
		residence, sent, due, extended string
	}{
		// GDPR: one month, extendable by two further months (Art. 12(3)).
		{"DE", "2024-01-31", "2024-02-29", "2024-04-30"}, // leap year
		{"DE", "2025-01-31", "2025-02-28", "2025-04-30"},
		{"DE", "2024-02-29", "2024-03-29", "2024-05-29"}, // from a leap day
		{"DE", "2025-02-28", "2025-03-28", "2025-05-28"}, // not the month's end afterwards
		{"FR", "2025-08-31", "2025-09-30", "2025-12-01"}, // 30 November 2025 is a Sunday: next working day (Reg. 1182/71 Art. 3(4))
		{"IE", "2025-12-31", "2026-02-02", "2026-03-31"}, // year end; 31 January 2026 is a Saturday
		{"AT", "2025-10-31", "2025-12-01", "2026-02-02"}, // both ends fall on a weekend
		// UK GDPR: the same months (Art. 12(3), from 2026-02-05 Art. 12A).
		{"GB", "2024-01-31", "2024-02-29", "2024-04-30"},
		{"GB", "2027-01-29", "2027-03-01", "2027-04-29"}, // 28 February 2027 is a Sunday (ICO: next working day)
		// US state law: 45 calendar days, one 45-day extension.
		{"US-VA", "2024-01-31", "2024-03-16", "2024-04-30"}, // through 29 February
		{"US-VA", "2023-01-31", "2023-03-17", "2023-05-01"},
		{"US-VA", "2024-12-31", "2025-02-14", "2025-03-31"},
		// Iowa: 90 days, one 45-day extension.
		{"US-IA", "2028-02-29", "2028-05-29", "2028-07-13"},
		// CCPA opt-outs: 15 business days, no extension.
		{"US-CA", "2024-02-20", "2024-03-12", "2024-03-12"}, // over 29 February
		{"US-CA", "2026-01-31", "2026-02-20", "2026-02-20"}, // from a Saturday at a month's end
		{"US-CA", "2026-02-27", "2026-03-20", "2026-03-20"}, // from a Friday at a month's end
	}
	for _, tt := range tests {
		t.Run(tt.residence+"@"+tt.sent, func(t *testing.T) {
			sent := jurisdiction.MustDate(tt.sent)
			a, err := r.Resolve(tt.residence, sent)
			if err != nil {
				t.Fatal(err)
			}
			if a.Deadline == nil {
				t.Fatalf("%s on %s has no deadline", tt.residence, tt.sent)
			}
			if got := a.Deadline.Due(sent).String(); got != tt.due {
				t.Errorf("due = %s; want %s (%+v)", got, tt.due, *a.Deadline)
			}
			if got := a.Deadline.Extended(sent).String(); got != tt.extended {
				t.Errorf("extended = %s; want %s (%+v)", got, tt.extended, *a.Deadline)
			}
		})
	}
}

// TestAddMonthsCenturies checks the Gregorian leap-year rule at century
// years, where a 30-day approximation or a naive "every fourth year" rule
// would be wrong.
func TestAddMonthsCenturies(t *testing.T) {
	for sent, want := range map[string]string{
		"2000-01-31": "2000-02-29", // divisible by 400: leap
		"2100-01-31": "2100-02-28", // divisible by 100 only: not leap
		"2096-01-30": "2096-02-29",
	} {
		if got := jurisdiction.AddMonths(jurisdiction.MustDate(sent), 1).String(); got != want {
			t.Errorf("AddMonths(%s, 1) = %s; want %s", sent, got, want)
		}
	}
}

// TestComplaint checks what the rules say about complaining to the
// authority: Art. 77 where the GDPR or the UK GDPR applies, the UK's
// complaint to the controller first only from 2026-06-19, the Swiss FDPIC
// taking reports only, and nothing for places without a law.
func TestComplaint(t *testing.T) {
	r := rules(t)
	tests := []struct {
		residence, asOf string
		cite            string // "" for a complaint without a citation
		none            bool   // no complaint data at all
		reportOnly      bool
		controllerFirst string
	}{
		{residence: "DE", asOf: "2026-11-24", cite: "Art. 77(1) GDPR"},
		{residence: "IE", asOf: "2019-01-01", cite: "Art. 77(1) GDPR"},
		{residence: "GB", asOf: "2020-06-01", cite: "Art. 77(1) GDPR"}, // EU GDPR until 2020-12-31
		{residence: "GB", asOf: "2023-06-01", cite: "Art. 77 UK GDPR"},
		// From 2026-02-05 no provision is cited: Art. 77 UK GDPR may have been
		// omitted on 2026-06-19 (DUAA Sch. 10) and its successor is unconfirmed.
		{residence: "GB", asOf: "2026-06-18", cite: ""},
		{residence: "GB", asOf: "2026-06-19", cite: "", controllerFirst: "s. 164A Data Protection Act 2018"},
		{residence: "CH", asOf: "2026-11-24", reportOnly: true},
		{residence: "US-CA", asOf: "2026-11-24", none: true},
		{residence: "US-NY", asOf: "2026-11-24", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.residence+"@"+tt.asOf, func(t *testing.T) {
			a, err := r.Resolve(tt.residence, jurisdiction.MustDate(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			c := a.Complaint
			if tt.none {
				if c != nil {
					t.Fatalf("complaint = %+v; want none", *c)
				}
				return
			}
			if c == nil {
				t.Fatal("no complaint data")
			}
			if c.Citation.Text != tt.cite || c.ReportOnly != tt.reportOnly {
				t.Errorf("citation, report only = %q, %v; want %q, %v", c.Citation.Text, c.ReportOnly, tt.cite, tt.reportOnly)
			}
			got := ""
			if c.ControllerFirst != nil {
				got = c.ControllerFirst.Text
			}
			if got != tt.controllerFirst {
				t.Errorf("controller first = %q; want %q", got, tt.controllerFirst)
			}
			if !contains(fmtSources(a.Sources), c.Source) {
				t.Errorf("sources %v lack the complaint source %s", a.Sources, c.Source)
			}
		})
	}
}

func fmtSources(s []string) string {
	out := ""
	for _, v := range s {
		out += v + "\n"
	}
	return out
}
