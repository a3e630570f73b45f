package gofpdf

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
)

// TestParsedUTF8Font checks that a font parsed once gives documents the
// same bytes as upstream's per-document AddUTF8FontFromBytes, also when
// documents with different texts are made concurrently, and that the
// shared font bytes are never written to.
func TestParsedUTF8Font(t *testing.T) {
	font, err := ParseUTF8Font("go", "", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	orig := bytes.Clone(font.data)
	texts := []string{"Hello", "Grüße aus Köln, Łódź", "Αθήνα, Ελλάδα", "Москва {nb}", "Ærø Å ß €"}
	make1 := func(text string, parsed bool) []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
		pdf.AliasNbPages("{nb}")
		if parsed {
			pdf.AddParsedUTF8Font(font)
		} else {
			pdf.AddUTF8FontFromBytes("go", "", bytes.Clone(goregular.TTF))
		}
		pdf.SetFont("go", "", 11)
		pdf.AddPage()
		pdf.Cell(40, 10, text)
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Error(err)
		}
		return b.Bytes()
	}
	var wg sync.WaitGroup
	for _, text := range texts {
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if got, want := make1(text, true), make1(text, false); !bytes.Equal(got, want) {
					t.Errorf("%q: parsed font gives %d bytes, upstream %d", text, len(got), len(want))
				}
			}()
		}
	}
	wg.Wait()
	if !bytes.Equal(orig, font.data) {
		t.Error("the shared font bytes were written to")
	}
}
