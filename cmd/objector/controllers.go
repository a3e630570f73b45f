package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

func controllersCommand() *cli.Command {
	return &cli.Command{
		Name:  "controllers",
		Usage: "list the companies in the directory, or show one",
		Subcommands: []*cli.Command{
			{
				Name:      "list",
				Usage:     "list every company with its aliases, or with --stale the facts to re-check",
				UsageText: "objector controllers list [--stale [--as-of DATE]] [--format table|json]",
				Flags: append(tableFlags(),
					&cli.BoolFlag{Name: "stale", Usage: "list the facts whose source was last checked more than a year before --as-of, so someone re-reads it", EnvVars: envs("stale")},
					&cli.StringFlag{Name: "as-of", Usage: "with --stale: the `DATE` (YYYY-MM-DD) to measure from (default: today)", EnvVars: envs("as-of")},
				),
				Action: func(c *cli.Context) error {
					if err := noTrailingFlags(c); err != nil {
						return err
					}
					g, err := objector.New(objector.Config{})
					if err != nil {
						return err
					}
					asJSON, err := tableOrJSON(c)
					if err != nil {
						return err
					}
					if c.Bool("stale") {
						return listStale(c, g, asJSON)
					}
					if c.String("as-of") != "" {
						return &usageError{msg: "--as-of needs --stale", hint: "objector controllers list --stale --as-of 2027-01-01"}
					}
					recs := g.Controllers().Records()
					return writeOutput(c, c.String("output"), func(w io.Writer) error {
						if asJSON {
							return writeJSON(w, recs)
						}
						tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
						fmt.Fprintln(tw, "ID\tNAME\tALIASES\tREGIONS")
						for _, r := range recs {
							fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, strings.Join(r.Aliases, ", "), regionsOf(r))
						}
						return tw.Flush()
					})
				},
			},
			{
				Name:      "show",
				Usage:     "show one company's entities, contacts, settings, forms and AI-training timeline",
				UsageText: "objector controllers show [--format table|json] ID",
				Flags:     tableFlags(),
				Action: func(c *cli.Context) error {
					if err := noTrailingFlags(c); err != nil {
						return err
					}
					if c.Args().Len() != 1 {
						return &usageError{msg: "controllers show takes one company id", hint: "objector controllers show linkedin"}
					}
					g, err := objector.New(objector.Config{})
					if err != nil {
						return err
					}
					r, err := g.Controllers().Lookup(c.Args().First())
					if err != nil {
						return &usageError{msg: err.Error(), hint: "run 'objector controllers list' for the ids"}
					}
					asJSON, err := tableOrJSON(c)
					if err != nil {
						return err
					}
					return writeOutput(c, c.String("output"), func(w io.Writer) error {
						if asJSON {
							return writeJSON(w, r)
						}
						return showRecord(w, r)
					})
				},
			},
		},
	}
}

// listStale writes the facts of the directory whose checked date is more
// than a year before --as-of (default today).
func listStale(c *cli.Context, g *objector.Generator, asJSON bool) error {
	t, err := dateFlag(c, "as-of")
	if err != nil {
		return err
	}
	if t.IsZero() {
		t = time.Now().UTC()
	}
	asOf := jurisdiction.Day(t)
	facts := g.Controllers().Stale(asOf)
	return writeOutput(c, c.String("output"), func(w io.Writer) error {
		if asJSON {
			if facts == nil {
				return writeJSON(w, []struct{}{})
			}
			return writeJSON(w, facts)
		}
		if len(facts) == 0 {
			_, err := fmt.Fprintf(w, "Every fact was checked within the year before %s.\n", asOf)
			return err
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tFACT\tCHECKED\tSOURCE")
		for _, f := range facts {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.ID, f.What, f.Checked, f.Source)
		}
		return tw.Flush()
	})
}

func regionsOf(r *controllers.Record) string {
	seen := map[string]bool{}
	var out []string
	for _, e := range r.Entities {
		for _, reg := range e.Regions {
			if !seen[string(reg)] {
				seen[string(reg)] = true
				out = append(out, string(reg))
			}
		}
	}
	return strings.Join(out, ",")
}

func showRecord(w io.Writer, r *controllers.Record) error {
	fmt.Fprintf(w, "%s (%s)\n", r.Name, r.ID)
	if len(r.Aliases) > 0 {
		fmt.Fprintf(w, "Aliases: %s\n", strings.Join(r.Aliases, ", "))
	}
	if a := r.LeadAuthority; a != nil {
		fmt.Fprintf(w, "Lead authority: %s, %s\n", a.Name, a.URL)
	}
	fmt.Fprintln(w, "\nEntities:")
	for _, e := range r.Entities {
		until := ""
		if !e.EffectiveUntil.IsZero() {
			until = " until " + e.EffectiveUntil.String()
		}
		sourced := ""
		if e.Status == controllers.EntitySecondary {
			sourced = "secondary "
		}
		fmt.Fprintf(w, "  [%s] %s, %s (from %s%s; %ssource %s, checked %s)\n", joinRegions(e.Regions), e.Name, strings.Join(e.Address, ", "), e.EffectiveFrom, until, sourced, e.Source, e.Checked)
		if e.Email != "" {
			fmt.Fprintf(w, "      email: %s\n", e.Email)
		}
		if e.ContactForm != "" {
			fmt.Fprintf(w, "      contact form: %s\n", e.ContactForm)
		}
		if e.Representative != "" {
			fmt.Fprintf(w, "      representative: %s\n", e.Representative)
		}
	}
	if len(r.Settings) > 0 {
		fmt.Fprintln(w, "\nSettings:")
		for _, s := range r.Settings {
			url := ""
			if s.URL != "" {
				url = " (" + s.URL + ")"
			}
			fmt.Fprintf(w, "  [%s] %s: %s%s (%s; source %s, checked %s)\n", where(s.Regions, s.Places), s.Name, strings.Join(s.Path, " → "), url, period(s.EffectiveFrom, s.EffectiveUntil), s.Source, s.Checked)
		}
	}
	if len(r.Forms) > 0 {
		fmt.Fprintln(w, "\nForms:")
		for _, f := range r.Forms {
			fmt.Fprintf(w, "  [%s] %s: %s (%s; source %s, checked %s)\n", where(f.Regions, f.Places), f.Name, f.URL, period(f.EffectiveFrom, f.EffectiveUntil), f.Source, f.Checked)
		}
	}
	if len(r.AITraining) > 0 {
		fmt.Fprintln(w, "\nAI training:")
		for _, a := range r.AITraining {
			extra := ""
			if a.Basis != "" {
				extra += ", basis " + a.Basis
			}
			if a.Setting != "" {
				extra += ", setting " + a.Setting
			}
			fmt.Fprintf(w, "  [%s] %s%s (%s; source %s, checked %s)\n", where(a.Regions, a.Places), a.Status, extra, period(a.EffectiveFrom, a.EffectiveUntil), a.Source, a.Checked)
		}
	}
	if len(r.Timeline) > 0 {
		fmt.Fprintln(w, "\nTimeline:")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, ev := range r.Timeline {
			fmt.Fprintf(tw, "  %s\t%s\n", ev.Date, ev.Text)
		}
		tw.Flush()
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\nNote: %s\n", n)
	}
	return nil
}

// where joins regions and places: "eu,uk,CA".
func where(rs []jurisdiction.Region, places []string) string {
	parts := make([]string, 0, len(rs)+len(places))
	for _, r := range rs {
		parts = append(parts, string(r))
	}
	return strings.Join(append(parts, places...), ",")
}

// period writes "from 2025-09-02" or "from 2024-09-18 until 2025-11-02".
func period(from, until jurisdiction.Date) string {
	if until.IsZero() {
		return "from " + from.String()
	}
	return "from " + from.String() + " until " + until.String()
}

func joinRegions(rs []jurisdiction.Region) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

// controllerFiles returns the record files --controllers names: a folder
// of *.toml records, or one such file.
func controllerFiles(path string) (fs.FS, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return os.DirFS(path), nil
	}
	return onlyFile{os.DirFS(filepath.Dir(path)), filepath.Base(path)}, nil
}

// onlyFile is a folder's file system narrowed, for globbing, to one file,
// so that a single record file loads without its neighbours.
type onlyFile struct {
	fs.FS
	name string
}

// Glob returns the file's name if it matches pattern.
func (o onlyFile) Glob(pattern string) ([]string, error) {
	ok, err := path.Match(pattern, o.name)
	if !ok || err != nil {
		return nil, err
	}
	return []string{o.name}, nil
}
