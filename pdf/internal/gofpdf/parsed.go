// Copyright (c) 2017 Kurt Jung and contributors acknowledged in the
// documentation; MIT licence, see LICENSE. objector: this file is not
// upstream; it reuses upstream's code from addFontFromBytes.

package gofpdf

import "fmt"

// UTF8Font is a UTF-8 TrueType font parsed once, for any number of
// documents (objector). It is read-only and safe for concurrent use.
type UTF8Font struct {
	def  fontDefType // without usedRunes and utf8File, which are per document
	data []byte      // the font file; never written to
}

// ParseUTF8Font parses a UTF-8 TrueType font for family and style, as
// AddUTF8FontFromBytes does, keeping a copy of utf8Bytes.
func ParseUTF8Font(familyStr, styleStr string, utf8Bytes []byte) (*UTF8Font, error) {
	data := append([]byte(nil), utf8Bytes...)
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	utf8File := newUTF8Font(&fileReader{readerPosition: 0, array: data})
	if err := utf8File.parseFile(); err != nil {
		return nil, fmt.Errorf("gofpdf: parsing font: %w", err)
	}
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	def := fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: desc,
		Up:   int(round(utf8File.UnderlinePosition)),
		Ut:   round(utf8File.UnderlineThickness),
		Cw:   utf8File.CharWidths,
	}
	var err error
	if def.i, err = generateFontID(def); err != nil {
		return nil, err
	}
	return &UTF8Font{def: def, data: data}, nil
}

// AddParsedUTF8Font adds font to the document, as AddUTF8FontFromBytes
// would with the bytes font was parsed from, under the family and style
// it was parsed for. Like AddUTF8FontFromBytes, call it after
// AliasNbPages.
func (f *Fpdf) AddParsedUTF8Font(font *UTF8Font) {
	if f.err != nil {
		return
	}
	if _, ok := f.fonts[font.def.Name]; ok {
		return
	}
	def := font.def // the widths (Cw) are shared and only read
	if f.aliasNbPagesStr == "" {
		def.usedRunes = makeSubsetRange(57)
	} else {
		def.usedRunes = makeSubsetRange(32)
	}
	// The subset is cut from a fresh reader over the shared bytes:
	// GenerateCutFont resets and re-reads everything it uses.
	def.utf8File = newUTF8Font(&fileReader{readerPosition: 0, array: font.data})
	f.fonts[font.def.Name] = def
}
