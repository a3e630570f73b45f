package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
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
	return objector.WriteFile(path, buf.Bytes())
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
