package objector_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/objector/objector"
	"github.com/objector/objector/jurisdiction"
)

// A German LinkedIn member objects to the training of AI models on their
// data. The letter goes to LinkedIn Ireland, cites Art. 21(1) GDPR the way
// German does, and gives the one-month deadline of Art. 12(3).
func ExampleGenerate() {
	l, err := objector.Generate(context.Background(), objector.Request{
		Controller: "linkedin",
		Residence:  "DE",
		Name:       "Erika Mustermann",
		Email:      "erika@example.org",
		AsOf:       jurisdiction.MustDate("2026-11-24"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Kind, l.Lang)
	fmt.Println(l.Recipient.Name)
	// Citations are held together with no-break spaces (U+00A0).
	fmt.Println(strings.ReplaceAll(l.Subject, "\u00a0", " "))
	fmt.Println("due:", l.DueISO)
	// Output:
	// objection de
	// LinkedIn Ireland Unlimited Company
	// Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Art. 21 Abs. 1 DSGVO)
	// due: 2026-12-24
}

// Where no law gives a right to object, the letter is a courtesy request
// and claims none.
func ExampleGenerate_courtesy() {
	l, err := objector.Generate(context.Background(), objector.Request{
		Controller: "linkedin",
		Residence:  "US-NY",
		Name:       "Sam Doe",
		Email:      "sam@example.org",
		AsOf:       jurisdiction.MustDate("2026-11-24"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Kind, l.Assessment.Regime, l.Recipient.Name, l.DueISO == "")
	// Output: courtesy none LinkedIn Corporation true
}
