package web

import (
	"errors"
	"strings"
	"time"

	"github.com/objector/objector"
)

// rightsPanel is what the page says about the law where the person lives,
// from the same assessment `objector rights` prints.
type rightsPanel struct {
	Chosen    bool   // a residence was given
	Error     string // why the residence gives no assessment
	Place     string
	Law       string // in English, as the law names itself
	Statutory bool
	Rights    []rightItem
	Deadline  string // the day an answer to a letter of the date is due
	Citation  string // the provision that sets the deadline
	DueFor    string // which letter date Deadline is for
	Authority string
	URL       string
	Notes     []string // in English
}

type rightItem struct{ Name, Citation string }

// rightIDs are the rights the page names, in the order it lists them.
var rightIDs = []string{
	"object", "object-direct-marketing", "erasure", "restriction", "access",
	"opt-out-sale", "opt-out-sharing", "opt-out-targeted-advertising",
	"opt-out-profiling", "limit-sensitive", "withdraw-consent",
}

// rights assesses residence on date for the panel, in the page language
// ui: against the directory's company controller if it names one, since
// some laws bind only companies above thresholds.
func (h *Handler) rights(ui, residence, controller string, date time.Time) *rightsPanel {
	residence = strings.TrimSpace(residence)
	if residence == "" {
		return &rightsPanel{}
	}
	p := &rightsPanel{Chosen: true}
	if controller == otherCompany {
		controller = ""
	}
	a, err := h.gen.Assess(h.ui.residence(residence), controller, date)
	var fe *objector.FieldError
	if errors.As(err, &fe) && fe.Field == "controller" && controller != "" {
		a, err = h.gen.Assess(h.ui.residence(residence), "", date)
	}
	if err != nil {
		if errors.As(err, &fe) && fe.Field == "residence" {
			p.Error = h.ui.t(ui, "err_residence", nil)
		} else {
			p.Error = h.ui.t(ui, "err_failed", nil)
		}
		return p
	}
	for _, o := range h.ui.places[ui] {
		if o.Value == a.Residence {
			p.Place = o.Label
		}
	}
	p.Statutory = a.Statutory()
	p.Law = a.Law
	for _, id := range rightIDs {
		if r, ok := a.Right(id); ok {
			p.Rights = append(p.Rights, rightItem{Name: h.ui.t(ui, "right_"+strings.ReplaceAll(id, "-", "_"), nil), Citation: r.Citation.Text})
		}
	}
	if d := a.Deadline; d != nil {
		p.Deadline = h.date(ui, d.Due(a.AsOf).Time)
		p.Citation = d.Citation.Text
		p.DueFor = h.ui.t(ui, "rights_due_for", map[string]any{"Date": h.date(ui, a.AsOf.Time)})
	}
	if au := a.Authority; au != nil {
		p.Authority, p.URL = au.Name, au.URL
	}
	p.Notes = a.Notes
	return p
}
