package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// FuzzWrite renders a letter whose sender, address, subject and body are
// arbitrary text. Write must not panic; it either fails with one of its
// documented errors, writing nothing, or writes a whole PDF (from %PDF-
// to %%EOF), the same bytes every time. Text the font can print (as
// CheckText says) may fail only as too long or too big for the window.
func FuzzWrite(f *testing.F) {
	r, err := NewRenderer()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Erika Mustermann", "Musterstraße 1\n10115 Berlin", "Widerspruch", "Ein Absatz.")
	f.Add("王小明", "", "", "")
	f.Add("Ελένη Παπαδοπούλου", "Οδός 1", "Εναντίωση", "Κείμενο με ελληνικά γράμματα.")
	f.Add("Иван Иванов", "ул. Ленина 1", "", "Текст\tс табуляцией и\nпереводом строки.")
	f.Add(strings.Repeat("W", 300), strings.Repeat("x ", 200), strings.Repeat("Straße", 50), strings.Repeat("Wort ", 2000))
	f.Add("a\u202eb", "\x00", "\r\n", "\ufeff\u200b\u00ad")
	f.Add("", "\n\n\n", " ", strings.Repeat("\u00a0", 100))
	f.Fuzz(func(t *testing.T, name, address, subject, body string) {
		if len(name)+len(address)+len(subject)+len(body) > 20000 {
			return // long texts are the benchmarks' business
		}
		l := fixture()
		l.Sender.Name, l.Signature = name, name
		l.Sender.Address = strings.Split(address, "\n")
		l.Subject = subject
		l.Body = strings.Split(body, "\n")
		printable := true
		for _, s := range append([]string{name, subject}, append(l.Sender.Address, l.Body...)...) {
			if r.CheckText(s) != nil {
				printable = false
			}
		}
		var a, b bytes.Buffer
		err := r.Write(&a, l, Options{})
		var tl *TooLongError
		switch {
		case err == nil:
		case errors.Is(err, ErrMissingGlyph) && !printable:
		case errors.Is(err, ErrAddressTooLong), errors.As(err, &tl):
		default:
			t.Fatalf("Write: %v (printable %v)", err, printable)
		}
		if err != nil {
			if a.Len() > 0 {
				t.Fatalf("Write failed (%v) but wrote %d bytes", err, a.Len())
			}
			return
		}
		out := a.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("%%EOF")) {
			t.Fatalf("not a whole PDF: %q ... %q", out[:min(len(out), 16)], out[max(0, len(out)-16):])
		}
		if err := r.Write(&b, l, Options{}); err != nil || !bytes.Equal(out, b.Bytes()) {
			t.Fatalf("a second rendering differs (%v)", err)
		}
	})
}
