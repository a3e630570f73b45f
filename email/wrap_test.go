package email

import (
	"strings"
	"testing"
)

// wrapFields is Wrap as first written, with strings.FieldsFunc: the
// reference the faster Wrap must agree with.
func wrapFields(s string, width int) string {
	s = normalizeNewlines(s)
	if strings.Contains(s, "\n") {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			lines[i] = wrapFields(line, width)
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	n := 0
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' })
	for i, w := range words {
		wl := len([]rune(w))
		if i > 0 {
			if n+1+wl > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}

func FuzzWrapMatchesFields(f *testing.F) {
	for _, s := range []string{"", " ", "\t\t", "a b  c\td", "  lead and trail  ", "Grüße aus Köln\u00a0und Łódź", "a\r\nb c\rd", "x\u3000y zzzzzzzzzzzzzzzzzzzzzzzzzzzz"} {
		f.Add(s, 5)
		f.Add(s, 72)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if got, want := Wrap(s, width), wrapFields(s, width); got != want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", s, width, got, want)
		}
	})
}
