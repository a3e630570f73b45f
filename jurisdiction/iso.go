package jurisdiction

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// outermost maps ISO 3166-1 codes of territories that are part of an EU
// member state, where the GDPR applies as in the rest of that state, to the
// state's code: the French outermost regions (Art. 349 and 355(1) TFEU)
// and Åland (Art. 355(4) TFEU; the GDPR applies there as in Finland).
var outermost = map[string]string{
	"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "YT": "FR", "MF": "FR",
	"AX": "FI",
}

// notCountries are codes golang.org/x/text accepts as countries that are
// not assigned ISO 3166-1 country codes: the exceptional reservations
// (UK, EU, UN and the like) and codes withdrawn from the standard.
var notCountries = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "EU": true, "EZ": true,
	"FX": true, "IC": true, "SU": true, "TA": true, "UK": true, "UN": true,
	"AN": true, "BU": true, "CS": true, "DD": true, "NT": true, "TP": true,
	"YU": true, "ZR": true,
}

// outermostSource documents outermost.
const outermostSource = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12016E355"

// isoPlace returns a place for a valid ISO 3166-1 alpha-2 country code that
// the rules data does not list: a territory of an EU member state takes
// that state's rules; any other country gets no rules (an honest courtesy
// letter). It returns nil for a code that is not a country.
func (r *Rules) isoPlace(code string) *Place {
	if len(code) != 2 {
		return nil
	}
	reg, err := language.ParseRegion(code)
	if err != nil || !reg.IsCountry() || reg.IsPrivateUse() || reg.String() != code || notCountries[code] {
		return nil
	}
	name := display.English.Regions().Name(reg)
	if name == "" {
		name = code
	}
	p := &Place{Code: code, Name: name, Region: RegionRoW, unmodelled: true}
	if parent, ok := outermost[code]; ok {
		if _, known := r.places[parent]; known {
			p.Parent = parent
			p.unmodelled = false
			p.Notes = []string{r.notes.text("outermost", map[string]string{"State": display.English.Regions().Name(language.MustParseRegion(parent)), "Source": outermostSource})}
			p.Region = r.places[parent].Region
			return p
		}
	}
	if t, err := language.Compose(language.Und, reg); err == nil {
		if base, conf := t.Base(); conf != language.No {
			p.Languages = []string{base.String()}
		}
	}
	if len(p.Languages) == 0 {
		p.Languages = []string{"en"}
	}
	return p
}
