package jurisdiction_test

import (
	"errors"
	"testing"

	"github.com/objector/objector/jurisdiction"
)

func rules(t testing.TB) *jurisdiction.Rules {
	t.Helper()
	r, err := jurisdiction.Default()
	if err != nil {
		t.Fatalf("embedded rules do not load: %v", err)
	}
	return r
}

// TestResolve covers each place's regimes and every effective-date boundary
// the data holds. Each row is what a user would see from `objector rights`.
func TestResolve(t *testing.T) {
	r := rules(t)
	tests := []struct {
		residence, asOf string
		regime          jurisdiction.Regime
		law             string // law id; "" for none
		rights          []string
		objectCitation  string // citation of the first right, if any
		authority       string // substring of the authority name; "" for none
		lang            string // first language
	}{
		{"DE", "2026-11-24", jurisdiction.RegimeGDPR, "gdpr", []string{"object", "object-direct-marketing", "erasure", "restriction", "notify-recipients", "access", "withdraw-consent"}, "Art. 21(1) GDPR", "BfDI", "de"},
		{"de", "2018-05-25", jurisdiction.RegimeGDPR, "gdpr", nil, "Art. 21(1) GDPR", "BfDI", "de"},
		{"DE", "2018-05-24", jurisdiction.RegimeNone, "", nil, "", "BfDI", "de"},
		{"de-by", "2026-11-24", jurisdiction.RegimeGDPR, "gdpr", nil, "Art. 21(1) GDPR", "BayLDA", "de"},
		{"US-CA", "2019-12-31", jurisdiction.RegimeNone, "", nil, "", "California Privacy Protection Agency", "en"},
		{"US-CA", "2020-08-14", jurisdiction.RegimeUSState, "us-ca-ccpa", []string{"opt-out-sale", "erasure"}, "Cal. Civ. Code § 1798.120", "California", "en"},
		{"US-CA", "2022-12-31", jurisdiction.RegimeUSState, "us-ca-ccpa", nil, "Cal. Civ. Code § 1798.120", "California", "en"},
		{"us_ca", "2023-01-01", jurisdiction.RegimeUSState, "us-ca-cpra", []string{"opt-out-sale", "opt-out-sharing", "limit-sensitive", "erasure"}, "Cal. Civ. Code § 1798.120", "California", "en"},
		{"US-NY", "2026-11-24", jurisdiction.RegimeNone, "", []string{}, "", "", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.residence+"@"+tt.asOf, func(t *testing.T) {
			a, err := r.Resolve(tt.residence, jurisdiction.MustDate(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if a.Regime != tt.regime || a.LawID != tt.law {
				t.Errorf("regime, law = %s, %q; want %s, %q", a.Regime, a.LawID, tt.regime, tt.law)
			}
			if tt.rights != nil {
				var got []string
				for _, rt := range a.Rights {
					got = append(got, rt.ID)
				}
				if len(got) != len(tt.rights) {
					t.Errorf("rights = %v; want %v", got, tt.rights)
				} else {
					for i := range got {
						if got[i] != tt.rights[i] {
							t.Errorf("rights = %v; want %v", got, tt.rights)
							break
						}
					}
				}
			}
			if tt.objectCitation != "" && (len(a.Rights) == 0 || a.Rights[0].Citation.Text != tt.objectCitation) {
				t.Errorf("first citation = %v; want %q", a.Rights, tt.objectCitation)
			}
			if tt.regime == jurisdiction.RegimeNone && len(a.Rights) != 0 {
				t.Errorf("regime none grants rights %v", a.Rights)
			}
			if tt.regime != jurisdiction.RegimeNone && a.Deadline == nil && !lawsWithoutDeadline[tt.law] {
				t.Errorf("no deadline")
			}
			switch {
			case tt.authority == "" && a.Authority != nil:
				t.Errorf("authority = %q; want none", a.Authority.Name)
			case tt.authority != "" && (a.Authority == nil || !contains(a.Authority.Name, tt.authority)):
				t.Errorf("authority = %v; want one named %q", a.Authority, tt.authority)
			}
			if len(a.Languages) == 0 || a.Languages[0] != tt.lang {
				t.Errorf("languages = %v; want %q first", a.Languages, tt.lang)
			}
			if len(a.Sources) == 0 {
				t.Errorf("assessment carries no sources")
			}
		})
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestResolveUnknown(t *testing.T) {
	r := rules(t)
	_, err := r.Resolve("DX", jurisdiction.MustDate("2026-11-24"))
	var ue *jurisdiction.UnknownResidenceError
	if !errors.As(err, &ue) || !errors.Is(err, jurisdiction.ErrUnknownResidence) {
		t.Fatalf("err = %v; want an UnknownResidenceError", err)
	}
	if len(ue.Suggestions) == 0 || ue.Suggestions[0] != "DE" {
		t.Errorf("suggestions = %v; want DE first", ue.Suggestions)
	}
}

// TestCodeSuggestions: the codes people write for the United Kingdom (UK)
// and Greece (EL, the EU's code) suggest GB and GR, which ISO 3166 uses.
func TestCodeSuggestions(t *testing.T) {
	r := rules(t)
	for code, want := range map[string]string{"UK": "GB", "uk": "GB", "EL": "GR", " el ": "GR"} {
		_, err := r.Resolve(code, jurisdiction.MustDate("2026-11-24"))
		var ue *jurisdiction.UnknownResidenceError
		if !errors.As(err, &ue) || len(ue.Suggestions) != 1 || ue.Suggestions[0] != want {
			t.Errorf("Resolve(%q) = %v; want a suggestion of %s alone", code, err, want)
		}
	}
}

func TestDeadlineDue(t *testing.T) {
	month := jurisdiction.Deadline{Months: 1, ExtensionMonths: 2}
	days := jurisdiction.Deadline{Days: 45, ExtensionDays: 45}
	business := jurisdiction.Deadline{BusinessDays: 15}
	tests := []struct {
		d              jurisdiction.Deadline
		sent, due, ext string
	}{
		{month, "2026-01-31", "2026-02-28", "2026-04-30"},
		{month, "2028-01-31", "2028-02-29", "2028-04-30"}, // leap year
		{month, "2026-11-24", "2026-12-24", "2027-02-24"},
		{month, "2026-12-31", "2027-01-31", "2027-03-31"}, // year end
		{month, "2026-03-31", "2026-04-30", "2026-06-30"},
		{days, "2026-11-24", "2027-01-08", "2027-02-22"},
		{business, "2026-11-24", "2026-12-15", "2026-12-15"}, // Tue + 15 weekdays
		{business, "2026-11-28", "2026-12-18", "2026-12-18"}, // from a Saturday
	}
	for _, tt := range tests {
		sent := jurisdiction.MustDate(tt.sent)
		if got := tt.d.Due(sent).String(); got != tt.due {
			t.Errorf("%+v.Due(%s) = %s; want %s", tt.d, tt.sent, got, tt.due)
		}
		if got := tt.d.Extended(sent).String(); got != tt.ext {
			t.Errorf("%+v.Extended(%s) = %s; want %s", tt.d, tt.sent, got, tt.ext)
		}
	}
}
