package batch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ColumnNames maps each of the [Columns] to the other names a header may
// give it: the names advocates' forms and spreadsheets use in the letter
// languages. Header names are matched without regard to case, accents,
// spaces, hyphens, underscores and dots, so "E-Mail", "e_mail" and
// "Email" are the same name, as are "País" and "pais". A name maps to one
// column only.
var ColumnNames = map[string][]string{
	"name": {
		"full name", "first and last name", // en
		"vollständiger name", "vor- und nachname", // de
		"nom", "nom complet", "nom et prénom", "prénom et nom", // fr
		"nombre", "nombre completo", "nombre y apellidos", // es
		"nome", "nome completo", "nome e cognome", "nominativo", // it, pt
		"naam", "volledige naam", // nl
		"imię i nazwisko",              // pl
		"namn", "navn", "nimi", "nafn", // sv, da/nb, fi/et, is
		"jméno", "jméno a příjmení", "meno", "meno a priezvisko", // cs, sk
		"név", "nume", "nume și prenume", "ime", "ime i prezime", "ime in priimek", // hu, ro, hr/sl
		"vardas", "vardas ir pavardė", "vārds", "vārds uzvārds", // lt, lv
		"όνομα", "ονοματεπώνυμο", "име", "ainm", "isem", // el, bg, ga, mt
	},
	"email": {
		"e-mail", "mail", "email address", "e-mail address", // en
		"e-mail-adresse", "emailadresse", // de, da
		"courriel", "adresse e-mail", "adresse électronique", "adresse mail", // fr
		"correo", "correo electrónico", "dirección de correo", "dirección de correo electrónico", // es
		"posta elettronica", "indirizzo email", "indirizzo e-mail", // it
		"e-mailadres",                                                    // nl
		"correio eletrónico", "correio eletrônico", "endereço de e-mail", // pt
		"adres e-mail", "e-post", "e-postadress", "e-postadresse", "sähköposti", "sähköpostiosoite", // pl, sv, nb, fi
		"e-mailová adresa", "e-mail cím", "adresă de e-mail", "e-pošta", "el. paštas", "e-pasts", // cs, hu, ro, hr/sl, lt, lv
		"ηλεκτρονικό ταχυδρομείο", "имейл", "имейл адрес", "ríomhphost", "netfang", "e-posta", // el, bg, ga, is, mt
	},
	"address": {
		"postal address", "street address", "mailing address", // en
		"adresse", "anschrift", "postanschrift", // de, fr, da, nb
		"adresse postale", "dirección", "domicilio", "dirección postal", // fr, es
		"indirizzo", "indirizzo postale", "adres", "morada", "endereço", // it, nl/pl, pt
		"adress", "postadress", "osoite", "postiosoite", "adresa", // sv, fi, cs/sk/ro/hr
		"cím", "postai cím", "naslov", "adresas", "adrese", "aadress", // hu, sl, lt, lv, et
		"διεύθυνση", "адрес", "seoladh", "indirizz", "heimilisfang", // el, bg, ga, mt, is
	},
	"residence": {
		"country", "country code", "country of residence", "residence code", // en
		"wohnort", "wohnsitz", "land", "wohnsitzland", // de, nl, sv, da, nb
		"pays", "pays de résidence", "résidence", // fr
		"país", "país de residencia", "residencia", // es, pt
		"paese", "paese di residenza", "residenza", "nazione", "stato", // it
		"woonland", "kraj", "kraj zamieszkania", "bopæl", "bosted", "maa", "asuinmaa", // nl, pl, da, nb, fi
		"země", "krajina", "ország", "lakóhely", "țară", "țara", "država", "valstybė", "valsts", "riik", // cs, sk, hu, ro, hr/sl, lt, lv, et
		"χώρα", "държава", "tír", "pajjiż", // el, bg, ga, mt
	},
	"controller": {
		"company", "companies", "company id", "controllers", // en
		"firma", "unternehmen", "verantwortlicher", "verantwortliche stelle", // de, pl, da, nb, cs
		"entreprise", "société", "responsable du traitement", // fr
		"empresa", "responsable del tratamiento", // es, pt
		"azienda", "società", "titolare", "titolare del trattamento", // it
		"bedrijf", "onderneming", "verwerkingsverantwoordelijke", // nl
		"administrator", "företag", "personuppgiftsansvarig", "virksomhed", "dataansvarlig", "selskap", "yritys", "rekisterinpitäjä", // pl, sv, da, nb, fi
		"společnost", "spoločnosť", "cég", "adatkezelő", "operator", "societate", "tvrtka", "družba", "bendrovė", "uzņēmums", "ettevõte", // cs, sk, hu, ro, hr, sl, lt, lv, et
		"εταιρεία", "υπεύθυνος επεξεργασίας", "дружество", "администратор", "cuideachta", "kumpanija", "fyrirtæki", // el, bg, ga, mt, is
	},
	"lang": {
		"language", "sprache", "langue", "idioma", "lingua", "taal", "língua", // en, de, fr, es, it, nl, pt
		"język", "språk", "sprog", "kieli", "jazyk", "nyelv", "limba", "limbă", "jezik", "kalba", "valoda", "keel", // pl, sv/nb, da, fi, cs/sk, hu, ro, hr/sl, lt, lv, et
		"γλώσσα", "език", "teanga", "lingwa", "tungumál", // el, bg, ga, mt, is
	},
	"purposes": {
		"purpose", "zweck", "zwecke", "finalité", "finalités", "finalidad", "finalidades", "finalità", // en, de, fr, es/pt, it
		"doel", "doeleinden", "cel", "cele", "ändamål", "formål", "tarkoitus", "účel", "účely", "cél", "scop", "scopuri", // nl, pl, sv, da/nb, fi, cs, hu, ro
	},
	"account": {
		"profile", "profile url", "account url", "konto", "profil", "benutzerkonto", // en, de, pl, sv, da, nb
		"compte", "cuenta", "perfil", "profilo", "profiel", "conta", "tili", "účet", "fiók", "cont", // fr, es/pt, it, nl, pt, fi, cs, hu, ro
	},
	"reason": {
		"grounds", "grund", "gründe", "begründung", "motif", "motifs", "raison", // en, de, fr
		"motivo", "motivos", "motivi", "reden", "redenen", "uzasadnienie", "powód", "skäl", "begrundelse", "grunn", "perustelu", "syy", // es/it/pt, nl, pl, sv, da, nb, fi
		"důvod", "dôvod", "indoklás", "motivație", "razlog", "priežastis", "pamatojums", "põhjus", // cs, sk, hu, ro, hr/sl, lt, lv, et
	},
	"reply": {
		"answer", "company answer", "reply kind", // en
		"antwort", "antwort des unternehmens", // de
		"réponse", "respuesta", "risposta", "resposta", "antwoord", // fr, es, it, pt, nl
	},
	"received": {
		"received on", "answer date", "date received", // en
		"erhalten am", "antwort vom", // de
		"reçu le", "date de réponse", "recibido el", "ricevuto il", "recebido em", "ontvangen op", // fr, es, it, pt, nl
	},
	"unanswered": {
		"open points", "not answered", // en
		"offene punkte", "unbeantwortet", // de
		"points ouverts", "puntos pendientes", "punti aperti", "pontos em aberto", "open punten", // fr, es, it, pt, nl
	},
	"extended_to": {
		"extended until", "new due date", // en
		"verlängert bis", "neue frist", // de
		"prolongé jusqu'au", "prorrogado hasta", "prorogato fino al", "prorrogado até", "verlengd tot", // fr, es, it, pt, nl
	},
	"sent": {
		"date sent", "sent on", "sent date", // en
		"gesendet", "gesendet am", "versandt", "versandt am", "versanddatum", "verschickt am", // de
		"envoyé", "envoyé le", "date d'envoi", "date envoi", // fr
		"enviado", "enviado el", "fecha de envío", "fecha envío", // es
		"inviato", "inviato il", "data di invio", "data invio", // it
		"verzonden", "verzonden op", "verzenddatum", // nl
		"enviado em", "data de envio", // pt
		"wysłano", "data wysłania", "skickat", "skickad", "sendt", "lähetetty", "odesláno", "odoslané", "elküldve", "trimis", "poslano", "išsiųsta", "nosūtīts", "saadetud", // pl, sv, da/nb, fi, cs, sk, hu, ro, hr/sl, lt, lv, et
		"στάλθηκε", "изпратено", "seolta", "mibgħut", // el, bg, ga, mt
	},
}

// columnIndex maps a header name, folded with [foldName], to its column.
// It is built once from Columns and ColumnNames and read-only afterwards.
var columnIndex = func() map[string]string {
	m := make(map[string]string)
	for _, c := range Columns {
		m[foldName(c)] = c
	}
	for c, names := range ColumnNames {
		for _, n := range names {
			m[foldName(n)] = c
		}
	}
	return m
}()

// englishNames are the folded header names that are English, or the same
// in every language; a "sent" column with another name dates day first.
var englishNames = map[string]bool{"sent": true, "datesent": true, "senton": true, "sentdate": true}

// columnFor returns the column a header name means, or "".
func columnFor(header string) string {
	return columnIndex[foldName(header)]
}

// foldName folds a header name for matching: lower case, without accents,
// spaces, hyphens, underscores, dots or apostrophes. "E-Mail" and "email",
// "País" and "pais" fold alike.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSpace(s))) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsSpace(r), r == '-', r == '_', r == '.', r == '\'', r == '’', r == '/':
		case r == 'ς': // Greek final sigma, which upper case loses
			b.WriteRune('σ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
