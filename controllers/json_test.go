package controllers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
)

// TestOpenEndedJSON: a fact still in force has no effective_until in the
// JSON of `objector controllers list/show` ("omitzero", which needs the
// go 1.24 line in go.mod: older language versions print null).
func TestOpenEndedJSON(t *testing.T) {
	d, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d.Records())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"effective_until":null`) {
		t.Error(`the directory's JSON holds "effective_until":null for facts still in force`)
	}
}

// TestEntityCountry: the deadline rules learn Ireland from the address's
// last line; a nil entity or another country gives "".
func TestEntityCountry(t *testing.T) {
	for _, tc := range []struct {
		e    *controllers.Entity
		want string
	}{
		{&controllers.Entity{Address: []string{"Wilton Place", "Dublin 2", " ireland "}}, "IE"},
		{&controllers.Entity{Address: []string{"1 Main St", "Sunnyvale, CA 94085", "USA"}}, ""},
		{&controllers.Entity{}, ""},
		{nil, ""},
	} {
		if got := tc.e.Country(); got != tc.want {
			t.Errorf("%v: Country() = %q, want %q", tc.e, got, tc.want)
		}
	}
}
