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
