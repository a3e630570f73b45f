package jurisdiction

import (
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEveryLawIsUsed cross-checks the rules the other way round from Load,
// which checks that every law a place applies exists: every law exists
// for some place. A law no place applies is never in force anywhere, so
// its rights, deadline and citations would never be read, and a typo in a
// place's law id could leave the intended law unused without a word.
func TestEveryLawIsUsed(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, p := range r.places {
		for _, a := range p.Applies {
			used[a.Law] = true
		}
	}
	var unused []string
	for id := range r.laws {
		if !used[id] {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("laws no place applies: %v", unused)
	}
}

// TestNotes: each note renders with the fields the code gives it, and
// notes.toml must hold exactly the notes the code uses.
func TestNotes(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	law := map[string]string{"Law": "CTDPA", "Company": "Acme", "Thresholds": "a; or b", "Met": "a"}
	for id, data := range map[string]map[string]string{
		"unmodelled": {"Place": "Argentina"}, "outermost": {"State": "France", "Source": "https://example.org"},
		"no_right": nil, "takes_effect": {"Law": "Act", "Date": "2027-01-01"}, "the_company": nil,
		"threshold_unknown": law, "threshold_met": law, "threshold_none": law, "threshold_unconfirmed": law,
	} {
		if s := r.notes.text(id, data); s == "" || strings.HasPrefix(s, "[note") {
			t.Errorf("note %s: %q", id, s)
		}
	}
	for _, tc := range []struct{ file, want string }{
		{`no_right = "x"`, `note "unmodelled" is missing`},
		{strings.Join(append(noteLines(), `spare = "x"`), "\n"), "notes no rule uses: spare"},
		{strings.Join(append(noteLines()[1:], `unmodelled = "{{.Place"`), "\n"), "unmodelled"},
	} {
		_, err := loadNotes(fstest.MapFS{"notes.toml": {Data: []byte(tc.file)}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("loadNotes(%.30q…) = %v, want an error with %q", tc.file, err, tc.want)
		}
	}
}

// noteLines returns a line id = "x" for every note id, unmodelled first.
func noteLines() []string {
	var out []string
	for _, id := range noteIDs {
		out = append(out, id+` = "x"`)
	}
	return out
}
