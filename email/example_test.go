package email_test

import (
	"fmt"
	"net/url"
	"os"

	"github.com/objector/objector/email"
	"github.com/objector/objector/letter"
)

func exampleLetter() *letter.Letter {
	return &letter.Letter{
		Kind: "objection", Lang: "de", DateISO: "2026-11-24",
		Sender:     letter.Party{Name: "Jürgen Groß", Email: "juergen@example.org"},
		Recipient:  letter.Party{Name: "Beispiel GmbH", Email: "datenschutz@example.de"},
		Subject:    "Widerspruch (Art. 21 DSGVO)",
		Salutation: "Sehr geehrte Damen und Herren,",
		Body:       []string{"hiermit widerspreche ich der Verarbeitung meiner Daten."},
		Closing:    "Mit freundlichen Grüßen",
		Signature:  "Jürgen Groß",
	}
}

func ExampleEML() {
	// A name with a line break in it could add a header: EML refuses it.
	l := exampleLetter()
	l.Sender.Name = "Eve\r\nBcc: x@evil.example"
	err := email.EML(os.Stdout, l, email.Options{})
	fmt.Println(err)
	// Output: email: sender name: contains the control character U+000D; a header value must be one line without control characters
}

func ExampleMailto() {
	u, err := email.Mailto(exampleLetter())
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := url.Parse(u)
	q, _ := url.ParseQuery(p.RawQuery)
	fmt.Println(p.Opaque)
	fmt.Println(q.Get("subject"))
	fmt.Println(len(u) <= email.MailtoLimit)
	// Output:
	// datenschutz@example.de
	// Widerspruch (Art. 21 DSGVO)
	// true
}
