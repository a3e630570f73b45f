package jurisdiction_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/objector/objector/jurisdiction"
)

const (
	minimalLaw = `id = "x"
regime = "gdpr"
name = "X"
source = "https://example.org/x"
[[right]]
id = "object"
citation = { text = "Art. 1 X" }
summary = "Object."
source = "https://example.org/x"
`
	minimalPlace = `code = "XA"
name = "Xland"
region = "row"
languages = ["en"]
[[applies]]
law = "x"
effective_from = 2020-01-01
source = "https://example.org/x"
`
)

// TestLoadRejects proves Load's rules with data that breaks each: every
// fact needs an https source, rights are from the known list, places
// apply laws that exist. (The embedded data loading in every test is the
// other half: it obeys them.)
func TestLoadRejects(t *testing.T) {
	if _, err := jurisdiction.Load(fstest.MapFS{"laws/x.toml": {Data: []byte(minimalLaw)}, "places/XA.toml": {Data: []byte(minimalPlace)}}); err != nil {
		t.Fatalf("the minimal rule set does not load: %v", err)
	}
	for _, tc := range []struct {
		name, file, old, new, want string
	}{
		{"law without source", "law", `source = "https://example.org/x"` + "\n[[right]]", "[[right]]", "source"},
		{"http law source", "law", `source = "https://example.org/x"` + "\n[[right]]", `source = "http://example.org/x"` + "\n[[right]]", "https"},
		{"http right source", "law", `summary = "Object."` + "\nsource = \"https://example.org/x\"", `summary = "Object."` + "\nsource = \"http://example.org/x\"", "https"},
		{"unknown right", "law", `id = "object"`, `id = "object-loudly"`, "object-loudly"},
		{"unknown key", "law", `name = "X"`, "name = \"X\"\nfax = \"1\"", "unknown keys"},
		{"http applies source", "place", `source = "https://example.org/x"`, `source = "http://example.org/x"`, "https"},
		{"unknown law", "place", `law = "x"`, `law = "y"`, `unknown law "y"`},
		{"unknown region", "place", `region = "row"`, `region = "mars"`, "mars"},
	} {
		law, place := minimalLaw, minimalPlace
		if tc.file == "law" {
			law = strings.Replace(law, tc.old, tc.new, 1)
		} else {
			place = strings.Replace(place, tc.old, tc.new, 1)
		}
		if law == minimalLaw && place == minimalPlace {
			t.Fatalf("%s: the replacement did not apply", tc.name)
		}
		_, err := jurisdiction.Load(fstest.MapFS{"laws/x.toml": {Data: []byte(law)}, "places/XA.toml": {Data: []byte(place)}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Load = %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
