// Package gofpdf is a copy of github.com/jung-kurt/gofpdf v1.16.2
// (MIT licence, see LICENSE; Copyright (c) 2017 Kurt Jung and
// contributors), the upstream repository being archived. Only package pdf
// uses it. The upstream files are unchanged (but for gofmt) except for
// the changes marked "objector:": parsed.go, and these places:
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
// letter.
//
// For the upstream documentation see
// https://pkg.go.dev/github.com/jung-kurt/gofpdf@v1.16.2.
package gofpdf
