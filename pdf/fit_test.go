package pdf

import (
	"bytes"
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/objector/objector/letter"
)

// measuringDoc returns a document with the Go font set at size pt, for
// measuring text as Write does.
func measuringDoc(t testing.TB, size float64) *gofpdf.Fpdf {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(goregular.TTF))
	pdf.SetFont(fontFamily, "", size)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// slowFitLine and slowBreakWord are the first versions of fitLine and
// of wrap's breaking of a long word, which measured again after dropping
// each character: the reference the fast ones must agree with.
func slowFitLine(pdf *gofpdf.Fpdf, s string, width float64) string {
	if pdf.GetStringWidth(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && pdf.GetStringWidth(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

func slowBreakWord(pdf *gofpdf.Fpdf, w string, width float64) (lines []string, rest string) {
	for pdf.GetStringWidth(w) > width {
		r := []rune(w)
		n := len(r) - 1
		for n > 1 && pdf.GetStringWidth(string(r[:n])) > width {
			n--
		}
		lines = append(lines, string(r[:n]))
		w = string(r[n:])
	}
	return lines, w
}

// TestFitAgreesWithSlow checks that fitLine and breakWord cut random
// texts of wide, narrow and zero-width characters exactly where the
// versions that drop one character at a time cut them.
func TestFitAgreesWithSlow(t *testing.T) {
	pdf := measuringDoc(t, 9)
	alphabet := []rune("iIlW mM.ÄßЖщΩ\u00a0\u0301-")
	rnd := rand.New(rand.NewSource(1))
	for i := 0; i < 1000; i++ {
		r := make([]rune, rnd.Intn(300))
		for j := range r {
			r[j] = alphabet[rnd.Intn(len(alphabet))]
		}
		s := string(r)
		// Wider than any one character: slowBreakWord loops for ever on a
		// character wider than the line.
		width := []float64{4, 11, 20, 75, 200}[i%5]
		if got, want := fitLine(pdf, s, width), slowFitLine(pdf, s, width); got != want {
			t.Fatalf("fitLine(%q, %v) = %q, want %q", s, width, got, want)
		}
		w := strings.ReplaceAll(s, " ", "")
		gotLines, gotRest := breakWord(pdf, w, width)
		wantLines, wantRest := slowBreakWord(pdf, w, width)
		if !slices.Equal(gotLines, wantLines) || gotRest != wantRest {
			t.Fatalf("breakWord(%q, %v) = %q, %q, want %q, %q", w, width, gotLines, gotRest, wantLines, wantRest)
		}
	}
}

// TestWrapNarrow checks that a line narrower than one character gets
// one character a line.
func TestWrapNarrow(t *testing.T) {
	pdf := measuringDoc(t, 9)
	if got, want := wrap(pdf, "WMW", 0.5), []string{"W", "M", "W"}; !slices.Equal(got, want) {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

// TestLongFields checks the limits: a text at its limit is printed, one
// character more is refused with a TooLongError naming the field and the
// limit, and nothing is written.
func TestLongFields(t *testing.T) {
	long := func(n int) string { return strings.Repeat("Ä", n) }
	l := fixture()
	l.Sender.Name = long(MaxLine)
	l.Sender.Address = []string{long(MaxLine)}
	l.Body = append(l.Body, strings.Repeat("Grund ", MaxText/6))
	path, _ := render(t, l, Options{})
	run(t, "qpdf", "--check", path)
	if text := run(t, "pdftotext", "-enc", "UTF-8", path, "-"); !strings.Contains(text, "ÄÄÄ…") {
		t.Errorf("the long sender name is not cut with an ellipsis:\n%.2000s", text)
	}

	for _, c := range []struct {
		field string
		limit int
		edit  func(l *letter.Letter)
	}{
		{"sender name", MaxLine, func(l *letter.Letter) { l.Sender.Name = long(MaxLine + 1) }},
		{"recipient address", MaxLine, func(l *letter.Letter) { l.Recipient.Address = append(l.Recipient.Address, long(100_000)) }},
		{"body", MaxText, func(l *letter.Letter) { l.Body = append(l.Body, long(MaxText+1)) }},
		{"signature", MaxLine, func(l *letter.Letter) { l.Signature = long(100_000) }},
	} {
		t.Run(c.field, func(t *testing.T) {
			l := fixture()
			c.edit(l)
			var b bytes.Buffer
			err := renderer.Write(&b, l, Options{})
			var tl *TooLongError
			if !errors.As(err, &tl) || tl.Field != c.field || tl.Limit != c.limit {
				t.Fatalf("Write = %v, want a TooLongError for %s, limit %d", err, c.field, c.limit)
			}
			if b.Len() != 0 {
				t.Errorf("Write wrote %d bytes despite the error", b.Len())
			}
		})
	}
}
