package locales_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/objector/objector/locales"
)

// Each language cites the GDPR the way its official text does.
func ExampleLocalizer_Cite() {
	b, err := locales.Default()
	if err != nil {
		log.Fatal(err)
	}
	c := locales.Citation{Text: "Art. 17(1)(c) GDPR", Instrument: "gdpr", Article: "17", Paragraph: "1", Point: "c"}
	for _, lang := range []string{"en", "de", "pl"} {
		loc, _ := b.Localizer(lang)
		s, err := loc.Cite(c)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(lang, strings.ReplaceAll(s, "\u00a0", " "))
	}
	// Output:
	// en Art. 17(1)(c) GDPR
	// de Art. 17 Abs. 1 lit. c DSGVO
	// pl art. 17 ust. 1 lit. c RODO
}

// A regional tag finds its variant, or else its language; one without
// messages is an error
// that lists those with messages.
func ExampleBundle_Match() {
	b, _ := locales.Default()
	lang, exact, _ := b.Match("de-LI")
	fmt.Println(lang, exact)
	_, _, err := b.Match("ja")
	fmt.Println(err != nil)
	// Output:
	// de false
	// true
}
