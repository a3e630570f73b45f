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

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
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
	err := app.Run(flagsFirst(args))
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
			batchCommand(),
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

// usageError is an error in how the command was called.
type usageError struct {
	msg, hint string
}

func (e *usageError) Error() string { return e.msg }

// report prints err with a hint on what to type instead, and returns the
// exit code for it.
func report(w io.Writer, err error) int {
	// A joined error has one line per error; each gets the prefix.
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(w, "objector: error: %s\n", line)
	}
	hint := func(format string, args ...any) { fmt.Fprintf(w, "objector: hint: "+format+"\n", args...) }
	var (
		ue  *usageError
		fe  *objector.FieldError
		re  *objector.UnknownResidenceError
		ce  *objector.UnknownControllerError
		le  *objector.UnsupportedLanguageError
		efe *objector.EmailFieldError
		nde *objector.NotDueError
		ine *inputError
		ode *outputDirError
		ece cli.ExitCoder
	)
	if code, ok := ledgerHint(err, hint); ok {
		return code
	}
	switch {
	case errors.As(err, &ue):
		if ue.hint != "" {
			hint("%s", ue.hint)
		}
		return exitUsage
	case errors.As(err, &fe):
		if flag := fieldFlags[fe.Field]; flag != "" {
			hint("set %s (or %s in the environment, or the profile file)", flag, envName(strings.TrimPrefix(flag, "--")))
		}
		return exitUsage
	case errors.As(err, &re):
		hint("--residence takes an ISO 3166 code such as DE, FR or US-CA; run 'objector jurisdictions' to list them all")
		return exitUsage
	case errors.As(err, &ce):
		hint("--controller takes a directory id; run 'objector controllers list', or describe the company with --controller-name, --controller-address and --controller-email")
		return exitUsage
	case errors.As(err, &le):
		hint("use --lang with one of: %s", strings.Join(le.Available, ", "))
		return exitUsage
	case errors.Is(err, objector.ErrMissingGlyph):
		if errors.As(err, &ine) {
			hint("remove %s from %s: the PDF font cannot print it; or write the letter with --format txt or --format eml, which can", ine.what, ine.flag)
		} else {
			hint("remove the character the error names, or write the letter with --format txt or --format eml, which can hold any character")
		}
		return exitUsage
	case errors.Is(err, objector.ErrAddressTooLong):
		hint("shorten the company's address (--controller-address, or its record in --controllers), try another layout with --paper a4|letter and --window left|right, or write --format txt or --format eml")
		return exitUsage
	case errors.Is(err, objector.ErrSignatureImage):
		hint("--signature takes a PNG or JPEG image; convert the file, for example to signature.png, and pass --signature signature.png")
		return exitUsage
	case errors.As(err, &efe):
		if flag := emailFieldFlags[efe.Field]; flag != "" {
			hint("correct %s: an email header takes one line without control characters; or write --format txt or --format pdf", flag)
		} else {
			hint("the letter cannot be an email draft; write --format txt or --format pdf instead")
		}
		return exitUsage
	case errors.Is(err, objector.ErrNoForm):
		hint("reminders and complaints go by post or email, not through the company's form: use --format txt, pdf or eml")
		return exitUsage
	case errors.Is(err, objector.ErrNoAuthority):
		hint("a reminder to the company is still possible: objector followup reminder ...")
		return exitUsage
	case errors.As(err, &nde):
		hint("wait until %s, or add --force to write the %s now", nde.Due.AddDays(1), nde.Kind)
		return exitUsage
	case errors.Is(err, objector.ErrNoEntity):
		hint("the directory does not know this company's responsible entity for your region; describe it with --controller-name, --controller-address and --controller-email")
		return exitNoEntity
	case errors.As(err, &ode):
		hint("create the folder first (mkdir -p %s), or write to a folder that exists", ode.dir)
		return exitUsage
	case errors.As(err, &ece):
		if strings.HasPrefix(err.Error(), "No help topic for") { // objector help bogus
			hint("run 'objector help' for the commands, for example: objector help letter")
			return exitUsage
		}
		return ece.ExitCode()
	}
	if strings.Contains(err.Error(), "flag provided but not defined") || strings.Contains(err.Error(), "Required flag") {
		hint("run 'objector help' and 'objector <command> --help' for the flags")
		return exitUsage
	}
	return exitFailure
}

// fieldFlags maps request fields to the flags that set them.
var fieldFlags = map[string]string{
	"name": "--name", "email": "--email", "residence": "--residence", "controller": "--controller",
	"account": "--account", "reason": "--reason", "lang": "--lang", "address": "--address",
	"purposes": "--purpose", "company name": "--controller-name", "company email": "--controller-email",
	"company address": "--controller-address",
}

// emailFieldFlags maps the fields of an email draft to the flags that
// set them.
var emailFieldFlags = map[string]string{
	"sender name": "--name", "sender email": "--email", "recipient name": "--controller-name",
	"recipient email": "--controller-email", "language": "--lang", "body": "--reason",
}

// inputError is an error caused by the value of one flag: what of it
// (such as "'🦄' (U+1F984)") the flag must lose.
type inputError struct {
	flag, what string
	err        error
}

func (e *inputError) Error() string { return e.err.Error() }
func (e *inputError) Unwrap() error { return e.err }

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
