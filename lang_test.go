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
		{"AT", "de-AT", false},
		{"CH", "de-CH", false},
		{"BR", "pt-BR", false},
		{"CA-QC", "fr-CA", false},
		{"TR", "tr", false},
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

// TestVariants checks what a reader of each regional variant notices: the
// Swiss letter uses the FADP's terms and no ß, the Austrian one writes
// Jänner, and --lang picks a variant by its tag.
func TestVariants(t *testing.T) {
	g := generator(t)
	ch, err := g.Generate(context.Background(), person("CH", ""))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(append([]string{ch.Subject, ch.Closing}, ch.Body...), "\n")
	if !strings.Contains(body, "Personendaten") || !strings.Contains(body, "Bearbeitung") || strings.ContainsAny(body, "ß„“") {
		t.Errorf("Swiss letter does not use Swiss terms and spelling:\n%s", body)
	}
	at := person("DE", "de-AT")
	at.AsOf = mustDate("2026-12-10") // due in January
	l, err := g.Generate(context.Background(), at)
	if err != nil {
		t.Fatal(err)
	}
	if l.Lang != "de-AT" || !strings.Contains(l.DueText, "Jänner") {
		t.Errorf("--lang de-AT: language %q, due %q; want de-AT and Jänner", l.Lang, l.DueText)
	}
	fr, err := g.Generate(context.Background(), person("CH", "fr-CH"))
	if err != nil {
		t.Fatal(err)
	}
	if body := strings.Join(fr.Body, "\n"); !strings.Contains(body, "données personnelles") || strings.Contains(body, "caractère personnel") {
		t.Errorf("Swiss French letter does not use the FADP's terms:\n%s", body)
	}
}
