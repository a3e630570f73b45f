// Package pdf renders a letter.Letter as a PDF fit to post.
//
// # Layouts
//
// The page follows the letter's country, or [Options] override it:
//
//   - "a4", window "left": DIN 5008 form B. The address field is 85 × 45 mm,
//     20 mm from the left and 45 mm from the top; the one-line sender
//     address fills its top 5 mm, the recipient follows.
//   - "a4", window "right": Switzerland (SN 010130), the address 118 mm from
//     the left edge.
//   - "letter": US Letter for a #10 window envelope (window 7/8 in from the
//     left, 2 in from the top); with window "right", its mirror image.
//
// Every layout has fold marks, a sender block, localized page numbers
// ("Page 1 of 2", from Letter.Labels["page"]) and a short header on later
// pages. Text is set in the embedded Go font, which covers Latin with all
// EU diacritics, Greek and Cyrillic; text it cannot show is refused with an
// error wrapping [ErrMissingGlyph]. A text longer than [MaxLine] or
// [MaxText] characters is refused with a [*TooLongError]; shorter ones are
// cut or broken to fit in time that grows with what is printed.
//
// # Determinism
//
// The same letter and options give the same bytes: dates in the metadata
// come from the letter date and nothing depends on map order or the clock.
//
// The PDF is made with github.com/jung-kurt/gofpdf, kept behind this
// package: nothing else imports it.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/jung-kurt/gofpdf"

	"github.com/objector/objector/letter"
)

// ErrMissingGlyph is wrapped by errors about text the embedded font cannot
// show.
var ErrMissingGlyph = errors.New("character not in the embedded font")

// ErrAddressTooLong is wrapped by the error for a recipient address that
// does not fit the envelope window even in the smallest type.
var ErrAddressTooLong = errors.New("address does not fit the envelope window")

// ErrNoAddress is wrapped by the error for a letter whose recipient has no
// postal address: a letter to post needs one, an email draft does not.
var ErrNoAddress = errors.New("the recipient has no postal address")

// ErrSignatureImage is wrapped by errors about a signature image that is
// not a PNG or JPEG file gofpdf can read.
var ErrSignatureImage = errors.New("signature image not usable")

// Options override the letter's own layout choices.
type Options struct {
	Paper  string // "a4" or "letter"; empty: the one used in the letter's country
	Window string // "left" or "right"; empty: the one used in the letter's country
	// Creator is written to the PDF metadata, such as "objector 1.0.0".
	Creator string
	// Signature is a PNG or JPEG image of the sender's signature, printed
	// above the signature line; nil for none.
	Signature []byte
}

// Renderer writes letters as PDF. A Renderer is safe for concurrent use.
type Renderer struct {
	cover *sfnt.Font
	// fonts holds copies of the font file (*[]byte) for documents to
	// use one at a time: gofpdf's AddUTF8FontFromBytes writes into the
	// bytes it is given (it pads tables for their checksums in place), so
	// documents made at once cannot share one slice. A copy is restored
	// from goregular.TTF, which is never handed to gofpdf, before each
	// use.
	fonts sync.Pool
	bufs  sync.Pool // *bytes.Buffer for the document before patching
}

// fontFamily is the name the embedded font has inside each document.
const fontFamily = "go"

// NewRenderer prepares the embedded font. It returns an error only if the
// font does not parse.
func NewRenderer() (*Renderer, error) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("pdf: parsing the Go font: %w", err)
	}
	r := &Renderer{cover: f}
	r.fonts.New = func() any { b := make([]byte, len(goregular.TTF)); return &b }
	r.bufs.New = func() any { return new(bytes.Buffer) }
	// gofpdf does not report a font it cannot parse (it prints to
	// standard output and adds no font); the first SetFont fails then.
	font := r.fontCopy()
	defer r.fonts.Put(font)
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", *font)
	pdf.SetFont(fontFamily, "", bodySize)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: loading the Go font: %w", err)
	}
	return r, nil
}

// fontCopy returns a copy of the font file for one document, restored
// from goregular.TTF; the caller puts it back into r.fonts once the
// document is written.
func (r *Renderer) fontCopy() *[]byte {
	b := r.fonts.Get().(*[]byte)
	copy(*b, goregular.TTF)
	return b
}

// CheckText returns an error wrapping [ErrMissingGlyph] naming the first
// rune of s the embedded font lacks. Newlines and tabs pass.
func (r *Renderer) CheckText(s string) error {
	var buf sfnt.Buffer
	for _, c := range s {
		if c == '\n' || c == '\t' {
			continue
		}
		if unicode.IsControl(c) {
			return fmt.Errorf("%w: control character %U", ErrMissingGlyph, c)
		}
		if c < 0x7f {
			continue // the Go font has all of printable ASCII
		}
		idx, err := r.cover.GlyphIndex(&buf, c)
		if err != nil || idx == 0 {
			return fmt.Errorf("%w: %q (%U)", ErrMissingGlyph, c, c)
		}
	}
	return nil
}

// Limits on the texts of a letter, in characters (runes). Write refuses
// a longer text with a [*TooLongError]: the limits are far above what a
// letter needs, and keep a hostile input from costing much time or paper.
const (
	// MaxLine bounds a text set on one line or in the address field:
	// a name (the signature's too), an address line, an email address,
	// the place, the date, the reference and the labels.
	MaxLine = 1000
	// MaxText bounds a paragraph: the subject, the salutation, a body
	// paragraph (such as one with the person's own reasons), the
	// closing and an enclosure.
	MaxText = 20000
)

// TooLongError reports a text of the letter longer than its limit.
type TooLongError struct {
	Field string // the letter's field, such as "sender name" or "body"
	Limit int    // the limit in characters: MaxLine or MaxText
}

// Error names the field and its limit.
func (e *TooLongError) Error() string {
	return fmt.Sprintf("pdf: %s: longer than %d characters", e.Field, e.Limit)
}

// checkLetter checks every text of l that Write prints against its
// limit and the embedded font.
func (r *Renderer) checkLetter(l *letter.Letter) error {
	type field struct {
		name  string
		limit int
		texts []string
	}
	fields := []field{
		{"sender name", MaxLine, []string{l.Sender.Name}},
		{"sender address", MaxLine, l.Sender.Address},
		{"sender email", MaxLine, []string{l.Sender.Email}},
		{"recipient name", MaxLine, []string{l.Recipient.Name}},
		{"recipient address", MaxLine, l.Recipient.Address},
		{"date", MaxLine, []string{l.DateText, l.Place}},
		{"subject", MaxText, []string{l.Subject}},
		{"reference", MaxLine, []string{l.Reference, l.Labels["reference"]}},
		{"salutation", MaxText, []string{l.Salutation}},
		{"body", MaxText, l.Body},
		{"closing", MaxText, []string{l.Closing}},
		{"signature", MaxLine, []string{l.Signature}},
		{"enclosures", MaxText, l.Enclosures},
		{"labels", MaxLine, []string{l.Labels["enclosures"], l.Labels["page"]}},
	}
	for _, f := range fields {
		for _, s := range f.texts {
			// len(s) bytes are at least as many runes: count only
			// when it could matter.
			if len(s) > f.limit && utf8.RuneCountInString(s) > f.limit {
				return &TooLongError{Field: f.name, Limit: f.limit}
			}
		}
	}
	var errs []error
	for _, f := range fields {
		for _, s := range f.texts {
			if err := r.CheckText(s); err != nil {
				errs = append(errs, fmt.Errorf("pdf: %s: %w", f.name, err))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// Write renders l to w. It returns a [*TooLongError] for a text longer
// than its limit, an error wrapping [ErrMissingGlyph] if some text of l is
// not in the embedded font, [ErrAddressTooLong] if the recipient does not
// fit the window, [ErrNoAddress] if it has no postal address,
// [ErrSignatureImage] for an unusable
// signature image, and the error of w; nothing is written to w unless the
// whole document was made.
func (r *Renderer) Write(w io.Writer, l *letter.Letter, opt Options) error {
	if len(l.Recipient.Address) == 0 {
		return fmt.Errorf("pdf: %s: %w; a letter to post needs one", l.Recipient.Name, ErrNoAddress)
	}
	if err := r.checkLetter(l); err != nil {
		return err
	}
	paper, window := paperFor(l.Country), windowFor(l.Country)
	if opt.Paper != "" {
		paper = opt.Paper
	}
	if opt.Window != "" {
		window = opt.Window
	}
	lay, err := layoutFor(strings.ToLower(paper), strings.ToLower(window))
	if err != nil {
		return err
	}
	pageLabel := l.Labels["page"]
	if pageLabel == "" {
		pageLabel = "{{.Page}}/{{.Pages}}"
	}
	pageTmpl, err := template.New("page").Option("missingkey=error").Parse(pageLabel)
	if err != nil {
		return fmt.Errorf("pdf: page label: %w", err)
	}

	d := &doc{r: r, l: l, lay: lay, pageTmpl: pageTmpl}
	buf := r.bufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 1<<20 {
			r.bufs.Put(buf)
		}
	}()
	if err := d.render(buf, opt); err != nil {
		return err
	}
	out := setCatalogLang(buf.Bytes(), l.Lang)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// doc is one document being made.
type doc struct {
	r        *Renderer
	l        *letter.Letter
	lay      layout
	pdf      *gofpdf.Fpdf
	pageTmpl *template.Template
	closing  bool  // the last page's footer is being drawn
	err      error // the first error of a header or footer
}

// Type sizes (pt) and line heights (mm).
const (
	bodySize   = 10.5
	bodyLine   = 5.0
	senderSize = 9.0
	smallSize  = 8.0
)

func (d *doc) render(out *bytes.Buffer, opt Options) error {
	l, lay := d.l, d.lay
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: lay.w, Ht: lay.h}})
	d.pdf = pdf
	pdf.SetCatalogSort(true)
	stamp := l.Date
	if stamp.IsZero() {
		stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	// Page streams stay uncompressed: zlib costs a ~1 MiB writer per
	// stream, for ~2.5 KB saved per page (the font stream is always
	// compressed).
	pdf.SetCompression(false)
	pdf.SetTitle(l.Subject, true)
	pdf.SetAuthor(l.Sender.Name, true)
	pdf.SetSubject(l.Subject, true)
	if opt.Creator != "" {
		pdf.SetCreator(opt.Creator, true)
	}
	pdf.SetDisplayMode("fullwidth", "single")
	// Only the regular face is embedded; bold text is drawn with a
	// stroked outline (see bold), which halves the font work per letter.
	// gofpdf parses the font for each document (NewRenderer made sure
	// it can).
	pdf.AliasNbPages("{nb}")
	font := d.r.fontCopy()
	defer d.r.fonts.Put(font)
	pdf.AddUTF8FontFromBytes(fontFamily, "", *font)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: loading the font: %w", err)
	}
	pdf.SetMargins(lay.left, lay.top, lay.right)
	pdf.SetAutoPageBreak(true, lay.bottom+8)
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	pdf.AddPage()

	d.senderBlock()
	if err := d.addressField(); err != nil {
		return err
	}
	d.body()
	if err := d.signature(opt.Signature); err != nil {
		return err
	}
	d.enclosures()

	d.closing = true
	pdf.Close()
	if d.err != nil {
		return d.err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if err := pdf.Output(out); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// header draws the fold and punch marks on the first page and the short
// header on every later one.
func (d *doc) header() {
	pdf, lay := d.pdf, d.lay
	if pdf.PageNo() == 1 {
		pdf.SetLineWidth(0.2)
		for _, y := range lay.foldMarks {
			pdf.Line(3, y, 8, y)
		}
		if lay.punchMark > 0 {
			pdf.Line(3, lay.punchMark, 10, lay.punchMark)
		}
		return
	}
	pdf.SetFont(fontFamily, "", smallSize)
	contentW := lay.w - lay.left - lay.right
	parts := []string{d.l.Sender.Name, d.l.DateText, d.l.Subject}
	var kept []string
	for _, p := range parts {
		if p = oneLine(p); p != "" {
			kept = append(kept, p)
		}
	}
	pdf.SetXY(lay.left, lay.top-8)
	pdf.CellFormat(contentW, 4, fitLine(pdf, strings.Join(kept, " · "), contentW), "B", 1, "L", false, 0, "")
	pdf.SetY(lay.top)
}

// footer prints "Page N of M" on every page of a letter of more than one
// page.
func (d *doc) footer() {
	pdf, lay := d.pdf, d.lay
	if d.closing && pdf.PageNo() == 1 {
		return // a one-page letter needs no page number
	}
	var b strings.Builder
	if err := d.pageTmpl.Execute(&b, map[string]any{"Page": pdf.PageNo(), "Pages": "{nb}"}); err != nil {
		if d.err == nil {
			d.err = fmt.Errorf("pdf: page label: %w", err)
		}
		return
	}
	s := oneLine(b.String())
	pdf.SetFont(fontFamily, "", smallSize)
	// gofpdf measures the alias "{nb}", not the number that replaces
	// it: measure with this page's number, which has as many digits as
	// the total in all but rare cases, so the label ends at the margin.
	wd := pdf.GetStringWidth(strings.ReplaceAll(s, "{nb}", strconv.Itoa(pdf.PageNo())))
	pdf.SetXY(lay.w-lay.right-wd-1, lay.h-lay.bottom)
	pdf.CellFormat(wd+1, 4, s, "", 0, "R", false, 0, "")
}

// senderBlock prints the sender's name, address and email beside the
// window, for the recipient's reply.
func (d *doc) senderBlock() {
	pdf, lay, l := d.pdf, d.lay, d.l
	pdf.SetFont(fontFamily, "", senderSize)
	y := lay.top
	for _, line := range append(append([]string{l.Sender.Name}, l.Sender.Address...), l.Sender.Email) {
		if line = oneLine(line); line == "" {
			continue
		}
		pdf.SetXY(lay.senderX, y)
		pdf.CellFormat(lay.senderW, 4.2, fitLine(pdf, line, lay.senderW), "", 0, "L", false, 0, "")
		y += 4.2
	}
}

// addressField prints the sender line in the return-address zone at the
// top of the window field, and the recipient below it.
func (d *doc) addressField() error {
	pdf, lay, l := d.pdf, d.lay, d.l
	w := lay.textW()

	// The return address: one line, small, shrunk to fit.
	var parts []string
	for _, s := range append([]string{l.Sender.Name}, l.Sender.Address...) {
		if s = oneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	ret := strings.Join(parts, ", ")
	size := 7.0
	pdf.SetFont(fontFamily, "", size)
	for size > 5.5 && pdf.GetStringWidth(ret) > w {
		size -= 0.5
		pdf.SetFont(fontFamily, "", size)
	}
	pdf.SetXY(lay.textX, lay.winY+0.6)
	pdf.CellFormat(w, lay.returnH-1.2, fitLine(pdf, ret, w), "", 0, "LM", false, 0, "")

	// The recipient: as large as fits, 10 pt down to 7.5 pt.
	var lines []string
	for _, s := range append([]string{l.Recipient.Name}, l.Recipient.Address...) {
		if s = oneLine(s); s != "" {
			lines = append(lines, s)
		}
	}
	top := lay.winY + lay.returnH
	avail := lay.winH - lay.returnH - 0.5
	for size := 10.0; size >= 7.5; size -= 0.5 {
		pdf.SetFont(fontFamily, "", size)
		lh := size * 0.42 // 120 % leading, in mm
		var wrapped []string
		for _, s := range lines {
			wrapped = append(wrapped, wrap(pdf, s, w)...)
		}
		need := float64(len(wrapped)) * lh
		if need > avail {
			continue
		}
		y := top
		if lay.noteH > 0 && need <= avail-lay.noteH {
			y += lay.noteH // DIN 5008: below the notes zone if it fits
		}
		for _, s := range wrapped {
			pdf.SetXY(lay.textX, y)
			pdf.CellFormat(w, lh, s, "", 0, "LM", false, 0, "")
			y += lh
		}
		return nil
	}
	return fmt.Errorf("pdf: %w: %d lines", ErrAddressTooLong, len(lines))
}

// body prints the date, reference, subject, salutation, paragraphs and
// closing.
func (d *doc) body() {
	pdf, lay, l := d.pdf, d.lay, d.l
	contentW := lay.w - lay.left - lay.right
	pdf.SetXY(lay.left, lay.dateY)
	pdf.SetFont(fontFamily, "", bodySize)
	date := oneLine(l.DateText)
	if l.Place != "" {
		date = oneLine(l.Place) + ", " + date
	}
	pdf.CellFormat(contentW, 5, date, "", 1, "R", false, 0, "")
	if l.Reference != "" {
		label := l.Labels["reference"]
		if label == "" {
			label = "Ref."
		}
		pdf.CellFormat(contentW, 5, oneLine(label+l.LabelSeparator()+l.Reference), "", 1, "R", false, 0, "")
	}
	pdf.Ln(4)
	pdf.SetFont(fontFamily, "", 11)
	d.bold(func() { pdf.MultiCell(contentW, 5.5, l.Subject, "", "L", false) })
	pdf.Ln(4)
	pdf.SetFont(fontFamily, "", bodySize)
	pdf.MultiCell(contentW, bodyLine, l.Salutation, "", "L", false)
	pdf.Ln(2.5)
	for _, p := range l.Body {
		pdf.MultiCell(contentW, bodyLine, p, "", "L", false)
		pdf.Ln(2.5)
	}
}

// signature prints the closing, room to sign (or the signature image),
// the signature line and the signer's name, kept together on one page.
func (d *doc) signature(img []byte) error {
	pdf, lay, l := d.pdf, d.lay, d.l
	contentW := lay.w - lay.left - lay.right
	var info *gofpdf.ImageInfoType
	imgW, imgH := 0.0, 0.0
	if len(img) > 0 {
		typ := ""
		switch {
		case bytes.HasPrefix(img, []byte("\x89PNG\r\n\x1a\n")):
			typ = "PNG"
		case bytes.HasPrefix(img, []byte{0xff, 0xd8, 0xff}):
			typ = "JPG"
		default:
			return fmt.Errorf("pdf: %w: not a PNG or JPEG file", ErrSignatureImage)
		}
		info = pdf.RegisterImageOptionsReader("signature", gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(img))
		if err := pdf.Error(); err != nil || info == nil || info.Width() <= 0 || info.Height() <= 0 {
			return fmt.Errorf("pdf: %w: %v", ErrSignatureImage, err)
		}
		// At most 60 × 16 mm, keeping the aspect ratio.
		imgH = 16
		imgW = imgH * info.Width() / info.Height()
		if imgW > 60 {
			imgW, imgH = 60, 60*info.Height()/info.Width()
		}
	}
	gap := 14.0
	if imgH+2 > gap {
		gap = imgH + 2
	}
	closingH := float64(len(wrap(pdf, l.Closing, contentW))) * bodyLine
	need := closingH + gap + 1 + bodyLine
	if pdf.GetY()+need > lay.h-(lay.bottom+8) {
		pdf.AddPage()
	}
	pdf.SetFont(fontFamily, "", bodySize)
	pdf.MultiCell(contentW, bodyLine, l.Closing, "", "L", false)
	x, y := lay.left, pdf.GetY()
	if info != nil {
		pdf.ImageOptions("signature", x+2, y+gap-imgH-0.5, imgW, imgH, false, gofpdf.ImageOptions{}, 0, "")
	}
	y += gap
	pdf.SetLineWidth(0.2)
	pdf.Line(x, y, x+70, y)
	pdf.SetXY(x, y+1)
	pdf.MultiCell(contentW, bodyLine, l.Signature, "", "L", false)
	return nil
}

// enclosures prints the list of enclosures, if any.
func (d *doc) enclosures() {
	pdf, lay, l := d.pdf, d.lay, d.l
	if len(l.Enclosures) == 0 {
		return
	}
	contentW := lay.w - lay.left - lay.right
	label := l.Labels["enclosures"]
	if label == "" {
		label = "Enclosures"
	}
	pdf.Ln(6)
	pdf.SetFont(fontFamily, "", bodySize)
	d.bold(func() { pdf.MultiCell(contentW, bodyLine, label, "", "L", false) })
	for _, e := range l.Enclosures {
		pdf.MultiCell(contentW, bodyLine, "– "+e, "", "L", false)
	}
}

// bold draws what f draws in a bold face made from the regular one: the
// glyphs are filled and stroked with a thin outline (text rendering mode
// 2). Embedding only one face keeps each letter's font work to one parse
// and one subset.
func (d *doc) bold(f func()) {
	pdf := d.pdf
	pdf.SetLineWidth(0.18)
	pdf.SetTextRenderingMode(2)
	f()
	pdf.SetTextRenderingMode(0)
	pdf.SetLineWidth(0.2)
}

// oneLine replaces newlines and tabs with spaces, for single-line cells.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' || r == '\r' }), " "))
}

// wrap splits s into lines that fit width. It breaks only at ASCII
// spaces, as gofpdf's MultiCell does, so a no-break space (U+00A0) keeps
// a citation such as "Art. 21 Abs. 1" on one line; a word wider than the
// line is broken between characters.
func wrap(pdf *gofpdf.Fpdf, s string, width float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if pdf.GetStringWidth(try) <= width {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		var broken []string
		broken, cur = breakWord(pdf, w, width)
		lines = append(lines, broken...)
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// breakWord breaks w between characters into lines that fit width, at
// least one character a line, and returns them and the rest, which fits.
func breakWord(pdf *gofpdf.Fpdf, w string, width float64) (lines []string, rest string) {
	r := []rune(w)
	for {
		n := fitPrefix(pdf, r, "", width)
		if n == len(r) {
			return lines, string(r)
		}
		n = max(n, 1)
		lines = append(lines, string(r[:n]))
		r = r[n:]
	}
}

// fitLine shortens s with an ellipsis until it fits width.
func fitLine(pdf *gofpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	n := max(fitPrefix(pdf, r, "…", width), 1)
	return strings.TrimRight(string(r[:n]), " ") + "…"
}

// fitPrefix returns the length of the longest prefix of r that, followed
// by suffix, is at most width wide in the current font; 0 if none is.
//
// A prefix is never narrower than a shorter one (gofpdf adds up glyph
// widths), so the search doubles the length while it fits and then
// halves the gap: O(log n) measurements of at most twice the answer's
// length, whatever the length of r. (Dropping one character at a time
// and measuring again took 38 s for a 20,000-character name.)
func fitPrefix(pdf *gofpdf.Fpdf, r []rune, suffix string, width float64) int {
	fits := func(n int) bool { return pdf.GetStringWidth(string(r[:n])+suffix) <= width }
	lo, hi := 0, 1 // the answer is at least lo; fits(hi) is not known yet
	for hi < len(r) && fits(hi) {
		lo, hi = hi, 2*hi
	}
	if hi >= len(r) {
		hi = len(r)
		if fits(hi) {
			return hi
		}
	}
	for hi-lo > 1 { // fits(lo) or lo == 0; !fits(hi)
		mid := lo + (hi-lo)/2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// langTag matches BCP 47 language tags.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// setCatalogLang adds /Lang (the document language, ISO 32000-1 14.9.2)
// and /ViewerPreferences to the catalog of a PDF gofpdf wrote; gofpdf
// 1.16.2 has no API for either. gofpdf writes the catalog as the last
// object before the cross-reference table, so inserting into it moves only
// the table, whose offset after "startxref" is corrected. If the
// document is not laid out that way, or lang is not a language tag, b is
// returned unchanged.
func setCatalogLang(b []byte, lang string) []byte {
	if !langTag.MatchString(lang) {
		return b
	}
	const cat = "/Type /Catalog\n"
	i := bytes.LastIndex(b, []byte(cat))
	x := bytes.LastIndex(b, []byte("\nxref\n"))
	s := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if i < 0 || x < i || s < x {
		return b
	}
	numStart := s + len("\nstartxref\n")
	numEnd := bytes.IndexByte(b[numStart:], '\n')
	if numEnd < 0 {
		return b
	}
	off, err := strconv.Atoi(string(b[numStart : numStart+numEnd]))
	if err != nil || off != x+1 {
		return b
	}
	ins := "/Lang (" + lang + ")\n/ViewerPreferences <</DisplayDocTitle true>>\n"
	out := make([]byte, 0, len(b)+len(ins)+4)
	out = append(out, b[:i+len(cat)]...)
	out = append(out, ins...)
	out = append(out, b[i+len(cat):numStart]...)
	out = strconv.AppendInt(out, int64(off+len(ins)), 10)
	out = append(out, b[numStart+numEnd:]...)
	return out
}
