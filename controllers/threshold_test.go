package controllers_test

import (
	"testing"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// TestThresholdClaimsValid checks every record's threshold claims against
// the rules: a known law and threshold ids that law defines, with a source.
func TestThresholdClaimsValid(t *testing.T) {
	d, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := jurisdiction.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range d.Records() {
		for _, c := range rec.Thresholds {
			if err := c.Validate(r); err != nil {
				t.Errorf("%s: %v", rec.ID, err)
			}
		}
	}
}

// TestFloridaLargestPlatforms checks that the records of the companies the
// Florida Digital Bill of Rights reaches say so, with a source.
func TestFloridaLargestPlatforms(t *testing.T) {
	d, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"meta-facebook", "meta-instagram", "google", "amazon"} {
		rec, err := d.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range rec.Thresholds {
			found = found || (c.Law == "us-fl-fdbr" && len(c.Meets) > 0 && c.Source != "")
		}
		if !found {
			t.Errorf("%s: no sourced Florida threshold claim", id)
		}
	}
}

// TestEntityCountry checks that an entity's country is read from the last
// line of its address, as the deadline rules need it.
func TestEntityCountry(t *testing.T) {
	for _, tt := range []struct{ last, want string }{
		{"Ireland", "IE"}, {"USA", "US"}, {"United States", "US"}, {"Netherlands", "NL"},
		{"Luxembourg", "LU"}, {"Dublin 2", ""}, {" ireland ", "IE"},
	} {
		e := &controllers.Entity{Address: []string{"1 Street", tt.last}}
		if got := e.Country(); got != tt.want {
			t.Errorf("%q: country %q; want %q", tt.last, got, tt.want)
		}
	}
	var none *controllers.Entity
	if none.Country() != "" {
		t.Error("a nil entity has a country")
	}
}
