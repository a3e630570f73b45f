package objector_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/objector/objector"
)

// The tests in this file pin letter-level corrections of the December 2026
// legal review (review-2026-12.md §1); each fails on the letters as they
// were before it.

func letterText(t *testing.T, req objector.Request) string {
	t.Helper()
	l, err := generator(t).Generate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(strings.Join(l.Body, "\n"), "\u00a0", " ")
}

// TestCaliforniaKeepsProfiling checks that a Californian who objects to
// profiling still asks for it: the CCPA has no profiling opt-out, so the
// request goes beyond the statute instead of vanishing.
func TestCaliforniaKeepsProfiling(t *testing.T) {
	req := person("US-CA", "en")
	req.Purposes = []string{"profiling"}
	body := letterText(t, req)
	if !strings.Contains(body, "profiling, that is evaluating personal aspects of me") {
		t.Errorf("the profiling request vanished:\n%s", body)
	}
}

// TestConditionNeedsPersonsReason checks that Brazilian and Japanese
// objections, which the law allows only on facts the person must state,
// are not written without the person's reason, and state the condition
// when the reason is given.
func TestConditionNeedsPersonsReason(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"BR", "does not comply with that law"},
		{"JP", "may harm my rights or legitimate interests"},
	} {
		req := person(tt.code, "en")
		_, err := generator(t).Generate(context.Background(), req)
		var fe *objector.FieldError
		if !errors.As(err, &fe) || fe.Field != "reason" {
			t.Errorf("%s without a reason: err = %v; want a reason field error", tt.code, err)
		}
		req.Reason = "My own reason."
		if body := letterText(t, req); !strings.Contains(body, tt.want) || !strings.Contains(body, "My own reason.") {
			t.Errorf("%s: the letter does not state the condition and the reason:\n%s", tt.code, body)
		}
	}
}

// TestSouthAfricaStatesGrounds checks that a POPIA objection states the
// person's grounds, which s. 11(3)(a) requires.
func TestSouthAfricaStatesGrounds(t *testing.T) {
	body := letterText(t, person("ZA", "en"))
	if !strings.Contains(body, "My grounds relating to my particular situation") {
		t.Errorf("ZA letter states no grounds:\n%s", body)
	}
}

// TestTurkeyLetterAsksErasure checks that the Turkish letter withdraws
// consent and asks for erasure, and does not object under Art. 11(1)(g).
func TestTurkeyLetterAsksErasure(t *testing.T) {
	body := letterText(t, person("TR", "en"))
	if strings.Contains(body, "11(1)(g)") || !strings.Contains(body, "Art. 11(1)(e) and Art. 7 KVKK") {
		t.Errorf("TR letter:\n%s", body)
	}
}

// TestCCPAOptOutDeadlineInLetter checks the deadline a 2021 California
// opt-out letter cites: 15 business days under 11 CCR § 999.315, not the
// 45 days of § 1798.130(a)(2).
func TestCCPAOptOutDeadlineInLetter(t *testing.T) {
	req := person("US-CA", "en")
	req.AsOf = mustDate("2021-06-01")
	body := letterText(t, req)
	if !strings.Contains(body, "15 business days") || !strings.Contains(body, "999.315") || strings.Contains(body, "1798.130") {
		t.Errorf("2021 CCPA letter:\n%s", body)
	}
}

// TestEveryPlaceGetsALetter checks that a person in Australia, Hong Kong,
// Mexico or a country objector has no rules for gets a letter that claims
// only what the law there gives.
func TestEveryPlaceGetsALetter(t *testing.T) {
	for _, tt := range []struct{ code, want, not string }{
		{"AU", "I am not aware of a law where I live", "I object"},
		{"KE", "I am not aware of a law where I live", "I object"},
		{"HK", "I withdraw my consent (s. 2(3) and DPP 3, PDPO)", "I object"},
		{"MX", "right of opposition (ARCO)", "within"},
	} {
		body := letterText(t, person(tt.code, "en"))
		if !strings.Contains(body, tt.want) || strings.Contains(body, tt.not) {
			t.Errorf("%s letter:\n%s", tt.code, body)
		}
	}
}

// TestFloridaDependsOnCompany checks that a letter to Meta from Florida
// cites the Florida Digital Bill of Rights, and that a letter to a company
// objector knows nothing about says honestly that the law may not reach it.
func TestFloridaDependsOnCompany(t *testing.T) {
	req := person("US-FL", "en")
	req.Controller = "meta-facebook"
	if body := letterText(t, req); !strings.Contains(body, "Under the Florida Digital Bill of Rights") || !strings.Contains(body, "§ 501.705") || strings.Contains(body, "I am not aware of a law") {
		t.Errorf("Meta, Florida:\n%s", body)
	}
	body := letterText(t, person("US-FL", "en"))
	if !strings.Contains(body, "gives rights only against companies that meet its thresholds, and I cannot tell whether") {
		t.Errorf("LinkedIn, Florida:\n%s", body)
	}
}

// TestSmallCompanyBelowThresholds checks the letter to a company whose
// record says it meets none of a state law's thresholds: it names the law
// and says why it does not claim it.
func TestSmallCompanyBelowThresholds(t *testing.T) {
	rec := []byte(`id = "beispiel"
name = "Beispiel LLC"
[[entity]]
regions = ["us"]
name = "Beispiel LLC"
address = ["1 Main Street", "Hartford, CT 06103", "USA"]
email = "privacy@example.com"
effective_from = 2020-01-01
source = "https://example.com/privacy"
checked = 2026-11-01

[[threshold]]
law = "us-ct-ctdpa-2026"
meets = []
source = "https://example.com/annual-report"
`)
	g, err := generator(t).WithControllers(fstest.MapFS{"beispiel.toml": {Data: rec}})
	if err != nil {
		t.Fatal(err)
	}
	req := person("US-CT", "en")
	req.Controller = "beispiel"
	l, err := g.Generate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(l.Body, "\n")
	if l.Kind != "courtesy" || !strings.Contains(body, "Connecticut Data Privacy Act") || !strings.Contains(body, "as far as I know Beispiel LLC does not meet them") {
		t.Errorf("kind %s:\n%s", l.Kind, body)
	}
}

// TestDueDateNotOnAWeekend checks the review's case: a GDPR letter dated
// 2026-12-03 is due on Sunday 2027-01-03 by the calendar, so on Monday
// 4 January 2027 (Regulation 1182/71 Art. 3(4)); and the letter says that
// the period runs from receipt.
func TestDueDateNotOnAWeekend(t *testing.T) {
	req := person("DE", "en")
	req.AsOf = mustDate("2026-12-03")
	l, err := generator(t).Generate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.ReplaceAll(strings.Join(l.Body, "\n"), "\u00a0", " ")
	if l.DueISO != "2027-01-04" || !strings.Contains(body, "that is by 4 January 2027") {
		t.Errorf("due %s:\n%s", l.DueISO, body)
	}
	if !strings.Contains(body, "if it reaches you later, for example by post, the period ends correspondingly later") {
		t.Errorf("the letter does not say the period runs from receipt:\n%s", body)
	}
}

// TestProposalsNotInLetters checks that a proposal that is not in force
// never reaches a letter.
func TestProposalsNotInLetters(t *testing.T) {
	req := person("DE", "en")
	req.AsOf = mustDate("2026-12-03")
	if body := letterText(t, req); strings.Contains(body, "88c") || strings.Contains(body, "Omnibus") {
		t.Errorf("a GDPR letter cites a proposal:\n%s", body)
	}
}

// TestErasureNotAccountDeletion checks that the GDPR letter asks to erase
// the data used for the purposes (training data sets, copies, derived data)
// and says it is not a request to delete the account, and that it asks
// about models already trained on the data.
func TestErasureNotAccountDeletion(t *testing.T) {
	body := letterText(t, person("DE", "en"))
	for _, want := range []string{
		"including training data sets, their copies and data derived from my data",
		"I am not asking you to delete my account",
		"Where you have already used my personal data to train models",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the letter lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "Please erase the personal data you have processed for these purposes") {
		t.Error("the old, account-wide erasure request is still there")
	}
}

// TestAlsoAccess checks the optional access request (Art. 15) and that it
// is refused where objector's letter has none.
func TestAlsoAccess(t *testing.T) {
	req := person("DE", "en")
	req.Also = []string{objector.AlsoAccess}
	if body := letterText(t, req); !strings.Contains(body, "I also request access to my personal data (Art. 15 GDPR)") || !strings.Contains(body, "which models or systems") {
		t.Errorf("no access request:\n%s", body)
	}
	if body := letterText(t, person("DE", "en")); strings.Contains(body, "I also request access") {
		t.Error("an access request without --also access")
	}
	req = person("US-CA", "en")
	req.Also = []string{objector.AlsoAccess}
	_, err := generator(t).Generate(context.Background(), req)
	var fe *objector.FieldError
	if !errors.As(err, &fe) || fe.Field != "also" {
		t.Errorf("US-CA --also access: %v; want an also field error", err)
	}
}

// TestDefaultGroundsWarning checks that the person is warned when the
// default grounds stand in for theirs where the law wants their own.
func TestDefaultGroundsWarning(t *testing.T) {
	l, err := generator(t).Generate(context.Background(), person("DE", "en"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "default grounds") {
		t.Errorf("warnings = %q", l.Warnings)
	}
	req := person("DE", "en")
	req.Reason = "My own grounds."
	if l, err = generator(t).Generate(context.Background(), req); err != nil || len(l.Warnings) != 0 {
		t.Errorf("warnings with the person's own grounds: %q, %v", l.Warnings, err)
	}
	if l, err = generator(t).Generate(context.Background(), person("US-CA", "en")); err != nil || len(l.Warnings) != 0 {
		t.Errorf("warnings for an opt-out: %q, %v", l.Warnings, err)
	}
}
