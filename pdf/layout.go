package pdf

import "fmt"

// A layout places a letter on one paper size for one envelope window.
// All lengths are millimetres from the top left corner of the page.
type layout struct {
	name                     string  // "a4-left", "a4-right", "letter-left", "letter-right"
	size                     string  // as pdfinfo names it: "A4", "Letter"
	w, h                     float64 // page size
	left, right, top, bottom float64 // body margins

	// The address field: the part of the page an envelope window shows,
	// whatever way the folded letter slides in the envelope.
	winX, winY, winW, winH float64
	// textX is where address text starts; DIN 5008 indents it 5 mm
	// into the field.
	textX float64
	// returnH is the height of the return-address zone at the top of the
	// field, where the one-line sender address goes.
	returnH float64
	// noteH is the height of DIN 5008's "Zusatz- und Vermerkzone" below
	// the return address. It stays empty; the recipient starts below it
	// unless the address needs the room.
	noteH float64

	senderX, senderW float64 // the sender block beside or above the window
	dateY            float64 // where the date line and the body start
	foldMarks        []float64
	punchMark        float64 // 0: none
}

// Paper sizes and windows, from the standards they follow.
const (
	a4W, a4H         = 210.0, 297.0
	letterW, letterH = 215.9, 279.4
)

// paperFor returns the paper size used in a country (an ISO 3166-1
// code): US Letter in the United States, Canada and Mexico, A4 elsewhere.
func paperFor(country string) string {
	switch country {
	case "US", "CA", "MX":
		return "letter"
	}
	return "a4"
}

// windowFor returns the side of the envelope window in a country: right in
// Switzerland (SN 010130), left elsewhere (DIN 5008, US envelopes).
func windowFor(country string) string {
	if country == "CH" {
		return "right"
	}
	return "left"
}

// layoutFor returns the layout for paper ("a4", "letter") and window
// ("left", "right"). Empty values take the defaults: A4, left window.
func layoutFor(paper, window string) (layout, error) {
	if paper == "" {
		paper = "a4"
	}
	if window == "" {
		window = "left"
	}
	if window != "left" && window != "right" {
		return layout{}, fmt.Errorf("pdf: window %q is not left or right", window)
	}
	var l layout
	switch paper {
	case "a4":
		l = layout{size: "A4", w: a4W, h: a4H, left: 25, right: 20, top: 20, bottom: 20,
			// DIN 5008 form B (DIN 676 type B): the address field is
			// 85 × 45 mm, 20 mm from the left and 45 mm from the top
			// edge: 5 mm return address, 12.7 mm notes, 27.3 mm
			// address. It fits the window of a DL or C6/5 envelope
			// (DIN 680) with the sheet folded at 105 and 210 mm.
			winX: 20, winY: 45, winW: 85, winH: 45, textX: 25, returnH: 5, noteH: 12.7,
			senderX: 125, senderW: 75,
			dateY: 98.5, foldMarks: []float64{105, 210}, punchMark: 148.5}
		if window == "right" {
			// Swiss SN 010130, window on the right: the address starts
			// 118 mm from the left edge; the field (80 × 40 mm from
			// 52 mm down) stays inside the right-hand window of a C5/6
			// envelope. Folds as for DIN: 105 and 210 mm.
			l.left = 22
			l.winX, l.winY, l.winW, l.winH = 118, 52, 80, 40
			l.textX, l.noteH = 118, 0
			l.senderX, l.senderW = l.left, 80
			l.dateY = 100
		}
	case "letter":
		// US Letter, tri-folded into a #10 window envelope: the window is
		// 4 1/2 × 1 1/8 in, 7/8 in from the left and 1/2 in from the
		// bottom of the envelope; the field below (4 in wide, from 2 in
		// down) stays inside it as the folded sheet slides.
		l = layout{size: "Letter", w: letterW, h: letterH, left: 25.4, right: 25.4, top: 19, bottom: 20,
			winX: 22.2, winY: 50.8, winW: 101.6, winH: 28.6, textX: 25.4, returnH: 4,
			senderX: letterW - 25.4 - 70, senderW: 70,
			dateY: 90, foldMarks: []float64{letterH / 3, 2 * letterH / 3}}
		if window == "right" {
			// The mirror image: a window 7/8 in from the right edge.
			l.winX = letterW - 22.2 - 101.6
			l.textX = l.winX + 3.2
			l.senderX = l.left
		}
	default:
		return layout{}, fmt.Errorf("pdf: paper %q is not a4 or letter", paper)
	}
	l.name = paper + "-" + window
	return l, nil
}

// textW is the width address text may take inside the field.
func (l layout) textW() float64 { return l.winX + l.winW - l.textX - 1 }
