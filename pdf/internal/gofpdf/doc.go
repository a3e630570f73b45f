// Package gofpdf is a trimmed copy of github.com/jung-kurt/gofpdf v1.16.2
// (MIT licence, see LICENSE; Copyright (c) 2017 Kurt Jung and
// contributors), the upstream repository being archived. Only package pdf
// uses it.
//
// Only what objector reaches is kept: documents with custom page sizes,
// UTF-8 TrueType fonts (subset and embedded), text cells and MultiCell,
// lines, colours, header and footer functions, page-number aliases,
// document information, and JPEG and PNG images read from an io.Reader.
// These files remain of upstream: def.go, fpdf.go, png.go, utf8fontfile.go
// and util.go, with the functions, types and struct fields nothing reaches
// removed. Removed entirely: attachments, compare, embedded (core font
// metrics), font and ttfparser (font definition file generation), fpdftrans
// (transforms), grid, htmlbasic, label, layer, protect (encryption),
// splittext, spotcolor, subwrite, svgbasic, svgwrite, template and
// template_impl; and in the remaining files core, Type1 and TrueType fonts
// with their JSON definitions and encodings, GIF and file-based images,
// blend modes, gradients, clipping, dash patterns, bookmarks, JavaScript,
// XMP metadata, page boxes, right-to-left text and gofpdi imports.
// Where upstream writes something for a removed feature even when it is
// unused (the empty /ColorSpace dictionary, the empty /EmbeddedFiles name
// tree, the "0 J" and "0 j" line styles), the same bytes are still written,
// so that documents are byte for byte those of upstream.
//
// The code kept is upstream's (but for gofmt) except where marked
// "objector:": the places where removed features were cut out, parsed.go,
// and these changes:
//
//   - utf8fontfile.go, generateChecksum: pads a copy of the table instead
//     of appending into the font bytes, so that documents can share one
//     font file (upstream writes zeros past the end of the table, into the
//     caller's slice).
//   - utf8fontfile.go, GenerateCutFont: no longer rebuilds the width
//     table, which nothing reads after the font was added.
//   - util.go, sliceCompress: reuses zlib writers (Reset gives the same
//     output as a new writer) instead of allocating about 1 MiB per stream.
//
// parsed.go adds ParseUTF8Font and Fpdf.AddParsedUTF8Font: a UTF-8
// TrueType font is parsed, measured and hashed once, and then added to any
// number of documents. Upstream's AddUTF8FontFromBytes does all of that
// for every document, which was most of the time objector spent per PDF
// letter; it is kept so that parsed_test.go can check that both give the
// same bytes.
//
// For the upstream documentation see
// https://pkg.go.dev/github.com/jung-kurt/gofpdf@v1.16.2.
package gofpdf
