package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/objector/objector"
)

// person is one row of the spreadsheets below.
type person struct {
	name, email, address, residence, controller string
	sent                                        time.Time
}

var people = []person{
	{"Jürgen Groß", "juergen@example.org", "Musterstraße 1\n10115 Berlin", "DE", "linkedin;google", time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
	{"Zoë Dupré", "zoe@example.org", "12 rue de l'Église, 75001 Paris", "FR", "linkedin", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)},
	{"Sam Doe", "sam@example.org", "1 Main St; Sacramento, CA 95814", "US-CA", "linkedin", time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)},
}

// spreadsheetCSV writes people as a spreadsheet program exports them:
// with the header names given, cells separated by comma, quoted only
// where needed, CRLF line ends if crlf, dates in the layout given.
func spreadsheetCSV(t *testing.T, header []string, comma rune, crlf bool, dateLayout string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = comma, crlf
	w.Write(header)
	for _, p := range people {
		w.Write([]string{p.name, p.email, p.address, p.residence, p.controller, p.sent.Format(dateLayout)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// excelWorkbook writes people to an .xlsx workbook the way Excel stores
// them: shared strings, a cell with a line break, dates as serial numbers
// with a date format, on a sheet after an unrelated first one if sheet is
// not "Sheet1".
func excelWorkbook(t *testing.T, header []string, sheet string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		f.SetCellValue("Sheet1", "A1", "notes, not rows")
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // Excel's short date
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(sheet, cell, h)
	}
	for r, p := range people {
		for i, v := range []any{p.name, p.email, p.address, p.residence, p.controller, p.sent} {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
			if i == 5 {
				f.SetCellStyle(sheet, cell, cell, dateStyle)
			}
		}
	}
	// A formatted but empty row below the data, as spreadsheets keep.
	f.SetCellStyle(sheet, "A6", "F6", dateStyle)
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSpreadsheetsAsExcelWritesThem checks that the same people, in a
// semicolon CSV with a byte-order mark and German headers, a
// Windows-1252 CSV with French headers, and an .xlsx workbook with
// Spanish headers, give byte for byte the letters of the plain CSV: first
// letters and reminders, whose text cites the sent date.
func TestSpreadsheetsAsExcelWritesThem(t *testing.T) {
	plain := spreadsheetCSV(t, []string{"name", "email", "address", "residence", "controller", "sent"}, ',', false, "2006-01-02")
	german := append([]byte("\ufeff"), spreadsheetCSV(t, []string{"Name", "E-Mail", "Adresse", "Wohnort", "Firma", "Gesendet am"}, ';', true, "02.01.2006")...)
	french, err := charmap.Windows1252.NewEncoder().Bytes(spreadsheetCSV(t, []string{"Nom", "Courriel", "Adresse", "Pays", "Entreprise", "Envoyé le"}, ';', true, "02/01/2006"))
	if err != nil {
		t.Fatal(err)
	}
	spanish := excelWorkbook(t, []string{"Nombre", "Correo", "Dirección", "País", "Empresa", "Enviado"}, "Personas")

	for _, kind := range []string{"", objector.KindReminder} {
		want := runInput(t, plain, CSV, ReadOptions{}, kind)
		if len(want) != 8 { // 4 letters in 2 formats
			t.Fatalf("the plain CSV gave %d files, want 8", len(want))
		}
		for _, tc := range []struct {
			name   string
			input  []byte
			format InputFormat
			opts   ReadOptions
		}{
			{"semicolon CSV with a BOM", german, CSV, ReadOptions{}},
			{"Windows-1252 CSV", french, CSV, ReadOptions{Encoding: charmap.Windows1252}},
			{"Windows-1252 CSV, delimiter given", french, CSV, ReadOptions{Encoding: charmap.Windows1252, Delimiter: ';'}},
			{"xlsx", spanish, XLSX, ReadOptions{Sheet: "personas"}},
		} {
			got := runInput(t, tc.input, tc.format, tc.opts, kind)
			if len(got) != len(want) {
				t.Errorf("%s (%q): %d files, want %d", tc.name, kind, len(got), len(want))
			}
			for name, w := range want {
				if !bytes.Equal(got[name], w) {
					t.Errorf("%s (%q): %s differs from the plain CSV's:\n%s\nwant:\n%s", tc.name, kind, name, got[name], w)
				}
			}
		}
	}
}

// runInput runs a batch over input and returns its letters by file name.
func runInput(t *testing.T, input []byte, f InputFormat, ro ReadOptions, kind string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	sum, err := Run(context.Background(), bytes.NewReader(input), Options{
		Input: f, Read: ro, OutDir: dir, AsOf: asOf, Workers: 2,
		Formats: []objector.Format{objector.FormatText, objector.FormatJSON},
		Kind:    kind, Force: kind != "",
	})
	if err != nil {
		t.Fatalf("%s input: %v (%+v)", f, err, sum)
	}
	out := map[string][]byte{}
	for _, name := range files(t, dir) {
		if strings.HasPrefix(name, "0") {
			b, _ := os.ReadFile(filepath.Join(dir, name))
			out[name] = b
		}
	}
	return out
}

// TestDelimiterAndEncodingHints checks what a user sees when the input
// does not match what was said about it.
func TestDelimiterAndEncodingHints(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		opts  ReadOptions
		want  string
	}{
		{"wrong delimiter given", "name;email;residence;controller\n", ReadOptions{Delimiter: ','}, `the cells seem separated by ';', not ','`},
		{"UTF-8 called Windows-1252", "Name;E-Mail;Wohnort;Firma\nJürgen;j@example.org;DE;linkedin\n", ReadOptions{Encoding: charmap.Windows1252}, "the file is already UTF-8"},
		{"Windows-1252 header read as UTF-8", "Name;E-Mail;Wohnort;Firma;Stra\xdfe\n", ReadOptions{}, "header line is not valid UTF-8"},
	} {
		_, err := NewRowReader(strings.NewReader(tc.input), CSV, tc.opts)
		if !errors.Is(err, ErrHeader) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrHeader with %q", tc.name, err, tc.want)
		}
	}
	// A Windows-1252 row read as UTF-8 is a bad row that says what to do.
	_, err, report := run(t, "Name;E-Mail;Wohnort;Firma\nJ\xfcrgen;j@example.org;DE;linkedin\n", CSV, Options{})
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(report, "windows-1252") {
		t.Errorf("error %v, report:\n%s", err, report)
	}
	// Tabs are found as well (Excel's "Unicode text" is UTF-16 with tabs).
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "name\temail\tresidence\tcontroller\r\nZoë\tz@example.org\tFR\tlinkedin\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	rr, err := NewRowReader(bytes.NewReader(utf16), CSV, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if row, err := rr.Next(); err != nil || row.Name != "Zoë" || row.Residence != "FR" {
		t.Errorf("UTF-16 with tabs: %+v, %v", row, err)
	}
}

// TestColumnNames checks that every documented name finds its column,
// whatever its case and accents, and that no name means two columns.
func TestColumnNames(t *testing.T) {
	for col, names := range ColumnNames {
		for _, n := range append(names, col) {
			for _, v := range []string{n, strings.ToUpper(n), " " + n + " "} {
				if got := columnFor(v); got != col {
					t.Errorf("%q finds column %q, want %q", v, got, col)
				}
			}
		}
	}
	for h, want := range map[string]string{"E-Mail-Adresse": "email", "PAIS": "residence", "e_mail": "email", "Nom et Prenom": "name", "phone": ""} {
		if got := columnFor(h); got != want {
			t.Errorf("columnFor(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestParseCellDate(t *testing.T) {
	for _, tc := range []struct {
		cell             string
		dayFirst, serial bool
		want             string // "" for an error
	}{
		{"2026-04-03", false, false, "2026-04-03"},
		{"2026-04-03T00:00:00", false, false, "2026-04-03"},
		{"2026-04-03 10:00", false, false, "2026-04-03"},
		{"2026/04/03", false, false, "2026-04-03"},
		{"03.04.2026", false, false, "2026-04-03"},
		{"3.4.2026", false, false, "2026-04-03"},
		{"13/04/2026", false, false, "2026-04-13"},
		{"4/13/2026", false, false, "2026-04-13"},
		{"03/04/2026", false, false, ""},
		{"03/04/2026", true, false, "2026-04-03"},
		{"04/04/2026", false, false, "2026-04-04"},
		{"03-04-2026", true, false, "2026-04-03"},
		{"31.02.2026", false, false, ""},
		{"03.04.26", false, false, ""},
		{"46115", false, true, "2026-04-03"},
		{"46115.75", false, true, "2026-04-03"},
		{"46115", false, false, ""},
		{"12", false, true, ""},
		{"yesterday", true, true, ""},
		{"", true, true, ""},
	} {
		d, err := ParseCellDate(tc.cell, tc.dayFirst, tc.serial)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("ParseCellDate(%q, %v, %v) = %s, want an error", tc.cell, tc.dayFirst, tc.serial, d)
		case tc.want != "" && (err != nil || d.Format(time.DateOnly) != tc.want):
			t.Errorf("ParseCellDate(%q, %v, %v) = %s, %v; want %s", tc.cell, tc.dayFirst, tc.serial, d, err, tc.want)
		}
	}
	if _, err := ParseCellDate("03/04/2026", false, false); !errors.Is(err, ErrAmbiguousDate) {
		t.Errorf("an ambiguous date: %v", err)
	}
}

// TestXLSXSheets checks the sheet choice and a file that is not a
// workbook.
func TestXLSXSheets(t *testing.T) {
	book := excelWorkbook(t, []string{"name", "email", "address", "residence", "controller", "sent"}, "People")
	if _, err := NewRowReader(bytes.NewReader(book), XLSX, ReadOptions{Sheet: "Leute"}); !errors.Is(err, ErrSpreadsheet) || !strings.Contains(err.Error(), `"Sheet1" "People"`) {
		t.Errorf("unknown sheet: %v", err)
	}
	// The first sheet holds notes, not the columns.
	if _, err := NewRowReader(bytes.NewReader(book), XLSX, ReadOptions{}); !errors.Is(err, ErrHeader) {
		t.Errorf("first sheet: %v", err)
	}
	if _, err := NewRowReader(strings.NewReader("name,email\n"), XLSX, ReadOptions{}); !errors.Is(err, ErrSpreadsheet) {
		t.Errorf("a CSV file read as xlsx: %v", err)
	}
	rr, err := NewRowReader(bytes.NewReader(book), XLSX, ReadOptions{Sheet: "People"})
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	var lines []int
	for {
		row, err := rr.Next()
		if err != nil {
			break
		}
		lines = append(lines, row.Line)
	}
	if len(lines) != 3 || lines[0] != 2 || lines[2] != 4 {
		t.Errorf("rows on spreadsheet lines %v, want [2 3 4]", lines)
	}
}
