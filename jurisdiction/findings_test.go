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
