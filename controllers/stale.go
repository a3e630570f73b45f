package controllers

import (
	"fmt"
	"strings"

	"github.com/objector/objector/jurisdiction"
)

// StaleAfter is how long a fact stays fresh: a fact whose source was last
// checked more than this many years before the day asked is stale.
const StaleAfter = 1

// StaleFact is one fact of a record whose source was last checked more
// than [StaleAfter] years before the day asked, so that someone re-reads
// the source.
type StaleFact struct {
	ID      string            `json:"id"`      // the record's id
	What    string            `json:"what"`    // which fact: "entity LinkedIn Ireland Unlimited Company (eu, ch)", "setting genai", ...
	Checked jurisdiction.Date `json:"checked"` // when its source was last read
	Source  string            `json:"source"`
}

// Stale returns the facts of r still in force on day asOf (or starting
// later) whose checked date is more than [StaleAfter] years before asOf,
// in record order. Facts that lapsed before asOf are history and never
// stale.
func (r *Record) Stale(asOf jurisdiction.Date) []StaleFact {
	limit := jurisdiction.Date{Time: asOf.AddDate(-StaleAfter, 0, 0)}
	var out []StaleFact
	add := func(what string, until, checked jurisdiction.Date, source string) {
		if !until.IsZero() && until.Before(asOf) {
			return
		}
		if checked.Before(limit) {
			out = append(out, StaleFact{ID: r.ID, What: what, Checked: checked, Source: source})
		}
	}
	for _, e := range r.Entities {
		add(fmt.Sprintf("entity %s (%s)", e.Name, where(e.Regions, nil)), e.EffectiveUntil, e.Checked, e.Source)
	}
	for _, s := range r.Settings {
		add("setting "+s.ID, s.EffectiveUntil, s.Checked, s.Source)
		for _, l := range s.Labels {
			add("setting "+s.ID+" label "+l.Lang, s.EffectiveUntil, l.Checked, l.Source)
		}
	}
	for _, f := range r.Forms {
		add("form "+f.ID, f.EffectiveUntil, f.Checked, f.Source)
	}
	for _, a := range r.AITraining {
		add(fmt.Sprintf("ai_training %s from %s (%s)", a.Status, a.EffectiveFrom, where(a.Regions, a.Places)), a.EffectiveUntil, a.Checked, a.Source)
	}
	return out
}

// Stale returns the stale facts of every record (see [Record.Stale]),
// sorted by record id.
func (d *Directory) Stale(asOf jurisdiction.Date) []StaleFact {
	var out []StaleFact
	for _, r := range d.Records() {
		out = append(out, r.Stale(asOf)...)
	}
	return out
}

func where(regions []jurisdiction.Region, places []string) string {
	parts := make([]string, 0, len(regions)+len(places))
	for _, r := range regions {
		parts = append(parts, string(r))
	}
	return strings.Join(append(parts, places...), ", ")
}
