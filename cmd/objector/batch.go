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
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/objector/objector"
	"github.com/objector/objector/batch"
	"github.com/objector/objector/internal/guard"
)

func batchCommand() *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "write many letters from a CSV, XLSX or JSONL file, one row per person",
		UsageText: "objector batch --input FILE.csv|FILE.xlsx|FILE.jsonl|- --out DIR [--format pdf,txt] [options]",
		Description: `Reads one row per person and writes one letter per company the row names
(several ids in the controller cell, separated by ; or |), in every format
--format lists, to DIR as <row>-<controller>-<lang>.<ext>. Bad rows are
reported with their line number and the run goes on; the exit code is then 4.

Columns (header or JSONL keys, any case): name, email, residence,
controller (required), address, lang, purposes, account, reason, sent; the
common names in the letter languages work too (E-Mail, Wohnort, Nom, Pays,
Nombre, Correo...). A CSV file may separate its cells with commas, semicolons
or tabs (found from the header, or --delimiter) and be UTF-8, UTF-16 with a
byte-order mark, or --encoding windows-1252 as Excel saves it. An .xlsx
workbook is read from its first sheet, or --sheet NAME. Dates in the sent
column may be ISO (2026-04-01), 01.04.2026, 01/04/2026 where the day and
month cannot be mixed up, or Excel dates.

DIR also gets manifest.csv, one line per letter (company, reference, law,
due date, files; no names or emails). Only one batch writes to DIR at a time,
and a DIR that holds an earlier run's letters needs --resume (finish that run)
or --overwrite (replace them).

With --agent-name (or agent_name in the profile) every letter is sent on the
person's behalf and states the agent's authority; keep each person's signed
mandate, which the letter lists as enclosed.

With --followup reminder or --followup complaint every row's "sent" column
dates the first letter, and the run writes the follow-up instead, named
<row>-<controller>-<lang>-<kind>.<ext>. A row whose deadline has not passed
fails with its due date unless --force is given. With --followup reply each
row answers what the company said: its "reply" column names the kind
(id-demanded, use-form, refused, extended, partial, appeal), "received" the
date of the answer, "unanswered" the open points of a partial answer and
"extended_to" the date an extension names (see objector reply --help).

Examples:
  objector batch --input people.csv --out letters --format pdf,txt --report failures.csv
  objector batch --input people.csv --out letters --resume
  objector batch --input Mitglieder.xlsx --sheet Anmeldungen --out briefe --format pdf,eml
  objector batch --input export.csv --encoding windows-1252 --out letters
  cat people.jsonl | objector batch --input - --input-format jsonl --out letters
  objector batch --input people.csv --out letters --followup reminder --format pdf
  objector batch --input answers.csv --out letters --followup reply --format pdf,eml`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "input", Aliases: []string{"i"}, Usage: "the rows: a .csv, .xlsx or .jsonl `FILE`, or - for standard input", EnvVars: envs("input")},
			&cli.StringFlag{Name: "input-format", Usage: "the input's `FORMAT`: csv, xlsx or jsonl (default: from the file's extension)", EnvVars: envs("input-format")},
			&cli.StringFlag{Name: "delimiter", Usage: "the CSV cell separator `SEP`: , ; or tab (default: found from the header line)", EnvVars: envs("delimiter")},
			&cli.StringFlag{Name: "encoding", Usage: "the CSV file's `ENCODING` if not UTF-8, such as windows-1252 or iso-8859-2", EnvVars: envs("encoding")},
			&cli.StringFlag{Name: "sheet", Usage: "the .xlsx sheet `NAME` to read (default: the first)", EnvVars: envs("sheet")},
			&cli.StringFlag{Name: "out", Usage: "the `DIR` the letters are written to (created if missing)", EnvVars: envs("out")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMATS`, comma-separated: " + formatNames() + "", Value: "pdf", EnvVars: envs("format")},
			&cli.IntFlag{Name: "workers", Usage: "letters generated at once (`N`)", Value: runtime.NumCPU(), EnvVars: envs("workers")},
			&cli.StringFlag{Name: "followup", Usage: "write follow-ups (`KIND`: reminder or complaint) to the letters the \"sent\" column dates", EnvVars: envs("followup")},
			&cli.StringFlag{Name: "authority", Usage: "with --followup complaint, who receives it (`AUTHORITY`): residence (the person's authority) or lead (the company's lead authority under the GDPR)", EnvVars: envs("authority")},
			&cli.BoolFlag{Name: "force", Usage: "with --followup: write even where the first letter's deadline has not passed", EnvVars: envs("force")},
			&cli.BoolFlag{Name: "resume", Usage: "finish an interrupted run: keep the letters whose files are complete, write the rest, with the run's letter date", EnvVars: envs("resume")},
			&cli.BoolFlag{Name: "overwrite", Usage: "replace the files an earlier run wrote to DIR (without it, or --resume, such files stop the run)", EnvVars: envs("overwrite")},
			&cli.StringFlag{Name: "manifest", Usage: "also write the list of letters to this CSV `FILE` (row, company, reference, law, language, channel, due date, files; no names or emails); DIR always gets manifest.csv", EnvVars: envs("manifest")},
			&cli.StringFlag{Name: "report", Usage: "write the failed rows to this CSV `FILE` (line, row, controller, field, error; no personal data)", EnvVars: envs("report")},
			&cli.StringFlag{Name: "as-of", Usage: "the letter `DATE` (YYYY-MM-DD) for every letter (default: today, fixed for the run and kept in DIR for --resume)", EnvVars: envs("as-of")},
			&cli.StringFlag{Name: "controllers", Usage: "a TOML `FILE` or folder of controller records that add to or override the directory", EnvVars: envs("controllers")},
			paperFlag(),
			windowFlag(),
			&cli.StringFlag{Name: "profile", Usage: "profile `FILE` with agent_name, agent_address, agent_email (default: $XDG_CONFIG_HOME/objector/profile.toml)", EnvVars: envs("profile")},
		}, append(agentFlags("send every letter"), recordFlags()...)...),
		Before: applyProfile,
		Action: runBatch,
	}
}

func formatNames() string {
	var names []string
	for _, f := range objector.Formats() {
		names = append(names, string(f))
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
			return &usageError{msg: err.Error(), hint: "--input takes a .csv, .xlsx or .jsonl file, or - for standard input"}
		}
		defer f.Close()
		r = f
	}
	switch s := c.String("input-format"); {
	case s != "":
		if opts.Input, err = batch.ParseInputFormat(s); err != nil {
			return &usageError{msg: err.Error(), hint: "set --input-format to csv, xlsx or jsonl"}
		}
	case in == "-":
		return &usageError{msg: "the format of standard input is unknown", hint: "add --input-format csv, --input-format xlsx or --input-format jsonl"}
	default:
		if opts.Input = batch.InputFormatFromPath(in); opts.Input == "" {
			hint := "name the file .csv, .xlsx or .jsonl, or add --input-format csv, xlsx or jsonl"
			switch strings.ToLower(filepath.Ext(in)) {
			case ".ods", ".xls", ".numbers", ".xlsb", ".xlsm":
				hint = "objector reads .xlsx and .csv: open the file in your spreadsheet program and save it as Excel workbook (.xlsx) or CSV"
			}
			return &usageError{msg: fmt.Sprintf("cannot read %s: its format is not one objector reads", in), hint: hint}
		}
	}
	if opts.Read, err = readOptions(c, opts.Input); err != nil {
		return err
	}

	if err := checkSidePaths(c, in); err != nil {
		return err
	}
	var report *os.File
	if path := c.String("report"); path != "" {
		removeStaleTemps(path)
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
	defer batch.TuneGC()() // GOGC and GOMEMLIMIT override it
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
	if path := c.String("manifest"); path != "" && sum.Manifest != "" && ctx.Err() == nil {
		removeStaleTemps(path)
		data, err := os.ReadFile(sum.Manifest)
		if err == nil {
			err = guard.WriteFile(path, data)
		}
		if err != nil && runErr == nil {
			runErr = fmt.Errorf("manifest: %w", err)
		}
	}
	switch {
	case errors.Is(runErr, batch.ErrLocked):
		return &usageError{msg: fmt.Sprintf("%s: %v", opts.OutDir, runErr), hint: "wait for the other batch to finish, or give another folder with --out"}
	case errors.Is(runErr, batch.ErrOutputExists):
		return &usageError{msg: runErr.Error(), hint: "add --resume to finish that run (it keeps complete files), --overwrite to replace its files, or give another folder with --out"}
	case errors.Is(runErr, batch.ErrAsOfMismatch):
		return &usageError{msg: runErr.Error(), hint: "leave out --as-of to finish the run with its own date"}
	}
	if errors.Is(runErr, batch.ErrHeader) {
		return &usageError{msg: runErr.Error(), hint: "the first line must name the columns: " + strings.Join(batch.Columns, ", ")}
	}
	if errors.Is(runErr, batch.ErrSpreadsheet) {
		return &usageError{msg: runErr.Error(), hint: "give the sheet with --sheet NAME, or save the file from your spreadsheet program as .xlsx or .csv"}
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
	for _, e := range rowErrs {
		if errors.Is(e, batch.ErrInvalidUTF8) {
			fmt.Fprintf(stderr, "objector: hint: line %d is not UTF-8; if Excel saved the file, add --encoding windows-1252 (or save it as \"CSV UTF-8\")\n", e.Line)
			break
		}
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
		Workers:   c.Int("workers"),
		Resume:    c.Bool("resume"),
		Overwrite: c.Bool("overwrite"),
		OutDir:    c.String("out"),
		Render:    objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window")},

		Kind:      c.String("followup"),
		Authority: c.String("authority"),
		Force:     c.Bool("force"),
	}
	switch opts.Kind {
	case "", objector.KindReminder, objector.KindComplaint, objector.KindReply:
	default:
		return opts, &usageError{msg: fmt.Sprintf("--followup %q is not reminder, complaint or reply", opts.Kind), hint: "use --followup reminder, --followup complaint or --followup reply, or leave it out for first letters"}
	}
	if (opts.Authority != "" || opts.Force) && opts.Kind == "" {
		return opts, &usageError{msg: "--authority and --force go with --followup", hint: "add --followup reminder or --followup complaint"}
	}
	if opts.OutDir == "" {
		return opts, &usageError{msg: "--out is missing", hint: "give the folder for the letters: --out letters"}
	}
	if opts.Resume && opts.Overwrite {
		return opts, &usageError{msg: "--resume and --overwrite exclude each other", hint: "--resume keeps the complete files of an interrupted run, --overwrite replaces them: choose one"}
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
			return opts, &usageError{msg: fmt.Sprintf("--format %q is not a format objector writes", s), hint: "set --format to a comma-separated list of " + formatNames()}
		}
		if !containsFormat(opts.Formats, f) {
			opts.Formats = append(opts.Formats, f)
		}
	}
	var err error
	if opts.AsOf, err = dateFlag(c, "as-of"); err != nil {
		return opts, err
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

// checkSidePaths refuses a --report or --manifest file that is the
// input (by name or, through a link, by file), the other one, or a
// folder, before anything is written.
func checkSidePaths(c *cli.Context, input string) error {
	report, manifest := c.String("report"), c.String("manifest")
	if report != "" && manifest != "" && sameFile(report, manifest) {
		return &usageError{msg: "--report and --manifest name the same file", hint: "give them two names, such as --report failures.csv --manifest letters.csv"}
	}
	for _, side := range []struct{ flag, path string }{{"--report", report}, {"--manifest", manifest}} {
		if side.path == "" {
			continue
		}
		if input != "-" && sameFile(side.path, input) {
			return &usageError{msg: fmt.Sprintf("%s %s is the input file; writing it would destroy the rows", side.flag, side.path), hint: fmt.Sprintf("give %s another file name, such as %s", side.flag, map[string]string{"--report": "failures.csv", "--manifest": "letters.csv"}[side.flag])}
		}
		if info, err := os.Stat(side.path); err == nil && info.IsDir() {
			return &usageError{msg: fmt.Sprintf("%s %s is a folder", side.flag, side.path), hint: fmt.Sprintf("give %s a file name inside it, such as %s", side.flag, filepath.Join(side.path, "failures.csv"))}
		}
		if info, err := os.Stat(filepath.Dir(side.path)); err != nil || !info.IsDir() {
			return &usageError{msg: fmt.Sprintf("%s %s: the folder %s does not exist", side.flag, side.path, filepath.Dir(side.path)), hint: "create the folder first, or write the file elsewhere"}
		}
	}
	return nil
}

// sameFile reports whether two paths name the same file: the same
// cleaned absolute path, or the same file on disk (a hard or symbolic
// link to it).
func sameFile(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// removeStaleTemps removes the temporary files an earlier run that was
// killed left beside path: .<name>.<digits>.tmp, as guard.WriteFile
// and the report name them.
func removeStaleTemps(path string) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, m := range matches {
		digits := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), "."+base+"."), ".tmp")
		if digits != "" && strings.Trim(digits, "0123456789") == "" {
			os.Remove(m)
		}
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// readOptions builds the input's read options from --delimiter,
// --encoding and --sheet.
func readOptions(c *cli.Context, f batch.InputFormat) (batch.ReadOptions, error) {
	var ro batch.ReadOptions
	if (c.String("delimiter") != "" || c.String("encoding") != "") && f != batch.CSV {
		return ro, &usageError{msg: "--delimiter and --encoding apply to CSV input only", hint: "leave them out for " + string(f) + " input"}
	}
	if c.String("sheet") != "" && f != batch.XLSX {
		return ro, &usageError{msg: "--sheet applies to .xlsx input only", hint: "leave it out for " + string(f) + " input"}
	}
	ro.Sheet = c.String("sheet")
	switch d := c.String("delimiter"); strings.ToLower(d) {
	case "":
	case ",", "comma":
		ro.Delimiter = ','
	case ";", "semicolon":
		ro.Delimiter = ';'
	case "\t", `\t`, "tab":
		ro.Delimiter = '\t'
	default:
		return ro, &usageError{msg: fmt.Sprintf("--delimiter %q is not a comma, semicolon or tab", d), hint: "use --delimiter , or --delimiter ';' or --delimiter tab, or leave it out to find it from the header"}
	}
	if name := c.String("encoding"); name != "" {
		enc, err := htmlindex.Get(name)
		if err != nil {
			return ro, &usageError{msg: fmt.Sprintf("--encoding %q is not an encoding objector knows", name), hint: "use an encoding name such as windows-1252 (Western European Excel), windows-1250, iso-8859-15 or utf-8"}
		}
		if enc != unicode.UTF8 {
			ro.Encoding = enc
		}
	}
	return ro, nil
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
// It is a variable so that tests can play a terminal.
var isTerminal = func(w io.Writer) bool {
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
