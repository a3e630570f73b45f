package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/jurisdiction"
)

func jurisdictionsCommand() *cli.Command {
	return &cli.Command{
		Name:      "jurisdictions",
		Usage:     "list every residence code with its regime and law",
		UsageText: "objector jurisdictions [--as-of DATE] [--format table|json]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "as-of", Usage: "the `DATE` (YYYY-MM-DD); default today", EnvVars: envs("as-of")},
		}, tableFlags()...),
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			asOf, err := dateFlag(c, "as-of")
			if err != nil {
				return err
			}
			asJSON, err := tableOrJSON(c)
			if err != nil {
				return err
			}
			g, err := objector.New(objector.Config{})
			if err != nil {
				return err
			}
			var all []*jurisdiction.Assessment
			for _, code := range g.Rules().Codes() {
				a, err := g.Assess(code, "", asOf)
				if err != nil {
					return err
				}
				all = append(all, a)
			}
			return writeOutput(c, c.String("output"), func(w io.Writer) error {
				if asJSON {
					return writeJSON(w, all)
				}
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "CODE\tPLACE\tREGIME\tLAW")
				for _, a := range all {
					law := a.Law
					if law == "" {
						law = "-"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Residence, a.Place, a.Regime, law)
				}
				return tw.Flush()
			})
		},
	}
}
