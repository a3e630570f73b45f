package objector_test

import (
	"context"
	"strings"
	"testing"
)

// TestResidenceLanguage checks the language a residence writes in by
// default: its own regional variant where there is one, and English with
// a note where objector has no messages in its languages.
func TestResidenceLanguage(t *testing.T) {
	g := generator(t)
	tests := []struct {
		residence, lang string
		note            bool
	}{
		{"DE", "de", false},
		{"JP", "en", true},
		{"KR", "en", true},
		{"CN", "en", true},
	}
	for _, tt := range tests {
		req := person(tt.residence, "")
		req.Reason = "My own reason." // JP: APPI Art. 35 needs the person's reason
		l, err := g.Generate(context.Background(), req)
		if err != nil {
			t.Errorf("%s: %v", tt.residence, err)
			continue
		}
		if l.Lang != tt.lang || (l.LangNote != "") != tt.note {
			t.Errorf("%s: language %q, note %q; want %q, note %v", tt.residence, l.Lang, l.LangNote, tt.lang, tt.note)
		}
		if tt.note && !strings.Contains(l.LangNote, "English") {
			t.Errorf("%s: note %q does not say the letter is in English", tt.residence, l.LangNote)
		}
	}
}
