package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/objector/objector"
	"github.com/objector/objector/batch"
)

func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "write many letters from a CSV or JSONL file, one row per person",
		UsageText: "objector batch --input FILE.csv|FILE.jsonl|- --out DIR [--format pdf,txt] [options]",
		Description: `Reads one row per person and writes one letter per company the row names
(several ids in the controller cell, separated by ; or |), in every format
--format lists, to DIR as <row>-<controller>-<lang>.<ext>. Bad rows are
reported with their line number and the run goes on; the exit code is then 4.

Columns (CSV header or JSONL keys, any case): name, email, residence,
controller (required), address, lang, purposes, account, reason, sent.

With --agent-name (or agent_name in the profile) every letter is sent on the
person's behalf and states the agent's authority; keep each person's signed
mandate, which the letter lists as enclosed.

With --followup reminder or --followup complaint every row's "sent" column
dates the first letter, and the run writes the follow-up instead, named
<row>-<controller>-<lang>-<kind>.<ext>. A row whose deadline has not passed
fails with its due date unless --force is given.

Examples:
  objector batch --input people.csv --out letters --format pdf,txt --report failures.csv
  objector batch --input people.csv --out letters --resume
  cat people.jsonl | objector batch --input - --input-format jsonl --out letters
  objector batch --input people.csv --out letters --followup reminder --format pdf`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "the rows: a .csv or .jsonl `FILE`, or - for standard input", EnvVars: envs("input")},
			&cli.StringFlag{Name: "input-format", Usage: "the input's `FORMAT`: csv or jsonl (default: from the file's extension)", EnvVars: envs("input-format")},
			&cli.StringFlag{Name: "out", Usage: "the `DIR` the letters are written to (created if missing)", EnvVars: envs("out")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMATS`, comma-separated: " + formatNames() + " (default: pdf)", Value: "pdf", EnvVars: envs("format")},
			&cli.IntFlag{Name: "workers", Usage: "letters generated at once (`N`)", Value: runtime.NumCPU(), EnvVars: envs("workers")},
			&cli.StringFlag{Name: "followup", Usage: "write follow-ups to the letters the \"sent\" column dates: reminder or complaint", EnvVars: envs("followup")},
			&cli.StringFlag{Name: "authority", Usage: "with --followup complaint: residence (the person's authority) or lead (the company's lead authority under the GDPR)", EnvVars: envs("authority")},
			&cli.BoolFlag{Name: "force", Usage: "with --followup: write even where the first letter's deadline has not passed", EnvVars: envs("force")},
			&cli.BoolFlag{Name: "resume", Usage: "skip letters whose files exist already (after an interrupted run)", EnvVars: envs("resume")},
			&cli.StringFlag{Name: "report", Usage: "write the failed rows to this CSV `FILE` (line, row, controller, field, error; no personal data)", EnvVars: envs("report")},
			&cli.StringFlag{Name: "as-of", Usage: "the letter `DATE` (YYYY-MM-DD) for every letter (default: today, fixed for the run and kept in DIR for --resume)", EnvVars: envs("as-of")},
			&cli.StringFlag{Name: "controllers", Usage: "a TOML `FILE` or folder of controller records that add to or override the directory", EnvVars: envs("controllers")},
			&cli.StringFlag{Name: "paper", Usage: "PDF `PAPER`: a4 or letter (default: by country)", EnvVars: envs("paper")},
			&cli.StringFlag{Name: "window", Usage: "PDF envelope `WINDOW` side: left or right (default: by country)", EnvVars: envs("window")},
			&cli.StringFlag{Name: "profile", Usage: "profile `FILE` with agent_name, agent_address, agent_email (default: $XDG_CONFIG_HOME/objector/profile.toml)", EnvVars: envs("profile")},
		}, append(agentFlags("send every letter"), recordFlags()...)...),
		Before: applyProfile,
		Action: runBatch,
	}
}

func formatNames() string {
	names := make([]string, len(objector.Formats))
	for i, f := range objector.Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func runBatch(c *cli.Context) error {
	if err := noTrailingFlags(c); err != nil {
		return err
	}
	if c.Args().Len() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", c.Args().First()), hint: "batch takes flags only: objector batch --input FILE --out DIR"}
	}
	opts, err := batchOptions(c)
	if err != nil {
		return err
	}
	in := c.String("input")
	var r io.Reader
	switch in {
	case "":
		return &usageError{msg: "--input is missing", hint: "give the rows with --input people.csv (or --input - --input-format csv for standard input)"}
	case "-":
		r = c.App.Reader
	default:
		f, err := os.Open(in)
		if err != nil {
			return &usageError{msg: err.Error(), hint: "--input takes a .csv or .jsonl file, or - for standard input"}
		}
		defer f.Close()
		r = f
	}
	switch s := c.String("input-format"); {
	case s != "":
		if opts.Input, err = batch.ParseInputFormat(s); err != nil {
			return &usageError{msg: err.Error(), hint: "set --input-format to csv or jsonl"}
		}
	case in == "-":
		return &usageError{msg: "the format of standard input is unknown", hint: "add --input-format csv or --input-format jsonl"}
	default:
		if opts.Input = batch.InputFormatFromPath(in); opts.Input == "" {
			return &usageError{msg: fmt.Sprintf("cannot tell the format of %s from its extension", in), hint: "name the file .csv or .jsonl, or add --input-format csv or --input-format jsonl"}
		}
	}

	var report *os.File
	if path := c.String("report"); path != "" {
		if report, err = os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp"); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		defer os.Remove(report.Name()) // fails harmlessly after the rename
		defer report.Close()
		if err := report.Chmod(0o600); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		opts.Report = report
	}

	stderr := c.App.ErrWriter
	progress := isTerminal(stderr)
	var last time.Time
	if progress {
		opts.Progress = func(s batch.Summary) {
			if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
				last = now
				fmt.Fprintf(stderr, "\r\x1b[Kobjector: %d rows: %d written, %d skipped, %d failed", s.Rows, s.Written, s.Skipped, s.Failed)
			}
		}
	}

	if opts.Ledger, err = openLedger(c); err != nil {
		return err
	}
	if opts.Ledger != nil {
		defer opts.Ledger.Close()
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, runErr := batch.Run(ctx, r, opts)
	if progress {
		fmt.Fprint(stderr, "\r\x1b[K")
	}
	if report != nil {
		cerr := report.Close()
		if cerr == nil {
			cerr = os.Rename(report.Name(), c.String("report"))
		}
		if cerr != nil && runErr == nil {
			runErr = fmt.Errorf("report: %w", cerr)
		}
	}
	if errors.Is(runErr, batch.ErrHeader) {
		return &usageError{msg: runErr.Error(), hint: "the first line must name the columns: " + strings.Join(batch.Columns, ", ")}
	}
	fmt.Fprintf(stderr, "objector: batch: %d written, %d skipped, %d failed (%d rows, %d files) in %s\n",
		sum.Written, sum.Skipped, sum.Failed, sum.Rows, sum.Files, sum.Elapsed.Round(time.Millisecond))
	if opts.Ledger != nil {
		fmt.Fprintf(stderr, "objector: batch: %s recorded in %s\n", plural(sum.Recorded, "request", "requests"), opts.Ledger.Path())
	}
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted; run the same command with --resume to finish")
	}
	var rowErrs []*batch.RowError
	var fatal error
	for _, e := range unjoin(runErr) {
		var re *batch.RowError
		if errors.As(e, &re) {
			rowErrs = append(rowErrs, re)
		} else if !errors.Is(e, batch.ErrTruncated) {
			fatal = e
		}
	}
	if fatal != nil {
		return fatal
	}
	const show = 10
	for i, e := range rowErrs {
		if i == show {
			fmt.Fprintf(stderr, "objector: ... and %d more\n", sum.Failed-show)
			break
		}
		line := fmt.Sprintf("objector: line %d", e.Line)
		if e.Controller != "" {
			line += " (" + e.Controller + ")"
		}
		if e.Field != "" {
			line += ": " + e.Field
		}
		fmt.Fprintf(stderr, "%s: %s\n", line, e.Redacted())
	}
	if sum.Failed > 0 {
		hint := "fix those rows and run again with --resume"
		if c.String("report") == "" {
			hint = "add --report failures.csv to list every failed row; " + hint
		}
		fmt.Fprintf(stderr, "objector: hint: %s\n", hint)
		return cli.Exit(fmt.Sprintf("%s failed, %s written", plural(sum.Failed, "letter or row", "letters or rows"), plural(sum.Written, "letter", "letters")), exitPartial)
	}
	return nil
}

// batchOptions builds the options from the flags other than the input.
func batchOptions(c *cli.Context) (batch.Options, error) {
	opts := batch.Options{
		Workers: c.Int("workers"),
		Resume:  c.Bool("resume"),
		OutDir:  c.String("out"),
		Render:  objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window")},

		Kind:      c.String("followup"),
		Authority: c.String("authority"),
		Force:     c.Bool("force"),
	}
	switch opts.Kind {
	case "", objector.KindReminder, objector.KindComplaint:
	default:
		return opts, &usageError{msg: fmt.Sprintf("--followup %q is not reminder or complaint", opts.Kind), hint: "use --followup reminder or --followup complaint, or leave it out for first letters"}
	}
	if (opts.Authority != "" || opts.Force) && opts.Kind == "" {
		return opts, &usageError{msg: "--authority and --force go with --followup", hint: "add --followup reminder or --followup complaint"}
	}
	if opts.OutDir == "" {
		return opts, &usageError{msg: "--out is missing", hint: "give the folder for the letters: --out letters"}
	}
	if opts.Workers < 1 {
		return opts, &usageError{msg: "--workers must be at least 1", hint: fmt.Sprintf("leave it out to use %d", runtime.NumCPU())}
	}
	for _, s := range strings.Split(c.String("format"), ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		f, err := objector.ParseFormat(s)
		if err != nil {
			return opts, &usageError{msg: err.Error(), hint: "set --format to a comma-separated list of " + formatNames()}
		}
		if !containsFormat(opts.Formats, f) {
			opts.Formats = append(opts.Formats, f)
		}
	}
	if s := c.String("as-of"); s != "" {
		d, err := objector.ParseDate(s)
		if err != nil {
			return opts, &usageError{msg: "--as-of: " + err.Error(), hint: "write the date as YYYY-MM-DD, for example --as-of 2026-11-24"}
		}
		opts.AsOf = d
	}
	agent, err := agentFromFlags(c)
	if err != nil {
		return opts, err
	}
	opts.Agent = agent
	g, err := generator(c)
	if err != nil {
		return opts, err
	}
	opts.Generator = g
	return opts, nil
}

func containsFormat(list []objector.Format, f objector.Format) bool {
	for _, g := range list {
		if g == f {
			return true
		}
	}
	return false
}

// unjoin returns the errors an errors.Join joined, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// isTerminal reports whether w is a terminal, where progress lines help;
// elsewhere (a file, a pipe, a test) output stays stable.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// plural writes n with the singular or plural noun: "1 letter", "2 letters".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
