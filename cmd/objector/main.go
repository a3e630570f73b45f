// Command objector writes objection and opt-out letters that use a person's
// privacy rights against a company's use of their data.
//
// Run "objector help" for the commands, or see the README.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

// Exit codes. Scripts can rely on them.
const (
	exitOK       = 0
	exitFailure  = 1 // anything unexpected: a file that cannot be written, a bug
	exitUsage    = 2 // bad input: a missing or malformed flag, an unknown code or id
	exitNoEntity = 3 // the directory knows the company but not its entity for this region
	exitPartial  = 4 // a batch wrote some letters and failed on some rows
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	args = flagsFirst(args)
	finish(app, args)
	err := app.Run(args)
	if err == nil {
		return exitOK
	}
	return report(stderr, err)
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "objector",
		Usage:   "write the letter that uses your privacy rights against a company's use of your data",
		Version: objector.Version,
		Description: `objector works out which law protects you where you live (GDPR Art. 21,
a US state opt-out law, or none), finds the company's responsible legal
entity, and writes an objection, opt-out or courtesy request as a PDF, an
email draft or JSON. Nothing is sent: you send the file yourself.

Examples:
  objector letter --controller linkedin --residence DE --name "Erika Mustermann" \
      --email erika@example.org -o brief.pdf
  objector letter --controller linkedin --residence US-CA --name "Sam Doe" \
      --email sam@example.org --purpose ai-training,ads --format txt
  objector rights --residence FR --format json
  objector jurisdictions
  objector controllers list`,
		Reader:               stdin,
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		HideHelpCommand:      false,
		Commands: []*cli.Command{
			letterCommand(),
			rightsCommand(),
			jurisdictionsCommand(),
			controllersCommand(),
			followupCommand(),
			replyCommand(),
			batchCommand(),
			serveCommand(),
			manCommand(),
			completionCommand(),
			requestsCommand(),
		},
		// Without a command: help; with an unknown one: a usage error
		// (urfave/cli's own would exit 3, which means something else here).
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return &usageError{msg: fmt.Sprintf("unknown command %q", c.Args().First()), hint: "run 'objector help' for the commands, for example: objector letter --help"}
			}
			return cli.ShowAppHelp(c)
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run reports errors
	}
}

// usageError is an error in how the command was called: msg says what,
// hint what to type instead; flag names the flag at fault, if one is, so
// that an OBJECTOR_ variable that set it can be named.
type usageError struct {
	msg, hint string
	flag      string
}

func (e *usageError) Error() string { return e.msg }

// exitCodes decides the exit code of an error: the first entry that
// matches wins; anything else is exitFailure.
var exitCodes = []struct {
	match func(error) bool
	code  int
}{
	{func(err error) bool { return errors.Is(err, objector.ErrNoEntity) }, exitNoEntity},
	{func(err error) bool { return errors.As(err, new(*usageError)) }, exitUsage},
	{func(err error) bool { return errors.As(err, new(*objector.FieldError)) }, exitUsage},
	{func(err error) bool { return errors.As(err, new(*outputDirError)) }, exitUsage},
	{func(err error) bool {
		return errors.Is(err, ledger.ErrNotFound) || errors.Is(err, ledger.ErrInvalidStatus) || errors.Is(err, ledger.ErrInvalidDate)
	}, exitUsage},
	{func(err error) bool {
		return errors.Is(err, objector.ErrMissingGlyph) || errors.Is(err, objector.ErrAddressTooLong) ||
			errors.Is(err, objector.ErrNoPostalAddress) || errors.Is(err, objector.ErrNoForm) ||
			errors.Is(err, objector.ErrNoAuthority) || errors.Is(err, objector.ErrReplyUnsupported)
	}, exitUsage},
}

// exitCode returns the exit code for err (see [exitCodes]); an error that
// carries its own code (a partial batch) keeps it.
func exitCode(err error) int {
	for _, e := range exitCodes {
		if e.match(err) {
			return e.code
		}
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return exitFailure
}

// report prints err with a hint on what to type instead, and returns the
// exit code for it.
func report(w io.Writer, err error) int {
	// A joined error has one line per error; each gets the prefix.
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(w, "objector: error: %s\n", line)
	}
	if h := hintFor(err); h != "" {
		fmt.Fprintf(w, "objector: hint: %s\n", h)
	}
	var ee *envError
	if errors.As(err, &ee) {
		fmt.Fprintf(w, "objector: hint: %s\n", ee.hint())
	}
	return exitCode(err)
}

// hintFor returns what to type instead after err, or "".
func hintFor(err error) string {
	var (
		ue *usageError
		fe *objector.FieldError
		nd *objector.NotDueError
		od *outputDirError
	)
	if h := ledgerHint(err); h != "" {
		return h
	}
	switch {
	case errors.As(err, &ue):
		return ue.hint
	case errors.Is(err, objector.ErrNoEntity):
		return "the directory does not know this company's responsible entity for your region; describe it with --controller-name, --controller-address and --controller-email"
	case errors.As(err, &nd):
		return fmt.Sprintf("wait until %s, or add --force to write the %s now", nd.Due.AddDate(0, 0, 1).Format(time.DateOnly), nd.Kind)
	case errors.Is(err, objector.ErrNoAuthority):
		return "a reminder to the company is still possible: objector followup reminder ..."
	case errors.Is(err, objector.ErrReplyUnsupported):
		return "run 'objector rights --residence CODE' to see what the law where you live provides, and 'objector reply --help' for the kinds of reply; a reminder (objector followup reminder) or a complaint (objector followup complaint) may fit instead"
	case errors.Is(err, objector.ErrAddressTooLong):
		return "shorten the company's address (--controller-address, or its record in --controllers), try another layout with --paper a4|letter and --window left|right, or write --format txt or --format eml"
	case errors.Is(err, objector.ErrNoPostalAddress):
		return "no postal address of this company is confirmed, only its email: write --format eml, txt, mailto or form instead, or, if you know the address, describe the company yourself with --controller-name, --controller-address and --controller-email"
	case errors.Is(err, objector.ErrNoForm):
		return "reminders and complaints go by post or email, not through the company's form: use --format txt, pdf or eml"
	case errors.As(err, &fe):
		return fieldHint(fe)
	case errors.As(err, &od):
		return fmt.Sprintf("create the folder first (mkdir -p %s), or write to a folder that exists", od.dir)
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "No help topic for"): // objector help bogus
		return "run 'objector help' for the commands, for example: objector help letter"
	case strings.Contains(msg, "Required flag"):
		return "run 'objector help' and 'objector <command> --help' for the flags"
	}
	return ""
}

// fieldHint says which flag to correct for a field error.
func fieldHint(fe *objector.FieldError) string {
	flag := fieldFlags[fe.Field]
	if flag == "" {
		flag = "--" + fe.Field
	}
	switch {
	case errors.Is(fe, objector.ErrMissingGlyph) && utf8.RuneCountInString(fe.Value) == 1:
		r, _ := utf8.DecodeRuneInString(fe.Value)
		return fmt.Sprintf("remove %q (%U) from %s: the PDF font cannot print it; or write the letter with --format txt or --format eml, which can", r, r, flag)
	case errors.Is(fe, objector.ErrMissingGlyph):
		return fmt.Sprintf("remove the character the error names from %s: the PDF font cannot print it; or write the letter with --format txt or --format eml, which can", flag)
	case fe.Field == "signature":
		return "--signature takes a PNG or JPEG image; convert the file, for example to signature.png, and pass --signature signature.png"
	case fe.Field == "residence" && len(fe.Suggestions) == 0 && fe.Value != "":
		return "--residence takes an ISO 3166 code such as DE, FR or US-CA; run 'objector jurisdictions' to list them all"
	case fe.Field == "residence" && fe.Value != "":
		return fmt.Sprintf("use --residence %s; run 'objector jurisdictions' to list every code", fe.Suggestions[0])
	case fe.Field == "controller" && fe.Value != "":
		return "--controller takes a directory id; run 'objector controllers list', or describe the company with --controller-name, --controller-address and --controller-email"
	case fe.Field == "lang":
		return "choose a language objector has with --lang, or leave it out for the language where you live"
	case (fe.Field == "paper" || fe.Field == "window") && len(fe.Suggestions) == 2:
		return fmt.Sprintf("use %s %s or %s %s", flag, fe.Suggestions[0], flag, fe.Suggestions[1])
	case fe.Field == "sent":
		return "--sent is the date of the first letter and cannot be later than the follow-up's date (--as-of, default today)"
	case fe.Field == "authority":
		return "use --authority residence"
	}
	return fmt.Sprintf("set %s (or %s in the environment, or the profile file)", flag, envName(strings.TrimPrefix(flag, "--")))
}

// fieldFlags maps the fields of a request, a letter and the render
// options to the flags that set them.
var fieldFlags = map[string]string{
	"name": "--name", "email": "--email", "residence": "--residence", "controller": "--controller",
	"account": "--account", "reason": "--reason", "lang": "--lang", "address": "--address",
	"purposes": "--purpose", "also": "--also", "company.name": "--controller-name", "company.email": "--controller-email",
	"company.address": "--controller-address", "agent.name": "--agent-name", "agent.email": "--agent-email",
	"agent.address": "--agent-address", "enclosures": "--enclose", "signature": "--signature",
	"paper": "--paper", "window": "--window", "format": "--format", "sent": "--sent", "authority": "--authority",
	"kind": "--followup",
}

// envName returns the environment variable for a flag: OBJECTOR_AS_OF for
// --as-of.
func envName(flag string) string {
	return "OBJECTOR_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// noTrailingFlags catches flags written after a positional argument, which
// urfave/cli silently ignores.
func noTrailingFlags(c *cli.Context) error {
	for _, a := range c.Args().Slice() {
		if strings.HasPrefix(a, "-") && a != "-" {
			return &usageError{
				msg:  fmt.Sprintf("flag %s comes after an argument and would be ignored", a),
				hint: fmt.Sprintf("put flags before arguments: objector %s %s ...", c.Command.FullName(), a),
			}
		}
	}
	return nil
}
