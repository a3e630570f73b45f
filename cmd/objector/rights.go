package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

func rightsCommand() *cli.Command {
	return &cli.Command{
		Name:      "rights",
		Usage:     "explain which law and rights apply where a person lives",
		UsageText: "objector rights --residence CODE [--controller ID] [--as-of DATE] [--format table|json]",
		Description: `Shows the law in force on the date, the rights it grants with their
citations, the deadline the company must meet, and the supervisory
authority. With --controller, also the responsible entity for that region.

Examples:
  objector rights --residence DE
  objector rights --residence US-TX --as-of 2024-06-30 --format json`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "residence", Aliases: []string{"r"}, Usage: "ISO 3166 `CODE` such as DE or US-CA", EnvVars: envs("residence")},
			&cli.StringFlag{Name: "controller", Aliases: []string{"c"}, Usage: "also show this company's (`ID`) responsible entity, and whether a law with thresholds reaches it", EnvVars: envs("controller")},
			&cli.StringFlag{Name: "as-of", Usage: "the `DATE` (YYYY-MM-DD); default today", EnvVars: envs("as-of")},
		}, tableFlags()...),
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			if c.String("residence") == "" {
				return &usageError{msg: "--residence is missing", hint: "give where the person lives, for example --residence DE; 'objector jurisdictions' lists the codes"}
			}
			asOf, err := dateFlag(c, "as-of")
			if err != nil {
				return err
			}
			g, err := objector.New(objector.Config{})
			if err != nil {
				return err
			}
			a, err := g.Assess(c.String("residence"), c.String("controller"), asOf)
			if err != nil {
				return err
			}
			var entity *controllers.Entity
			if id := c.String("controller"); id != "" {
				if entity, err = g.Entity(id, c.String("residence"), asOf); err != nil {
					return err
				}
			}
			asJSON, err := tableOrJSON(c)
			if err != nil {
				return err
			}
			return writeOutput(c, c.String("output"), func(w io.Writer) error {
				if asJSON {
					return writeJSON(w, a)
				}
				return rightsTable(w, a, entity)
			})
		},
	}
}

// dateFlag returns the date of a YYYY-MM-DD flag, or the zero time (which
// the library reads as today) if it is not set.
func dateFlag(c *cli.Context, flag string) (time.Time, error) {
	s := strings.TrimSpace(c.String(flag))
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || d.Year() < 1900 {
		return time.Time{}, &usageError{flag: flag, msg: fmt.Sprintf("--%s %q is not a date written as YYYY-MM-DD", flag, s), hint: fmt.Sprintf("write the date as YYYY-MM-DD, for example --%s 2026-11-24", flag)}
	}
	return d, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func rightsTable(w io.Writer, a *jurisdiction.Assessment, entity *controllers.Entity) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Residence:\t%s (%s)\n", a.Residence, a.Place)
	fmt.Fprintf(tw, "As of:\t%s\n", a.AsOf)
	fmt.Fprintf(tw, "Regime:\t%s\n", a.Regime)
	if a.Law != "" {
		fmt.Fprintf(tw, "Law:\t%s\n", a.Law)
	}
	if a.NationalLaw != "" {
		fmt.Fprintf(tw, "National law:\t%s\n", a.NationalLaw)
	}
	if d := a.Deadline; d != nil {
		fmt.Fprintf(tw, "Deadline:\t%s (%s)\n", describeDeadline(d), d.Citation.Text)
		country := entity.Country()
		fmt.Fprintf(tw, "Counted:\t%s\n", d.Rule(country))
		fmt.Fprintf(tw, "Due:\t%s for a request received on %s", d.DueFor(a.AsOf, country), a.AsOf)
		if ext := d.ExtendedFor(a.AsOf, country); ext != d.DueFor(a.AsOf, country) {
			fmt.Fprintf(tw, "; %s at the latest with the extension", ext)
		}
		fmt.Fprintln(tw, " (a letter sent by post is received some days after it is dated)")
	}
	if a.Deadline == nil {
		if a.Statutory() {
			fmt.Fprintf(tw, "Deadline:\tnot set by the law for this request; the letter asks for a reply without undue delay\n")
		} else {
			fmt.Fprintf(tw, "Deadline:\tnone: no law gives a right here, so none sets a period\n")
		}
	}
	if au := a.Authority; au != nil {
		fmt.Fprintf(tw, "Authority:\t%s, %s\n", au.Name, au.URL)
	}
	if c := a.Complaint; c != nil {
		switch {
		case c.ReportOnly:
			fmt.Fprintf(tw, "Complaint:\tthe authority takes reports, not individual complaints\n")
		case c.Citation.Text != "":
			fmt.Fprintf(tw, "Complaint:\t%s\n", c.Citation.Text)
		}
		if c.ControllerFirst != nil {
			fmt.Fprintf(tw, "\tcomplain to the company first (%s)\n", c.ControllerFirst.Text)
		}
		if a.ComplaintsBySubdivision {
			fmt.Fprintf(tw, "\tcomplaints go to the authority of your state: give it as the residence, such as %s-BY\n", a.Residence)
		}
	}
	fmt.Fprintf(tw, "Languages:\t%s\n", strings.Join(a.Languages, ", "))
	if entity != nil {
		fmt.Fprintf(tw, "Entity:\t%s, %s\n", entity.Name, strings.Join(entity.Address, ", "))
	}
	if ap := a.Applicability; ap != nil {
		fmt.Fprintf(tw, "Applies to:\tcompanies that meet one of these thresholds:\n")
		for _, t := range ap.Thresholds {
			fmt.Fprintf(tw, "\t- %s\n", t.Text)
		}
		who := "the company"
		if ap.Company != "" {
			who = ap.Company
		}
		switch ap.Status {
		case jurisdiction.AppliesMeets:
			fmt.Fprintf(tw, "\t%s meets %s (its record: %s)\n", who, strings.Join(ap.Met, ", "), ap.Source)
		case jurisdiction.AppliesBelow:
			fmt.Fprintf(tw, "\t%s meets none (its record: %s): the law does not reach it\n", who, ap.Source)
		default:
			fmt.Fprintf(tw, "\tobjector does not know whether %s meets one\n", who)
		}
	}
	tw.Flush()
	if len(a.Rights) > 0 {
		fmt.Fprintln(w, "\nRights:")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, r := range a.Rights {
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", r.ID, r.Citation.Text, r.Summary)
		}
		tw.Flush()
	}
	if len(a.Proposals) > 0 {
		fmt.Fprintln(w, "\nProposed changes (not in force; letters do not cite them):")
		for _, p := range a.Proposals {
			fmt.Fprintf(w, "  - %s (proposed %s; as of %s: %s). %s\n", p.Name, p.Proposed, p.Checked, p.Status, p.Text)
		}
	}
	if len(a.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range a.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
	return nil
}

func describeDeadline(d *jurisdiction.Deadline) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return fmt.Sprintf("%d %ss", n, unit)
	}
	switch {
	case d.Months > 0 && d.ExtensionMonths > 0:
		return plural(d.Months, "month") + ", extendable by " + plural(d.ExtensionMonths, "month")
	case d.Months > 0:
		return plural(d.Months, "month")
	case d.Days > 0 && d.ExtensionDays > 0:
		return plural(d.Days, "day") + ", extendable by " + plural(d.ExtensionDays, "day")
	case d.Days > 0:
		return plural(d.Days, "day")
	}
	return plural(d.BusinessDays, "business day")
}
