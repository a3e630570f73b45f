package objector_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/objector/objector"
)

// TestPDFTooLong checks that a text a letter's caller made longer than a
// PDF takes (here an enclosure) is a FieldError naming the field and the
// limit, and writes nothing.
func TestPDFTooLong(t *testing.T) {
	g := generator(t)
	l, err := g.Generate(context.Background(), person("DE", "de"))
	if err != nil {
		t.Fatal(err)
	}
	l.Enclosures = []string{strings.Repeat("Anlage ", 3000)}
	var b bytes.Buffer
	err = g.Render(&b, l, objector.FormatPDF, objector.RenderOptions{})
	var fe *objector.FieldError
	if !errors.As(err, &fe) || fe.Field != "enclosures" || !fe.Personal {
		t.Fatalf("Render = %v, want a personal FieldError for enclosures", err)
	}
	if want := "enclosures: is longer than 20000 characters, the most a PDF letter takes"; err.Error() != want {
		t.Errorf("Render = %q, want %q", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("Render wrote %d bytes despite the error", b.Len())
	}
}
