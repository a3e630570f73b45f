package objector

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/objector/objector/email"
	"github.com/objector/objector/pdf"
)

// Format is an output format for a letter.
type Format string

// The formats [Generator.Render] writes.
const (
	FormatPDF  Format = "pdf"
	FormatText Format = "txt"
	FormatJSON Format = "json"
)

// Formats lists every format in the order help texts show them.
var Formats = []Format{FormatPDF, FormatText, FormatJSON}

// ParseFormat returns the format named s, or an error listing the formats.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (choose %s)", s, strings.Join(names, ", "))
}

// RenderOptions adjust rendering.
type RenderOptions struct {
	Paper  string // PDF: "a4" or "letter"; empty: the letter's country
	Window string // PDF: "left" or "right"; empty: the letter's country
}

// Render writes l to w in format f.
func (g *Generator) Render(w io.Writer, l *Letter, f Format, opt RenderOptions) error {
	switch f {
	case FormatPDF:
		return g.pdf.Write(w, &l.Letter, pdf.Options{Paper: opt.Paper, Window: opt.Window, Creator: "objector " + Version})
	case FormatText:
		_, err := io.WriteString(w, email.Text(&l.Letter))
		return err
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(l)
	}
	return fmt.Errorf("unknown format %q", f)
}
