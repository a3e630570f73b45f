// Package pdf renders a letter.Letter as a PDF fit to post: A4 with the
// recipient in the window of a DIN 5008 form B letter, Switzerland's
// right-hand window, or US Letter for a #10 window envelope; sender line,
// date, subject, body, closing and signature line, with an embedded Go font
// that covers Latin with all EU diacritics, Greek and Cyrillic.
//
// gofpdf is kept behind this package: nothing else imports it.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/objector/objector/letter"
)

// ErrMissingGlyph is wrapped by errors about text the embedded font cannot
// show.
var ErrMissingGlyph = errors.New("character not in the embedded font")

// Options override the letter's own layout choices.
type Options struct {
	Paper  string // "a4" or "letter"; empty: the letter's
	Window string // "left" or "right"; empty: the letter's
	// Creator is written to the PDF metadata, such as "objector v1.0".
	Creator string
}

// Renderer writes letters as PDF. Font data is parsed once when the
// renderer is made; a Renderer is safe for concurrent use.
type Renderer struct {
	regular, bold []byte
	cover         *sfnt.Font
}

// NewRenderer prepares the embedded fonts.
func NewRenderer() (*Renderer, error) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("pdf: parsing the Go font: %w", err)
	}
	return &Renderer{regular: goregular.TTF, bold: gobold.TTF, cover: f}, nil
}

// CheckText returns an error wrapping [ErrMissingGlyph] naming the first
// rune of s the embedded font lacks.
func (r *Renderer) CheckText(s string) error {
	var buf sfnt.Buffer
	for _, c := range s {
		if c == '\n' || c == '\t' {
			continue
		}
		if unicode.IsControl(c) {
			return fmt.Errorf("%w: control character %U", ErrMissingGlyph, c)
		}
		idx, err := r.cover.GlyphIndex(&buf, c)
		if err != nil || idx == 0 {
			return fmt.Errorf("%w: %q (%U)", ErrMissingGlyph, c, c)
		}
	}
	return nil
}

type layout struct {
	size                     string
	w, h                     float64 // page size, mm
	left, right, top, bottom float64 // margins, mm
	winX, winY, winW, winH   float64 // address window, mm
	dateY                    float64
	foldMarks                []float64
}

func layoutFor(paper, window string) (layout, error) {
	var l layout
	switch paper {
	case "a4", "":
		// DIN 5008 form B: address field 20 mm from the left, 45 mm from
		// the top, 85 × 45 mm; fold marks at 105 and 210 mm.
		l = layout{size: "A4", w: 210, h: 297, left: 25, right: 20, top: 20, bottom: 20,
			winX: 20, winY: 45, winW: 85, winH: 45, dateY: 98, foldMarks: []float64{105, 210}}
		if window == "right" {
			// SN 010130: window on the right, 118 mm from the left edge.
			l.winX, l.winY, l.winW, l.winH = 118, 52, 80, 40
			l.left, l.right = 22, 12
			l.dateY = 100
		}
	case "letter":
		// US Letter in a #10 window envelope: window 7/8 in from the left,
		// 2 in from the top, 4 1/2 × 1 1/8 in; tri-fold at 3 2/3 in.
		l = layout{size: "Letter", w: 215.9, h: 279.4, left: 25.4, right: 25.4, top: 19, bottom: 20,
			winX: 22.2, winY: 50.8, winW: 101.6, winH: 28.6, dateY: 90, foldMarks: []float64{93.1, 186.2}}
	default:
		return l, fmt.Errorf("pdf: paper %q is not a4 or letter", paper)
	}
	if window != "" && window != "left" && window != "right" {
		return l, fmt.Errorf("pdf: window %q is not left or right", window)
	}
	return l, nil
}

// Write renders l to w.
func (r *Renderer) Write(w io.Writer, l *letter.Letter, opt Options) error {
	for _, s := range append(append([]string{l.Subject, l.Salutation, l.Closing, l.Signature, l.Sender.Name, l.Recipient.Name, l.DateText}, l.Body...), append(l.Sender.Address, l.Recipient.Address...)...) {
		if err := r.CheckText(s); err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
	}
	paper, window := l.Paper, l.Window
	if opt.Paper != "" {
		paper = opt.Paper
	}
	if opt.Window != "" {
		window = opt.Window
	}
	lay, err := layoutFor(paper, window)
	if err != nil {
		return err
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: lay.w, Ht: lay.h}})
	pdf.SetCatalogSort(true)
	stamp := l.Date
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetCompression(true)
	pdf.SetTitle(l.Subject, true)
	pdf.SetAuthor(l.Sender.Name, true)
	pdf.SetSubject(l.Subject, true)
	if opt.Creator != "" {
		pdf.SetCreator(opt.Creator, true)
	}
	// gofpdf writes into the font bytes it is given: each document gets
	// its own copy so concurrent renders do not share them.
	pdf.AddUTF8FontFromBytes("go", "", bytes.Clone(r.regular))
	pdf.AddUTF8FontFromBytes("go", "B", bytes.Clone(r.bold))
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: loading fonts: %w", err)
	}
	pdf.SetMargins(lay.left, lay.top, lay.right)
	pdf.SetAutoPageBreak(true, lay.bottom+8)

	pageTmpl, err := template.New("page").Option("missingkey=error").Parse(l.Labels["page"])
	if err != nil {
		return fmt.Errorf("pdf: page label: %w", err)
	}
	var footerErr error
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		var b strings.Builder
		if err := pageTmpl.Execute(&b, map[string]any{"Page": pdf.PageNo(), "Pages": "{nb}"}); err != nil && footerErr == nil {
			footerErr = err
		}
		pdf.SetY(-(lay.bottom))
		pdf.SetFont("go", "", 8)
		pdf.CellFormat(0, 4, b.String(), "", 0, "R", false, 0, "")
	})
	pdf.SetHeaderFunc(func() {
		if pdf.PageNo() == 1 {
			for _, y := range lay.foldMarks {
				pdf.SetLineWidth(0.2)
				pdf.Line(4, y, 8, y)
			}
			return
		}
		pdf.SetFont("go", "", 8)
		pdf.CellFormat(0, 4, l.Sender.Name+" · "+l.Subject, "", 1, "L", false, 0, "")
		pdf.Ln(4)
	})
	pdf.AddPage()
	contentW := lay.w - lay.left - lay.right

	// Sender line above the window, then the recipient inside it.
	pdf.SetFont("go", "", 7)
	senderLine := strings.Join(append([]string{l.Sender.Name}, l.Sender.Address...), " · ")
	pdf.SetXY(lay.winX, lay.winY)
	pdf.CellFormat(lay.winW, 4, fitLine(pdf, senderLine, lay.winW), "", 1, "L", false, 0, "")
	pdf.SetFont("go", "", 10)
	y := lay.winY + 6
	for _, line := range append([]string{l.Recipient.Name}, l.Recipient.Address...) {
		for _, part := range wrap(pdf, line, lay.winW) {
			pdf.SetXY(lay.winX, y)
			pdf.CellFormat(lay.winW, 4.5, part, "", 0, "L", false, 0, "")
			y += 4.5
		}
	}

	// Sender block at the top right, for the recipient's reply.
	pdf.SetFont("go", "", 9)
	senderX := lay.w - lay.right - 70
	if window == "right" {
		senderX = lay.left
	}
	sy := lay.top
	for _, line := range append(append([]string{l.Sender.Name}, l.Sender.Address...), l.Sender.Email) {
		if line == "" {
			continue
		}
		pdf.SetXY(senderX, sy)
		pdf.CellFormat(70, 4.2, fitLine(pdf, line, 70), "", 0, "L", false, 0, "")
		sy += 4.2
	}

	pdf.SetXY(lay.left, lay.dateY)
	pdf.SetFont("go", "", 10)
	pdf.CellFormat(contentW, 5, l.DateText, "", 1, "R", false, 0, "")
	if l.Reference != "" {
		pdf.CellFormat(contentW, 5, l.Labels["reference"]+": "+l.Reference, "", 1, "R", false, 0, "")
	}
	pdf.Ln(4)
	pdf.SetFont("go", "B", 11)
	pdf.MultiCell(contentW, 5.5, l.Subject, "", "L", false)
	pdf.Ln(4)
	pdf.SetFont("go", "", 10.5)
	pdf.MultiCell(contentW, 5, l.Salutation, "", "L", false)
	pdf.Ln(2.5)
	for _, p := range l.Body {
		pdf.MultiCell(contentW, 5, p, "", "L", false)
		pdf.Ln(2.5)
	}
	pdf.MultiCell(contentW, 5, l.Closing, "", "L", false)
	pdf.Ln(14)
	x := pdf.GetX()
	pdf.SetLineWidth(0.2)
	pdf.Line(x, pdf.GetY(), x+70, pdf.GetY())
	pdf.Ln(1)
	pdf.MultiCell(contentW, 5, l.Signature, "", "L", false)
	if len(l.Enclosures) > 0 {
		pdf.Ln(6)
		pdf.SetFont("go", "B", 10)
		pdf.MultiCell(contentW, 5, l.Labels["enclosures"], "", "L", false)
		pdf.SetFont("go", "", 10)
		for _, e := range l.Enclosures {
			pdf.MultiCell(contentW, 5, "– "+e, "", "L", false)
		}
	}
	if footerErr != nil {
		return fmt.Errorf("pdf: page label: %w", footerErr)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return pdf.Error()
}

// wrap splits s into lines that fit width, breaking at spaces.
func wrap(pdf *gofpdf.Fpdf, s string, width float64) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && pdf.GetStringWidth(try) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// fitLine shortens s with an ellipsis until it fits width.
func fitLine(pdf *gofpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
