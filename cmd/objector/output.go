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
	if err := checkOutputDir(path); err != nil {
		return err
	}
	return guard.WriteFile(path, buf.Bytes())
}

// checkOutputDir returns an [*outputDirError] if the folder path is to be
// written in does not exist.
func checkOutputDir(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return &outputDirError{path: path, dir: dir, err: err}
	}
	return nil
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
// names, or txt.
func outputFormat(c *cli.Context) (objector.Format, error) {
	format := c.String("format")
	if format == "" {
		format = formatFromPath(c.String("output"))
	}
	if format == "" {
		format = "txt"
	}
	f, err := objector.ParseFormat(format)
	if err != nil {
		return "", &usageError{msg: "--format " + strconv.Quote(format) + " is not a format objector writes", hint: "set --format to one of " + formatNames()}
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
		return false, &usageError{msg: fmt.Sprintf("unknown format %q", f), hint: "use --format table or --format json"}
	}
}
