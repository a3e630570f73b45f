package controllers_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// today is the date the coverage table below describes.
var today = jurisdiction.MustDate("2026-11-24")

// covered lists, for every record, the regions it has an entity for on
// [today]. A region is left out where the controller could not be sourced;
// removing or adding an entity must change this table.
var covered = map[string][]jurisdiction.Region{
	"adobe":          {"eu", "uk", "ch"},
	"amazon":         {"eu", "uk"},
	"anthropic":      {"eu", "uk", "ch", "us", "row"},
	"apple":          {"eu", "uk", "ch", "us"},
	"discord":        {"eu", "uk", "ch", "us", "row"},
	"google":         {"eu", "uk", "ch", "us", "row"},
	"linkedin":       {"eu", "uk", "ch", "us", "row"},
	"medium":         {"us", "row"},
	"meta-facebook":  {"eu", "uk", "us", "row"},
	"meta-instagram": {"eu", "uk", "us", "row"},
	"meta-threads":   {"eu"},
	"microsoft":      {"eu", "uk", "ch", "us", "row"},
	"openai":         {"eu", "uk", "ch", "us", "row"},
	"pinterest":      {"eu", "uk", "ch", "us"},
	"quora":          {"eu", "uk", "ch", "us", "row"},
	"reddit":         {"eu", "uk", "ch", "us"},
	"slack":          {"eu", "uk", "ch", "us", "row"},
	"snap":           {"eu", "uk"},
	"spotify":        {"eu", "us", "row"},
	"stackoverflow":  {"eu", "uk", "ch", "us", "row"},
	"tiktok":         {"eu", "uk", "ch", "us"},
	"tumblr":         {"eu"},
	"whatsapp":       {"eu", "uk", "ch", "us", "row"},
	"x":              {"eu", "uk", "ch", "us", "row"},
	"zoom":           {"eu", "uk", "ch", "us", "row"},
}

func TestCoveredRegions(t *testing.T) {
	d := directory(t)
	if got, want := len(d.IDs()), len(covered); got != want {
		t.Errorf("directory has %d records, table %d: add every new record to the table (ids %v)", got, want, d.IDs())
	}
	for id, want := range covered {
		rec, err := d.Lookup(id)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		var got []jurisdiction.Region
		for _, region := range jurisdiction.Regions {
			_, err := rec.For(region, today)
			switch {
			case err == nil:
				got = append(got, region)
			case !errors.Is(err, controllers.ErrNoEntity):
				t.Errorf("%s: For(%s) = %v; want nil or ErrNoEntity", id, region, err)
			}
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%s covers %v on %s; want %v", id, got, today, want)
		}
	}
}

// TestEveryName: every id and alias of every record finds its record,
// in any case and with stray spaces, as people type them after
// --controller. (What a record must hold, Parse checks: TestParseRejects
// proves each rule with a record that breaks it.)
func TestEveryName(t *testing.T) {
	d := directory(t)
	for _, rec := range d.Records() {
		for _, name := range append([]string{rec.ID}, rec.Aliases...) {
			for _, variant := range []string{name, strings.ToUpper(name), strings.ToLower(name), " " + name + " "} {
				got, err := d.Lookup(variant)
				if err != nil || got.ID != rec.ID {
					t.Errorf("Lookup(%q) = %v, %v; want record %s", variant, got, err, rec.ID)
				}
			}
		}
	}
}

func TestEntityChanges(t *testing.T) {
	d := directory(t)
	tests := []struct {
		id     string
		region jurisdiction.Region
		date   string
		want   string // entity name, then optionally " | " and an address line; "" for none
	}{
		{"x", "eu", "2025-04-16", "Twitter International Unlimited Company"},
		{"x", "eu", "2025-04-17", "X Internet Unlimited Company"},
		{"x", "uk", "2026-11-24", "X Internet Unlimited Company"},
		{"x", "us", "2026-11-24", "X Corp."},
		{"x", "eu", "2024-01-01", ""},
		{"reddit", "eu", "2026-06-30", "Reddit Netherlands B.V. | Keizersgracht 62"},
		{"reddit", "eu", "2026-07-01", "Reddit Netherlands B.V. | Looiersgracht 43"},
		{"reddit", "uk", "2026-11-24", "Reddit, Inc."},
		{"reddit", "row", "2026-11-24", ""},
		{"tiktok", "us", "2026-01-21", "TikTok Inc."},
		{"tiktok", "us", "2026-01-22", "TikTok USDS Joint Venture LLC"},
		{"tiktok", "uk", "2026-11-24", "TikTok Information Technologies UK Limited"},
		{"google", "uk", "2026-11-24", "Google LLC"},
		{"google", "ch", "2026-11-24", "Google Ireland Limited"},
		{"microsoft", "uk", "2026-11-24", "Microsoft Ireland Operations Limited"},
		{"meta-facebook", "eu", "2026-11-24", "Meta Platforms Ireland Limited | Merrion Road"},
		{"meta-instagram", "uk", "2026-11-24", "Meta Platforms, Inc. | 1 Meta Way"},
		{"meta-instagram", "ch", "2026-11-24", ""},
		{"pinterest", "eu", "2026-11-24", "Pinterest Europe Ltd. | Waterloo Exchange, 3rd Floor"},
		{"snap", "eu", "2026-11-24", "Snap Inc."},
		{"discord", "uk", "2026-11-24", "Discord Inc."},
		{"discord", "eu", "2026-11-24", "Discord Netherlands BV"},
		{"slack", "eu", "2026-11-24", "Slack Technologies Limited"},
		{"slack", "us", "2026-11-24", "Slack Technologies, LLC"},
		{"spotify", "eu", "2026-11-24", "Spotify AB"},
		{"spotify", "uk", "2026-11-24", ""},
	}
	for _, tt := range tests {
		rec, err := d.Lookup(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		e, err := rec.For(tt.region, jurisdiction.MustDate(tt.date))
		if tt.want == "" {
			if !errors.Is(err, controllers.ErrNoEntity) {
				t.Errorf("%s For(%s, %s) = %v, %v; want ErrNoEntity", tt.id, tt.region, tt.date, e, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s For(%s, %s): %v", tt.id, tt.region, tt.date, err)
			continue
		}
		wantName, wantLine, _ := strings.Cut(tt.want, " | ")
		if e.Name != wantName || (wantLine != "" && !slices.Contains(e.Address, wantLine)) {
			t.Errorf("%s For(%s, %s) = %s %v; want %s", tt.id, tt.region, tt.date, e.Name, e.Address, tt.want)
		}
	}
}

func TestRepresentativesAreNotControllers(t *testing.T) {
	d := directory(t)
	for id, rep := range map[string]string{"snap": "Snap B.V.", "reddit": "Reddit UK Limited", "quora": "VeraSafe", "zoom": "Lionheart"} {
		rec, _ := d.Lookup(id)
		for _, e := range rec.Entities {
			if strings.Contains(e.Name, rep) {
				t.Errorf("%s: %s is a representative, not the controller", id, rep)
			}
		}
	}
}

func TestLookupAmbiguousMeta(t *testing.T) {
	_, err := directory(t).Lookup("meta")
	var ue *controllers.UnknownControllerError
	if !errors.As(err, &ue) {
		t.Fatalf("Lookup(meta) = %v; want an UnknownControllerError (meta is two records)", err)
	}
	if !slices.Contains(ue.Suggestions, "meta-facebook") || !slices.Contains(ue.Suggestions, "meta-instagram") {
		t.Errorf("suggestions = %v; want meta-facebook and meta-instagram", ue.Suggestions)
	}
}

const userLinkedIn = `
id = "linkedin"
name = "LinkedIn (my copy)"
aliases = ["my-linkedin"]

[[entity]]
regions = ["eu"]
name = "Example Entity Limited"
address = ["1 Example Street", "Dublin 2", "Ireland"]
email = "privacy@example.org"
effective_from = 2020-01-01
source = "https://example.org/privacy"
checked = 2026-01-01
`

const userNew = `
id = "example"
name = "Example"
aliases = ["example.org"]

[[entity]]
regions = ["eu", "uk", "ch", "us", "row"]
name = "Example Inc."
address = ["1 Example Way", "Springfield", "USA"]
effective_from = 2020-01-01
source = "https://example.org/privacy"
checked = 2026-01-01
`

func TestMerge(t *testing.T) {
	base := directory(t)
	user, err := controllers.Load(fstest.MapFS{
		"linkedin.toml": {Data: []byte(userLinkedIn)},
		"example.toml":  {Data: []byte(userNew)},
	})
	if err != nil {
		t.Fatal(err)
	}
	merged := base.Merge(user)

	rec, err := merged.Lookup("LinkedIn")
	if err != nil || rec.Name != "LinkedIn (my copy)" {
		t.Fatalf("Lookup(LinkedIn) after merge = %v, %v; want the user's record", rec, err)
	}
	if r, err := merged.Lookup("my-linkedin"); err != nil || r != rec {
		t.Errorf("the user's alias does not resolve: %v, %v", r, err)
	}
	if _, err := merged.Lookup("linked-in"); err == nil {
		t.Errorf("the replaced record's alias linked-in still resolves")
	}
	if _, err := rec.For("us", today); !errors.Is(err, controllers.ErrNoEntity) {
		t.Errorf("the user's LinkedIn has no US entity, but For(us) = %v", err)
	}
	if r, err := merged.Lookup("EXAMPLE.ORG"); err != nil || r.ID != "example" {
		t.Errorf("new record: Lookup = %v, %v", r, err)
	}
	if len(merged.IDs()) != len(base.IDs())+1 {
		t.Errorf("merged has %d ids; want %d", len(merged.IDs()), len(base.IDs())+1)
	}
	// Neither input changes.
	if r, _ := base.Lookup("linkedin"); r.Name != "LinkedIn" {
		t.Errorf("Merge changed the base directory: %s", r.Name)
	}
	if _, err := base.Lookup("example"); err == nil {
		t.Errorf("Merge added to the base directory")
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"unknown key", `checked = 2026-01-01`, "checked = 2026-01-01\nfax = \"+1 555\"", "unknown keys"},
		{"unknown top-level key", `name = "Example"`, "name = \"Example\"\nwebsite = \"https://example.org\"", "unknown keys"},
		{"bad email", `effective_from`, "email = \"privacy(at)example.org\"\neffective_from", "email"},
		{"display-name email", `effective_from`, "email = \"Privacy <privacy@example.org>\"\neffective_from", "email"},
		{"http source", `source = "https://example.org/privacy"`, `source = "http://example.org/privacy"`, "https"},
		{"http contact form", `effective_from`, "contact_form = \"http://example.org/form\"\neffective_from", "https"},
		{"unknown region", `regions = ["eu", "uk", "ch", "us", "row"]`, `regions = ["eu", "de"]`, "region"},
		{"no checked date", "checked = 2026-01-01", "", "checked"},
		{"bad status", `effective_from`, "status = \"probably\"\neffective_from", "status"},
		{"until before from", `effective_from = 2020-01-01`, "effective_from = 2020-01-01\neffective_until = 2019-01-01", "effective_until"},
		{"two entities at once", "[[entity]]", "[[entity]]\nregions = [\"eu\"]\nname = \"Other\"\naddress = [\"1 Main St\"]\neffective_from = 2020-01-01\nsource = \"https://example.org/privacy\"\nchecked = 2026-01-01\n\n[[entity]]", "both serve region"},
		{"no address and no email", `address = ["1 Example Way", "Springfield", "USA"]` + "\n", "", "address"},
	}
	if _, err := controllers.Parse([]byte(userNew)); err != nil {
		t.Fatalf("the base record does not parse: %v", err)
	}
	for _, tt := range tests {
		src := strings.Replace(userNew, tt.old, tt.new, 1)
		if src == userNew {
			t.Fatalf("%s: replacement did not apply", tt.name)
		}
		_, err := controllers.Parse([]byte(src))
		if err == nil {
			t.Errorf("%s: Parse accepted\n%s", tt.name, src)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want it to mention %q", tt.name, err, tt.want)
		}
	}
	// A record needs an entity, or notes saying why it has none.
	bare := "id = \"example\"\nname = \"Example\"\n"
	if _, err := controllers.Parse([]byte(bare)); err == nil || !strings.Contains(err.Error(), "no entity") {
		t.Errorf("record without entity or notes: err = %v", err)
	}
	if _, err := controllers.Parse([]byte(bare + "notes = [\"No address could be confirmed.\"]\n")); err != nil {
		t.Errorf("record without entity but with notes: %v", err)
	}
	// A form whose URL is http fails too.
	form := formRecord("http://example.org/form")
	if _, err := controllers.Parse([]byte(form)); err == nil || !strings.Contains(err.Error(), "https") {
		t.Errorf("http form url: err = %v", err)
	}
}

// TestEmailOnlyEntities: where only a company's email is confirmed, the
// entity has that email and no postal address, rather than no entity.
func TestEmailOnlyEntities(t *testing.T) {
	d := directory(t)
	for _, tt := range []struct {
		id     string
		region jurisdiction.Region
		email  string
	}{
		{"slack", "eu", "dpo@slack.com"},
		{"slack", "row", "dpo@slack.com"},
		{"spotify", "eu", "privacy@spotify.com"},
	} {
		rec, _ := d.Lookup(tt.id)
		e, err := rec.For(tt.region, today)
		if err != nil {
			t.Errorf("%s For(%s): %v", tt.id, tt.region, err)
			continue
		}
		if len(e.Address) != 0 || e.Email != tt.email || e.Status != controllers.EntitySecondary {
			t.Errorf("%s For(%s) = address %v, email %q, status %q; want no address, %s, secondary", tt.id, tt.region, e.Address, e.Email, e.Status, tt.email)
		}
	}
}

func TestAIStatements(t *testing.T) {
	d := directory(t)
	tests := []struct {
		id     string
		region jurisdiction.Region
		date   string
		want   controllers.AIStatus
	}{
		{"meta-facebook", "eu", "2025-05-26", ""},
		{"meta-facebook", "eu", "2025-05-27", controllers.AIActive},
		{"meta-instagram", "uk", "2024-09-12", ""},
		{"meta-instagram", "uk", "2024-09-13", controllers.AIActive},
		{"meta-instagram", "ch", "2026-11-24", ""},
		{"reddit", "eu", "2024-09-16", controllers.AIActive},
		{"zoom", "eu", "2026-11-24", controllers.AIExcluded},
		{"apple", "us", "2026-11-24", controllers.AIExcluded},
		{"quora", "row", "2026-11-24", controllers.AIActive},
		{"pinterest", "uk", "2025-04-29", ""},
		{"pinterest", "uk", "2025-04-30", controllers.AIActive},
		{"stackoverflow", "eu", "2026-11-24", ""},
	}
	for _, tt := range tests {
		rec, _ := d.Lookup(tt.id)
		var got controllers.AIStatus
		if a := rec.AI(tt.region, jurisdiction.MustDate(tt.date)); a != nil {
			got = a.Status
			if a.Setting != "" && len(rec.SettingsFor(tt.region, jurisdiction.MustDate(tt.date), []string{"ai-training"})) == 0 {
				t.Errorf("%s: AI names setting %q, but SettingsFor finds none", tt.id, a.Setting)
			}
		}
		if got != tt.want {
			t.Errorf("%s AI(%s, %s) = %q; want %q", tt.id, tt.region, tt.date, got, tt.want)
		}
	}
}
