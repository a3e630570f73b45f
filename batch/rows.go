package batch

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// InputFormat is the format of a batch's input.
type InputFormat string

// The input formats [NewRowReader] reads.
const (
	// CSV is RFC 4180 CSV with a header row naming the [Columns].
	CSV InputFormat = "csv"
	// JSONL is one JSON object per line, keyed by the [Columns].
	JSONL InputFormat = "jsonl"
)

// ParseInputFormat returns the input format named s ("csv", "jsonl" or
// "ndjson"), or an error listing them.
func ParseInputFormat(s string) (InputFormat, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown input format %q (choose csv or jsonl)", s)
}

// InputFormatFromPath returns the input format for a file name's extension
// (.csv, .jsonl, .ndjson), or "" if the extension says nothing.
func InputFormatFromPath(path string) InputFormat {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return CSV
	case ".jsonl", ".ndjson":
		return JSONL
	}
	return ""
}

// Columns are the columns (CSV header names, JSONL keys) a row may have,
// matched case-insensitively. name, email, residence and controller are
// required in a CSV header; a JSONL row without them fails as a bad row.
// "sent" is reserved for follow-up letters: it is read and passed through
// in [Row.Sent], and the batch itself does not use it.
var Columns = []string{"name", "email", "address", "residence", "controller", "lang", "purposes", "account", "reason", "sent"}

var requiredColumns = []string{"name", "email", "residence", "controller"}

// Row is one input row: one person, one or more controllers.
type Row struct {
	Line   int // the input line the row starts on, from 1
	Number int // the row's number among the data rows, from 1; output files are named by it

	Name        string
	Email       string
	Address     []string // lines; a cell is split at ; and newlines, or else at commas
	Residence   string
	Controllers []string // a cell lists several ids separated by ; or |
	Lang        string
	Purposes    []string // a cell lists several separated by , ; or |
	Account     string
	Reason      string
	// Sent is the date a previous letter was sent, for follow-up letters.
	// The batch passes it through unused.
	Sent string
}

// ErrInvalidUTF8 is wrapped by the [*RowError] of a cell that is not valid
// UTF-8.
var ErrInvalidUTF8 = errors.New("is not valid UTF-8 (save the file as UTF-8)")

// ErrColumnCount is wrapped by the [*RowError] of a CSV row whose number of
// cells differs from the header's.
var ErrColumnCount = errors.New("wrong number of columns")

// ErrMalformed is wrapped by the [*RowError] of a row the CSV or JSON
// syntax rejects.
var ErrMalformed = errors.New("malformed row")

// ErrHeader is wrapped by errors about a CSV header: unknown, duplicate or
// missing columns. Such an input is rejected as a whole.
var ErrHeader = errors.New("bad header")

// MaxLineBytes bounds a JSONL line; a longer line fails as a bad row.
const MaxLineBytes = 1 << 20

// RowReader reads rows one at a time from CSV or JSONL input. It holds one
// row at a time, so memory does not grow with the input.
type RowReader struct {
	format InputFormat
	n      int // rows read

	// CSV
	cr   *csv.Reader
	cols []string // column name per CSV field

	// JSONL
	br   *bufio.Reader
	line int
}

// NewRowReader returns a reader of rows in format f. For CSV it reads the
// header at once; an error wrapping [ErrHeader] names unknown, duplicate
// or missing columns.
func NewRowReader(r io.Reader, f InputFormat) (*RowReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3) // the byte-order mark spreadsheet programs write
	}
	rr := &RowReader{format: f}
	switch f {
	case CSV:
		rr.cr = csv.NewReader(br)
		rr.cr.ReuseRecord = true
		header, err := rr.cr.Read()
		if err == io.EOF {
			return nil, fmt.Errorf("%w: the input is empty; the first line must name the columns (%s)", ErrHeader, strings.Join(Columns, ", "))
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrHeader, err)
		}
		if err := rr.header(header); err != nil {
			return nil, err
		}
	case JSONL:
		rr.br = br
	default:
		return nil, fmt.Errorf("unknown input format %q (choose csv or jsonl)", f)
	}
	return rr, nil
}

func (rr *RowReader) header(h []string) error {
	var unknown, dup []string
	seen := map[string]bool{}
	for _, c := range h {
		name := strings.ToLower(strings.TrimSpace(c))
		if !utf8.ValidString(name) {
			name = strings.ToValidUTF8(name, "\uFFFD")
		}
		switch {
		case !known(name):
			unknown = append(unknown, fmt.Sprintf("%q", name))
		case seen[name]:
			dup = append(dup, name)
		}
		seen[name] = true
		rr.cols = append(rr.cols, name)
	}
	var missing []string
	for _, c := range requiredColumns {
		if !seen[c] {
			missing = append(missing, c)
		}
	}
	var msgs []string
	if len(unknown) > 0 {
		msgs = append(msgs, "unknown columns "+strings.Join(unknown, ", "))
	}
	if len(dup) > 0 {
		msgs = append(msgs, "duplicate columns "+strings.Join(dup, ", "))
	}
	if len(missing) > 0 {
		msgs = append(msgs, "missing columns "+strings.Join(missing, ", "))
	}
	if len(msgs) > 0 {
		return fmt.Errorf("%w: %s (the columns are %s)", ErrHeader, strings.Join(msgs, "; "), strings.Join(Columns, ", "))
	}
	return nil
}

func known(name string) bool {
	for _, c := range Columns {
		if c == name {
			return true
		}
	}
	return false
}

// Next returns the next row. At the end of the input it returns io.EOF. A
// bad row gives a [*RowError] (with the row's Line and Number also set in
// the returned Row); reading can go on after it. Any other error is the
// input's (an I/O error) and ends the reading.
func (rr *RowReader) Next() (Row, error) {
	if rr.format == CSV {
		return rr.nextCSV()
	}
	return rr.nextJSONL()
}

func (rr *RowReader) nextCSV() (Row, error) {
	rec, err := rr.cr.Read()
	if err == io.EOF {
		return Row{}, io.EOF
	}
	var pe *csv.ParseError
	if err != nil && !errors.As(err, &pe) {
		return Row{}, err
	}
	rr.n++
	if pe != nil {
		row := Row{Line: pe.StartLine, Number: rr.n}
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %d cells, the header has %d", ErrColumnCount, len(rec), len(rr.cols))}
		}
		return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %v", ErrMalformed, pe.Err)}
	}
	line, _ := rr.cr.FieldPos(0)
	row := Row{Line: line, Number: rr.n}
	for i, cell := range rec {
		if err := row.set(rr.cols[i], cell); err != nil {
			return row, err
		}
	}
	return row, row.check()
}

func (rr *RowReader) nextJSONL() (Row, error) {
	for {
		b, tooLong, err := rr.readLine()
		if err != nil {
			return Row{}, err
		}
		rr.line++
		if !tooLong && len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		rr.n++
		row := Row{Line: rr.line, Number: rr.n}
		if tooLong {
			return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: longer than %d bytes", ErrMalformed, MaxLineBytes)}
		}
		if !utf8.Valid(b) {
			return row, &RowError{Line: row.Line, Row: row.Number, Err: ErrInvalidUTF8}
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %v", ErrMalformed, jsonMsg(err))}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		seen := map[string]bool{}
		var unknown []string
		for _, k := range keys {
			name := strings.ToLower(strings.TrimSpace(k))
			if !known(name) {
				unknown = append(unknown, fmt.Sprintf("%q", k))
				continue
			}
			if seen[name] {
				return row, &RowError{Line: row.Line, Row: row.Number, Field: name, Err: fmt.Errorf("%w: the key is given twice", ErrMalformed)}
			}
			seen[name] = true
			v, err := jsonValue(obj[k])
			if err != nil {
				return row, &RowError{Line: row.Line, Row: row.Number, Field: name, Err: err}
			}
			if err := row.set(name, v); err != nil {
				return row, err
			}
		}
		if len(unknown) > 0 {
			return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: unknown keys %s (the keys are %s)", ErrMalformed, strings.Join(unknown, ", "), strings.Join(Columns, ", "))}
		}
		return row, row.check()
	}
}

// jsonMsg returns a JSON syntax error without the input's text.
func jsonMsg(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not a JSON object (syntax error at byte %d)", se.Offset)
	}
	return "not a JSON object of strings"
}

// jsonValue accepts a string, a list of strings (joined with ;) or null.
func jsonValue(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return strings.Join(list, ";"), nil
	}
	if string(bytes.TrimSpace(raw)) == "null" {
		return "", nil
	}
	return "", fmt.Errorf("%w: must be a string or a list of strings", ErrMalformed)
}

// readLine returns the next line without its line ending. A line longer
// than MaxLineBytes is skipped and reported with tooLong. At the end of
// the input it returns io.EOF.
func (rr *RowReader) readLine() (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := rr.br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes+2 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, false, io.EOF
			}
		case err != nil:
			return nil, false, err
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if len(buf) > MaxLineBytes {
			return nil, true, nil
		}
		return buf, tooLong, nil
	}
}

// set stores a cell in the row's field for column col.
func (row *Row) set(col, v string) error {
	if !utf8.ValidString(v) {
		return &RowError{Line: row.Line, Row: row.Number, Field: col, Err: ErrInvalidUTF8}
	}
	switch col {
	case "name":
		row.Name = v
	case "email":
		row.Email = v
	case "address":
		row.Address = splitLines(v)
	case "residence":
		row.Residence = v
	case "controller":
		row.Controllers = split(v, ";|")
	case "lang":
		row.Lang = v
	case "purposes":
		row.Purposes = split(v, ",;|")
	case "account":
		row.Account = v
	case "reason":
		row.Reason = v
	case "sent":
		row.Sent = v
	}
	return nil
}

// check reports a row that cannot give any letter: one without controller.
// Everything else is checked by objector.Generate, per letter.
func (row *Row) check() error {
	if len(row.Controllers) == 0 {
		return &RowError{Line: row.Line, Row: row.Number, Field: "controller", Err: errors.New("is missing; give a company id such as linkedin (several separated by ;)")}
	}
	return nil
}

// split splits s at any of the separators, trims the parts and drops empty
// ones and repeats.
func split(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" && !contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitLines splits an address into lines at semicolons and newlines, or,
// if it has neither, at commas (as the letter command's --address does).
func splitLines(s string) []string {
	var parts []string
	if strings.ContainsAny(s, ";\n") {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' })
	} else {
		parts = strings.Split(s, ",")
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
