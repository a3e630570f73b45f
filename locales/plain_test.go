package locales

import (
	"strconv"
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

// TestMemo checks that remembered Cite and N results are the rendered
// ones, and that the memo stops growing at its bound.
func TestMemo(t *testing.T) {
	b, err := Load(Data) // a bundle of its own: this test fills the memo
	if err != nil {
		t.Fatal(err)
	}
	loc, err := b.Localizer("de")
	if err != nil {
		t.Fatal(err)
	}
	c := Citation{Text: "Art. 21(1) GDPR", Instrument: "gdpr", Article: "21", Paragraph: "1"}
	first, err := loc.Cite(c)
	if err != nil {
		t.Fatal(err)
	}
	want, err := loc.T("cite_gdpr", map[string]any{"Article": "21", "Paragraph": "1", "Point": ""})
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := loc.Cite(c); first != want || again != want {
		t.Errorf("Cite = %q, then %q; want %q", first, again, want)
	}
	for _, n := range []int{1, 2, 5, 1} {
		got, err := loc.N("period_months", n, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, err := loc.localize("period_months", map[string]any{"Count": n}, n)
		if err != nil || got != want {
			t.Errorf("N(%d) = %q, want %q (%v)", n, got, want, err)
		}
	}
	for i := 0; i < memoLimit+100; i++ {
		c.Article = strconv.Itoa(i)
		if _, err := loc.Cite(c); err != nil {
			t.Fatal(err)
		}
	}
	if n := loc.memo.n.Load(); n > memoLimit {
		t.Errorf("memo holds %d results, more than %d", n, memoLimit)
	}
}
