package locales_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/objector/objector/locales"
)

// FuzzMatch feeds arbitrary --lang values to Bundle.Match. It must never
// panic; it returns a language with messages, or an
// *UnsupportedLanguageError listing the languages there are.
func FuzzMatch(f *testing.F) {
	b := bundle(f)
	for _, s := range []string{"de", "DE", "de-AT", "pt-BR", "en-US", "sr-Latn", "zh-Hant-TW", "x-klingon", "und", "", " de ", "de\x00", "de-u-co-phonebk", "i-klingon", "en-GB-oed", "-", "ab-cd-ef-gh-ij-kl-mn-op"} {
		f.Add(s)
	}
	langs := b.Languages()
	f.Fuzz(func(t *testing.T, tag string) {
		lang, exact, err := b.Match(tag)
		if err != nil {
			var ue *locales.UnsupportedLanguageError
			if !errors.As(err, &ue) || !errors.Is(err, locales.ErrUnsupportedLanguage) {
				t.Fatalf("Match(%q): %T %v, want *UnsupportedLanguageError", tag, err, err)
			}
			if !slices.Equal(ue.Available, langs) {
				t.Fatalf("Match(%q): available %v, want %v", tag, ue.Available, langs)
			}
			if lang != "" || exact {
				t.Fatalf("Match(%q) = %q, %v and an error", tag, lang, exact)
			}
			return
		}
		if !slices.Contains(langs, lang) {
			t.Fatalf("Match(%q) = %q, which has no messages (%v)", tag, lang, langs)
		}
		if _, err := b.Localizer(lang); err != nil {
			t.Fatalf("Match(%q) = %q, but Localizer: %v", tag, lang, err)
		}
	})
}
