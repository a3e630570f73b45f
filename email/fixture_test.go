package email

import (
	"time"

	"github.com/objector/objector/letter"
)

// fixture is a hand-built letter, so that these tests depend on nothing
// but the letter package.
type fixture struct {
	name string
	l    letter.Letter
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func fixtures() []fixture {
	return []fixture{
		{"en", letter.Letter{
			Kind: "objection", Lang: "en", Date: day("2026-11-24"), DateISO: "2026-11-24",
			Sender:     letter.Party{Name: "Sam Doe", Email: "sam@example.org", Address: []string{"1 Main Street", "Springfield"}},
			Recipient:  letter.Party{Name: "Example Data Ltd", Email: "privacy@example.com"},
			Subject:    "Objection to the processing of my personal data (Art. 21(1) GDPR)",
			Reference:  "OBJ-ABCD-EFGH",
			Salutation: "Dear Sir or Madam,",
			Body: []string{
				"I object under Art. 21(1) GDPR to the processing of my personal data by Example Data Ltd for the following purposes: training and improving artificial intelligence models, including generative AI models.",
				"To identify me: my name is Sam Doe and the email address of my account is sam@example.org. See https://www.example.com/a/very/long/path/that/does/not/fit/on/one/line/of/seventy-two/columns for details.",
				"Please quote the reference OBJ-ABCD-EFGH in your reply.",
			},
			Closing: "Yours faithfully,", Signature: "Sam Doe",
			Labels: map[string]string{"to": "To", "subject": "Subject", "form": "Web form"},
		}},
		{"de", letter.Letter{
			Kind: "objection", Lang: "de", Date: day("2026-11-24"), DateISO: "2026-11-24",
			Sender:     letter.Party{Name: "Jürgen Groß", Email: "juergen@example.org", Address: []string{"Musterstraße 1", "10115 Berlin"}},
			Recipient:  letter.Party{Name: "Beispiel GmbH", Email: "datenschutz@example.de"},
			Subject:    "Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Art. 21 Abs. 1 DSGVO)",
			Reference:  "OBJ-DE12-3456",
			Salutation: "Sehr geehrte Damen und Herren,",
			Body: []string{
				"hiermit widerspreche ich gemäß Art. 21 Abs. 1 DSGVO der Verarbeitung meiner personenbezogenen Daten durch die Beispiel GmbH für folgende Zwecke: das Training und die Verbesserung von Modellen künstlicher Intelligenz.",
				"Ich bitte Sie außerdem, die Einstellung „Daten für KI“ für mein Konto auszuschalten. Gänsefüßchen, Umlaute (äöüÄÖÜß) und ein Gleichheitszeichen = bleiben erhalten.",
			},
			Closing: "Mit freundlichen Grüßen", Signature: "Jürgen Groß",
			Labels: map[string]string{"to": "An", "subject": "Betreff", "form": "Webformular"},
		}},
		{"pl", letter.Letter{
			Kind: "objection", Lang: "pl", Date: day("2026-03-01"), DateISO: "2026-03-01",
			Sender:     letter.Party{Name: "Zofia Wiśniewska-Łukasiewicz", Email: "zofia@example.pl"},
			Recipient:  letter.Party{Name: "Przykład sp. z o.o.", Email: "iod@example.pl"},
			Subject:    "Sprzeciw wobec przetwarzania moich danych osobowych (art. 21 ust. 1 RODO)",
			Reference:  "OBJ-PL12-3456",
			Salutation: "Szanowni Państwo,",
			Body: []string{
				"Niniejszym wnoszę sprzeciw na podstawie art. 21 ust. 1 RODO wobec przetwarzania moich danych osobowych w celu trenowania modeli sztucznej inteligencji. Zażółć gęślą jaźń.",
			},
			Closing: "Z poważaniem", Signature: "Zofia Wiśniewska-Łukasiewicz",
			Labels: map[string]string{"to": "Do", "subject": "Temat", "form": "Formularz"},
		}},
		{"el", letter.Letter{
			Kind: "objection", Lang: "el", Date: day("2026-06-30"), DateISO: "2026-06-30",
			Sender:     letter.Party{Name: "Γιώργος Παπαδόπουλος", Email: "giorgos@example.gr"},
			Recipient:  letter.Party{Name: "Παράδειγμα Α.Ε.", Email: "dpo@example.gr"},
			Subject:    "Αντίρρηση στην επεξεργασία των προσωπικών μου δεδομένων (άρθρο 21 παρ. 1 ΓΚΠΔ)",
			Reference:  "OBJ-EL12-3456",
			Salutation: "Αξιότιμες κυρίες και κύριοι,",
			Body: []string{
				"Με την παρούσα αντιτίθεμαι, σύμφωνα με το άρθρο 21 παρ. 1 ΓΚΠΔ, στην επεξεργασία των προσωπικών μου δεδομένων για την εκπαίδευση μοντέλων τεχνητής νοημοσύνης.",
			},
			Closing: "Με εκτίμηση", Signature: "Γιώργος Παπαδόπουλος",
			Labels: map[string]string{"to": "Προς", "subject": "Θέμα", "form": "Φόρμα"},
		}},
		{"bg", letter.Letter{
			Kind: "objection", Lang: "bg", Date: day("2026-01-15"), DateISO: "2026-01-15",
			Sender:     letter.Party{Name: "Мария Петрова Иванова", Email: "maria@example.bg"},
			Recipient:  letter.Party{Name: "Пример ЕООД", Email: "dpo@example.bg"},
			Subject:    "Възражение срещу обработването на моите лични данни (чл. 21, пар. 1 от ОРЗД)",
			Reference:  "OBJ-BG12-3456",
			Salutation: "Уважаеми дами и господа,",
			Body: []string{
				"С настоящото възразявам на основание чл. 21, пар. 1 от ОРЗД срещу обработването на моите лични данни за обучение на модели на изкуствен интелект.",
			},
			Closing: "С уважение", Signature: "Мария Петрова Иванова",
			Labels: map[string]string{"to": "До", "subject": "Относно", "form": "Уеб формуляр"},
		}},
		{"webform", letter.Letter{
			Kind: "objection", Lang: "de", Date: day("2026-11-24"), DateISO: "2026-11-24",
			Sender:     letter.Party{Name: "Erika Mustermann", Email: "erika@example.org"},
			Recipient:  letter.Party{Name: "LinkedIn Ireland Unlimited Company", WebForm: "https://www.linkedin.com/help/linkedin/ask/TSO-DPO"},
			Subject:    "Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Art. 21 Abs. 1 DSGVO)",
			Reference:  "OBJ-NE7I-EG3A",
			Salutation: "Sehr geehrte Damen und Herren,",
			Body:       []string{"Hiermit widerspreche ich der Verarbeitung meiner Daten."},
			Closing:    "Mit freundlichen Grüßen", Signature: "Erika Mustermann",
			Labels: map[string]string{"to": "An", "subject": "Betreff", "form": "Webformular"},
		}},
	}
}

// fixturePDF stands in for a PDF attachment: bytes of every value, long
// enough for several base64 lines.
func fixturePDF() []byte {
	b := []byte("%PDF-1.4\n")
	for i := 0; i < 300; i++ {
		b = append(b, byte(i))
	}
	return append(b, "\n%%EOF\n"...)
}
