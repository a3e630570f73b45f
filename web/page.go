package web

import (
	"bytes"
	"errors"
	"html/template"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/objector/objector"
)

// pageTemplates are the page and the rights panel, parsed once.
type pageTemplates struct{ t *template.Template }

func mustParseTemplates() *pageTemplates {
	t := template.Must(template.New("").Option("missingkey=error").Funcs(template.FuncMap{"field": newFieldView}).ParseFS(assets, "assets/*.html"))
	return &pageTemplates{t: t}
}

// fieldView is what the page shows around one form field: its label,
// hint and error, and the ids that tie them to the field.
type fieldView struct {
	Page                   *page
	ID, Label, Hint, Error string
	Required               bool
	Describedby            string // the ids of the hint and the error
}

// fieldHints maps form fields to the message ids of their hints.
var fieldHints = map[string]string{
	"residence": "residence_hint", "company-address": "address_hint", "address": "address_hint",
	"account": "account_hint", "reason": "reason_hint", "lang": "letter_lang_hint", "sent": "sent_hint",
}

func newFieldView(pg *page, id string, required bool) fieldView {
	f := fieldView{Page: pg, ID: id, Label: pg.T[fieldLabels[id]], Required: required, Error: pg.Errors[id]}
	var ids []string
	if k, ok := fieldHints[id]; ok {
		f.Hint = pg.T[k]
		ids = append(ids, id+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, id+"-error")
	}
	f.Describedby = strings.Join(ids, " ")
	return f
}

// page is what the page template shows.
type page struct {
	Lang      string
	T         map[string]string // the page's words, by message id without "web_"
	Langs     []option          // every language, in its own name
	Places    []option
	Companies []option
	Purposes  []option
	Other     string // the company list's value for another company
	V         values
	Errors    map[string]string // per form field
	Summary   []summaryItem
	Rights    *rightsPanel
	Mailto    *mailtoResult
	Form      *formResult
	Today     string
}

// summaryItem is one line of the error summary: the field it concerns
// (empty for none), its label, and what is wrong.
type summaryItem struct{ Field, Label, Msg string }

// mailtoResult is the mailto: link of a letter.
type mailtoResult struct {
	URL  template.URL
	Long bool // longer than some mail programs take
}

// formResult is a letter's route through the company's own web form.
type formResult struct {
	Lang      string // the letter's language, which the steps are in
	Company   string
	Name      string
	URL       string
	Reference string
	Due       string
	Labels    map[string]string
	Steps     []formStep
}

type formStep struct {
	Kind, Text, URL string
	Field           *formField
}

// formField is a field of the company's form with the value to copy:
// Text says what to enter (the step's instruction), Label is the label
// the company's form shows if known, Name what the copy button copies.
type formField struct {
	ID, Text, Label, Name, Value, Note string
	Multiline                          bool
}

// fieldLabels maps form fields to the message ids of their labels.
var fieldLabels = map[string]string{
	"residence": "residence", "controller": "company", "company-name": "company_name",
	"company-address": "company_address", "company-email": "company_email",
	"name": "name", "email": "email", "address": "address", "account": "account",
	"purpose": "purposes", "reason": "reason", "lang": "letter_lang", "date": "date", "sent": "sent",
}

// newPage returns the page in language ui with values v and problems p.
func (h *Handler) newPage(ui string, v values, p *problems) *page {
	pg := &page{
		Lang: ui, T: h.ui.words[ui], Langs: h.ui.names, Places: h.ui.places[ui],
		Companies: h.ui.company, Other: otherCompany, V: v,
		Today: h.today().Format(time.DateOnly),
	}
	if loc, err := h.gen.Messages().Localizer(ui); err == nil {
		for _, pur := range objector.Purposes() {
			label, err := loc.T("purpose_"+strings.ReplaceAll(pur, "-", "_"), nil)
			if err != nil {
				label = pur
			}
			pg.Purposes = append(pg.Purposes, option{Value: pur, Label: label})
		}
	}
	if pg.V.Purposes == nil {
		pg.V.Purposes = map[string]bool{objector.Purposes()[0]: true}
	}
	if pg.V.Date == "" {
		pg.V.Date = pg.Today
	}
	if p != nil {
		pg.Errors = p.field
		for _, f := range fieldOrder {
			if msg, ok := p.field[f]; ok {
				pg.Summary = append(pg.Summary, summaryItem{Field: f, Label: pg.T[fieldLabels[f]], Msg: msg})
			}
		}
		for _, msg := range p.general {
			pg.Summary = append(pg.Summary, summaryItem{Msg: msg})
		}
	}
	return pg
}

// render writes the template name with data, status code status.
func (h *Handler) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := h.page.t.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "objector: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	noStore(w)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// serveForm answers GET / with the empty form.
func (h *Handler) serveForm(w http.ResponseWriter, r *http.Request) {
	ui := h.ui.pick(r)
	pg := h.newPage(ui, values{}, nil)
	pg.Rights = &rightsPanel{}
	w.Header().Set("Content-Language", ui)
	w.Header().Set("Vary", "Accept-Language")
	h.render(w, http.StatusOK, "page.html", pg)
}

// serveRights answers GET /rights with the rights panel for the query's
// residence and date, as an HTML fragment.
func (h *Handler) serveRights(w http.ResponseWriter, r *http.Request) {
	ui := h.ui.pick(r)
	date := h.today()
	if d, err := parseDate(r.FormValue("date")); err == nil {
		date = d
	}
	p := h.rights(ui, r.FormValue("residence"), r.FormValue("controller"), date)
	status := http.StatusOK
	if p.Error != "" {
		status = http.StatusUnprocessableEntity
	}
	w.Header().Set("Content-Language", ui)
	w.Header().Set("Vary", "Accept-Language")
	h.render(w, status, "rights", &page{Lang: ui, T: h.ui.words[ui], Rights: p})
}

// crossSite reports whether the browser says another site made r.
func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return false
	}
	return true
}

// serveLetter answers POST /: it writes the letter the form describes in
// the output its button asks for, or shows the page again with the
// errors next to their fields.
func (h *Handler) serveLetter(w http.ResponseWriter, r *http.Request) {
	if crossSite(r) {
		http.Error(w, "objector: this page accepts forms from itself only", http.StatusForbidden)
		return
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/x-www-form-urlencoded" {
		http.Error(w, "objector: send the form as application/x-www-form-urlencoded", http.StatusUnsupportedMediaType)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, h.opt.MaxBodyBytes)
	if err := r.ParseForm(); err != nil {
		ui := h.ui.pick(r)
		var p problems
		status := http.StatusBadRequest
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			status = http.StatusRequestEntityTooLarge
			p.add("", h.ui.t(ui, "err_too_large", nil))
		} else {
			p.add("", h.ui.t(ui, "err_failed", nil))
		}
		pg := h.newPage(ui, values{}, &p)
		pg.Rights = &rightsPanel{}
		h.render(w, status, "page.html", pg)
		return
	}
	ui := h.ui.pick(r)
	v := readValues(r)
	output := r.PostFormValue("output")
	var p problems
	show := func(status int, pg *page) {
		if pg.Rights == nil {
			date := h.today()
			if d, err := parseDate(v.Date); err == nil {
				date = d
			}
			pg.Rights = h.rights(ui, v.Residence, v.Controller, date)
		}
		w.Header().Set("Content-Language", ui)
		h.render(w, status, "page.html", pg)
	}
	switch output {
	case outPDF, outEML, outMailto, outForm, outICS, outReminder, outComplaint:
	case outRights:
		show(http.StatusOK, h.newPage(ui, v, nil))
		return
	default:
		p.add("", h.ui.t(ui, "err_failed", nil))
		show(http.StatusBadRequest, h.newPage(ui, v, &p))
		return
	}
	req := h.request(v, output, ui, &p)
	if !p.empty() {
		show(http.StatusUnprocessableEntity, h.newPage(ui, v, &p))
		return
	}
	l, err := h.gen.Generate(r.Context(), req)
	var buf bytes.Buffer
	if err == nil {
		switch output {
		case outPDF, outReminder, outComplaint:
			err = h.gen.Render(&buf, l, objector.FormatPDF, objector.RenderOptions{})
		case outEML:
			err = h.gen.Render(&buf, l, objector.FormatEML, objector.RenderOptions{})
		case outMailto:
			err = h.gen.Render(&buf, l, objector.FormatMailto, objector.RenderOptions{})
		case outICS:
			err = objector.WriteCalendar(&buf, l)
		}
	}
	if err != nil {
		status := http.StatusUnprocessableEntity
		if !h.explain(err, ui, &p) {
			status = http.StatusInternalServerError
			p.add("", h.ui.t(ui, "err_failed", nil))
		}
		show(status, h.newPage(ui, v, &p))
		return
	}
	switch output {
	case outPDF, outReminder, outComplaint:
		download(w, "application/pdf", fileName(l, ".pdf"), buf.Bytes())
	case outEML:
		download(w, "message/rfc822", fileName(l, ".eml"), buf.Bytes())
	case outICS:
		download(w, "text/calendar; charset=utf-8", fileName(l, "-due.ics"), buf.Bytes())
	case outMailto:
		pg := h.newPage(ui, v, nil)
		u := strings.TrimSpace(buf.String())
		pg.Mailto = &mailtoResult{URL: template.URL(u), Long: len(u) > objector.MailtoLimit}
		show(http.StatusOK, pg)
	case outForm:
		pg := h.newPage(ui, v, nil)
		pg.Form = formRoute(l)
		show(http.StatusOK, pg)
	}
}

// formRoute returns the web-form route of l for the page.
func formRoute(l *objector.Letter) *formResult {
	f := l.Form
	if f == nil {
		return nil
	}
	res := &formResult{
		Lang: l.Lang, Company: f.Company, Name: f.Name, URL: f.URL,
		Reference: l.Reference, Due: l.DueText, Labels: l.Labels,
	}
	fields := map[string]*formField{}
	for _, ff := range f.Fields {
		fields[ff.ID] = &formField{ID: "form-" + ff.ID, Label: ff.Label, Value: ff.Value, Note: ff.Note, Multiline: ff.Kind == "freetext"}
	}
	for _, s := range f.Steps {
		st := formStep{Kind: s.Kind, Text: s.Text, URL: s.URL}
		if ff := fields[s.Field]; ff != nil && s.Field != "" && ff.Value != "" {
			f := *ff
			f.Text = s.Text
			if f.Name = f.Label; f.Name == "" {
				f.Name = s.Text
			}
			st.Field = &f
		}
		res.Steps = append(res.Steps, st)
	}
	return res
}

// unsafeName matches what a download's file name should not hold.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName names a download after l's kind and reference, such as
// "objection-OBJ-NE7I-EG3A.pdf".
func fileName(l *objector.Letter, ext string) string {
	name := l.Kind
	if name == "" {
		name = "letter"
	}
	if l.Reference != "" {
		name += "-" + l.Reference
	}
	return unsafeName.ReplaceAllString(name, "-") + ext
}

// download sends data as a file to save.
func download(w http.ResponseWriter, contentType, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	noStore(w)
	w.Write(data)
}
