package locales

import (
	"testing"
)

// TestPlainMatchesGoI18n checks that every message T renders without
// go-i18n renders exactly as go-i18n does, and that a missing key still
// fails the same way.
func TestPlainMatchesGoI18n(t *testing.T) {
	b, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, lang := range b.Languages() {
		loc, err := b.Localizer(lang)
		if err != nil {
			t.Fatal(err)
		}
		for id, pieces := range b.plain[lang] {
			data := map[string]any{}
			fields := 0
			for i, p := range pieces {
				if p.field == "" {
					continue
				}
				fields++
				if i%2 == 0 {
					data[p.field] = i * 1234
				} else {
					data[p.field] = "«" + p.field + " ü\u00a0x»"
				}
			}
			got, err := loc.T(id, data)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, id, err)
			}
			want, err := loc.localize(id, data, nil)
			if err != nil {
				t.Fatalf("%s %s: go-i18n: %v", lang, id, err)
			}
			if got != want {
				t.Errorf("%s %s: T = %q, go-i18n = %q", lang, id, got, want)
			}
			if fields > 0 {
				if _, err := loc.T(id, nil); err == nil {
					t.Errorf("%s %s: no error without data", lang, id)
				}
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no plain messages")
	}
}
