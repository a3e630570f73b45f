package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
)

func followupCommand() *cli.Command {
	return &cli.Command{
		Name:  "followup",
		Usage: "follow up a request the company did not answer: a reminder, then a complaint to the authority",
		Description: `When the company has not answered by the due date the first letter stated,
"followup reminder" writes a reminder to the company, and "followup
complaint" a complaint to the supervisory authority or regulator. Give the
same flags as for the first letter and --sent, the date of the first letter:
the reminder and the complaint cite its reference and due date.

"followup --overdue --out DIR" does it for every request in the ledger that
is overdue: a reminder where none was sent, a complaint where the reminder
went unanswered for --wait (14 days unless you say otherwise), each written
from what the ledger recorded and recorded in turn. Requests already
complained about are left to the authority.`,
		UsageText: "objector followup reminder|complaint [options]\n   objector followup --overdue --out DIR [--as-of DATE] [--format pdf,eml] [--ledger FILE]",
		Flags:     overdueFlags(),
		Action:    runOverdue,
		Subcommands: []*cli.Command{
			followupSubcommand(objector.KindReminder, "remind the company once the due date of your request has passed", `Examples:
  objector followup reminder --controller linkedin --residence DE --name "Erika Mustermann" \
      --email erika@example.org --sent 2026-09-01 -o erinnerung.pdf`),
			followupSubcommand(objector.KindComplaint, "complain to the authority about a request that was not answered in time", `The complaint goes to the authority where you live, or with --authority lead
to the company's lead authority under the GDPR's one-stop shop (for
LinkedIn, Ireland's Data Protection Commission).

Examples:
  objector followup complaint --controller linkedin --residence DE --name "Erika Mustermann" \
      --email erika@example.org --sent 2026-09-01 -o beschwerde.pdf
  objector followup complaint -c linkedin -r FR --name "Camille Martin" --email camille@example.org \
      --sent 2026-09-01 --authority lead --lang en --format txt`),
		},
	}
}

func followupSubcommand(kind, usage, description string) *cli.Command {
	flags := append(letterFlags(),
		&cli.StringFlag{Name: "sent", Usage: "the `DATE` you sent the first letter (YYYY-MM-DD)", EnvVars: envs("sent")},
		&cli.BoolFlag{Name: "force", Usage: "write the letter even though the due date has not passed yet", EnvVars: envs("force")},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT` (default: from -o's extension, else txt)", EnvVars: envs("format")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)", Value: "-"},
		paperFlag(),
		windowFlag(),
	)
	flags = append(flags, recordFlags()...)
	if kind == objector.KindComplaint {
		flags = append(flags, &cli.StringFlag{Name: "authority", Usage: "who receives the complaint (`AUTHORITY`): residence (the authority where you live) or lead (the company's lead authority under the GDPR)", Value: objector.AuthorityResidence, EnvVars: envs("authority")})
	}
	return &cli.Command{
		Name:        kind,
		Usage:       usage,
		UsageText:   "objector followup " + kind + " --controller ID --residence CODE --name NAME --email EMAIL --sent DATE [options]",
		Description: description,
		Flags:       flags,
		Before:      applyProfile,
		Action:      func(c *cli.Context) error { return followupAction(c, kind) },
	}
}

func followupAction(c *cli.Context, kind string) error {
	g, req, err := prepare(c)
	if err != nil {
		return err
	}
	req.Kind = kind
	req.Force = c.Bool("force")
	req.Authority = c.String("authority")
	if c.String("sent") == "" {
		return &usageError{msg: "--sent is missing", hint: "give the date you sent the first letter, for example --sent 2026-09-01"}
	}
	if req.Sent, err = dateFlag(c, "sent"); err != nil {
		return err
	}
	out := c.String("output")
	f, err := outputFormat(c)
	if err != nil {
		return err
	}
	if err := checkOutputs(c, f, out, ""); err != nil {
		return err
	}
	l, err := g.Generate(context.Background(), req)
	if err != nil {
		return err // a premature follow-up too: nothing is written, and the exit code says so
	}
	if l.LangNote != "" {
		fmt.Fprintf(c.App.ErrWriter, "objector: note: %s\n", l.LangNote)
	}
	if cp := l.Assessment.Complaint; kind == objector.KindComplaint && cp != nil && cp.ControllerFirst != nil {
		fmt.Fprintf(c.App.ErrWriter, "objector: note: this complaint says you complained to the company first (%s); that is the reminder, so send 'objector followup reminder' and wait for its answer before you send the complaint\n", cp.ControllerFirst.Text)
	}
	lg, closeLedger, err := openLedgerFor(c, out)
	if err != nil {
		return err
	}
	defer closeLedger()
	err = writeOutput(c, out, func(w io.Writer) error {
		return g.Render(w, l, f, objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window")})
	})
	if err != nil {
		return err
	}
	return recordLetter(lg, g, l, req, f, []string{out})
}
