package templates

import (
	"slices"
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/letter"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		// Citations keep their no-break spaces and are never split.
		{"I object under Art.\u00a021(1)\u00a0GDPR. Please confirm.", []string{"I object under Art.\u00a021(1)\u00a0GDPR.", "Please confirm."}},
		// A statute name in brackets, with abbreviations and ASCII spaces.
		{"Under the CCPA (Cal. Civ. Code § 1798.100 et seq.), I make requests. I am a resident.", []string{"Under the CCPA (Cal. Civ. Code § 1798.100 et seq.), I make requests.", "I am a resident."}},
		// Abbreviations and ordinals outside brackets.
		{"Gemäß Art. 21 Abs. 1 DSGVO widerspreche ich. Bis zum 24. Dezember 2026. Danke.", []string{"Gemäß Art. 21 Abs. 1 DSGVO widerspreche ich.", "Bis zum 24. Dezember 2026.", "Danke."}},
		// A sentence ending in a quote, and an email address.
		{"Switch off „AI“. Write to a@example.org. Done", []string{"Switch off „AI“.", "Write to a@example.org.", "Done"}},
		{"lower. case follows", []string{"lower. case follows"}},
	}
	for _, tt := range tests {
		if got := Sentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestLength(t *testing.T) {
	if n := Length("Grüße\n😀"); n != 8 {
		t.Errorf("Length = %d; want 8 (an emoji counts two UTF-16 units)", n)
	}
}

// composeWithLimit composes LinkedIn's letter for residence with the
// objection form reduced to one free-text field limited to max characters
// (0: none).
func composeWithLimit(t *testing.T, residence, lang string, max int) *letter.Letter {
	t.Helper()
	dir, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	orig, err := dir.Lookup("linkedin")
	if err != nil {
		t.Fatal(err)
	}
	rec := *orig
	rec.Forms = slices.Clone(orig.Forms)
	// One free-text field: the cut is what is under test.
	for i := range rec.Forms {
		rec.Forms[i].Fields = []controllers.Field{{ID: "statement", Kind: "freetext", Fill: "statement", MaxLength: max}}
	}
	l := composeRecord(t, &rec, residence, lang, nil, letter.Party{Name: "Erika Mustermann", Email: "erika@example.org", Account: "https://www.linkedin.com/in/erika-mustermann"})
	if l.Form == nil || len(l.Form.Fields) != 1 {
		t.Fatalf("form = %+v", l.Form)
	}
	return l
}

// TestCut shortens LinkedIn's free text to ever smaller limits: it always
// fits, is made of whole sentences of the full text, says when it was
// shortened, and while complete still names who objects, to what, under
// which provision and by when.
func TestCut(t *testing.T) {
	for _, c := range []struct {
		residence, lang string
		essentials      []string
	}{
		{"DE", "de", []string{"Art. 21 Abs. 1 DSGVO", "Erika Mustermann", "erika@example.org", "https://www.linkedin.com/in/erika-mustermann", "künstlicher Intelligenz", "24. Dezember 2026", "Meine Gründe"}},
		{"DE", "en", []string{"Art. 21(1) GDPR", "Erika Mustermann", "erika@example.org", "artificial intelligence", "24 December 2026", "My grounds"}},
		{"US-CA", "en", []string{"California Consumer Privacy Act", "Erika Mustermann", "15 December 2026", "I ask you not to use my personal information for training", "does not expressly grant"}},
		{"US-NY", "en", []string{"Erika Mustermann", "artificial intelligence", "Please stop using my personal data"}},
	} {
		full := composeWithLimit(t, c.residence, c.lang, 0).Form.Fields[0]
		if full.Shortened || !full.Complete || full.Note != "" || full.Length != Length(full.Value) {
			t.Fatalf("%s/%s: uncut field = %+v", c.residence, c.lang, full)
		}
		var sentences []string
		for _, para := range strings.Split(full.Value, "\n\n") {
			sentences = append(sentences, Sentences(para)...)
		}
		sawIncomplete := false
		for max := full.Length + 10; max > 20; max -= 23 {
			f := composeWithLimit(t, c.residence, c.lang, max).Form.Fields[0]
			what := c.residence + "/" + c.lang
			if f.Length > max || Length(f.Value) != f.Length {
				t.Fatalf("%s: length %d (counted %d) over the limit %d", what, f.Length, Length(f.Value), max)
			}
			if f.Shortened != (max < full.Length) {
				t.Errorf("%s max %d: shortened = %v", what, max, f.Shortened)
			}
			if f.Shortened && f.Note == "" || !f.Shortened && f.Note != "" {
				t.Errorf("%s max %d: note %q with shortened = %v", what, max, f.Note, f.Shortened)
			}
			for _, para := range strings.Split(f.Value, "\n\n") {
				for _, s := range Sentences(para) {
					if s != "" && !slices.Contains(sentences, s) {
						t.Errorf("%s max %d: %q is not a whole sentence of the full text", what, max, s)
					}
				}
			}
			plain := strings.ReplaceAll(f.Value, "\u00a0", " ")
			if f.Complete {
				if sawIncomplete {
					t.Errorf("%s max %d: complete again after an incomplete cut", what, max)
				}
				for _, e := range c.essentials {
					if !strings.Contains(plain, e) {
						t.Errorf("%s max %d: complete, but lacks %q:\n%s", what, max, e, f.Value)
					}
				}
			} else {
				sawIncomplete = true
				if !strings.Contains(f.Note, "Send") && !strings.Contains(f.Note, "Senden") {
					t.Errorf("%s max %d: incomplete without pointing to the letter: %q", what, max, f.Note)
				}
			}
		}
		if testing.Verbose() {
			t.Logf("%s/%s at 700:\n%s", c.residence, c.lang, composeWithLimit(t, c.residence, c.lang, 700).Form.Fields[0].Value)
		}
		if !sawIncomplete {
			t.Errorf("%s/%s: never incomplete, even at the smallest limit", c.residence, c.lang)
		}
	}
}

// TestFormSteps checks the order of the steps and the route for a company
// without a known form.
func TestFormSteps(t *testing.T) {
	l := composeWithLimit(t, "DE", "en", 0)
	var kinds []string
	for _, s := range l.Form.Steps {
		kinds = append(kinds, s.Kind)
	}
	if want := []string{letter.StepSetting, letter.StepOpen, letter.StepField, letter.StepSubmit}; !slices.Equal(kinds, want) {
		t.Errorf("steps %v; want %v", kinds, want)
	}
	if f := l.Form.Fields[0]; f.Fill != "statement" || !strings.HasPrefix(f.Value, l.Subject+"\n\n") {
		t.Errorf("free text does not start with the subject: %+v", f)
	}
}
