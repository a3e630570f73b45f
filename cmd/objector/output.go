package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/guard"
)

// writeOutput renders into memory, then writes the bytes to stdout (path ""
// or "-") or atomically to path: a temporary file in the same folder,
// readable only by its owner, renamed into place once complete.
func writeOutput(c *cli.Context, path string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if path == "" || path == "-" {
		_, err := c.App.Writer.Write(buf.Bytes())
		return err
	}
	if err := checkOutputPath("output", path); err != nil {
		return err
	}
	return guard.WriteFile(path, buf.Bytes())
}

// checkOutputPath returns a usage error if path, the value of flag, is a
// folder, and an [*outputDirError] if the folder it is to be written in
// does not exist. Standard output ("" or "-") passes.
func checkOutputPath(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		name := "letter.pdf"
		if flag == "ics" {
			name = "reply-due.ics"
		}
		opt := "--" + flag
		if flag == "output" {
			opt = "-o"
		}
		return &usageError{flag: flag, msg: fmt.Sprintf("%s %s is a folder, not a file", opt, path), hint: fmt.Sprintf("give a file name in it, for example %s %s", opt, filepath.Join(path, name))}
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return &outputDirError{path: path, dir: dir, err: err}
	}
	return nil
}

// checkOutputs checks, before anything is generated, where a letter in
// format f and its calendar (ics, "" for none) are to go: no binary PDF
// to a terminal, no calendar to standard output or onto the letter, no
// folder in place of a file, no folder that does not exist.
func checkOutputs(c *cli.Context, f objector.Format, out, ics string) error {
	toStdout := out == "" || out == "-"
	if toStdout && f == objector.FormatPDF && isTerminal(c.App.Writer) {
		return &usageError{msg: "a PDF is binary and would garble the terminal", hint: "write it to a file: -o letter.pdf (or pipe it: ... | lpr)"}
	}
	if ics == "-" {
		return &usageError{flag: "ics", msg: "--ics needs a file name", hint: "write the letter to standard output and the calendar to a file: --ics reply-due.ics"}
	}
	if ics != "" && !toStdout && sameFile(out, ics) {
		return &usageError{flag: "ics", msg: fmt.Sprintf("-o and --ics name the same file %s: one would overwrite the other", out), hint: "give the calendar its own file, for example --ics reply-due.ics"}
	}
	if err := checkOutputPath("output", out); err != nil {
		return err
	}
	return checkOutputPath("ics", ics)
}

// outputDirError reports an output file in a folder that does not exist.
type outputDirError struct {
	path, dir string
	err       error
}

func (e *outputDirError) Error() string {
	return fmt.Sprintf("writing %s: the folder %s does not exist", e.path, e.dir)
}

func (e *outputDirError) Unwrap() error { return e.err }

// outputFormat returns the format of --format, or the one -o's extension
// names, or txt for standard output and a file without an extension. An
// extension objector does not write (brief.docx) is a usage error, not a
// text file under a misleading name.
func outputFormat(c *cli.Context) (objector.Format, error) {
	format := c.String("format")
	if format == "" {
		out := c.String("output")
		format = formatFromPath(out)
		if ext := filepath.Ext(out); format == "" && ext != "" && out != "-" {
			return "", &usageError{flag: "output", msg: fmt.Sprintf("-o %s: objector does not write %s files", out, ext), hint: "name the file .pdf, .txt, .eml or .json, or say the format with --format (" + formatNames() + ")"}
		}
	}
	if format == "" {
		format = "txt"
	}
	f, err := objector.ParseFormat(format)
	if err != nil {
		return "", &usageError{flag: "format", msg: "--format " + strconv.Quote(format) + " is not a format objector writes", hint: "set --format to one of " + formatNames()}
	}
	return f, nil
}

// formatFromPath infers a format from an output file's extension.
func formatFromPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return "pdf"
	case ".txt":
		return "txt"
	case ".json":
		return "json"
	case ".eml":
		return "eml"
	}
	return ""
}

// paperFlag is --paper, for every command that writes a PDF.
func paperFlag() cli.Flag {
	return &cli.StringFlag{Name: "paper", Usage: "PDF `PAPER`: a4 or letter (default: the one used where the person lives)", EnvVars: envs("paper")}
}

// windowFlag is --window, for every command that writes a PDF.
func windowFlag() cli.Flag {
	return &cli.StringFlag{Name: "window", Usage: "PDF envelope `WINDOW` side: left or right (default: the one used where the person lives)", EnvVars: envs("window")}
}

// tableFlags are the output flags of the commands that print a table or
// JSON: --format table|json and -o FILE.
func tableFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "`FORMAT`: table or json", Value: "table", EnvVars: envs("format")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)", Value: "-"},
	}
}

// tableOrJSON reports whether --format asks for JSON, or returns a usage
// error for anything but table or json.
func tableOrJSON(c *cli.Context) (bool, error) {
	switch f := c.String("format"); f {
	case "json":
		return true, nil
	case "table":
		return false, nil
	default:
		return false, &usageError{flag: "format", msg: fmt.Sprintf("--format %q is not table or json", f), hint: "use --format table or --format json"}
	}
}
