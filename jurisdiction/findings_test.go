package jurisdiction_test

import (
	"strings"
	"testing"

	"github.com/objector/objector/jurisdiction"
)

// The tests in this file pin the corrections of the December 2026 legal
// review (review-2026-12.md §1). Each fails on the rules as they were
// before it.

// TestDeadlineCitesDeadlineProvision checks that each US state's deadline
// cites the provision that sets the period, not the rights paragraph or the
// whole act.
func TestDeadlineCitesDeadlineProvision(t *testing.T) {
	r := rules(t)
	tests := []struct{ code, date, cite string }{
		{"US-CT", "2026-01-15", "Conn. Gen. Stat. § 42-518(c)(1)"},
		{"US-IN", "2026-11-24", "Ind. Code § 24-15-3-1(c)(1)"},
		{"US-KY", "2026-11-24", "Ky. Rev. Stat. § 367.3615"},
		{"US-NE", "2026-11-24", "Neb. Rev. Stat. § 87-1108(2)"},
		{"US-NH", "2026-11-24", "RSA 507-H:4"},
		{"US-OR", "2026-11-24", "ORS 646A.576"},
		{"US-MN", "2026-11-24", "Minn. Stat. § 325M.14"},
	}
	for _, tt := range tests {
		a, err := r.Resolve(tt.code, jurisdiction.MustDate(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		if a.Deadline == nil || a.Deadline.Citation.Text != tt.cite {
			t.Errorf("%s: deadline = %+v; want one citing %q", tt.code, a.Deadline, tt.cite)
		}
		if a.Deadline != nil && strings.Contains(a.Deadline.Citation.Text, "et seq") {
			t.Errorf("%s: deadline cites the whole act", tt.code)
		}
	}
}

// TestCCPAOptOutDeadlineByDate checks that a California opt-out is due by
// the rule in force when it is made: no deadline before the regulations,
// 15 business days under 11 CCR § 999.315 from 2020-08-14, under § 7026
// after the renumbering of 2022-05-05.
func TestCCPAOptOutDeadlineByDate(t *testing.T) {
	r := rules(t)
	tests := []struct{ date, cite string }{
		{"2020-03-01", ""},
		{"2020-08-13", ""},
		{"2020-08-14", "Cal. Code Regs. tit. 11, § 999.315"},
		{"2022-05-04", "Cal. Code Regs. tit. 11, § 999.315"},
		{"2022-05-05", "Cal. Code Regs. tit. 11, § 7026"},
		{"2022-12-31", "Cal. Code Regs. tit. 11, § 7026"},
		{"2026-11-24", "Cal. Code Regs. tit. 11, § 7026"},
	}
	for _, tt := range tests {
		a, err := r.Resolve("US-CA", jurisdiction.MustDate(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.cite == "" && a.Deadline != nil:
			t.Errorf("%s: deadline %q; want none (the statute sets none for opt-outs)", tt.date, a.Deadline.Citation.Text)
		case tt.cite != "" && (a.Deadline == nil || a.Deadline.Citation.Text != tt.cite || a.Deadline.BusinessDays != 15):
			t.Errorf("%s: deadline = %+v; want 15 business days under %q", tt.date, a.Deadline, tt.cite)
		}
	}
}

// TestTurkeyErasureNotAutomatedDecisions checks that a Turkish letter
// withdraws consent and asks for erasure under Art. 11(1)(e) with Art. 7,
// and does not object under Art. 11(1)(g), which covers only results of
// solely automated analysis.
func TestTurkeyErasureNotAutomatedDecisions(t *testing.T) {
	a, err := rules(t).Resolve("TR", jurisdiction.MustDate("2026-11-24"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Right(jurisdiction.RightObject); ok {
		t.Error("TR grants a general objection; KVKK has none")
	}
	for _, r := range a.Rights {
		if strings.Contains(r.Citation.Text, "11(1)(g)") {
			t.Errorf("TR cites %q", r.Citation.Text)
		}
	}
	e, ok := a.Right(jurisdiction.RightErasure)
	if !ok || !strings.Contains(e.Citation.Text, "11(1)(e)") || !strings.Contains(e.Citation.Text, "Art. 7") {
		t.Errorf("TR erasure = %+v; want Art. 11(1)(e) with Art. 7", e)
	}
	if _, ok := a.Right(jurisdiction.RightWithdrawConsent); !ok {
		t.Error("TR: no withdrawal of explicit consent")
	}
}

// TestDeletionScopeProvidedData checks that Iowa and Utah state deletion of
// data the consumer provided, not of data "obtained about" them.
func TestDeletionScopeProvidedData(t *testing.T) {
	for _, code := range []string{"US-IA", "US-UT"} {
		for _, date := range []string{"2026-03-01", "2026-11-24"} {
			a, err := rules(t).Resolve(code, jurisdiction.MustDate(date))
			if err != nil {
				t.Fatal(err)
			}
			e, ok := a.Right(jurisdiction.RightErasure)
			if !ok {
				t.Fatalf("%s: no deletion right", code)
			}
			if strings.Contains(e.Summary, "or obtained about") || !strings.Contains(e.Summary, "provided") {
				t.Errorf("%s %s: deletion = %q; want data the consumer provided", code, date, e.Summary)
			}
		}
	}
}

// TestProfilingOptOuts checks Oklahoma's profiling opt-out (from
// 2027-01-01) and Connecticut's two versions: solely automated decisions
// until 2026-06-30, any automated decision from 2026-07-01 (Public Act
// 25-113).
func TestProfilingOptOuts(t *testing.T) {
	r := rules(t)
	a, err := r.Resolve("US-OK", jurisdiction.MustDate("2027-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := a.Right(jurisdiction.RightOptOutProfiling); !ok {
		t.Error("US-OK 2027-01-01: no profiling opt-out")
	}
	before, _ := r.Resolve("US-CT", jurisdiction.MustDate("2026-06-30"))
	after, _ := r.Resolve("US-CT", jurisdiction.MustDate("2026-07-01"))
	pb, _ := before.Right(jurisdiction.RightOptOutProfiling)
	pa, _ := after.Right(jurisdiction.RightOptOutProfiling)
	if !strings.Contains(pb.Summary, "solely automated") {
		t.Errorf("US-CT 2026-06-30 profiling = %q; want solely automated decisions", pb.Summary)
	}
	if strings.Contains(pa.Summary, "solely") || pa.Summary == "" {
		t.Errorf("US-CT 2026-07-01 profiling = %q; want any automated decision", pa.Summary)
	}
}

// TestQuebecOwnAct checks that Quebec letters cite Quebec's private-sector
// act, which the CAI enforces, and not PIPEDA.
func TestQuebecOwnAct(t *testing.T) {
	a, err := rules(t).Resolve("CA-QC", jurisdiction.MustDate("2026-11-24"))
	if err != nil {
		t.Fatal(err)
	}
	if a.LawID != "ca-qc-p39" || !strings.Contains(a.Authority.Name, "Commission d'accès") {
		t.Errorf("CA-QC: law %s, authority %s", a.LawID, a.Authority.Name)
	}
	for _, r := range a.Rights {
		if strings.Contains(r.Citation.Text, "PIPEDA") {
			t.Errorf("CA-QC cites %q", r.Citation.Text)
		}
	}
}

// TestConditionsStated checks that the objections whose law attaches a
// condition carry it, so that a letter can state it.
func TestConditionsStated(t *testing.T) {
	tests := []struct {
		code string
		want jurisdiction.Condition
	}{
		{"DE", jurisdiction.ConditionParticularSituation},
		{"GB", jurisdiction.ConditionParticularSituation},
		{"ZA", jurisdiction.ConditionParticularSituation},
		{"BR", jurisdiction.ConditionBreach},
		{"JP", jurisdiction.ConditionCeaseUse},
	}
	for _, tt := range tests {
		a, err := rules(t).Resolve(tt.code, jurisdiction.MustDate("2026-11-24"))
		if err != nil {
			t.Fatal(err)
		}
		o, ok := a.Right(jurisdiction.RightObject)
		if !ok || o.Condition != tt.want {
			t.Errorf("%s: object condition = %q; want %q", tt.code, o.Condition, tt.want)
		}
	}
}

// TestEveryCountryResolves checks that every valid ISO 3166-1 country code
// resolves: to its rules where objector has them, to its EU member state
// for an outermost region, and otherwise to no rules with a note saying
// so, never to an "unknown residence" error. Invalid codes still fail.
func TestEveryCountryResolves(t *testing.T) {
	r := rules(t)
	asOf := jurisdiction.MustDate("2026-11-24")
	for _, tt := range []struct {
		code      string
		regime    jurisdiction.Regime
		noRules   bool
		languages string
	}{
		{"KE", jurisdiction.RegimeNone, true, "sw"},
		{"AR", jurisdiction.RegimeNone, true, "es"},
		{"NZ", jurisdiction.RegimeNone, true, "en"},
		{"GF", jurisdiction.RegimeGDPR, false, "fr"},
		{"AX", jurisdiction.RegimeGDPR, false, "fi"},
		{"AU", jurisdiction.RegimeOther, false, "en"},
		{"HK", jurisdiction.RegimeOther, false, "zh"},
		{"MX", jurisdiction.RegimeOther, false, "es"},
	} {
		a, err := r.Resolve(tt.code, asOf)
		if err != nil {
			t.Errorf("%s: %v", tt.code, err)
			continue
		}
		if a.Regime != tt.regime || a.Unmodelled != tt.noRules || len(a.Languages) == 0 || a.Languages[0] != tt.languages {
			t.Errorf("%s: regime %s, no rules %v, languages %v; want %s, %v, %s", tt.code, a.Regime, a.Unmodelled, a.Languages, tt.regime, tt.noRules, tt.languages)
		}
		if tt.noRules && (len(a.Notes) == 0 || !strings.Contains(a.Notes[0], "objector has no rules for")) {
			t.Errorf("%s: notes %q do not say objector has no rules", tt.code, a.Notes)
		}
		if tt.noRules && strings.Contains(strings.Join(a.Notes, " "), "No statutory right") {
			t.Errorf("%s: claims no statutory right applies, which objector does not know", tt.code)
		}
	}
	for _, code := range []string{"UK", "EU", "QQ", "XK", "ZZ", "DD"} {
		if _, err := r.Resolve(code, asOf); err == nil {
			t.Errorf("%s resolves; want an unknown-residence error", code)
		}
	}
	if _, err := r.Resolve("UK", asOf); err == nil || !strings.Contains(err.Error(), "GB") {
		t.Errorf("UK: %v; want a suggestion of GB", err)
	}
}

// TestThresholdsDependOnCompany checks that a law binding only companies
// above thresholds is claimed by the company's record: Florida's Digital
// Bill of Rights for a company that meets a platform criterion, not for
// one objector knows nothing about; Connecticut's not for a company whose
// record says it meets none; and unknown companies get the law with a note.
func TestThresholdsDependOnCompany(t *testing.T) {
	r := rules(t)
	asOf := jurisdiction.MustDate("2026-11-24")
	meta := &jurisdiction.Company{Name: "Meta Platforms, Inc.", Thresholds: []jurisdiction.ThresholdClaim{
		{Law: "us-fl-fdbr", Meets: []string{"fl-revenue-ads"}, Status: "secondary", Source: "https://www.datagrail.io/resources/interactive/data-privacy-laws-by-state/florida/"},
	}}
	small := &jurisdiction.Company{Name: "Beispiel LLC", Thresholds: []jurisdiction.ThresholdClaim{
		{Law: "us-ct-ctdpa-2026", Meets: nil, Source: "https://example.com/annual-report"},
	}}
	tests := []struct {
		code    string
		company *jurisdiction.Company
		regime  jurisdiction.Regime
		status  string
	}{
		{"US-FL", meta, jurisdiction.RegimeUSState, jurisdiction.AppliesMeets},
		{"US-FL", nil, jurisdiction.RegimeNone, jurisdiction.AppliesUnknown},
		{"US-FL", small, jurisdiction.RegimeNone, jurisdiction.AppliesUnknown},
		{"US-CT", small, jurisdiction.RegimeNone, jurisdiction.AppliesBelow},
		{"US-CT", nil, jurisdiction.RegimeUSState, jurisdiction.AppliesUnknown},
		{"US-CT", meta, jurisdiction.RegimeUSState, jurisdiction.AppliesUnknown},
	}
	for _, tt := range tests {
		a, err := r.ResolveFor(tt.code, asOf, tt.company)
		if err != nil {
			t.Fatal(err)
		}
		name := "unknown company"
		if tt.company != nil {
			name = tt.company.Name
		}
		if a.Regime != tt.regime || a.Applicability == nil || a.Applicability.Status != tt.status {
			t.Errorf("%s, %s: regime %s, applicability %+v; want %s, %s", tt.code, name, a.Regime, a.Applicability, tt.regime, tt.status)
			continue
		}
		if len(a.Applicability.Thresholds) == 0 {
			t.Errorf("%s: the assessment does not state the thresholds", tt.code)
		}
		if tt.regime == jurisdiction.RegimeUSState && len(a.Rights) == 0 {
			t.Errorf("%s, %s: no rights", tt.code, name)
		}
		if tt.regime == jurisdiction.RegimeNone && (len(a.Rights) != 0 || a.Law == "") {
			t.Errorf("%s, %s: a courtesy fallback must keep the law's name and grant nothing", tt.code, name)
		}
	}
}

// TestDueOnWorkingDay checks that a period ending on a Saturday, Sunday or
// public holiday ends on the next working day where the law says so: the
// GDPR through Art. 3(4) of Regulation 1182/71, with Ireland's holidays for
// an Irish controller and the holidays every member state keeps otherwise;
// the UK GDPR as the ICO counts it, with the bank holidays of England and
// Wales; and that US periods are not moved.
func TestDueOnWorkingDay(t *testing.T) {
	r := rules(t)
	tests := []struct {
		residence, country, sent, due string
	}{
		// The review's case: a letter of 3 December 2026 is due on
		// Sunday 3 January 2027, so on Monday 4 January.
		{"DE", "IE", "2026-12-03", "2027-01-04"},
		{"DE", "", "2026-12-03", "2027-01-04"},
		// Month end onto a Saturday: 31 October 2026.
		{"FR", "IE", "2026-09-30", "2026-10-30"}, // 30 October 2026 is a Friday: unchanged
		// Irish holidays: Christmas and St Stephen's Day 2025 (Thu, Fri).
		{"DE", "IE", "2025-11-25", "2025-12-29"},
		// Without Ireland's calendar only 25 December counts.
		{"DE", "", "2025-11-25", "2025-12-26"},
		// St Patrick's Day 2027 (Wednesday) and St Brigid's Day 2027
		// (Monday 1 February).
		{"DE", "IE", "2027-02-17", "2027-03-18"},
		{"DE", "IE", "2027-01-01", "2027-02-02"},
		// Easter Monday 2027 is 29 March; the October holiday 2026 is
		// Monday 26 October.
		{"DE", "IE", "2027-02-28", "2027-03-30"}, // 28 March is a Sunday, 29 March Easter Monday
		{"DE", "IE", "2026-09-26", "2026-10-27"},
		// 1 January 2027 (Friday) is a holiday everywhere.
		{"AT", "", "2026-12-01", "2027-01-04"},
		// UK: the ICO's example, 25 November to 25 December, both bank
		// holidays; 2027: 25 Dec is a Saturday, so the substitute days
		// are Monday 27 and Tuesday 28 December.
		{"GB", "", "2026-11-25", "2026-12-29"}, // Fri 25 Dec, weekend, Mon 28 Dec (Boxing Day substitute)
		{"GB", "", "2027-11-25", "2027-12-29"},
		// Good Friday and Easter Monday 2027: 26 and 29 March.
		{"GB", "", "2027-02-26", "2027-03-30"},
		// US: 45 calendar days, not moved (2026-11-24 + 45 = Friday 2027-01-08;
		// 2026-11-26 + 45 = Sunday 2027-01-10).
		{"US-VA", "", "2026-11-26", "2027-01-10"},
	}
	for _, tt := range tests {
		sent := jurisdiction.MustDate(tt.sent)
		a, err := r.Resolve(tt.residence, sent)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Deadline.DueFor(sent, tt.country).String(); got != tt.due {
			t.Errorf("%s, controller in %q, received %s: due %s; want %s", tt.residence, tt.country, tt.sent, got, tt.due)
		}
	}
}

// TestBankHolidaysEnglandAndWales pins the English calendar, including the
// substitute days and the proclaimed changes.
func TestBankHolidaysEnglandAndWales(t *testing.T) {
	cal := jurisdiction.CalendarFor(jurisdiction.RollUK, "")
	for _, d := range []string{"2022-01-03", "2022-04-15", "2022-06-02", "2022-06-03", "2022-09-19", "2022-12-26", "2022-12-27", "2023-05-08", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-28"} {
		if cal.Working(jurisdiction.MustDate(d)) {
			t.Errorf("%s is a bank holiday in England and Wales", d)
		}
	}
	for _, d := range []string{"2022-05-30", "2020-05-04", "2026-12-29", "2026-03-17"} {
		if !cal.Working(jurisdiction.MustDate(d)) {
			t.Errorf("%s is a working day in England and Wales", d)
		}
	}
	ie := jurisdiction.CalendarFor(jurisdiction.RollEU, "IE")
	for _, d := range []string{"2022-03-18", "2023-02-06", "2024-02-05", "2025-02-03", "2026-02-02", "2030-02-01", "2026-04-06", "2026-06-01", "2026-08-03"} {
		if ie.Working(jurisdiction.MustDate(d)) {
			t.Errorf("%s is a public holiday in Ireland", d)
		}
	}
	for _, d := range []string{"2022-02-07", "2026-04-03", "2030-02-04"} {
		if !ie.Working(jurisdiction.MustDate(d)) {
			t.Errorf("%s is a working day in Ireland", d)
		}
	}
}

// TestProposalsDated checks that the Digital Omnibus proposal is reported
// for GDPR places from the day it was made, and not before.
func TestProposalsDated(t *testing.T) {
	r := rules(t)
	before, _ := r.Resolve("DE", jurisdiction.MustDate("2025-11-18"))
	after, _ := r.Resolve("DE", jurisdiction.MustDate("2026-12-03"))
	if len(before.Proposals) != 0 {
		t.Errorf("proposals before the proposal: %v", before.Proposals)
	}
	if len(after.Proposals) != 1 || !strings.Contains(after.Proposals[0].Name, "88c") {
		t.Errorf("proposals = %v; want the Digital Omnibus", after.Proposals)
	}
	if o, _ := after.Right(jurisdiction.RightObject); o.Citation.Text != "Art. 21(1) GDPR" {
		t.Errorf("the proposal changed the right in force: %v", o)
	}
}

// TestLouisianaProfiling checks Louisiana's profiling opt-out (solely
// automated decisions) from 2027-01-01, and that its thresholds are stated.
func TestLouisianaProfiling(t *testing.T) {
	a, err := rules(t).Resolve("US-LA", jurisdiction.MustDate("2027-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	p, ok := a.Right(jurisdiction.RightOptOutProfiling)
	if !ok || !strings.Contains(p.Summary, "solely automated") {
		t.Errorf("US-LA profiling = %+v", p)
	}
	if a.Applicability == nil || len(a.Applicability.Thresholds) != 3 {
		t.Errorf("US-LA thresholds = %+v", a.Applicability)
	}
}
