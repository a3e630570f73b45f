package templates

import (
	"sort"
	"strings"
	"unicode"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/letter"
)

// unit is one message a letter template rendered, with its id.
type unit struct{ id, text string }

// keep is the rank of a message a form's free text never loses: who
// objects, to what, under which law, and by when an answer is due.
const keep = 100

// core is the lowest rank of a message that is shortened to its first
// sentence but never left out: the grounds of a GDPR objection.
const core = 80

// cutRank says how important each message of a letter body is when a
// form's free text must be shortened: the lowest ranks go first. Messages
// not listed (the introductions naming the law and the company, the
// identification, the deadline, the courtesy request) are never cut.
var cutRank = map[string]int{
	"reference":                            20,
	"objection_burden":                     30,
	"objection_recipients":                 40,
	"ai_excluded":                          45,
	"ai_setting":                           50,
	"setting_label_english":                50,
	"objection_withdraw":                   55,
	"courtesy_no_law":                      58,
	"objection_direct_marketing":           60,
	"objection_erasure_scoped":             65,
	"objection_erasure_restriction_scoped": 65,
	"objection_trained_models":             42,
	"objection_access":                     44,
	"deadline_receipt":                     12, // the date's assumption of receipt; the deadline stays
	"courtesy_threshold_below":             58,
	"courtesy_threshold_unknown":           58,
	"optout_limit_sensitive":               70,
	"optout_profiling":                     72,
	"optout_targeted_advertising":          74,
	"optout_sharing":                       76,
	"optout_sale":                          78,
	"objection_grounds":                    core,
	"objection_condition_breach":           core, // the condition the law attaches, with the person's reason
	"objection_condition_cease_use":        core,
	// optout_ai stays whole: it is the request the person came for, and
	// its second sentence says that the law does not grant it.
}

// The ranks of the two parts of a form's free text that are not messages
// of their own.
const (
	rankExtension = 10 // the sentence about extending the deadline
	rankSubject   = 15 // the subject line; the introduction repeats its citation
)

func rankOf(id string) int {
	if r, ok := cutRank[id]; ok {
		return r
	}
	return keep
}

// composeForm builds the web-form route for a composed letter: the steps
// (switch off the company's setting, open its form, fill in each field,
// send) and the values, with the free text made of the letter's subject
// and body, cut to the form's limit where one is known.
func composeForm(in Input, v *view, l *letter.Letter) (*letter.Form, error) {
	loc := v.loc
	// The extra fields are set on the view's own map for one message and
	// then put back, rather than cloning its ~50 fields per message.
	t := func(id string, extra map[string]any) (string, error) {
		type field struct {
			key string
			val any
			had bool
		}
		saved := make([]field, 0, len(extra))
		for k, x := range extra {
			old, had := v.fields[k]
			saved = append(saved, field{k, old, had})
			v.fields[k] = x
		}
		s, err := loc.T(id, v.fields)
		s = collapseDots(s, v.fields)
		for _, f := range saved {
			if f.had {
				v.fields[f.key] = f.val
			} else {
				delete(v.fields, f.key)
			}
		}
		return s, err
	}
	out := &letter.Form{Company: v.fields["Company"].(string), Steps: []letter.Step{}, Fields: []letter.FilledField{}}
	var forms []controllers.Form
	// english: some name in quotation marks is quoted in English although
	// the letter is not; the first step that quotes one says so.
	english := false
	lang := loc.Lang()
	if c := in.Company; c != nil {
		region := in.Assessment.Region
		for _, s := range c.SettingsAt(region, in.Assessment.Residence, in.Date, v.purposes) {
			name, path, en := s.In(lang)
			text, err := t("form_step_setting", map[string]any{
				"Setting": name, "SettingPath": strings.Join(path, " → "), "SettingURL": s.URL,
			})
			if err != nil {
				return nil, err
			}
			if en && !english {
				english = true
				if text, err = withNote(t, text); err != nil {
					return nil, err
				}
			}
			out.Steps = append(out.Steps, letter.Step{Kind: letter.StepSetting, Text: text, URL: s.URL})
		}
		forms = c.FormsAt(region, in.Assessment.Residence, in.Date, v.purposes)
	}
	if len(forms) == 0 {
		return noForm(out, in, t)
	}
	f := forms[0]
	out.Name, out.URL = f.Name, f.URL
	text, err := t("form_step_open", map[string]any{"Form": f.Name, "FormURL": f.URL})
	if err != nil {
		return nil, err
	}
	if lang != "en" && !english { // form names are recorded in English
		english = true
		if text, err = withNote(t, text); err != nil {
			return nil, err
		}
	}
	out.Steps = append(out.Steps, letter.Step{Kind: letter.StepOpen, Text: text, URL: f.URL})
	statement := freeText(l.Subject, l.Body, v)
	for _, fd := range f.Fields {
		ff := letter.FilledField{ID: fd.ID, Label: fd.Label, Kind: fd.Kind, Fill: fd.Fill, Choices: fd.Choices, MaxLength: fd.MaxLength, Complete: true}
		msg := "form_field"
		if fd.Label == "" {
			msg = "form_field_unlabelled"
		}
		switch fd.Fill {
		case "name":
			ff.Value = in.Sender.Name
			if fd.Label == "" {
				msg = "form_field_name"
			}
		case "email":
			ff.Value = in.Sender.Email
			if fd.Label == "" {
				msg = "form_field_email"
			}
		case "account":
			ff.Value = in.Sender.Account
		case "address":
			ff.Value = strings.Join(in.Sender.Address, ", ")
		case "residence":
			ff.Value = in.Assessment.Place
		case "choice":
			ff.Value = fd.Choose
			if opt, purpose, ok := fd.OptionFor(v.purposes); ok {
				ff.Value, _ = opt.In(lang)
				if ff.Value == "" && purpose == "ai-training" {
					msg = "form_field_choice_ai"
					break
				}
			}
			msg = "form_field_choice"
			if fd.Label == "" {
				msg = "form_field_choice_unlabelled"
			}
		case "statement":
			msg = "form_field_statement"
			if fd.Label == "" {
				msg = "form_field_statement_unlabelled"
			}
			var r cutResult
			if fd.MaxLength > 0 {
				r = statement.cut(fd.MaxLength)
			} else {
				r = cutResult{text: statement.text(), complete: true}
			}
			ff.Value, ff.Shortened, ff.Complete = r.text, r.shortened, r.complete
			switch {
			case !r.complete:
				ff.Note, err = t("form_too_long", map[string]any{"MaxLength": fd.MaxLength})
			case r.shortened:
				ff.Note, err = t("form_shortened", map[string]any{"MaxLength": fd.MaxLength})
			}
			if err != nil {
				return nil, err
			}
		}
		if ff.Value == "" && msg != "form_field_choice_ai" {
			msg = "form_field_own"
			if fd.Label == "" {
				msg = "form_field_own_unlabelled"
			}
		}
		ff.Length = Length(ff.Value)
		text, err := t(msg, map[string]any{"Field": fd.Label, "Value": ff.Value})
		if err != nil {
			return nil, err
		}
		out.Fields = append(out.Fields, ff)
		out.Steps = append(out.Steps, letter.Step{Kind: letter.StepField, Text: text, Field: fd.ID})
	}
	if text, err = t("form_step_submit", nil); err != nil {
		return nil, err
	}
	out.Steps = append(out.Steps, letter.Step{Kind: letter.StepSubmit, Text: text})
	return out, nil
}

// withNote adds to a step's text the note that names in quotation marks
// are quoted in English.
func withNote(t func(string, map[string]any) (string, error), text string) (string, error) {
	note, err := t("form_quoted_english", nil)
	return note + " " + text, err
}

// noForm fills in the steps for a company without a known form: say so,
// and point to the letter's other routes.
func noForm(out *letter.Form, in Input, t func(string, map[string]any) (string, error)) (*letter.Form, error) {
	text, err := t("form_none", nil)
	if err != nil {
		return nil, err
	}
	out.Steps = append(out.Steps, letter.Step{Kind: letter.StepNone, Text: text})
	e := in.Entity
	routes := []struct {
		id, value, url string
	}{
		{"form_route_email", e.Email, ""},
		{"form_route_web", e.ContactForm, e.ContactForm},
		{"form_route_post", strings.Join(e.Address, ", "), ""},
	}
	for _, r := range routes {
		if r.value == "" {
			continue
		}
		text, err := t(r.id, map[string]any{"RecipientEmail": e.Email, "ContactForm": e.ContactForm, "PostalAddress": r.value})
		if err != nil {
			return nil, err
		}
		out.Steps = append(out.Steps, letter.Step{Kind: letter.StepRoute, Text: text, URL: r.url})
	}
	return out, nil
}

// Length counts s the way browsers count a form field's maxlength: in
// UTF-16 code units, a line break as one.
func Length(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 { // a surrogate pair
			n += 2
		} else {
			n++
		}
	}
	return n
}

// statement is a form's free text as paragraphs of ranked pieces, each a
// list of sentences, so that it can be cut by importance.
type statement struct {
	paras [][]*piece
}

type piece struct {
	rank      int
	sentences []string
	kept      int // how many of sentences are kept
}

// freeText turns the letter's subject and body into a statement. Each
// paragraph is matched to the messages the template rendered (v.used) to
// learn their ranks; text the template wrote itself is kept whole.
func freeText(subject string, body []string, v *view) *statement {
	st := &statement{}
	add := func(para []*piece) {
		for _, p := range para {
			p.kept = len(p.sentences)
		}
		st.paras = append(st.paras, para)
	}
	if subject != "" {
		add([]*piece{{rank: rankSubject, sentences: []string{subject}}})
	}
	used := append([]unit(nil), v.used...)
	for _, para := range body {
		var pieces []*piece
		rest := para
		for rest = strings.TrimLeft(rest, " "); rest != ""; rest = strings.TrimLeft(rest, " ") {
			rank, text := keep, rest
			if i := nextUnit(used, rest); i >= 0 {
				rank, text = rankOf(used[i].id), used[i].text
				used = append(used[:i:i], used[i+1:]...)
			} else if v.Extension != "" && strings.HasPrefix(rest, v.Extension) {
				rank, text = rankExtension, v.Extension
			}
			pieces = append(pieces, &piece{rank: rank, sentences: Sentences(text)})
			rest = rest[len(text):]
		}
		add(pieces)
	}
	return st
}

// nextUnit returns the index of the first unit whose text starts s, or -1.
func nextUnit(used []unit, s string) int {
	for i, u := range used {
		if u.text != "" && strings.HasPrefix(s, u.text) {
			return i
		}
	}
	return -1
}

// text joins the kept sentences: pieces with a space, paragraphs with a
// blank line.
func (st *statement) text() string {
	var paras []string
	for _, para := range st.paras {
		var parts []string
		for _, p := range para {
			parts = append(parts, p.sentences[:p.kept]...)
		}
		if len(parts) > 0 {
			paras = append(paras, strings.Join(parts, " "))
		}
	}
	return strings.Join(paras, "\n\n")
}

type cutResult struct {
	text      string
	shortened bool // something was left out
	complete  bool // nothing of rank keep was left out
}

// cut shortens the statement to at most max characters (see [Length]),
// never inside a sentence: first the later sentences of the least
// important messages go, then whole messages below rank core, least
// important first; then what was left out is put back, most important
// first, wherever it still fits. Messages of rank keep stay whole and
// those of rank core keep their first sentence; if that alone is too
// long, complete is false and the core messages go too, or, if the rest
// is still too long, the text ends after the last whole sentence that
// fits.
func (st *statement) cut(max int) cutResult {
	if Length(st.text()) <= max {
		return cutResult{text: st.text(), complete: true}
	}
	var order []*piece
	for _, para := range st.paras {
		for _, p := range para {
			if p.rank < keep {
				order = append(order, p)
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].rank < order[j].rank })
	fits := func() bool { return Length(st.text()) <= max }
	done := func() cutResult {
		for i := len(order) - 1; i >= 0; i-- { // put back what still fits
			p := order[i]
			for p.kept < len(p.sentences) {
				if p.kept++; !fits() {
					p.kept--
					break
				}
			}
		}
		return cutResult{text: st.text(), shortened: true, complete: true}
	}
	for _, p := range order { // later sentences first
		for p.kept > 1 {
			if p.kept--; fits() {
				return done()
			}
		}
	}
	for _, p := range order { // then whole messages
		if p.rank >= core {
			break
		}
		if p.kept = 0; fits() {
			return done()
		}
	}
	// What must stay does not fit. Leave out the grounds too (the text
	// is then incomplete), or else keep the whole sentences that fit, in
	// order.
	for _, p := range order {
		p.kept = 0
	}
	if fits() {
		r := done()
		r.complete = false
		return r
	}
	var b strings.Builder
	for i, para := range st.paras {
		sep := "\n\n"
		if i == 0 || b.Len() == 0 {
			sep = ""
		}
		for _, p := range para {
			for _, s := range p.sentences[:p.kept] {
				next := b.String() + sep + s
				if Length(next) > max {
					return cutResult{text: b.String(), shortened: true}
				}
				b.Reset()
				b.WriteString(next)
				sep = " "
			}
		}
	}
	return cutResult{text: b.String(), shortened: true}
}

// abbreviations end with a full stop that does not end a sentence, in the
// languages objector writes ("Art. 21", "Abs. 1", "Cal. Civ. Code").
var abbreviations = map[string]bool{
	"art": true, "abs": true, "lit": true, "nr": true, "no": true, "s": true, "ss": true,
	"cal": true, "civ": true, "regs": true, "tit": true, "seq": true, "stat": true, "ann": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "st": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"e.g": true, "i.e": true, "z.b": true, "vgl": true, "bzw": true, "ggf": true, "u.a": true, "ca": true, "etc": true,
	"u.s": true, "n.j.s.a": true, "rsa": true, "o.s": true,
}

// Sentences splits a paragraph into sentences. A sentence ends at . ! or ?
// (and any closing quote or bracket after it) followed by a space and a
// capital letter or opening quote, outside brackets, and not after a known
// abbreviation, a single letter or digit, or a two-digit ordinal ("24."). Citations are thus never split: their
// spaces are no-break spaces, and statute names sit in brackets.
func Sentences(s string) []string {
	var out []string
	rs := []rune(s)
	depth, start := 0, 0
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '.', '!', '?':
			if depth > 0 {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune(`"'”“’»)]`, rs[j]) {
				j++
			}
			if j+1 >= len(rs) || rs[j] != ' ' {
				continue
			}
			if next := rs[j+1]; !unicode.IsUpper(next) && !strings.ContainsRune(`„“"«‘`, next) {
				continue
			}
			if r == '.' && isAbbreviation(rs[start:i]) {
				continue
			}
			out = append(out, strings.TrimSpace(string(rs[start:j])))
			start = j + 1
			i = j
		}
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbreviation reports whether the word that ends text (before a full
// stop) is an abbreviation or a single letter.
func isAbbreviation(text []rune) bool {
	i := len(text)
	for i > 0 && !unicode.IsSpace(text[i-1]) && text[i-1] != '(' {
		i--
	}
	word := strings.ToLower(string(text[i:]))
	if n := len([]rune(word)); n == 1 || abbreviations[word] {
		return true
	} else if n == 2 && unicode.IsDigit([]rune(word)[0]) && unicode.IsDigit([]rune(word)[1]) {
		return true // an ordinal such as the day in "24. Dezember"
	}
	return false
}
