package controllers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// TestAITrainersRecords checks, for the companies people most want to stop
// training AI on their data, who controls the data in each region on a
// given day, where its address is, and which setting and form a letter
// points to. Each row is a fact from the record's sources.
func TestAITrainersRecords(t *testing.T) {
	d := directory(t)
	tests := []struct {
		id        string
		region    jurisdiction.Region
		date      string
		entity    string // name, then optionally " | " and an address line; "" for none
		email     string
		setting   string // the setting offered for ai-training, "" for none
		form      string // URL of the first form for ai-training, "" for none
		aiStatus  controllers.AIStatus
		aiSetting string
	}{
		{id: "whatsapp", region: "eu", date: "2026-11-24", entity: "WhatsApp Ireland Limited | Merrion Road",
			form: "https://www.whatsapp.com/contact/forms/382532939919295/"},
		{id: "whatsapp", region: "ch", date: "2026-11-24", entity: "WhatsApp Ireland Limited"},
		{id: "whatsapp", region: "uk", date: "2026-11-24", entity: "WhatsApp LLC | 1 Meta Way"},
		{id: "whatsapp", region: "us", date: "2026-11-24", entity: "WhatsApp LLC | Menlo Park, CA 94025"},
		{id: "whatsapp", region: "eu", date: "2025-03-19", entity: ""},
		{id: "meta-threads", region: "eu", date: "2026-11-24", entity: "Meta Platforms Ireland Limited | Merrion Road", aiStatus: controllers.AIActive},
		{id: "meta-threads", region: "us", date: "2026-11-24", entity: ""},
		{id: "meta-threads", region: "eu", date: "2025-05-26", entity: "Meta Platforms Ireland Limited"},
		{id: "openai", region: "eu", date: "2026-11-24", entity: "OpenAI Ireland Limited | 117-126 Sheriff Street Upper", email: "dsar@openai.com",
			setting: "Improve the model for everyone", aiStatus: controllers.AIActive, aiSetting: "improve-model"},
		{id: "openai", region: "ch", date: "2026-11-24", entity: "OpenAI Ireland Limited"},
		{id: "openai", region: "uk", date: "2026-03-31", entity: "OpenAI OpCo, LLC | 1960 Bryant Street"},
		{id: "openai", region: "uk", date: "2026-04-01", entity: "OpenAI OpCo, LLC | 1455 Third Street",
			setting: "Improve the model for everyone", aiStatus: controllers.AIActive, aiSetting: "improve-model"},
		{id: "openai", region: "us", date: "2026-11-24", entity: "OpenAI OpCo, LLC", email: "dsar@openai.com",
			setting: "Improve the model for everyone", aiStatus: controllers.AIActive, aiSetting: "improve-model"},
		{id: "anthropic", region: "uk", date: "2026-11-24", entity: "Anthropic Ireland, Limited | Barrow Street", email: "privacy@anthropic.com",
			setting: "Help improve Claude", aiStatus: controllers.AIActive, aiSetting: "help-improve"},
		{id: "anthropic", region: "row", date: "2026-11-24", entity: "Anthropic PBC | 548 Market St, PMB 90375", email: "privacy@anthropic.com",
			setting: "Help improve Claude", aiStatus: controllers.AIActive, aiSetting: "help-improve"},
		{id: "anthropic", region: "eu", date: "2025-10-08", entity: "Anthropic Ireland, Limited",
			setting: "Help improve Claude", aiStatus: controllers.AIActive, aiSetting: "help-improve"},
		{id: "meta-facebook", region: "uk", date: "2026-11-24", entity: "Meta Platforms, Inc. | 1 Meta Way",
			form: "https://www.facebook.com/help/contact/6359191084165019", aiStatus: controllers.AIActive},
		{id: "meta-instagram", region: "eu", date: "2025-06-01", entity: "Meta Platforms Ireland Limited",
			form: "https://help.instagram.com/contact/233964459562201", aiStatus: controllers.AIActive},
		{id: "meta-instagram", region: "uk", date: "2026-11-24", entity: "Meta Platforms, Inc.", aiStatus: controllers.AIActive},
		{id: "x", region: "eu", date: "2024-07-25", entity: ""},
		{id: "x", region: "us", date: "2024-11-15", entity: "X Corp.", setting: "Grok & Third-party Collaborators",
			aiStatus: controllers.AIActive, aiSetting: "grok"},
		{id: "google", region: "eu", date: "2025-09-01", entity: "Google Ireland Limited", setting: "Gemini Apps Activity"},
		{id: "google", region: "uk", date: "2025-09-02", entity: "Google LLC", setting: "Keep Activity"},
	}
	for _, tt := range tests {
		name := tt.id + "/" + string(tt.region) + "/" + tt.date
		t.Run(name, func(t *testing.T) {
			rec, err := d.Lookup(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			day := jurisdiction.MustDate(tt.date)
			e, err := rec.For(tt.region, day)
			switch {
			case tt.entity == "" && err == nil:
				t.Errorf("For = %s; want no entity", e.Name)
			case tt.entity != "" && err != nil:
				t.Errorf("For: %v; want %s", err, tt.entity)
			case tt.entity != "":
				wantName, wantLine, _ := strings.Cut(tt.entity, " | ")
				if e.Name != wantName || wantLine != "" && !slices.Contains(e.Address, wantLine) {
					t.Errorf("For = %s %v; want %s", e.Name, e.Address, tt.entity)
				}
				if tt.email != "" && e.Email != tt.email {
					t.Errorf("email = %q; want %q", e.Email, tt.email)
				}
			}
			if tt.entity == "" {
				return
			}
			var setting string
			if s := rec.SettingsFor(tt.region, day, []string{"ai-training"}); len(s) > 0 {
				setting = s[0].Name
			}
			if tt.setting != "" && setting != tt.setting {
				t.Errorf("setting = %q; want %q", setting, tt.setting)
			}
			if tt.form != "" {
				f := rec.FormsFor(tt.region, day, []string{"ai-training"})
				if len(f) == 0 || f[0].URL != tt.form {
					t.Errorf("forms = %v; want %s first", f, tt.form)
				}
			}
			if tt.aiStatus != "" {
				a := rec.AI(tt.region, day)
				if a == nil || a.Status != tt.aiStatus || a.Setting != tt.aiSetting {
					t.Errorf("AI = %+v; want status %q, setting %q", a, tt.aiStatus, tt.aiSetting)
				}
			}
		})
	}
}

// TestLinkedInCanadaHongKong: LinkedIn says it started to use data of
// members in Canada and Hong Kong to train content-generating AI on
// 2025-11-03; before, their entry wins over the rest of the world's.
func TestLinkedInCanadaHongKong(t *testing.T) {
	rec, _ := directory(t).Lookup("linkedin")
	tests := []struct {
		residence string
		date      string
		want      controllers.AIStatus
	}{
		{"CA", "2025-06-01", controllers.AIExcluded},
		{"ca-qc", "2025-11-02", controllers.AIExcluded},
		{"CA", "2025-11-03", controllers.AIActive},
		{"HK", "2025-06-01", controllers.AIExcluded},
		{"HK", "2025-11-03", controllers.AIActive},
		{"AU", "2025-06-01", controllers.AIActive},    // the rest of the world
		{"US-CA", "2025-06-01", controllers.AIActive}, // California is not Canada
	}
	for _, tt := range tests {
		region := jurisdiction.RegionRoW
		if strings.HasPrefix(tt.residence, "US") {
			region = jurisdiction.RegionUS
		}
		a := rec.AIAt(region, tt.residence, jurisdiction.MustDate(tt.date))
		if a == nil || a.Status != tt.want {
			t.Errorf("AIAt(%s, %s) = %+v; want %s", tt.residence, tt.date, a, tt.want)
		}
	}
}

func TestCountry(t *testing.T) {
	for in, want := range map[string]string{"CA": "CA", "ca-qc": "CA", " us-ca ": "US", "": ""} {
		if got := controllers.Country(in); got != want {
			t.Errorf("Country(%q) = %q; want %q", in, got, want)
		}
	}
}

const trainer = `
id = "example"
name = "Example"

[[entity]]
regions = ["eu", "us"]
name = "Example Inc."
email = "privacy@example.org"
effective_from = 2024-01-01
source = "https://example.org/privacy"
checked = 2026-01-01

[[setting]]
id = "train"
name = "Improve our models"
path = ["Settings", "Improve our models"]
purposes = ["ai-training"]
regions = ["eu", "us"]
effective_from = 2025-01-01
source = "https://example.org/help"
checked = 2026-01-01

[[ai_training]]
regions = ["eu", "us"]
status = "active"
setting = "train"
effective_from = 2024-06-01
source = "https://example.org/privacy"
checked = 2025-06-01
`

// TestRecordCrossReferences: what Load rejects beyond single values: a
// place that is not a country code, a training entry whose setting is not
// offered where and when it applies, and a setting against training where
// the record says the company does not train.
func TestRecordCrossReferences(t *testing.T) {
	if _, err := controllers.Parse([]byte(trainer)); err != nil {
		t.Fatalf("the base record does not parse: %v", err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"place not a code", `regions = ["eu", "us"]
status`, `places = ["Canada"]
status`, "ISO 3166-1"},
		{"place lower case", `regions = ["eu", "us"]
status`, `places = ["ca"]
status`, "ISO 3166-1"},
		{"setting ends before training", `effective_from = 2025-01-01`, "effective_from = 2023-01-01\neffective_until = 2023-12-31", "not offered"},
		{"setting elsewhere", `regions = ["eu", "us"]
effective_from = 2025-01-01`, `regions = ["row"]
effective_from = 2025-01-01`, "not offered"},
		{"setting but no training", `status = "active"`, `status = "excluded"`, "no ai_training entry says the company trains"},
		{"no address, no email", `email = "privacy@example.org"`, ``, "postal address and email"},
	}
	for _, tt := range tests {
		src := strings.Replace(trainer, tt.old, tt.new, 1)
		if src == trainer {
			t.Fatalf("%s: replacement did not apply", tt.name)
		}
		_, err := controllers.Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func TestStale(t *testing.T) {
	rec, err := controllers.Parse([]byte(trainer))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		asOf string
		want []string // the What of each stale fact
	}{
		{"2026-06-01", nil}, // the ai_training fact was checked exactly a year before: not yet stale
		{"2026-06-02", []string{"ai_training active from 2024-06-01 (eu, us)"}},
		{"2027-01-02", []string{"entity Example Inc. (eu, us)", "setting train", "ai_training active from 2024-06-01 (eu, us)"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range rec.Stale(jurisdiction.MustDate(tt.asOf)) {
			got = append(got, f.What)
			if f.ID != "example" || f.Source == "" {
				t.Errorf("%s: %+v lacks the id or source", tt.asOf, f)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Stale(%s) = %q; want %q", tt.asOf, got, tt.want)
		}
	}
	// A fact that lapsed before the day asked is history, never stale.
	old := strings.Replace(trainer, "checked = 2025-06-01", "checked = 2025-06-01\neffective_until = 2025-12-31", 1)
	rec, err = controllers.Parse([]byte(old))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.Stale(jurisdiction.MustDate("2027-01-02")) {
		if strings.HasPrefix(f.What, "ai_training") {
			t.Errorf("a lapsed fact is reported stale: %+v", f)
		}
	}
}

// TestEmbeddedStale: the Spotify AB email, read in a 2020 capture, is
// stale; every fact checked on 2026-12-03 is not, a year later.
func TestEmbeddedStale(t *testing.T) {
	d := directory(t)
	facts := d.Stale(jurisdiction.MustDate("2026-12-03"))
	found := false
	for _, f := range facts {
		found = found || f.ID == "spotify" && strings.Contains(f.What, "Spotify AB")
		if !f.Checked.Before(jurisdiction.MustDate("2025-12-03")) {
			t.Errorf("%+v: checked within the year, reported stale", f)
		}
	}
	if !found {
		t.Errorf("Stale(2026-12-03) = %+v; want Spotify AB's entity among them", facts)
	}
}
