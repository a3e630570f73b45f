package jurisdiction_test

import (
	"slices"
	"testing"

	"github.com/objector/objector/jurisdiction"
)

// lawsWithoutDeadline lists the laws that deliberately set no response
// deadline: the statute sets none for the request a letter makes, or it was
// not verified. Every other law must carry one.
var lawsWithoutDeadline = map[string]bool{
	"ch-fadp": true, "ch-fadp-1992": true, // no deadline for objections; Art. 25(7) is for access only
	"br-lgpd": true, "ca-pipeda": true, "jp-appi": true, "jp-appi-2017": true,
	"in-dpdp": true, "cn-pipl": true, "za-popia": true, "sg-pdpa": true,
	"us-al-apdpa": true, "us-la-ldpa": true, // not verified in the enacted text
	"ca-qc-p39":      true,                  // its 30-day period is for access and rectification
	"au-privacy-act": true, "hk-pdpo": true, // deadlines only for access ("reasonable period", 40 days)
	"mx-lfpdppp-2025": true, // not verified in the 2025 text
}

// TestEveryPlace pins what `objector rights` shows for every place on
// 2026-11-24: the regime and law, the citation of the first right, whether a
// supervisory authority or regulator is named, and the default language.
// A place added to the data without a row here fails the test.
func TestEveryPlace(t *testing.T) {
	r := rules(t)
	asOf := jurisdiction.MustDate("2026-11-24")
	tests := []struct {
		code      string
		regime    jurisdiction.Regime
		law       string
		citation  string
		authority bool
		lang      string
	}{
		{"AT", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"AU", "other", "au-privacy-act", "APP 7.6, Privacy Act 1988 (Cth)", true, "en"},
		{"HK", "other", "hk-pdpo", "s. 2(3) and DPP 3, PDPO", true, "zh"},
		{"MX", "other", "mx-lfpdppp-2025", "LFPDPPP (2025), right of opposition (ARCO)", true, "es"},
		{"BE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "nl"},
		{"BG", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "bg"},
		{"BR", "other", "br-lgpd", "Art. 18, § 2º, LGPD", true, "pt"},
		{"CA", "other", "ca-pipeda", "PIPEDA, Sch. 1, cl. 4.3.8", true, "en"},
		{"CA-QC", "other", "ca-qc-p39", "s. 8, para. 1, subpara. 4, CQLR c. P-39.1", true, "fr"},
		{"CH", "ch-fadp", "ch-fadp", "Art. 30(2)(b) FADP", true, "de"},
		{"CN", "other", "cn-pipl", "Art. 44 PIPL", true, "zh"},
		{"CY", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "el"},
		{"CZ", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "cs"},
		{"DE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-BB", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-BE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-BW", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-BY", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-HB", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-HE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-HH", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-MV", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-NI", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-NW", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-RP", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-SH", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-SL", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-SN", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-ST", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DE-TH", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"DK", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "da"},
		{"EE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "et"},
		{"ES", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "es"},
		{"FI", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "fi"},
		{"FR", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "fr"},
		{"GB", "uk-gdpr", "uk-gdpr-2026", "Art. 21(1) UK GDPR", true, "en"},
		{"GR", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "el"},
		{"HR", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "hr"},
		{"HU", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "hu"},
		{"IE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "en"},
		{"IN", "none", "", "", false, "hi"},
		{"IS", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "is"},
		{"IT", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "it"},
		{"JP", "other", "jp-appi", "Art. 35 APPI", true, "ja"},
		{"KR", "other", "kr-pipa", "Art. 37 PIPA", true, "ko"},
		{"LI", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "de"},
		{"LT", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "lt"},
		{"LU", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "lb"},
		{"LV", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "lv"},
		{"MT", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "en"},
		{"NL", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "nl"},
		{"NO", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "nb"},
		{"PL", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "pl"},
		{"PT", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "pt"},
		{"RO", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "ro"},
		{"SE", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "sv"},
		{"SG", "other", "sg-pdpa", "s. 16 PDPA", true, "en"},
		{"SI", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "sl"},
		{"SK", "gdpr", "gdpr", "Art. 21(1) GDPR", true, "sk"},
		{"TR", "other", "tr-kvkk", "Art. 5(1) KVKK", true, "tr"},
		{"US-AK", "none", "", "", false, "en"},
		{"US-AL", "none", "", "", true, "en"},
		{"US-AR", "none", "", "", false, "en"},
		{"US-AZ", "none", "", "", false, "en"},
		{"US-CA", "us-state", "us-ca-cpra", "Cal. Civ. Code § 1798.120", true, "en"},
		{"US-CO", "us-state", "us-co-cpa", "Colo. Rev. Stat. § 6-1-1306(1)(a)", true, "en"},
		{"US-CT", "us-state", "us-ct-ctdpa-2026", "Conn. Gen. Stat. § 42-518", true, "en"},
		{"US-DC", "none", "", "", false, "en"},
		{"US-DE", "us-state", "us-de-dpdpa", "Del. Code tit. 6, § 12D-104(a)", true, "en"},
		{"US-FL", "none", "us-fl-fdbr", "", true, "en"},
		{"US-GA", "none", "", "", false, "en"},
		{"US-HI", "none", "", "", false, "en"},
		{"US-IA", "us-state", "us-ia-icdpa", "Iowa Code § 715D.3(1)(d)", true, "en"},
		{"US-ID", "none", "", "", false, "en"},
		{"US-IL", "none", "", "", false, "en"},
		{"US-IN", "us-state", "us-in-icdpa", "Ind. Code § 24-15-3-1(b)(5)", true, "en"},
		{"US-KS", "none", "", "", false, "en"},
		{"US-KY", "us-state", "us-ky-kcdpa", "Ky. Rev. Stat. § 367.3615(2)(e)", true, "en"},
		{"US-LA", "none", "", "", true, "en"},
		{"US-MA", "none", "", "", false, "en"},
		{"US-MD", "us-state", "us-md-modpa", "Md. Code, Com. Law § 14-4705(b)(7)", true, "en"},
		{"US-ME", "none", "", "", false, "en"},
		{"US-MI", "none", "", "", false, "en"},
		{"US-MN", "us-state", "us-mn-mcdpa", "Minn. Stat. § 325M.14, subd. 1(f)", true, "en"},
		{"US-MO", "none", "", "", false, "en"},
		{"US-MS", "none", "", "", false, "en"},
		{"US-MT", "us-state", "us-mt-mcdpa", "Mont. Code Ann. § 30-14-2808", true, "en"},
		{"US-NC", "none", "", "", false, "en"},
		{"US-ND", "none", "", "", false, "en"},
		{"US-NE", "us-state", "us-ne-ndpa", "Neb. Rev. Stat. § 87-1107(2)(e)", true, "en"},
		{"US-NH", "us-state", "us-nh-507h", "RSA 507-H:4, I(e)", true, "en"},
		{"US-NJ", "us-state", "us-nj-njdpa", "N.J.S.A. 56:8-166.10(a)(5)", true, "en"},
		{"US-NM", "none", "", "", false, "en"},
		{"US-NV", "none", "", "", false, "en"},
		{"US-NY", "none", "", "", false, "en"},
		{"US-OH", "none", "", "", false, "en"},
		{"US-OK", "none", "", "", true, "en"},
		{"US-OR", "us-state", "us-or-ocpa", "ORS 646A.574(1)(d)", true, "en"},
		{"US-PA", "none", "", "", false, "en"},
		{"US-RI", "us-state", "us-ri-ridtppa", "R.I. Gen. Laws § 6-48.1-5(e)(4)", true, "en"},
		{"US-SC", "none", "", "", false, "en"},
		{"US-SD", "none", "", "", false, "en"},
		{"US-TN", "us-state", "us-tn-tipa", "Tenn. Code Ann. § 47-18-3304(a)(2)(E)", true, "en"},
		{"US-TX", "us-state", "us-tx-tdpsa", "Tex. Bus. & Com. Code § 541.051(b)(5)", true, "en"},
		{"US-UT", "us-state", "us-ut-ucpa-2026", "Utah Code § 13-61-201(5)", true, "en"},
		{"US-VA", "us-state", "us-va-vcdpa", "Va. Code § 59.1-577(A)(5)", true, "en"},
		{"US-VT", "none", "", "", false, "en"},
		{"US-WA", "none", "", "", false, "en"},
		{"US-WI", "none", "", "", false, "en"},
		{"US-WV", "none", "", "", false, "en"},
		{"US-WY", "none", "", "", false, "en"},
		{"ZA", "other", "za-popia", "s. 11(3)(a) POPIA", true, "en"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.code] = true
		t.Run(tt.code, func(t *testing.T) {
			a, err := r.Resolve(tt.code, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if a.Regime != tt.regime || a.LawID != tt.law {
				t.Errorf("regime, law = %s, %q; want %s, %q", a.Regime, a.LawID, tt.regime, tt.law)
			}
			switch {
			case tt.citation == "" && len(a.Rights) != 0:
				t.Errorf("rights = %v; want none", a.Rights)
			case tt.citation != "" && (len(a.Rights) == 0 || a.Rights[0].Citation.Text != tt.citation):
				t.Errorf("first citation = %v; want %q", a.Rights, tt.citation)
			}
			if (a.Authority != nil) != tt.authority {
				t.Errorf("authority = %v; want present = %v", a.Authority, tt.authority)
			}
			if len(a.Languages) == 0 || a.Languages[0] != tt.lang {
				t.Errorf("languages = %v; want %q first", a.Languages, tt.lang)
			}
			if a.Regime != jurisdiction.RegimeNone && a.Deadline == nil && !lawsWithoutDeadline[a.LawID] {
				t.Errorf("law %s has no deadline", a.LawID)
			}
			if a.Deadline != nil && lawsWithoutDeadline[a.LawID] {
				t.Errorf("law %s has a deadline; remove it from lawsWithoutDeadline", a.LawID)
			}
			if a.Regime == jurisdiction.RegimeNone && len(a.Notes) == 0 {
				t.Errorf("regime none without a note")
			}
			if len(a.Sources) == 0 {
				t.Errorf("assessment carries no sources")
			}
		})
	}
	for _, code := range r.Codes() {
		if !seen[code] {
			t.Errorf("place %s has no row in TestEveryPlace", code)
		}
	}
}

// TestEffectiveBoundaries resolves every place on the day before, the day of
// and the last day of each application, and the day after its end, so an
// off-by-one in the data or in Resolve shows up wherever a law starts or
// lapses.
func TestEffectiveBoundaries(t *testing.T) {
	r := rules(t)
	n := 0
	for _, code := range r.Codes() {
		p, err := r.Place(code)
		if err != nil {
			t.Fatal(err)
		}
		for _, app := range p.Applies {
			check := func(d jurisdiction.Date, want bool) {
				t.Helper()
				n++
				a, err := r.Resolve(code, d)
				if err != nil {
					t.Fatal(err)
				}
				if got := a.LawID == app.Law; got != want {
					t.Errorf("%s on %s: law = %q; in force of %s should be %v", code, d, a.LawID, app.Law, want)
				}
			}
			check(app.EffectiveFrom.AddDays(-1), false)
			check(app.EffectiveFrom, true)
			if !app.EffectiveUntil.IsZero() {
				check(app.EffectiveUntil, true)
				check(app.EffectiveUntil.AddDays(1), false)
			}
		}
	}
	if n < 100 {
		t.Errorf("checked only %d boundaries; the data must have lost its applications", n)
	}
}

// TestBoundaries spells out the boundaries users ask about most.
func TestBoundaries(t *testing.T) {
	r := rules(t)
	tests := []struct {
		code, asOf string
		regime     jurisdiction.Regime
		law        string
		citation   string // of the first right; "" to skip
	}{
		{"US-TX", "2024-06-30", jurisdiction.RegimeNone, "", ""},
		{"US-TX", "2024-07-01", jurisdiction.RegimeUSState, "us-tx-tdpsa", ""},
		{"US-NJ", "2025-01-14", jurisdiction.RegimeNone, "", ""},
		{"US-NJ", "2025-01-15", jurisdiction.RegimeUSState, "us-nj-njdpa", ""},
		{"US-MD", "2025-10-01", jurisdiction.RegimeUSState, "us-md-modpa", "Md. Code, Com. Law § 14-4705(b)(7)"},
		{"US-MN", "2025-07-31", jurisdiction.RegimeUSState, "us-mn-mcdpa", "Minn. Stat. § 325M.14, subd. 1(f)"},
		{"US-UT", "2026-06-30", jurisdiction.RegimeUSState, "us-ut-ucpa", "Utah Code § 13-61-201(4)"},
		{"US-UT", "2026-07-01", jurisdiction.RegimeUSState, "us-ut-ucpa-2026", "Utah Code § 13-61-201(5)"},
		{"US-IN", "2025-12-31", jurisdiction.RegimeNone, "", ""},
		{"US-KY", "2026-01-01", jurisdiction.RegimeUSState, "us-ky-kcdpa", ""},
		{"US-RI", "2026-01-01", jurisdiction.RegimeUSState, "us-ri-ridtppa", "R.I. Gen. Laws § 6-48.1-5(e)(4)"},
		{"US-OK", "2026-12-31", jurisdiction.RegimeNone, "", ""},
		{"US-OK", "2027-01-01", jurisdiction.RegimeUSState, "us-ok-ocdpa", ""},
		{"US-LA", "2027-01-01", jurisdiction.RegimeUSState, "us-la-ldpa", ""},
		{"US-AL", "2027-04-30", jurisdiction.RegimeNone, "", ""},
		{"US-AL", "2027-05-01", jurisdiction.RegimeUSState, "us-al-apdpa", ""},
		{"US-VT", "2028-06-01", jurisdiction.RegimeNone, "", ""},
		{"US-FL", "2026-11-24", jurisdiction.RegimeNone, "us-fl-fdbr", ""},
		{"GB", "2018-05-24", jurisdiction.RegimeNone, "", ""},
		{"GB", "2020-12-31", jurisdiction.RegimeGDPR, "gdpr", "Art. 21(1) GDPR"},
		{"GB", "2021-01-01", jurisdiction.RegimeUKGDPR, "uk-gdpr", "Art. 21(1) UK GDPR"},
		{"GB", "2026-02-04", jurisdiction.RegimeUKGDPR, "uk-gdpr", "Art. 21(1) UK GDPR"},
		{"GB", "2026-02-05", jurisdiction.RegimeUKGDPR, "uk-gdpr-2026", "Art. 21(1) UK GDPR"},
		{"CH", "2023-08-31", jurisdiction.RegimeCHFADP, "ch-fadp-1992", "Art. 12(2)(b) FADP 1992"},
		{"CH", "2023-09-01", jurisdiction.RegimeCHFADP, "ch-fadp", "Art. 30(2)(b) FADP"},
		{"NO", "2018-07-19", jurisdiction.RegimeNone, "", ""},
		{"NO", "2018-07-20", jurisdiction.RegimeGDPR, "gdpr", "Art. 21(1) GDPR"},
		{"IN", "2027-05-12", jurisdiction.RegimeNone, "", ""},
		{"IN", "2027-05-13", jurisdiction.RegimeOther, "in-dpdp", "s. 6(4) DPDP Act"},
		{"JP", "2022-03-31", jurisdiction.RegimeOther, "jp-appi-2017", "Art. 30 APPI"},
		{"JP", "2022-04-01", jurisdiction.RegimeOther, "jp-appi", "Art. 35 APPI"},
	}
	for _, tt := range tests {
		a, err := r.Resolve(tt.code, jurisdiction.MustDate(tt.asOf))
		if err != nil {
			t.Fatal(err)
		}
		if a.Regime != tt.regime || a.LawID != tt.law {
			t.Errorf("%s on %s: regime, law = %s, %q; want %s, %q", tt.code, tt.asOf, a.Regime, a.LawID, tt.regime, tt.law)
		}
		if tt.citation != "" && (len(a.Rights) == 0 || a.Rights[0].Citation.Text != tt.citation) {
			t.Errorf("%s on %s: first citation = %v; want %q", tt.code, tt.asOf, a.Rights, tt.citation)
		}
	}
}

// TestPendingLawNote checks that a place whose law is enacted but not yet in
// force says when it takes effect.
func TestPendingLawNote(t *testing.T) {
	r := rules(t)
	for code, date := range map[string]string{"IN": "2027-05-13", "US-OK": "2027-01-01", "US-AL": "2027-05-01", "US-LA": "2027-01-01"} {
		a, err := r.Resolve(code, jurisdiction.MustDate("2026-11-24"))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range a.Notes {
			if contains(n, "takes effect on "+date) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: notes %q do not say the law takes effect on %s", code, a.Notes, date)
		}
	}
}

// TestGermanStates checks that every federal state falls back to Germany's
// law and languages while naming its own authority.
func TestGermanStates(t *testing.T) {
	r := rules(t)
	states := []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
	de, err := r.Resolve("DE", jurisdiction.MustDate("2026-11-24"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{de.Authority.Name: true}
	for _, s := range states {
		a, err := r.Resolve("DE-"+s, jurisdiction.MustDate("2026-11-24"))
		if err != nil {
			t.Fatal(err)
		}
		if a.LawID != "gdpr" || a.NationalLaw != de.NationalLaw || !slices.Equal(a.Languages, de.Languages) {
			t.Errorf("DE-%s: law %q, national law %q, languages %v; want Germany's", s, a.LawID, a.NationalLaw, a.Languages)
		}
		if a.Authority == nil || names[a.Authority.Name] {
			t.Errorf("DE-%s: authority %v is missing or not its own", s, a.Authority)
			continue
		}
		names[a.Authority.Name] = true
	}
	by, _ := r.Resolve("DE-BY", jurisdiction.MustDate("2026-11-24"))
	if !contains(by.Authority.Name, "BayLDA") {
		t.Errorf("DE-BY authority = %q; want BayLDA", by.Authority.Name)
	}
}

// TestCodesComplete checks that the rules know every EU and EEA state, the
// UK, Switzerland, all fifty US states and the District of Columbia.
func TestCodesComplete(t *testing.T) {
	r := rules(t)
	codes := r.Codes()
	want := []string{
		"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
		"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
		"IS", "LI", "NO", "GB", "CH",
	}
	for _, s := range []string{"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
		"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
		"MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
		"RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"} {
		want = append(want, "US-"+s)
	}
	if len(want) != 32+51 {
		t.Fatalf("test lists %d codes; want 83", len(want))
	}
	for _, c := range want {
		if !slices.Contains(codes, c) {
			t.Errorf("Codes() lacks %s", c)
		}
	}
	if !slices.IsSorted(codes) {
		t.Errorf("Codes() is not sorted")
	}
	for _, c := range want[:30] { // EU27 + EEA
		p, _ := r.Place(c)
		if p != nil && p.Region != jurisdiction.RegionEU {
			t.Errorf("%s: region %s; want eu", c, p.Region)
		}
	}
}

// TestUnknownSuggests checks that a near miss suggests real codes.
func TestUnknownSuggests(t *testing.T) {
	r := rules(t)
	for code, want := range map[string]string{"US-CX": "US-CA", "DE-BYX": "DE-BY", "GX": "GB"} {
		_, err := r.Place(code)
		ue, ok := err.(*jurisdiction.UnknownResidenceError)
		if !ok {
			t.Errorf("%s: err = %v; want an UnknownResidenceError", code, err)
			continue
		}
		if !slices.Contains(ue.Suggestions, want) {
			t.Errorf("%s: suggestions %v lack %s", code, ue.Suggestions, want)
		}
	}
}
