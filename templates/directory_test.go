package templates

import (
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/letter"
	"github.com/objector/objector/locales"
)

// compose writes the letter of the embedded directory's record id for
// residence in lang on 2026-11-24.
func compose(t *testing.T, id, residence, lang string, purposes []string) *letter.Letter {
	t.Helper()
	dir, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	rec, err := dir.Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	return composeRecord(t, rec, residence, lang, purposes, letter.Party{Name: "Erika Mustermann", Email: "erika@example.org"})
}

// composeRecord writes rec's letter from sender, living in residence, in
// lang on 2026-11-24.
func composeRecord(t *testing.T, rec *controllers.Record, residence, lang string, purposes []string, sender letter.Party) *letter.Letter {
	t.Helper()
	rules, err := jurisdiction.Default()
	if err != nil {
		t.Fatal(err)
	}
	date := jurisdiction.MustDate("2026-11-24")
	a, err := rules.Resolve(residence, date)
	if err != nil {
		t.Fatal(err)
	}
	ent, err := rec.For(a.Region, date)
	if err != nil {
		t.Fatal(err)
	}
	b, err := locales.Default()
	if err != nil {
		t.Fatal(err)
	}
	loc, err := b.Localizer(lang)
	if err != nil {
		t.Fatal(err)
	}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, err := set.Compose(Input{
		Assessment: a, Company: rec, Entity: ent, Date: date, Localizer: loc, Purposes: purposes, Sender: sender,
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func steps(l *letter.Letter) string {
	var b strings.Builder
	for _, s := range l.Form.Steps {
		b.WriteString(s.Kind + ": " + s.Text + "\n")
	}
	return b.String()
}

// TestLinkedInFormFields: the form route follows the fields the sources
// describe: name, email, the type of objection and a text field. The
// AI-training choice is named in words only where a source quotes them
// (Italian); for other purposes the quoted choice is "Other". No field
// label is printed, because no source quotes one.
func TestLinkedInFormFields(t *testing.T) {
	tests := []struct {
		lang     string
		purposes []string
		want     []string // in the steps, in order
		not      []string
	}{
		{"en", nil, []string{"field: Enter your name: Erika Mustermann", "field: Enter the email address of your account: erika@example.org", "field: Choose the option for objecting to the use of your data to train AI models.", "field: Paste the text below into the form’s text field."}, []string{"“”", "Names in quotation marks"}},
		{"it", nil, []string{"field: Scegli «Opposizione al trattamento per l’addestramento dei modelli di IA finalizzati alla creazione di contenuti».", "field: Incolla"}, []string{"Scegli l’opzione"}},
		{"de", nil, []string{"setting: Schalten Sie zuerst „Daten zur Verbesserung generativer KI“", "open: Bezeichnungen in Anführungszeichen", "field: Wählen Sie die Option für den Widerspruch", "field: Fügen Sie den folgenden Text in das Textfeld des Formulars ein."}, []string{"(„"}},
		{"en", []string{"ml"}, []string{"field: Choose “Other”.", "field: Paste the text below into the form’s text field."}, []string{"train AI models"}},
	}
	for _, tt := range tests {
		l := compose(t, "linkedin", "DE", tt.lang, tt.purposes)
		got := steps(l)
		at := 0
		for _, w := range tt.want {
			i := strings.Index(got[at:], w)
			if i < 0 {
				t.Errorf("%s %v: steps lack %q (in order):\n%s", tt.lang, tt.purposes, w, got)
				continue
			}
			at += i + len(w)
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("%s %v: steps contain %q:\n%s", tt.lang, tt.purposes, n, got)
			}
		}
	}
}

// TestSettingInPersonsLanguage: a letter quotes the setting as the
// person's own interface shows it where a source gives that language, and
// otherwise says that it quotes the English label.
func TestSettingInPersonsLanguage(t *testing.T) {
	tests := []struct {
		lang, want string
		english    bool
	}{
		{"de", "„Daten zur Verbesserung generativer KI“ (Einstellungen → Datenschutz → So verwendet LinkedIn Ihre Daten → Daten zur Verbesserung generativer KI)", false},
		{"fr", "Données pour l’amélioration de l’IA générative\u00a0» (Préférences → Confidentialité des données", false},
		{"it", "«Dati per migliorare l’IA generativa» (Impostazioni → Privacy dei dati", false},
		{"es", "«Data for Generative AI Improvement» (Settings → Data privacy", true},
		{"en", "“Data for Generative AI Improvement” (Settings → Data privacy", false},
	}
	b, err := locales.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		l := compose(t, "linkedin", "DE", tt.lang, nil)
		body := strings.Join(l.Body, "\n")
		if !strings.Contains(body, tt.want) {
			t.Errorf("%s: body lacks %q:\n%s", tt.lang, tt.want, body)
		}
		loc, _ := b.Localizer(tt.lang)
		note, err := loc.T("setting_label_english", nil)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(body, note) != tt.english {
			t.Errorf("%s: says the label is English = %v; want %v:\n%s", tt.lang, !tt.english, tt.english, body)
		}
	}
}
