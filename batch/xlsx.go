package batch

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxInMemory is the size up to which a sheet's XML is unpacked into
// memory; a larger one goes to a temporary file that the rows are read
// from as a stream, so memory does not grow with the sheet. (Its shared
// strings, the texts of the cells, are held in memory whatever the size.)
const xlsxInMemory = 1 << 20

// xlsxRows streams the rows of one sheet of a workbook.
type xlsxRows struct {
	file   *excelize.File
	rows   *excelize.Rows
	line   int  // the spreadsheet row last read, from 1
	date04 bool // the workbook counts serial dates from 1904
}

// openXLSX opens the workbook r holds and returns its sheet's rows (the
// first sheet if sheet is empty) with the header row read.
func openXLSX(r io.Reader, sheet string) (*xlsxRows, []string, error) {
	f, err := excelize.OpenReader(r, excelize.Options{UnzipXMLSizeLimit: xlsxInMemory})
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v (save it from the spreadsheet program as .xlsx or .csv)", ErrSpreadsheet, err)
	}
	x := &xlsxRows{file: f}
	sheets := f.GetSheetList()
	switch {
	case len(sheets) == 0:
		f.Close()
		return nil, nil, fmt.Errorf("%w: the workbook has no sheet", ErrSpreadsheet)
	case sheet == "":
		sheet = sheets[0]
	default:
		name, ok := findFold(sheets, sheet)
		if !ok {
			f.Close()
			return nil, nil, fmt.Errorf("%w: no sheet is named %q; the sheets are %q", ErrSpreadsheet, sheet, sheets)
		}
		sheet = name
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		x.date04 = *props.Date1904
	}
	if x.rows, err = f.Rows(sheet); err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("%w: sheet %q: %v", ErrSpreadsheet, sheet, err)
	}
	// The header is the first row with a cell in it.
	for {
		cells, err := x.next()
		if err == io.EOF {
			x.Close()
			return nil, nil, fmt.Errorf("%w: sheet %q is empty; its first row must name the columns (%s)", ErrHeader, sheet, strings.Join(Columns, ", "))
		}
		if err != nil {
			x.Close()
			return nil, nil, err
		}
		if !blank(cells) {
			return x, cells, nil
		}
	}
}

// next returns the next row's cells as stored (a date as its serial
// number), or io.EOF after the last.
func (x *xlsxRows) next() ([]string, error) {
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrSpreadsheet, err)
		}
		return nil, io.EOF
	}
	x.line++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%w: row %d: %v", ErrSpreadsheet, x.line, err)
	}
	return cells, nil
}

// Close closes the sheet and the workbook, removing the temporary files
// excelize unpacks a large sheet to.
func (x *xlsxRows) Close() error {
	var err error
	if x.rows != nil {
		err = x.rows.Close()
	}
	if cerr := x.file.Close(); err == nil {
		err = cerr
	}
	return err
}

func (rr *RowReader) nextXLSX() (Row, error) {
	for {
		cells, err := rr.xr.next()
		if err != nil {
			return Row{}, err
		}
		if blank(cells) {
			continue // rows a spreadsheet keeps for their formatting
		}
		rr.n++
		row := Row{Line: rr.xr.line, Number: rr.n}
		if rr.xr.date04 {
			cells = from1904(rr.cols, cells)
		}
		return rr.cells(row, cells, true)
	}
}

// from1904 rewrites the serial numbers in a sent cell of a workbook that
// counts from 1904 to the 1900 count ParseCellDate reads.
func from1904(cols, cells []string) []string {
	for i, c := range cells {
		if i < len(cols) && cols[i] == "sent" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(c), 64); err == nil {
				cells[i] = strconv.FormatFloat(f+1462, 'f', -1, 64)
			}
		}
	}
	return cells
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// findFold returns the name in list that is s but for case.
func findFold(list []string, s string) (string, bool) {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return x, true
		}
	}
	return "", false
}
