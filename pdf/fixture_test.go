package pdf

import (
	"strings"
	"time"

	"github.com/objector/objector/letter"
)

// fixture returns a hand-built German letter, so the tests do not depend
// on the templates or the directory.
func fixture() *letter.Letter {
	return &letter.Letter{
		Kind:     "objection",
		Lang:     "de",
		Date:     time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
		DateISO:  "2026-11-24",
		DateText: "24. November 2026",
		Sender: letter.Party{
			Name:    "Erika Mustermann",
			Address: []string{"Musterstraße 1", "10115 Berlin"},
			Email:   "erika@example.org",
		},
		Recipient: letter.Party{
			Name:    "LinkedIn Ireland Unlimited Company",
			Address: []string{"Attn: Data Protection Officer", "Wilton Plaza", "Dublin 2", "Ireland"},
		},
		Subject:    "Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Art.\u00a021 Abs.\u00a01 DSGVO)",
		Reference:  "OBJ-NE7I-EG3A",
		Salutation: "Sehr geehrte Damen und Herren,",
		Body: []string{
			"Hiermit widerspreche ich gemäß Art.\u00a021 Abs.\u00a01 DSGVO der Verarbeitung meiner personenbezogenen Daten durch LinkedIn Ireland Unlimited Company für folgende Zwecke: das Training und die Verbesserung von Modellen künstlicher Intelligenz, einschließlich generativer KI-Modelle.",
			"Zu meiner Identifizierung: Mein Name ist Erika Mustermann, die E-Mail-Adresse meines Kontos lautet erika@example.org.",
			"Bitte löschen Sie die personenbezogenen Daten, die Sie für diese Zwecke verarbeitet haben (Art.\u00a017 Abs.\u00a01 lit.\u00a0c DSGVO), und schränken Sie deren Verarbeitung ein, solange Sie meinen Widerspruch prüfen (Art.\u00a018 Abs.\u00a01 lit.\u00a0d DSGVO).",
			"Bitte bestätigen Sie mir schriftlich, dass Sie dem nachgekommen sind, unverzüglich, spätestens aber innerhalb eines Monats nach Eingang (Art.\u00a012 Abs.\u00a03 DSGVO), also bis zum 24.\u00a0Dezember 2026.",
		},
		Closing:   "Mit freundlichen Grüßen",
		Signature: "Erika Mustermann",
		Country:   "DE",
		Labels: map[string]string{
			"page":       "Seite {{.Page}} von {{.Pages}}",
			"enclosures": "Anlagen",
			"reference":  "Aktenzeichen",
		},
	}
}

// longFixture returns the fixture with enough paragraphs for three pages.
func longFixture() *letter.Letter {
	l := fixture()
	para := strings.Repeat("Dieser Absatz ist lang und füllt die Seite mit Wörtern über Größe, Übermaß und Straßen. ", 8)
	var body []string
	for i := 0; i < 13; i++ {
		body = append(body, para)
	}
	l.Body = body
	return l
}
