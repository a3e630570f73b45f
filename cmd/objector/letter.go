package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
)

func envs(flag string) []string { return []string{envName(flag)} }

// personFlags are the flags that describe the person and the company; the
// letter and batch commands share some of them.
func letterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "controller", Aliases: []string{"c"}, Usage: "the company's `ID` in the directory (see 'objector controllers list')", EnvVars: envs("controller")},
		&cli.StringFlag{Name: "controllers", Usage: "a TOML `FILE` or folder of controller records that add to or override the directory", EnvVars: envs("controllers")},
		&cli.StringFlag{Name: "controller-name", Usage: "a company outside the directory: its legal `NAME`", EnvVars: envs("controller-name")},
		&cli.StringFlag{Name: "controller-address", Usage: "a company outside the directory: its postal `ADDRESS` (lines separated by ; or newlines)", EnvVars: envs("controller-address")},
		&cli.StringFlag{Name: "controller-email", Usage: "a company outside the directory: its privacy `EMAIL`", EnvVars: envs("controller-email")},
		&cli.StringFlag{Name: "residence", Aliases: []string{"r"}, Usage: "where you live: ISO 3166 `CODE` such as DE, FR, GB, US-CA", EnvVars: envs("residence")},
		&cli.StringFlag{Name: "name", Usage: "your full `NAME`", EnvVars: envs("name")},
		&cli.StringFlag{Name: "email", Usage: "the `EMAIL` address of your account", EnvVars: envs("email")},
		&cli.StringFlag{Name: "address", Usage: "your postal `ADDRESS` (lines separated by ; or commas), for the sender block", EnvVars: envs("address")},
		&cli.StringFlag{Name: "account", Usage: "your profile `URL` or user name at the company", EnvVars: envs("account")},
		&cli.StringFlag{Name: "purpose", Usage: "`PURPOSES` you object to, comma-separated: " + strings.Join(objector.Purposes(), ", ") + " (default: ai-training)", EnvVars: envs("purpose")},
		&cli.StringFlag{Name: "also", Usage: "also ask for `WHAT` alongside an objection: access (GDPR Art. 15: whether your data was used, in which models, shared with whom, and a copy)", EnvVars: envs("also")},
		&cli.StringFlag{Name: "reason", Usage: "your own grounds (`TEXT`) relating to your particular situation (GDPR Art. 21(1)); a default text is used otherwise", EnvVars: envs("reason")},
		&cli.StringFlag{Name: "lang", Usage: "the letter's `LANGUAGE` (default: the first official language where you live)", EnvVars: envs("lang")},
		&cli.StringFlag{Name: "as-of", Usage: "the letter `DATE` (YYYY-MM-DD), which also picks the law in force (default: today)", EnvVars: envs("as-of")},
		&cli.StringFlag{Name: "profile", Usage: "profile `FILE` with name, email, address (default: $XDG_CONFIG_HOME/objector/profile.toml)", EnvVars: envs("profile")},
	}
}

func letterCommand() *cli.Command {
	return &cli.Command{
		Name:      "letter",
		Usage:     "write one objection, opt-out or courtesy letter",
		UsageText: "objector letter --controller ID --residence CODE --name NAME --email EMAIL [options]",
		Description: `Writes the letter for one person to one company, under the law that applies
where the person lives on the letter date. The format follows -o's
extension (.pdf, .txt, .eml, .json) unless --format says otherwise.
An .eml file is an email draft (From, To, Subject filled in) that mail
programs open ready to send; --attach-pdf adds the PDF. A mailto: URL opens
a new message when clicked or passed to a browser.

Examples:
  objector letter --controller linkedin --residence DE --name "Erika Mustermann" \
      --email erika@example.org --address "Musterstr. 1; 10115 Berlin" -o brief.pdf
  objector letter -c linkedin -r US-CA --name "Sam Doe" --email sam@example.org --format txt
  objector letter --controller-name "Example GmbH" --controller-address "Hauptstr. 1; 10115 Berlin" \
      --residence DE --name "Erika Mustermann" --email erika@example.org -o brief.pdf
  objector letter -c linkedin -r DE --name "Erika Mustermann" --email erika@example.org \
      --attach-pdf -o widerspruch.eml`,
		Flags: append(append(letterFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: pdf, txt, eml, mailto, form, form-json or json (default: from -o's extension, else txt)", EnvVars: envs("format")},
			&cli.BoolFlag{Name: "attach-pdf", Usage: "eml: attach the PDF of the letter to the email draft", EnvVars: envs("attach-pdf")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)", Value: "-"},
			paperFlag(),
			windowFlag(),
			encloseFlag(), signatureFlag(),
			icsFlag(),
		), append(agentFlags("send the letter"), recordFlags()...)...),
		Before: applyProfile,
		Action: func(c *cli.Context) error {
			g, req, err := prepare(c)
			if err != nil {
				return err
			}
			if req.Agent, err = agentFromFlags(c); err != nil {
				return err
			}
			out := c.String("output")
			f, err := outputFormat(c)
			if err != nil {
				return err
			}
			if err := checkOutputs(c, f, out, c.String("ics")); err != nil {
				return err
			}
			if c.Bool("attach-pdf") && f != objector.FormatEML {
				return &usageError{msg: "--attach-pdf works only with the eml format", hint: "add --format eml, or write to a file ending in .eml"}
			}
			l, err := g.Generate(context.Background(), req)
			if err != nil {
				return err
			}
			sig, err := applyExtras(c, l)
			if err != nil {
				return err
			}
			if sig != nil && f != objector.FormatPDF && !(f == objector.FormatEML && c.Bool("attach-pdf")) {
				fmt.Fprintf(c.App.ErrWriter, "objector: note: --signature appears only in PDF output (and in the PDF --attach-pdf adds to an eml)\n")
			}
			// Render first: bad input must leave no file behind. The
			// calendar follows the letter: a letter that could not be
			// written gets no calendar entry.
			var buf bytes.Buffer
			opt := objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window"), Signature: sig, AttachPDF: c.Bool("attach-pdf")}
			if err := g.Render(&buf, l, f, opt); err != nil {
				return err
			}
			ics, err := calendar(c, l)
			if err != nil {
				return err
			}
			lg, closeLedger, err := openLedgerFor(c, out)
			if err != nil {
				return err
			}
			defer closeLedger()
			for _, w := range l.Warnings {
				fmt.Fprintf(c.App.ErrWriter, "objector: warning: %s\n", w)
			}
			if l.LangNote != "" {
				fmt.Fprintf(c.App.ErrWriter, "objector: note: %s\n", l.LangNote)
			}
			if (f == objector.FormatEML || f == objector.FormatMailto) && l.Recipient.Email == "" && l.Recipient.WebForm != "" {
				fmt.Fprintf(c.App.ErrWriter, "objector: note: %s takes requests through its web form %s; the draft has no recipient: paste the text into the form\n", l.Recipient.Name, l.Recipient.WebForm)
			}
			if err := writeOutput(c, out, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
				return err
			}
			if err := writeICS(c, l, ics); err != nil {
				return err
			}
			files := []string{out}
			if ics := c.String("ics"); ics != "" {
				files = append(files, ics)
			}
			if err := recordLetter(lg, g, l, req, f, files); err != nil {
				return err
			}
			if n := buf.Len(); f == objector.FormatMailto && n-1 > objector.MailtoLimit {
				fmt.Fprintf(c.App.ErrWriter, "objector: warning: the mailto: URL is %d characters long; many mail programs accept only about %d\n", n-1, objector.MailtoLimit)
				fmt.Fprintf(c.App.ErrWriter, "objector: hint: use --format eml -o letter.eml and open the file in your mail program\n")
			}
			return nil
		},
	}
}

// agentFlags are the flags of an agent who sends letters on the person's
// behalf; what names what the agent sends ("send the letter").
func agentFlags(what string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "agent-name", Usage: what + " on the person's behalf as this agent `NAME`", EnvVars: envs("agent-name")},
		&cli.StringFlag{Name: "agent-address", Usage: "the agent's postal `ADDRESS` (lines separated by ; or commas)", EnvVars: envs("agent-address")},
		&cli.StringFlag{Name: "agent-email", Usage: "the agent's `EMAIL` address for replies", EnvVars: envs("agent-email")},
	}
}

// agentFromFlags returns the agent the flags (or the profile) describe,
// or nil.
func agentFromFlags(c *cli.Context) (*objector.Agent, error) {
	name, addr, email := c.String("agent-name"), c.String("agent-address"), c.String("agent-email")
	if name == "" && addr == "" && email == "" {
		return nil, nil
	}
	if strings.TrimSpace(name) == "" {
		return nil, &usageError{msg: "--agent-address or --agent-email without --agent-name", hint: "name the agent with --agent-name (or agent_name in the profile)"}
	}
	return &objector.Agent{Name: name, Address: splitLines(addr, true), Email: strings.TrimSpace(email)}, nil
}

// prepare checks the arguments and layout flags of a letter-writing
// command and returns the generator and the request its flags describe.
func prepare(c *cli.Context) (*objector.Generator, objector.Request, error) {
	if err := noTrailingFlags(c); err != nil {
		return nil, objector.Request{}, err
	}
	if c.Args().Len() > 0 {
		return nil, objector.Request{}, &usageError{msg: fmt.Sprintf("unexpected argument %q", c.Args().First()), hint: c.Command.FullName() + " takes flags only; quote values with spaces"}
	}
	g, err := generator(c)
	if err != nil {
		return nil, objector.Request{}, err
	}
	req, err := requestFromFlags(c)
	return g, req, err
}

// generator returns a generator of the embedded data, whose directory
// also holds the records of --controllers if given.
func generator(c *cli.Context) (*objector.Generator, error) {
	g, err := objector.New(objector.Config{})
	if err != nil {
		return nil, err
	}
	path := c.String("controllers")
	if path == "" {
		return g, nil
	}
	fsys, err := controllerFiles(path)
	if err == nil {
		g, err = g.WithControllers(fsys)
	}
	if err != nil {
		return nil, &usageError{msg: fmt.Sprintf("--controllers %s: %v", path, err), hint: "--controllers takes TOML records in the directory's format (see controllers/data/linkedin.toml in the source), each file named after its id"}
	}
	return g, nil
}

// requestFromFlags builds the request from the flags.
func requestFromFlags(c *cli.Context) (objector.Request, error) {
	req := objector.Request{
		Controller: c.String("controller"),
		Residence:  c.String("residence"),
		Name:       c.String("name"),
		Email:      c.String("email"),
		Address:    splitLines(c.String("address"), true),
		Account:    c.String("account"),
		Reason:     c.String("reason"),
		Lang:       c.String("lang"),
	}
	for _, s := range strings.Split(c.String("also"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			req.Also = append(req.Also, s)
		}
	}
	if p := c.String("purpose"); p != "" {
		for _, s := range strings.Split(p, ",") {
			if s = strings.TrimSpace(s); s != "" {
				req.Purposes = append(req.Purposes, s)
			}
		}
	}
	d, err := dateFlag(c, "as-of")
	if err != nil {
		return req, err
	}
	req.AsOf = d
	if name := c.String("controller-name"); name != "" || c.String("controller-address") != "" || c.String("controller-email") != "" {
		req.Company = &objector.Company{
			Name:    name,
			Address: splitLines(c.String("controller-address"), false),
			Email:   strings.TrimSpace(c.String("controller-email")),
		}
	}
	return req, nil
}

// splitLines splits an address into lines at semicolons and newlines, or,
// if it has neither and commas is true, at commas.
func splitLines(s string, commas bool) []string {
	var parts []string
	switch {
	case strings.ContainsAny(s, ";\n"):
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' })
	case commas:
		parts = strings.Split(s, ",")
	default:
		parts = []string{s}
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
