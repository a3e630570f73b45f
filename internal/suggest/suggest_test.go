package suggest

import (
	"reflect"
	"testing"
)

func TestClosest(t *testing.T) {
	known := []string{"DE", "DK", "FR", "US-CA", "US-CO", "linkedin"}
	tests := []struct {
		key  string
		max  int
		want []string
	}{
		{"DX", 2, []string{"DE", "DK"}}, // not FR, which is further
		{"US-CQ", 2, []string{"US-CA", "US-CO"}},
		{"linkdin", 2, []string{"linkedin"}},
		{"linked", 1, []string{"linkedin"}}, // a prefix counts as distance 1
		{"zzzzzz", 2, nil},
	}
	for _, tt := range tests {
		if got := Closest(tt.key, known, tt.max, 3); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Closest(%q) = %v; want %v", tt.key, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"Grüße", "Grüsse", 2}} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
