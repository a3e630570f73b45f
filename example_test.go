package objector_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/objector/objector"
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
		AsOf:       time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
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
		AsOf:       time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Kind, l.Assessment.Regime, l.Recipient.Name, l.DueISO == "")
	// Output: courtesy none LinkedIn Corporation true
}

// A generator writes the letter and renders it; the README's library
// section shows this code (TestREADMELibrary keeps them equal).
func ExampleGenerator() {
	g, err := objector.New(objector.Config{})
	if err != nil {
		log.Fatal(err)
	}
	l, err := g.Generate(context.Background(), objector.Request{
		Controller: "linkedin",
		Residence:  "DE",
		Name:       "Erika Mustermann",
		Email:      "erika@example.org",
		AsOf:       time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
	})
	var fe *objector.FieldError
	if errors.As(err, &fe) {
		log.Fatalf("correct the field %s: %v", fe.Field, err)
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Recipient.Name, "must answer by", l.DueISO)
	var pdf bytes.Buffer
	if err := g.Render(&pdf, l, objector.FormatPDF, objector.RenderOptions{}); err != nil {
		log.Fatal(err)
	}
	// Output: LinkedIn Ireland Unlimited Company must answer by 2026-12-24
}

// An unknown residence code names the field and suggests the codes
// nearest to it.
func ExampleFieldError() {
	_, err := objector.Generate(context.Background(), objector.Request{
		Controller: "linkedin",
		Residence:  "DX",
		Name:       "Erika Mustermann",
		Email:      "erika@example.org",
	})
	var fe *objector.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, fe.Personal)
		fmt.Println(err)
	}
	// Output:
	// residence false
	// residence "DX": is not a country or state code objector knows (did you mean DE, DK, MX?)
}

// The company answered an objection by extending the deadline, without
// giving reasons. The reply cites the original request and says the
// extension did not hold; an appeal, which the GDPR does not know, is
// refused with the reason.
func ExampleGenerate_reply() {
	req := objector.Request{
		Controller: "linkedin",
		Residence:  "IE",
		Name:       "Aoife Byrne",
		Email:      "aoife@example.org",
		Lang:       "en",
		AsOf:       time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
		Kind:       objector.KindReply,
		Sent:       time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC),
		Reply: &objector.Reply{
			Kind:      objector.ReplyExtended,
			Received:  time.Date(2026, 9, 25, 0, 0, 0, 0, time.UTC),
			NoReasons: true,
		},
	}
	l, err := objector.Generate(context.Background(), req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(l.Kind, l.FollowsUp.Reference == l.Reference, l.DueISO == "")
	for _, p := range l.Body {
		if strings.Contains(p, "no reasons") {
			fmt.Println(strings.ReplaceAll(p, "\u00a0", " "))
		}
	}

	req.Reply = &objector.Reply{Kind: objector.ReplyAppeal}
	_, err = objector.Generate(context.Background(), req)
	fmt.Println(errors.Is(err, objector.ErrReplyUnsupported))
	// Output:
	// reply true true
	// Your notice gives no reasons for the delay. An extension without reasons does not meet the conditions of the law, so the period for your answer ended on 1 October 2026.
	// true
}
