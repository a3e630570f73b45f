package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/objector/objector"
)

// The outputs a form post can ask for (the value of its "output" button).
const (
	outPDF       = "pdf"
	outEML       = "eml"
	outMailto    = "mailto"
	outForm      = "form"
	outICS       = "ics"
	outRights    = "rights"
	outReminder  = objector.KindReminder
	outComplaint = objector.KindComplaint
)

// fieldOrder lists the page's form fields (their HTML names) in the order
// the page shows them; the error summary follows it.
var fieldOrder = []string{
	"residence", "controller", "company-name", "company-address", "company-email",
	"name", "email", "address", "account", "purpose", "reason", "lang", "date", "sent",
}

// requestFields maps the fields an [objector.FieldError] names to the
// page's form fields.
var requestFields = map[string]string{
	"residence": "residence", "controller": "controller", "company.name": "company-name",
	"company.address": "company-address", "company.email": "company-email",
	"name": "name", "email": "email", "address": "address", "account": "account",
	"purposes": "purpose", "reason": "reason", "lang": "lang", "sent": "sent", "date": "date",
}

// values is what the person entered, as the page shows it again.
type values struct {
	Residence, Controller                     string
	CompanyName, CompanyAddress, CompanyEmail string
	Name, Email, Address, Account             string
	Purposes                                  map[string]bool
	Reason, Lang, Date, Sent                  string
}

// problems are the errors of one form post: per field, in the page's
// language, and those that concern no single field.
type problems struct {
	field   map[string]string
	general []string
}

func (p *problems) add(field, msg string) {
	if p.field == nil {
		p.field = map[string]string{}
	}
	if field == "" {
		p.general = append(p.general, msg)
		return
	}
	if _, ok := p.field[field]; !ok {
		p.field[field] = msg
	}
}

func (p *problems) empty() bool { return len(p.field) == 0 && len(p.general) == 0 }

// readValues reads the form fields of r, which has been parsed.
func readValues(r *http.Request) values {
	v := values{
		Residence: r.PostFormValue("residence"), Controller: r.PostFormValue("controller"),
		CompanyName: r.PostFormValue("company-name"), CompanyAddress: r.PostFormValue("company-address"),
		CompanyEmail: r.PostFormValue("company-email"),
		Name:         r.PostFormValue("name"), Email: r.PostFormValue("email"),
		Address: r.PostFormValue("address"), Account: r.PostFormValue("account"),
		Reason: r.PostFormValue("reason"), Lang: r.PostFormValue("lang"),
		Date: r.PostFormValue("date"), Sent: r.PostFormValue("sent"),
		Purposes: map[string]bool{},
	}
	for _, p := range r.PostForm["purpose"] {
		v.Purposes[p] = true
	}
	return v
}

// request turns the entered values into the request for output, noting
// the fields it cannot read in p.
func (h *Handler) request(v values, output, ui string, p *problems) objector.Request {
	req := objector.Request{
		Residence: h.ui.residence(v.Residence),
		Name:      v.Name, Email: v.Email,
		Address: lines(v.Address), Account: v.Account,
		Reason: strings.TrimSpace(v.Reason), Lang: v.Lang,
	}
	switch v.Controller {
	case "":
		p.add("controller", h.ui.t(ui, "err_missing", nil))
	case otherCompany:
		req.Company = &objector.Company{Name: strings.TrimSpace(v.CompanyName), Address: lines(v.CompanyAddress), Email: strings.TrimSpace(v.CompanyEmail)}
	default:
		req.Controller = v.Controller
	}
	for _, pur := range objector.Purposes() {
		if v.Purposes[pur] {
			req.Purposes = append(req.Purposes, pur)
		}
	}
	if len(req.Purposes) < len(v.Purposes) {
		p.add("purpose", h.ui.t(ui, "err_invalid", nil))
	}
	date := func(field, s string) time.Time {
		if strings.TrimSpace(s) == "" {
			return time.Time{}
		}
		d, err := parseDate(s)
		if err != nil {
			p.add(field, h.ui.t(ui, "err_date", nil))
		}
		return d
	}
	req.AsOf = date("date", v.Date)
	if req.AsOf.IsZero() {
		req.AsOf = h.today()
	}
	if output == outReminder || output == outComplaint {
		req.Kind = output
		if req.Sent = date("sent", v.Sent); req.Sent.IsZero() && strings.TrimSpace(v.Sent) == "" {
			p.add("sent", h.ui.t(ui, "err_missing", nil))
		}
	}
	return req
}

// otherCompany is the company list's value for a company outside the
// directory.
const otherCompany = "other"

// lines splits a postal address typed into a text area into its lines; a
// single line is split at its commas or semicolons.
func lines(s string) []string {
	sep := func(r rune) bool { return r == '\n' || r == '\r' }
	if !strings.ContainsAny(s, "\r\n") {
		sep = func(r rune) bool { return r == ',' || r == ';' }
	}
	var out []string
	for _, l := range strings.FieldsFunc(s, sep) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// explain notes err, an error from generating or rendering a letter, next
// to the field it concerns, in the page's language. It reports false for
// an error that is no fault of the input.
func (h *Handler) explain(err error, ui string, p *problems) bool {
	t := func(id string) string { return h.ui.t(ui, id, nil) }
	var (
		fe  *objector.FieldError
		nde *objector.NotDueError
	)
	switch {
	case errors.As(err, &nde):
		p.add("sent", h.ui.t(ui, "err_not_due", map[string]any{"Due": h.date(ui, nde.Due), "From": h.date(ui, nde.Due.AddDate(0, 0, 1))}))
	case errors.Is(err, objector.ErrNoEntity):
		p.add("controller", t("err_no_entity"))
	case errors.Is(err, objector.ErrNoAuthority):
		p.add("sent", t("err_no_authority"))
	case errors.Is(err, objector.ErrNoDueDate):
		p.add("residence", t("err_no_due"))
	case errors.As(err, &fe):
		field := requestFields[fe.Field] // "" for none of the page's fields: the summary
		switch {
		case errors.Is(err, objector.ErrMissingGlyph):
			p.add(field, t("err_glyph"))
		case errors.Is(err, objector.ErrAddressTooLong):
			p.add(field, t("err_address_long"))
		case errors.Is(err, objector.ErrNoPostalAddress):
			p.add(field, t("err_no_postal"))
		case fe.Field == "company.address" && fe.Value == "":
			p.add(field, t("err_company_address"))
		case errors.Is(fe, objector.ErrMissing):
			p.add(field, t("err_missing"))
		case fe.Field == "residence":
			p.add(field, t("err_residence"))
		case fe.Field == "controller":
			p.add(field, t("err_company"))
		case errors.Is(fe, objector.ErrText):
			p.add(field, t("err_text"))
		case strings.HasSuffix(fe.Field, "email"):
			p.add(field, t("err_email"))
		case fe.Field == "sent":
			p.add(field, t("err_sent_after"))
		default:
			p.add(field, t("err_invalid"))
		}
	case errors.Is(err, objector.ErrAddressTooLong):
		p.add("", t("err_address_long"))
	case errors.Is(err, objector.ErrMissingGlyph):
		p.add("", t("err_glyph"))
	default:
		return false
	}
	return true
}

// date writes d as letters in lang write it.
func (h *Handler) date(lang string, d time.Time) string {
	if loc, err := h.gen.Messages().Localizer(lang); err == nil {
		if s, err := loc.Date(d); err == nil {
			return s
		}
	}
	return d.Format(time.DateOnly)
}
