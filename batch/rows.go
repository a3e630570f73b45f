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
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// InputFormat is the format of a batch's input.
type InputFormat string

// The input formats [NewRowReader] reads.
const (
	// CSV is CSV with a header row naming the [Columns]: cells separated
	// by commas, semicolons or tabs (see [ReadOptions.Delimiter]), quoted
	// as RFC 4180 quotes them, in UTF-8 (with or without a byte-order
	// mark), UTF-16 with a byte-order mark, or the encoding
	// [ReadOptions.Encoding] names.
	CSV InputFormat = "csv"
	// JSONL is one JSON object per line, keyed by the [Columns].
	JSONL InputFormat = "jsonl"
	// XLSX is an Excel workbook (Office Open XML): the first row of a
	// sheet names the [Columns].
	XLSX InputFormat = "xlsx"
)

// ParseInputFormat returns the input format named s ("csv", "jsonl",
// "ndjson" or "xlsx"), or an error listing them.
func ParseInputFormat(s string) (InputFormat, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv", "tsv", "txt":
		return CSV, nil
	case "jsonl", "ndjson":
		return JSONL, nil
	case "xlsx":
		return XLSX, nil
	}
	return "", fmt.Errorf("unknown input format %q (choose csv, jsonl or xlsx)", s)
}

// InputFormatFromPath returns the input format for a file name's extension
// (.csv, .tsv, .txt, .jsonl, .ndjson, .xlsx), or "" if the extension says
// nothing.
func InputFormatFromPath(path string) InputFormat {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		return CSV
	case ".jsonl", ".ndjson":
		return JSONL
	case ".xlsx":
		return XLSX
	}
	return ""
}

// ReadOptions adjust how a [RowReader] reads its input.
type ReadOptions struct {
	// Delimiter separates the cells of a CSV row: ',', ';' or '\t'. Zero
	// detects it from the header line: the one of the three it holds most
	// often outside quotes, or else ','.
	Delimiter rune
	// Encoding decodes CSV input that is not UTF-8, such as
	// charmap.Windows1252 for a file a Western European Excel saved as
	// "CSV (semicolon-separated)". Nil means UTF-8. A byte-order mark
	// overrides it.
	Encoding encoding.Encoding
	// Sheet names the XLSX sheet to read; empty means the first.
	Sheet string
}

// Columns are the columns (header names, JSONL keys) a row may have.
// Header names are matched without regard to case or accents, and the
// names in [ColumnNames] are taken for them too. name, email, residence
// and controller are required in a header; a JSONL row without them
// fails as a bad row. "sent" dates the first letter a follow-up (a
// reminder, a complaint or a reply) answers; "reply", "received",
// "unanswered" and "extended_to" say what the company answered, for
// replies ([Options].Kind objector.KindReply). A first-letter run ignores
// them.
var Columns = []string{"name", "email", "address", "residence", "controller", "lang", "purposes", "account", "reason", "sent", "reply", "received", "unanswered", "extended_to"}

var requiredColumns = []string{"name", "email", "residence", "controller"}

// Row is one input row: one person, one or more controllers.
type Row struct {
	Line   int // the input line (or spreadsheet row) the row starts on, from 1
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
	// Sent is the date a previous letter was sent, for follow-up letters:
	// YYYY-MM-DD where [ParseCellDate] reads the cell, else the cell as it
	// is.
	Sent string
	// Reply is the kind of the company's answer a reply letter answers
	// (objector.ReplyIDDemanded, …); Received the date of that answer and
	// ExtendedTo the date an extension names, both read like Sent;
	// Unanswered the points a partial answer left open.
	Reply      string
	Received   string
	ExtendedTo string
	Unanswered []string
}

// ErrInvalidUTF8 is wrapped by the [*RowError] of a cell that is not valid
// UTF-8.
var ErrInvalidUTF8 = errors.New("is not valid UTF-8 (save the file as UTF-8, or name its encoding, such as windows-1252)")

// ErrColumnCount is wrapped by the [*RowError] of a CSV row whose number of
// cells differs from the header's.
var ErrColumnCount = errors.New("wrong number of columns")

// ErrMalformed is wrapped by the [*RowError] of a row the CSV or JSON
// syntax rejects.
var ErrMalformed = errors.New("malformed row")

// ErrHeader is wrapped by errors about a header: unknown, duplicate or
// missing columns. Such an input is rejected as a whole.
var ErrHeader = errors.New("bad header")

// ErrSpreadsheet is wrapped by errors about a spreadsheet file as a
// whole: one that is not an .xlsx workbook, or lacks the sheet asked for.
var ErrSpreadsheet = errors.New("cannot read the spreadsheet")

// MaxLineBytes bounds a JSONL line; a longer line fails as a bad row.
const MaxLineBytes = 1 << 20

// RowReader reads rows one at a time from CSV, JSONL or XLSX input. It
// holds one row at a time, so memory does not grow with the input (an
// .xlsx file is held compressed; its sheet is read as a stream).
type RowReader struct {
	format InputFormat
	n      int // rows read

	// CSV and XLSX
	cr       *csv.Reader
	xr       *xlsxRows
	cols     []string // column per field; "" for a column without a name
	dayFirst bool     // the sent column is named in a language that writes the day first

	// JSONL
	br   *bufio.Reader
	line int
}

// NewRowReader returns a reader of rows in format f. For CSV and XLSX it
// reads the header at once; an error wrapping [ErrHeader] names unknown,
// duplicate or missing columns, one wrapping [ErrSpreadsheet] a
// workbook that cannot be read. An XLSX workbook is read into memory
// whole (compressed); call [RowReader.Close] when done.
func NewRowReader(r io.Reader, f InputFormat, opts ReadOptions) (*RowReader, error) {
	rr := &RowReader{format: f}
	switch f {
	case CSV:
		br, err := decodeText(r, opts.Encoding)
		if err != nil {
			return nil, err
		}
		rr.cr = csv.NewReader(br)
		rr.cr.ReuseRecord = true
		rr.cr.FieldsPerRecord = -1 // counted against the header below
		rr.cr.Comma = opts.Delimiter
		if rr.cr.Comma == 0 {
			rr.cr.Comma = detectDelimiter(br)
		}
		if !validDelimiter(rr.cr.Comma) {
			return nil, fmt.Errorf("the delimiter %q is not a comma, semicolon or tab", rr.cr.Comma)
		}
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
	case XLSX:
		xr, header, err := openXLSX(r, opts.Sheet)
		if err != nil {
			return nil, err
		}
		rr.xr = xr
		if err := rr.header(header); err != nil {
			xr.Close()
			return nil, err
		}
	case JSONL:
		br, err := decodeText(r, nil)
		if err != nil {
			return nil, err
		}
		rr.br = br
	default:
		return nil, fmt.Errorf("unknown input format %q (choose csv, jsonl or xlsx)", f)
	}
	return rr, nil
}

// Close releases what the reader holds: for XLSX input, the workbook and
// any temporary files it unpacked. It does not close the underlying
// reader.
func (rr *RowReader) Close() error {
	if rr.xr != nil {
		return rr.xr.Close()
	}
	return nil
}

// decodeText returns a buffered reader of r's text as UTF-8: a UTF-8
// byte-order mark is dropped, UTF-16 with a byte-order mark (Excel's
// "Unicode text") is decoded, and otherwise enc, if not nil, decodes. Text
// that enc is asked to decode but that is plainly UTF-8 is an error, since
// decoding it would garble every accent.
func decodeText(r io.Reader, enc encoding.Encoding) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	bom, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(bom, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		return br, nil
	case bytes.HasPrefix(bom, []byte("\xff\xfe")), bytes.HasPrefix(bom, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), nil
	case enc == nil:
		return br, nil
	}
	if looksUTF8(firstLine(br)) {
		return nil, fmt.Errorf("%w: the file is already UTF-8 (it has accented letters written as UTF-8); leave out the encoding", ErrHeader)
	}
	return bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10), nil
}

// looksUTF8 reports whether b holds bytes above ASCII and is valid UTF-8
// (but for a sequence cut at its end).
func looksUTF8(b []byte) bool {
	ascii := true
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return len(b) < utf8.UTFMax && !utf8.FullRune(b) && !ascii
		}
		if size > 1 {
			ascii = false
		}
		b = b[size:]
	}
	return !ascii
}

// firstLine returns what br holds buffered once it holds the first line
// (up to a newline outside quotes), the whole input, or a full buffer. It
// reads no more than it must, so that input from a pipe is not held up
// until 64 KiB have arrived.
func firstLine(br *bufio.Reader) []byte {
	n := 1
	for {
		_, err := br.Peek(n)
		head, _ := br.Peek(br.Buffered())
		quoted := false
		for _, c := range head {
			switch {
			case c == '"':
				quoted = !quoted
			case (c == '\n' || c == '\r') && !quoted:
				return head
			}
		}
		if err != nil || len(head) == br.Size() {
			return head
		}
		n = br.Buffered() + 1
		if n > br.Size() {
			n = br.Size()
		}
	}
}

func validDelimiter(r rune) bool { return r == ',' || r == ';' || r == '\t' }

// detectDelimiter returns the delimiter the header line uses most
// outside quotes among comma, semicolon and tab, or ',' if it has none.
func detectDelimiter(br *bufio.Reader) rune {
	head := firstLine(br)
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' || c == '\r' {
			break
		}
		counts[c]++
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// header maps the header's names to columns.
func (rr *RowReader) header(h []string) error {
	// Trailing cells without a name are what spreadsheets leave after the
	// last column.
	for len(h) > 0 && strings.TrimSpace(h[len(h)-1]) == "" {
		h = h[:len(h)-1]
	}
	var unknown, dup []string
	seen := map[string]string{}
	rr.cols = make([]string, 0, len(h))
	for _, cell := range h {
		name := strings.TrimSpace(cell)
		if !utf8.ValidString(name) {
			return fmt.Errorf("%w: the header line is not valid UTF-8; save the file as UTF-8, or name its encoding (such as windows-1252)", ErrHeader)
		}
		col := columnFor(name)
		switch {
		case name == "":
		case col == "":
			unknown = append(unknown, fmt.Sprintf("%q", name))
		case seen[col] != "":
			dup = append(dup, fmt.Sprintf("%q and %q", seen[col], name))
		default:
			seen[col] = name
			if col == "sent" {
				rr.dayFirst = !englishNames[foldName(name)]
			}
		}
		rr.cols = append(rr.cols, col)
	}
	var missing []string
	for _, c := range requiredColumns {
		if seen[c] == "" {
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
	if len(msgs) == 0 {
		return nil
	}
	if len(h) == 1 && rr.cr != nil {
		for _, d := range []rune{',', ';', '\t'} {
			if d != rr.cr.Comma && strings.ContainsRune(h[0], d) {
				msgs = append(msgs, fmt.Sprintf("the cells seem separated by %q, not %q", d, rr.cr.Comma))
				break
			}
		}
	}
	return fmt.Errorf("%w: %s (the columns are %s)", ErrHeader, strings.Join(msgs, "; "), strings.Join(Columns, ", "))
}

// Next returns the next row. At the end of the input it returns io.EOF. A
// bad row gives a [*RowError] (with the row's Line and Number also set in
// the returned Row); reading can go on after it. Any other error is the
// input's (an I/O error) and ends the reading.
func (rr *RowReader) Next() (Row, error) {
	switch rr.format {
	case CSV:
		return rr.nextCSV()
	case XLSX:
		return rr.nextXLSX()
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
		return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %v", ErrMalformed, pe.Err)}
	}
	line, _ := rr.cr.FieldPos(0)
	return rr.cells(Row{Line: line, Number: rr.n}, rec, false)
}

// cells fills row from a CSV or XLSX record. Cells past the header's
// columns must be empty; missing cells at the end are empty.
func (rr *RowReader) cells(row Row, rec []string, serial bool) (Row, error) {
	n := len(rec)
	for n > len(rr.cols) && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	if n > len(rr.cols) || (rr.format == CSV && n < len(rr.cols)) {
		return row, &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %d cells, the header has %d", ErrColumnCount, len(rec), len(rr.cols))}
	}
	for i, cell := range rec[:n] {
		if rr.cols[i] == "" {
			continue
		}
		if err := row.set(rr.cols[i], cell); err != nil {
			return row, err
		}
		if dateColumn(rr.cols[i]) && strings.TrimSpace(cell) != "" {
			if d, err := ParseCellDate(cell, rr.dayFirst, serial); err == nil {
				row.setDate(rr.cols[i], d)
			}
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
		return row, rr.jsonObject(&row, b)
	}
}

// jsonObject fills row from one JSON object. It walks the object's tokens
// rather than decoding into a map, so that a key given twice is an error,
// not the last value silently.
func (rr *RowReader) jsonObject(row *Row, b []byte) error {
	malformed := func(err error) error {
		return &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: %v", ErrMalformed, jsonMsg(err))}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil {
		return malformed(err)
	} else if t != json.Delim('{') {
		return malformed(nil)
	}
	seen := map[string]string{}
	var unknown []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return malformed(err)
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return malformed(err)
		}
		col := columnFor(key)
		if col == "" {
			unknown = append(unknown, fmt.Sprintf("%q", key))
			continue
		}
		if first, ok := seen[col]; ok {
			return &RowError{Line: row.Line, Row: row.Number, Field: col, Err: fmt.Errorf("%w: the key is given twice (%q and %q)", ErrMalformed, first, key)}
		}
		seen[col] = key
		v, err := jsonValue(raw)
		if err != nil {
			return &RowError{Line: row.Line, Row: row.Number, Field: col, Err: err}
		}
		if err := row.set(col, v); err != nil {
			return err
		}
		if dateColumn(col) {
			if d, err := ParseCellDate(v, false, false); err == nil {
				row.setDate(col, d)
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return malformed(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return malformed(err)
	}
	if len(unknown) > 0 {
		return &RowError{Line: row.Line, Row: row.Number, Err: fmt.Errorf("%w: unknown keys %s (the keys are %s)", ErrMalformed, strings.Join(unknown, ", "), strings.Join(Columns, ", "))}
	}
	return row.check()
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
	case "reply":
		row.Reply = strings.ToLower(v)
	case "received":
		row.Received = v
	case "extended_to":
		row.ExtendedTo = v
	case "unanswered":
		row.Unanswered = split(v, ",;|")
	}
	return nil
}

// dateColumn reports whether col holds a date that spreadsheets may store
// as a serial number or in a local form.
func dateColumn(col string) bool { return col == "sent" || col == "received" || col == "extended_to" }

// setDate stores the date a date column's cell was read as, as YYYY-MM-DD.
func (row *Row) setDate(col string, d time.Time) {
	s := d.Format(time.DateOnly)
	switch col {
	case "sent":
		row.Sent = s
	case "received":
		row.Received = s
	case "extended_to":
		row.ExtendedTo = s
	}
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
