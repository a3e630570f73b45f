package objector

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/objector/objector/email"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/webform"
)

// Format is an output format for a letter.
type Format string

// The formats [Generator.Render] writes.
const (
	FormatPDF  Format = "pdf"
	FormatText Format = "txt"
	FormatJSON Format = "json"
	// FormatEML is an RFC 5322 message marked as a draft (a .eml file),
	// with the PDF attached if [RenderOptions].AttachPDF is set.
	FormatEML Format = "eml"
	// FormatMailto is an RFC 6068 mailto: URL and a line break. URLs
	// longer than [MailtoLimit] may not open in every mail program.
	FormatMailto Format = "mailto"
	// FormatForm is the web-form route as steps to follow: switch off the
	// company's setting, open its form, what to enter in each field (see
	// package webform).
	FormatForm Format = "form"
	// FormatFormJSON is the web-form route as one JSON object
	// (webform.Document).
	FormatFormJSON Format = "form-json"
)

// MailtoLimit is the length of a mailto: URL above which common mail
// programs may cut it or refuse to open it.
const MailtoLimit = email.MailtoLimit

// Formats lists every format in the order help texts show them.
var Formats = []Format{FormatPDF, FormatText, FormatEML, FormatMailto, FormatForm, FormatFormJSON, FormatJSON}

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
	// Signature is a PNG or JPEG image of the sender's signature, printed
	// above the signature line of a PDF; nil for none.
	Signature []byte
	// AttachPDF attaches the PDF of the letter to an EML message (with
	// Paper and Window applied).
	AttachPDF bool
}

// Render writes l to w in format f.
func (g *Generator) Render(w io.Writer, l *Letter, f Format, opt RenderOptions) error {
	switch f {
	case FormatPDF:
		return g.pdf.Write(w, &l.Letter, pdf.Options{Paper: opt.Paper, Window: opt.Window, Creator: "objector " + Version, Signature: opt.Signature})
	case FormatText:
		_, err := io.WriteString(w, email.Text(&l.Letter))
		return err
	case FormatEML:
		var eo email.Options
		if opt.AttachPDF {
			var pdfBuf bytes.Buffer
			if err := g.pdf.Write(&pdfBuf, &l.Letter, pdf.Options{Paper: opt.Paper, Window: opt.Window, Creator: "objector " + Version, Signature: opt.Signature}); err != nil {
				return err
			}
			eo.Attachment = &email.Attachment{Name: attachmentName(l), ContentType: "application/pdf", Data: pdfBuf.Bytes()}
		}
		return email.EML(w, &l.Letter, eo)
	case FormatMailto:
		u, err := email.Mailto(&l.Letter)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, u+"\n")
		return err
	case FormatForm:
		return webform.Text(w, &l.Letter)
	case FormatFormJSON:
		return webform.JSON(w, &l.Letter)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(l)
	}
	return fmt.Errorf("unknown format %q", f)
}

// attachmentName names the PDF attached to an email: the letter's kind
// and reference, such as "objection-OBJ-NE7I-EG3A.pdf".
func attachmentName(l *Letter) string {
	name := l.Kind
	if name == "" {
		name = "letter"
	}
	if l.Reference != "" {
		name += "-" + l.Reference
	}
	return name + ".pdf"
}
