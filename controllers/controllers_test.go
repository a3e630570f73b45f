package controllers_test

import (
	"errors"
	"testing"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

func directory(t testing.TB) *controllers.Directory {
	t.Helper()
	d, err := controllers.Default()
	if err != nil {
		t.Fatalf("embedded directory does not load: %v", err)
	}
	return d
}

func TestLinkedInEntities(t *testing.T) {
	d := directory(t)
	rec, err := d.Lookup("LinkedIn")
	if err != nil {
		t.Fatal(err)
	}
	asOf := jurisdiction.MustDate("2026-11-24")
	for region, want := range map[jurisdiction.Region]string{
		"eu": "LinkedIn Ireland Unlimited Company", "ch": "LinkedIn Ireland Unlimited Company",
		"uk": "LinkedIn Corporation", "us": "LinkedIn Corporation", "row": "LinkedIn Corporation",
	} {
		e, err := rec.For(region, asOf)
		if err != nil || e.Name != want {
			t.Errorf("For(%s) = %v, %v; want %s", region, e, err, want)
		}
	}
}

func TestLinkedInAITimeline(t *testing.T) {
	rec, _ := directory(t).Lookup("linkedin")
	tests := []struct {
		region jurisdiction.Region
		date   string
		want   controllers.AIStatus // "" for no statement
	}{
		{"eu", "2024-09-17", ""},
		{"eu", "2024-09-18", controllers.AIExcluded},
		{"eu", "2025-11-02", controllers.AIExcluded},
		{"eu", "2025-11-03", controllers.AIActive},
		{"uk", "2025-01-01", controllers.AIExcluded},
		{"us", "2024-09-18", controllers.AIActive},
	}
	for _, tt := range tests {
		var got controllers.AIStatus
		if a := rec.AI(tt.region, jurisdiction.MustDate(tt.date)); a != nil {
			got = a.Status
		}
		if got != tt.want {
			t.Errorf("AI(%s, %s) = %q; want %q", tt.region, tt.date, got, tt.want)
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	_, err := directory(t).Lookup("linkdin")
	var ue *controllers.UnknownControllerError
	if !errors.As(err, &ue) || !errors.Is(err, controllers.ErrUnknownController) {
		t.Fatalf("err = %v; want UnknownControllerError", err)
	}
	if len(ue.Suggestions) == 0 || ue.Suggestions[0] != "linkedin" {
		t.Errorf("suggestions = %v; want linkedin first", ue.Suggestions)
	}
}

func TestNoEntity(t *testing.T) {
	rec, _ := directory(t).Lookup("linkedin")
	_, err := rec.For("eu", jurisdiction.MustDate("2019-01-01"))
	if !errors.Is(err, controllers.ErrNoEntity) {
		t.Fatalf("err = %v; want ErrNoEntity", err)
	}
}
