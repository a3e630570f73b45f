package batch

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRowParser feeds arbitrary input to the CSV and JSONL row readers:
// they must not panic, must end, must number rows in order with lines
// that never go back, and every row they accept must hold valid UTF-8
// and at least one controller.
func FuzzRowParser(f *testing.F) {
	f.Add(header+"Erika Mustermann,erika@example.org,DE,linkedin;google,\"Musterstr. 1\n10115 Berlin\"\n", true)
	f.Add("name,email,residence,controller\nA,\"b\"c,DE,x\n,,,\n\xff,a,b,c\n", true)
	f.Add(`{"name":"Erika","email":"e@example.org","residence":"DE","controller":["linkedin","google"]}`+"\n\n{bad\n", false)
	f.Add("{\"NAME\":\"a\",\"name\":\"b\",\"controller\":null}\r\n{\"x\":1}", false)
	f.Fuzz(func(t *testing.T, input string, isCSV bool) {
		format := JSONL
		if isCSV {
			format = CSV
		}
		rr, err := NewRowReader(strings.NewReader(input), format, ReadOptions{})
		if err != nil {
			if !errors.Is(err, ErrHeader) {
				t.Fatalf("NewRowReader: %v does not wrap ErrHeader", err)
			}
			return
		}
		lastLine := 0
		for n := 1; ; n++ {
			if n > len(input)+2 {
				t.Fatalf("more rows than input bytes")
			}
			row, err := rr.Next()
			if err == io.EOF {
				return
			}
			var re *RowError
			if err != nil && !errors.As(err, &re) {
				t.Fatalf("row %d: %v is neither io.EOF nor a *RowError", n, err)
			}
			if row.Number != n || row.Line < lastLine || row.Line < 1 {
				t.Fatalf("row %d: Number %d, Line %d after line %d", n, row.Number, row.Line, lastLine)
			}
			if re != nil && (re.Line != row.Line || re.Row != row.Number) {
				t.Fatalf("row %d: RowError at line %d row %d, row at line %d", n, re.Line, re.Row, row.Line)
			}
			lastLine = row.Line
			if err != nil {
				continue
			}
			if len(row.Controllers) == 0 {
				t.Fatalf("row %d accepted without a controller", n)
			}
			for _, s := range append(append([]string{row.Name, row.Email, row.Residence, row.Lang, row.Account, row.Reason, row.Sent}, row.Controllers...), append(row.Address, row.Purposes...)...) {
				if !utf8.ValidString(s) {
					t.Fatalf("row %d holds invalid UTF-8 %q", n, s)
				}
			}
		}
	})
}
