package jurisdiction

import (
	"sort"
	"testing"
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
