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
				Usage:     "list every company with its aliases",
				UsageText: "objector controllers list [--format table|json]",
				Flags:     tableFlags(),
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
		fmt.Fprintf(w, "  [%s] %s, %s (from %s%s; source %s, checked %s)\n", joinRegions(e.Regions), e.Name, strings.Join(e.Address, ", "), e.EffectiveFrom, until, e.Source, e.Checked)
		if e.Email != "" {
			fmt.Fprintf(w, "      email: %s\n", e.Email)
		}
		if e.ContactForm != "" {
			fmt.Fprintf(w, "      contact form: %s\n", e.ContactForm)
		}
	}
	if len(r.Settings) > 0 {
		fmt.Fprintln(w, "\nSettings:")
		for _, s := range r.Settings {
			fmt.Fprintf(w, "  %s: %s (%s)\n", s.Name, strings.Join(s.Path, " → "), s.URL)
		}
	}
	if len(r.Forms) > 0 {
		fmt.Fprintln(w, "\nForms:")
		for _, f := range r.Forms {
			fmt.Fprintf(w, "  %s: %s\n", f.Name, f.URL)
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
