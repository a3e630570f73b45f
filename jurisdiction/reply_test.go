package jurisdiction_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/objector/objector/jurisdiction"
)

// TestReplies pins, per place and date, which company answers objector can
// reply to and the provision each reply cites.
func TestReplies(t *testing.T) {
	r := rules(t)
	tests := []struct {
		residence, date string
		kind            jurisdiction.ReplyKind
		role            string
		want            string // the citation; "" means no rule at all
		days            int
		none            bool
	}{
		{"DE", "2026-12-03", jurisdiction.ReplyIDDemanded, "identity", "Art. 12(6) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyIDDemanded, "minimisation", "Art. 5(1)(c) GDPR", 0, false},
		{"FR", "2026-12-03", jurisdiction.ReplyUseForm, "facilitate", "Art. 12(2) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyRefused, "object", "Art. 21(1) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyRefused, "restriction", "Art. 18(1)(d) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyExtended, "extension", "Art. 12(3) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyPartial, "reasons", "Art. 12(4) GDPR", 0, false},
		{"DE", "2026-12-03", jurisdiction.ReplyAppeal, "", "", 0, false},
		{"GB", "2025-06-01", jurisdiction.ReplyExtended, "extension", "Art. 12(3) UK GDPR", 0, false},
		{"GB", "2026-12-03", jurisdiction.ReplyExtended, "extension", "Art. 12A UK GDPR", 0, false},
		{"GB", "2026-12-03", jurisdiction.ReplyRefused, "object", "Art. 21(1) UK GDPR", 0, false},
		{"CH", "2026-12-03", jurisdiction.ReplyRefused, "justification", "Art. 31(1) FADP", 0, false},
		{"CH", "2026-12-03", jurisdiction.ReplyExtended, "", "", 0, false},
		{"US-VA", "2026-12-03", jurisdiction.ReplyAppeal, "appeal", "Va. Code § 59.1-577(C)", 60, false},
		{"US-CO", "2026-12-03", jurisdiction.ReplyAppeal, "appeal", "Colo. Rev. Stat. § 6-1-1306(3)", 45, false},
		{"US-CT", "2026-06-30", jurisdiction.ReplyAppeal, "appeal", "Conn. Gen. Stat. § 42-518(d)", 60, false},
		{"US-CT", "2026-07-01", jurisdiction.ReplyAppeal, "appeal", "Conn. Gen. Stat. § 42-518", 60, false},
		{"US-TX", "2026-12-03", jurisdiction.ReplyAppeal, "appeal", "Tex. Bus. & Com. Code § 541.053", 60, false},
		{"US-CA", "2026-12-03", jurisdiction.ReplyIDDemanded, "identity", "11 CCR § 7060(b)", 0, false},
		{"US-CA", "2023-03-28", jurisdiction.ReplyIDDemanded, "", "", 0, false},
		{"US-CA", "2026-12-03", jurisdiction.ReplyAppeal, "", "", 0, true},
		{"US-NY", "2026-12-03", jurisdiction.ReplyAppeal, "", "", 0, false},
	}
	for _, tt := range tests {
		a, err := r.Resolve(tt.residence, jurisdiction.MustDate(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		rule, ok := a.Reply(tt.kind)
		name := tt.residence + " " + tt.date + " " + string(tt.kind)
		switch {
		case tt.none:
			if !ok || !rule.None || rule.Note == "" {
				t.Errorf("%s: rule = %+v, %v; want a none rule with a note", name, rule, ok)
			}
			continue
		case tt.want == "":
			if ok {
				t.Errorf("%s: rule = %+v; want none on record", name, rule)
			}
			continue
		case !ok:
			t.Errorf("%s: no rule; want one citing %s", name, tt.want)
			continue
		}
		if c, _ := rule.Cite(tt.role); c.Text != tt.want {
			t.Errorf("%s: cites.%s = %q, want %q", name, tt.role, c.Text, tt.want)
		}
		if rule.Days != tt.days {
			t.Errorf("%s: days = %d, want %d", name, rule.Days, tt.days)
		}
		if !hasSource(a.Sources, rule.Source) {
			t.Errorf("%s: the assessment's sources lack the reply's %s", name, rule.Source)
		}
	}
}

func hasSource(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestRepliesRejectBadData checks that a reply file with a mistake stops
// Load with an error naming it.
func TestRepliesRejectBadData(t *testing.T) {
	law := minimalLaw
	usLaw := strings.Replace(law, `regime = "gdpr"`, `regime = "us-state"`, 1)
	place := minimalPlace
	tests := []struct{ name, file, want string }{
		{"unknown kind", `law = "x"
[[reply]]
kind = "ignored"
source = "https://example.org/x"
`, `"ignored" is not one of`},
		{"missing role", `law = "x"
[[reply]]
kind = "refused"
cites.restriction = { text = "Art. 2 X" }
source = "https://example.org/x"
`, "cites.object is missing"},
		{"foreign role", `law = "x"
[[reply]]
kind = "use-form"
cites.facilitate = { text = "Art. 2 X" }
cites.appeal = { text = "Art. 3 X" }
source = "https://example.org/x"
`, "cites.appeal is not a role"},
		{"appeal outside the US", `law = "x"
[[reply]]
kind = "appeal"
cites.appeal = { text = "Art. 2 X" }
days = 60
source = "https://example.org/x"
`, "US state-law route"},
		{"no source", `law = "x"
[[reply]]
kind = "use-form"
cites.facilitate = { text = "Art. 2 X" }
`, "source is missing"},
		{"two rules at once", `law = "x"
[[reply]]
kind = "use-form"
cites.facilitate = { text = "Art. 2 X" }
source = "https://example.org/x"
[[reply]]
kind = "use-form"
cites.facilitate = { text = "Art. 2 X" }
effective_from = 2024-01-01
source = "https://example.org/x"
`, "two use-form rules"},
		{"unknown law", `law = "y"
`, "must match the file name"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{
			"laws/x.toml":    {Data: []byte(law)},
			"places/XA.toml": {Data: []byte(place)},
			"replies/x.toml": {Data: []byte(tt.file)},
		}
		_, err := jurisdiction.Load(fsys)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "replies/x.toml") {
			t.Errorf("%s: Load error = %v, want one naming replies/x.toml and %q", tt.name, err, tt.want)
		}
	}
	// The same appeal rule is fine for a US state law.
	fsys := fstest.MapFS{
		"laws/x.toml":    {Data: []byte(usLaw)},
		"places/XA.toml": {Data: []byte(place)},
		"replies/x.toml": {Data: []byte("law = \"x\"\n[[reply]]\nkind = \"appeal\"\ncites.appeal = { text = \"§ 2\" }\ndays = 60\nsource = \"https://example.org/x\"\n")},
	}
	if _, err := jurisdiction.Load(fsys); err != nil {
		t.Errorf("a US appeal rule: %v", err)
	}
}
