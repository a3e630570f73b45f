// Package batch writes many letters from a spreadsheet: one CSV, XLSX or
// JSONL row per person, one letter per company the row names, each in
// every format asked for, into one folder.
//
// # Running a batch
//
// [Run] reads rows one at a time with a [RowReader] and generates letters
// on a pool of workers, so memory stays flat however long the input is.
// A bad row (an unknown residence, a missing name, a malformed email,
// invalid UTF-8, a wrong number of cells, a character the PDF font
// lacks) does not stop the run: it is reported as a [*RowError] with its
// line number, and [Run] returns all of them joined with errors.Join.
//
//	sum, err := batch.Run(ctx, f, batch.Options{
//		Input:   batch.CSV,
//		Formats: []objector.Format{objector.FormatPDF},
//		OutDir:  "letters",
//	})
//
// # Input
//
// CSV as spreadsheet programs save it (comma, semicolon or tab; UTF-8,
// UTF-16 or a legacy encoding; see [ReadOptions]), Excel workbooks
// ([XLSX]) and JSONL. Header names are matched without regard to case and
// accents, in the letter languages too (see [ColumnNames]); dates in the
// sent column as spreadsheets store them (see [ParseCellDate]).
//
// # Output files
//
// Each letter is written to OutDir as <row>-<controller>-<lang>.<ext>, for
// example 000042-linkedin-de.pdf: names are built from the row number and
// the directory's ids only, never from the input's text, so no cell can
// make a file land outside OutDir. Files are written atomically (a
// temporary file renamed into place) with mode 0600, and a letter is
// rendered in all its formats before any is written, so it is written
// whole or not at all. A manifest ([ManifestFile]) lists every letter
// with its company, reference, law and due date, without personal data.
//
// A run locks OutDir ([ErrLocked] for a second one), refuses to replace
// an earlier run's files unless [Options.Resume] (which keeps complete
// files and writes the rest) or [Options.Overwrite] says so, and fixes
// the letter date once (recorded in OutDir for a resumed run), so an
// interrupted run resumed later gives the same bytes as a clean run.
package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/ledger"
)

// Options configure a batch [Run].
type Options struct {
	// Generator generates and renders the letters; nil means one of the
	// embedded data (objector.New with an empty Config).
	Generator *objector.Generator
	// Input is the input's format: [CSV], [JSONL] or [XLSX].
	Input InputFormat
	// Read adjusts how the input is read: the CSV delimiter and encoding,
	// the XLSX sheet.
	Read ReadOptions
	// Formats are the output formats; every letter is written in each.
	// Empty means PDF only.
	Formats []objector.Format
	// Render adjusts rendering (paper, window) for every letter.
	Render objector.RenderOptions
	// OutDir is the folder the letters are written to. It is created
	// (mode 0700) if missing.
	OutDir string
	// Workers is how many letters are generated at once; zero means
	// runtime.NumCPU().
	Workers int
	// Resume skips letters whose files all exist already, and writes only
	// the missing files of the others. A file counts as existing if it is
	// complete: a regular file, not empty, a PDF ending with its %%EOF
	// marker; a symbolic link or an empty file is written anew.
	Resume bool
	// Overwrite replaces the files of an earlier run. Without Resume or
	// Overwrite, a run into a folder that holds any file it would write
	// fails with [ErrOutputExists] before it writes anything.
	Overwrite bool
	// AsOf is the letter date for every letter. Zero means today (UTC),
	// or with Resume the date the interrupted run recorded in OutDir (see
	// [AsOfFile]). The date is fixed once for the whole run and recorded.
	AsOf time.Time
	// Agent, if set, sends every letter on the row's person's behalf.
	Agent *objector.Agent
	// Kind makes every letter a follow-up: objector.KindReminder,
	// objector.KindComplaint or objector.KindReply, for the letter each
	// row's "sent" column dates; a reply answers what the row's "reply",
	// "received", "unanswered" and "extended_to" cells say the company
	// answered. Empty means first letters. A follow-up's files are named
	// with its kind, so they never replace the first letters'.
	Kind string
	// Authority chooses a complaint's addressee: objector.AuthorityResidence
	// (the default) or objector.AuthorityLead.
	Authority string
	// Force writes follow-ups even where the first letter's deadline has
	// not passed yet; otherwise such rows fail with the due date.
	Force bool
	// Report, if not nil, receives a CSV line for every failed letter or
	// row (see [ReportHeader]), in input order. It holds no personal
	// data: rows are identified by number and controller id.
	Report io.Writer
	// Progress, if not nil, is called after each row with the counts so
	// far, from one goroutine at a time.
	Progress func(Summary)
	// MaxErrors bounds how many row errors Run keeps for its returned
	// error; the report has all of them. Zero means 1000.
	MaxErrors int
	// Ledger, if not nil, records every letter once its files are
	// written (see [LedgerRequest]; a follow-up is added to its original
	// request, see [LedgerFollowup]). Records are committed in groups
	// from a goroutine of their own; with Resume, letters whose files
	// exist are recorded if the ledger lacks them, so a run killed
	// between writing and recording is made whole by resuming it.
	Ledger *ledger.Ledger
}

// Summary counts what a run did.
type Summary struct {
	Rows    int           // input rows read, good and bad
	Written int           // letters written (all their files)
	Files   int           // files written
	Skipped int           // letters skipped because their files existed (Resume)
	Failed  int           // letters or rows that failed (one per *RowError)
	Elapsed time.Duration // since Run started
	// Manifest is the path of the manifest the run wrote in OutDir (see
	// [ManifestHeader]), or "" if it was cancelled or failed before.
	Manifest string
	// Recorded counts the requests the run added to [Options].Ledger.
	Recorded int
}

// RowError reports a row, or one letter of a row, that failed. It is
// what [Run] collects for every bad row, and what [RowReader.Next]
// returns.
type RowError struct {
	Line int // the input line the row starts on
	Row  int // the row's number among the data rows
	// Controller is the controller id of the failed letter, or "" when the
	// whole row failed. It is reduced to safe characters.
	Controller string
	Field      string // the column at fault, if one is: "name", "email", ...
	Err        error
}

// Error returns the row's line, controller and field with the cause.
func (e *RowError) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Controller != "" {
		s += " (" + e.Controller + ")"
	}
	if e.Field != "" {
		return s + ": " + e.Field + ": " + strings.TrimPrefix(e.Err.Error(), e.Field+": ")
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

// Redacted returns the error's message without the row's content (no
// names, no email addresses), for reports and logs.
func (e *RowError) Redacted() string {
	var fe *objector.FieldError
	switch {
	case errors.Is(e.Err, objector.ErrMissingGlyph):
		// The error names the character, which is part of the cell.
		return "has a character the PDF font cannot print: write it in Latin letters or leave pdf out of the formats for this row"
	case errors.As(e.Err, &fe):
		// A FieldError's Err never quotes the value; the value itself
		// stays out even where it is not personal data, since a shifted
		// column can put a name into any cell.
		msg := fe.Err.Error()
		if len(fe.Suggestions) > 0 {
			msg += " (did you mean " + strings.Join(fe.Suggestions, ", ") + "?)"
		}
		return msg
	case errors.Is(e.Err, ErrInvalidUTF8), errors.Is(e.Err, ErrColumnCount), errors.Is(e.Err, ErrMalformed), errors.Is(e.Err, ErrInternal):
		return e.Err.Error() // our own messages carry no cell content
	case errors.Is(e.Err, objector.ErrReplyUnsupported):
		return e.Err.Error() // it names the law, the place and the date, nothing of the person
	case e.Field == "controller":
		return e.Err.Error()
	case e.Field == "sent":
		return e.Err.Error() // the cell is a date, not personal data
	}
	return "the letter could not be generated"
}

// ErrTruncated is wrapped by the error [Run] adds when more rows failed
// than [Options.MaxErrors].
var ErrTruncated = errors.New("more rows failed than are listed (see the report)")

// ReportHeader is the first line of a report: the input line, the row
// number, the controller id ("" for the whole row), the column at fault
// and the error, without personal data.
var ReportHeader = []string{"line", "row", "controller", "field", "error"}

// AsOfFile is the file in OutDir where a run of first letters records its
// letter date, so that a resumed run uses the same one. A run of
// follow-ups records its own in AsOfFile+"-"+kind.
const AsOfFile = ".objector-as-of"

// ManifestFile is the file in OutDir that lists a run's first letters
// (see [ManifestHeader]); a run of follow-ups writes
// "manifest-<kind>.csv".
const ManifestFile = "manifest.csv"

// LockFile is the file in OutDir a run holds locked while it writes, so
// that a second run into the same folder fails with [ErrLocked].
const LockFile = ".objector-lock"

// ErrLocked is returned by [Run] when another run is writing to the same
// output folder.
var ErrLocked = errors.New("another batch is writing to the output folder")

// ErrOutputExists is wrapped by the error [Run] returns when the output
// folder holds files the run would write, and neither [Options.Resume]
// nor [Options.Overwrite] is set.
var ErrOutputExists = errors.New("the output folder holds letters of an earlier run")

// ErrAsOfMismatch is wrapped by the error [Run] returns when a resumed
// run is given a letter date other than the one the folder records.
var ErrAsOfMismatch = errors.New("the letter date differs from the one the output folder records")

// Run reads rows from r and writes their letters to opts.OutDir. It
// returns when the input is done, ctx is cancelled, or writing a file
// fails. Bad rows do not stop it: the error it returns then joins a
// [*RowError] for each (errors.As finds them). After a cancellation it
// returns ctx's error (joined with the row errors so far) at once, even
// while a read from r blocks (r is then read by a goroutine until that
// read returns; do not use r afterwards); files written so far are
// complete, and a run with Resume picks up from there.
//
// Run holds OutDir locked (see [LockFile]) and fails with [ErrLocked] if
// another run holds it. Files the run would write that exist already
// make it fail with an error wrapping [ErrOutputExists], unless
// Resume or Overwrite is set.
func Run(ctx context.Context, r io.Reader, opts Options) (Summary, error) {
	start := time.Now()
	b, err := newRunner(opts)
	if err != nil {
		return Summary{}, err
	}

	// The input is read on its own goroutine, so that a read that blocks
	// (an idle terminal, a stalled pipe) does not keep Run from seeing ctx.
	type item struct {
		row Row
		err error
	}
	items := make(chan item)
	header := make(chan error, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(items)
		rr, err := NewRowReader(r, opts.Input, opts.Read)
		header <- err
		if err != nil {
			return
		}
		defer rr.Close()
		for {
			row, err := rr.Next()
			if err == io.EOF {
				return
			}
			select {
			case items <- item{row, err}:
			case <-stop:
				return
			}
			var re *RowError
			if err != nil && !errors.As(err, &re) {
				return
			}
		}
	}()
	select {
	case err := <-header:
		if err != nil {
			return Summary{}, err
		}
	case <-ctx.Done():
		return Summary{}, ctx.Err()
	}

	unlock, err := b.prepareDir()
	if err != nil {
		return Summary{}, err
	}
	defer unlock()
	manifest, err := b.openManifest()
	if err != nil {
		return Summary{}, err
	}
	defer manifest.discard()

	window := 4 * b.workers
	if window < 16 {
		window = 16
	}
	// Each row's result goes into its own slot of a ring; the collector
	// reports them in input order. A token per slot keeps the producer at
	// most one window ahead of the collector, so memory stays flat.
	slots := make([]result, window)
	tokens := make(chan struct{}, window)
	done := make(chan int, window)

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(b.workers)
	if opts.Ledger != nil {
		b.rec = newRecorder(ctx, opts.Ledger, window)
	}

	var sum Summary
	var rowErrs []error
	dropped := 0
	var report *csv.Writer
	if opts.Report != nil {
		report = csv.NewWriter(opts.Report)
		report.Write(ReportHeader)
	}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		ready := make([]bool, window)
		next := 0
		for s := range done {
			ready[s%window] = true
			for ready[next%window] {
				i := next % window
				res := slots[i]
				slots[i], ready[i] = result{}, false
				next++
				<-tokens
				if res.cancelled && res.written == 0 && len(res.failures) == 0 {
					continue
				}
				sum.Rows++
				sum.Written += res.written
				sum.Files += res.files
				sum.Skipped += res.skipped
				sum.Failed += len(res.failures)
				for _, l := range res.letters {
					manifest.add(l)
				}
				for _, e := range res.failures {
					if report != nil {
						report.Write([]string{strconv.Itoa(e.Line), strconv.Itoa(e.Row), e.Controller, e.Field, e.Redacted()})
					}
					if len(rowErrs) < b.maxErrors {
						rowErrs = append(rowErrs, e)
					} else {
						dropped++
					}
				}
				if opts.Progress != nil {
					sum.Elapsed = time.Since(start)
					opts.Progress(sum)
				}
			}
		}
	}()

	var readErr error
	for seq := 0; ; seq++ {
		var it item
		var ok bool
		select {
		case it, ok = <-items:
		case <-gctx.Done():
		}
		if !ok || gctx.Err() != nil {
			break
		}
		row, err := it.row, it.err
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			readErr = fmt.Errorf("reading the input: %w", err)
			break
		}
		acquired := false
		select {
		case tokens <- struct{}{}:
			acquired = true
		case <-gctx.Done():
		}
		if gctx.Err() != nil {
			if acquired {
				<-tokens
			}
			break
		}
		s := seq
		g.Go(func() error {
			var res result
			var err error
			if re != nil {
				res.failures = []*RowError{re}
			} else {
				res, err = b.row(gctx, row)
			}
			slots[s%window] = res
			done <- s
			return err
		})
	}
	werr := g.Wait()
	close(done)
	<-collected
	if b.rec != nil {
		n, err := b.rec.close()
		sum.Recorded = n
		if err != nil && werr == nil {
			werr = err
		}
	}
	sum.Elapsed = time.Since(start)

	if report != nil {
		report.Flush()
		if err := report.Error(); err != nil && werr == nil {
			werr = fmt.Errorf("writing the report: %w", err)
		}
	}
	if readErr == nil && werr == nil && ctx.Err() == nil {
		if werr = manifest.commit(); werr == nil {
			sum.Manifest = manifest.path
		}
	}
	if dropped > 0 {
		rowErrs = append(rowErrs, fmt.Errorf("%w: %d more", ErrTruncated, dropped))
	}
	switch {
	case readErr != nil:
		return sum, errors.Join(append([]error{readErr}, rowErrs...)...)
	case werr != nil && ctx.Err() == nil:
		return sum, werr
	case ctx.Err() != nil:
		return sum, errors.Join(append([]error{ctx.Err()}, rowErrs...)...)
	}
	return sum, errors.Join(rowErrs...)
}

// result is what one row gave.
type result struct {
	written, files, skipped int
	letters                 []manifestLine
	failures                []*RowError
	cancelled               bool
}

// runner holds what every row's work shares; it is read-only while rows
// are processed.
type runner struct {
	opts      Options
	gen       *objector.Generator
	formats   []objector.Format
	workers   int
	maxErrors int
	asOf      time.Time
	suffix    string // "" for first letters, "-reminder" or "-complaint"
	bufs      sync.Pool
	rec       *recorder // nil without a ledger
	absOut    string    // OutDir as an absolute path, for the ledger
}

func newRunner(opts Options) (*runner, error) {
	b := &runner{opts: opts, gen: opts.Generator, formats: opts.Formats, workers: opts.Workers, maxErrors: opts.MaxErrors}
	if b.gen == nil {
		g, err := objector.New(objector.Config{})
		if err != nil {
			return nil, err
		}
		b.gen = g
	}
	if len(b.formats) == 0 {
		b.formats = []objector.Format{objector.FormatPDF}
	}
	for i, f := range b.formats {
		for _, g := range b.formats[:i] {
			if f == g {
				return nil, fmt.Errorf("format %s is given twice", f)
			}
		}
		if safe(string(f)) != string(f) {
			return nil, fmt.Errorf("format %q cannot name a file", f)
		}
	}
	if opts.Kind != "" {
		b.suffix = "-" + safe(opts.Kind)
	}
	if b.workers <= 0 {
		b.workers = runtime.NumCPU()
	}
	if b.maxErrors <= 0 {
		b.maxErrors = 1000
	}
	if opts.OutDir == "" {
		return nil, errors.New("no output folder given")
	}
	if opts.Resume && opts.Overwrite {
		return nil, errors.New("resume and overwrite exclude each other: resume keeps the files that exist, overwrite replaces them")
	}
	b.bufs.New = func() any { return new(bytes.Buffer) }
	abs, err := filepath.Abs(opts.OutDir)
	if err != nil {
		return nil, fmt.Errorf("the output folder: %w", err)
	}
	b.absOut = abs
	return b, nil
}

// row writes the letters of one row. Its error is fatal to the run (a
// file that cannot be written); the row's own failures are in the result.
func (b *runner) row(ctx context.Context, row Row) (result, error) {
	var res result
	seen := make([]string, 0, len(row.Controllers))
	for _, id := range row.Controllers {
		if ctx.Err() != nil {
			res.cancelled = true
			return res, nil
		}
		fail := func(field string, err error) {
			res.failures = append(res.failures, &RowError{Line: row.Line, Row: row.Number, Controller: safe(strings.ToLower(id)), Field: field, Err: err})
		}
		var sent time.Time
		if b.opts.Kind != "" {
			var err error
			if sent, err = sentDate(row.Sent); err != nil {
				fail("sent", err)
				continue
			}
		}
		var reply *objector.Reply
		if b.opts.Kind == objector.KindReply {
			var err error
			if reply, err = replyOf(row); err != nil {
				var fe *objector.FieldError
				if errors.As(err, &fe) {
					fail(fe.Field, fe.Err)
				} else {
					fail("reply", err)
				}
				continue
			}
		}
		req := objector.Request{
			Reply:      reply,
			Kind:       b.opts.Kind,
			Sent:       sent,
			Authority:  b.opts.Authority,
			Force:      b.opts.Force,
			Controller: id,
			Residence:  row.Residence,
			Name:       row.Name,
			Email:      row.Email,
			Address:    row.Address,
			Account:    row.Account,
			Purposes:   row.Purposes,
			Reason:     row.Reason,
			Lang:       row.Lang,
			AsOf:       b.asOf,
			Agent:      b.opts.Agent,
		}
		l, err := b.generate(ctx, req)
		if err != nil {
			if ctx.Err() != nil {
				res.cancelled = true
				return res, nil
			}
			fail(fieldOf(err), err)
			continue
		}
		if contains(seen, l.Controller) {
			continue // an alias of a controller the row already named
		}
		seen = append(seen, l.Controller)
		names, n, err := b.write(row, l)
		var re *RowError
		switch {
		case errors.As(err, &re):
			res.failures = append(res.failures, re)
			continue
		case err != nil:
			return res, err
		case n == 0:
			res.skipped++
		default:
			res.written++
			res.files += n
		}
		if b.rec != nil {
			if err := b.record(ctx, l, req, names); err != nil {
				return res, err
			}
		}
		res.letters = append(res.letters, b.manifestLine(row, l, names))
	}
	return res, nil
}

// ErrInternal is wrapped by the [*RowError] of a letter that objector
// panicked on: a bug, kept to its row so that the run goes on. The panic's
// value is dropped, since it may hold the row's text.
var ErrInternal = errors.New("objector failed on this letter; this is a bug, please report it with the error's line but without the row")

// generate is Generate with a panic turned into [ErrInternal].
func (b *runner) generate(ctx context.Context, req objector.Request) (l *objector.Letter, err error) {
	defer recovered(&err)
	return b.gen.Generate(ctx, req)
}

// render is Render with a panic turned into [ErrInternal].
func (b *runner) render(w io.Writer, l *objector.Letter, f objector.Format) (err error) {
	defer recovered(&err)
	return b.gen.Render(w, l, f, b.opts.Render)
}

// recovered, deferred, turns a panic into ErrInternal in *err.
func recovered(err *error) {
	if recover() != nil {
		*err = ErrInternal
	}
}

// write writes the letter's files that are missing (all of them without
// Resume) and returns the names of all its files and how many it wrote.
// Every file is rendered before any is written, so a letter that cannot
// be rendered in one format is written in none: it fails as a
// [*RowError]. Any other error is the output folder's.
func (b *runner) write(row Row, l *objector.Letter) ([]string, int, error) {
	base := FileBase(row.Number, l.Controller, l.Lang) + b.suffix
	names := make([]string, 0, len(b.formats))
	var todo []objector.Format
	var bufs []*bytes.Buffer
	defer func() {
		for _, buf := range bufs {
			b.bufs.Put(buf)
		}
	}()
	for _, f := range b.formats {
		name := base + "." + string(f)
		names = append(names, name)
		if b.opts.Resume && complete(filepath.Join(b.opts.OutDir, name), f) {
			continue
		}
		buf := b.bufs.Get().(*bytes.Buffer)
		buf.Reset()
		bufs = append(bufs, buf)
		if err := b.render(buf, l, f); err != nil {
			// Rendering writes to memory: its errors are the letter's.
			return nil, 0, &RowError{Line: row.Line, Row: row.Number, Controller: safe(l.Controller), Field: fieldOf(err), Err: fmt.Errorf("rendering %s: %w", f, err)}
		}
		todo = append(todo, f)
	}
	for i, f := range todo {
		if err := guard.WriteFile(filepath.Join(b.opts.OutDir, base+"."+string(f)), bufs[i].Bytes()); err != nil {
			return nil, i, err
		}
	}
	return names, len(todo), nil
}

// record queues the letter l, whose files (names in OutDir) are all
// written, for the ledger.
func (b *runner) record(ctx context.Context, l *objector.Letter, req objector.Request, names []string) error {
	files := make([]string, len(names))
	for i, name := range names {
		files[i] = filepath.Join(b.absOut, name)
	}
	if b.opts.Kind == "" {
		return b.rec.add(LedgerRequest(l, req, b.formats, files))
	}
	r, err := LedgerFollowup(ctx, b.gen, l, req, files)
	if err != nil {
		return err
	}
	return b.rec.add(r)
}

// complete reports whether path holds a finished output file: a regular
// file (not a symbolic link), not empty, and for PDF ending with the
// %%EOF marker. Files objector writes are renamed into place whole, so
// anything else was put there or cut short by something else.
func complete(path string, f objector.Format) bool {
	info, err := os.Lstat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return false
	}
	if f != objector.FormatPDF {
		return true
	}
	file, err := os.Open(path)
	if err != nil {
		return false
	}
	defer file.Close()
	tail := make([]byte, 32)
	off := info.Size() - int64(len(tail))
	if off < 0 {
		off, tail = 0, tail[:info.Size()]
	}
	if _, err := file.ReadAt(tail, off); err != nil {
		return false
	}
	return bytes.HasSuffix(bytes.TrimRight(tail, "\r\n \t"), []byte("%%EOF"))
}

// sentDate parses a row's "sent" cell, which a follow-up needs.
// replyOf returns what the company answered, from a reply row's reply,
// received, unanswered and extended_to cells.
func replyOf(row Row) (*objector.Reply, error) {
	if strings.TrimSpace(row.Reply) == "" {
		return nil, &objector.FieldError{Field: "reply", Err: fmt.Errorf("is empty; a reply needs the kind of the company's answer: %s", strings.Join(objector.ReplyKinds(), ", "))}
	}
	r := &objector.Reply{Kind: strings.TrimSpace(row.Reply), Unanswered: row.Unanswered}
	for _, d := range []struct {
		col, cell string
		dst       *time.Time
	}{{"received", row.Received, &r.Received}, {"extended_to", row.ExtendedTo, &r.ExtendedTo}} {
		if strings.TrimSpace(d.cell) == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, strings.TrimSpace(d.cell))
		if err != nil {
			return nil, &objector.FieldError{Field: d.col, Err: errors.New("is not a date written as YYYY-MM-DD")}
		}
		*d.dst = t
	}
	return r, nil
}

func sentDate(cell string) (time.Time, error) {
	if strings.TrimSpace(cell) == "" {
		return time.Time{}, errors.New("is empty; a follow-up needs the date the first letter was sent (YYYY-MM-DD)")
	}
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(cell))
	if err != nil {
		return time.Time{}, errors.New("is not a date written as YYYY-MM-DD")
	}
	return d, nil
}

// FileBase returns an output file's name without extension:
// <row>-<controller>-<lang>, the row zero-padded to six digits. Only
// [a-z0-9._-] survive in the controller and language, and a leading dot
// is impossible, so the name never leaves the folder or hides.
func FileBase(row int, controller, lang string) string {
	return fmt.Sprintf("%06d-%s-%s", row, safe(controller), safe(lang))
}

// safe keeps the characters a file name may safely have: lower-case
// letters, digits, dot, underscore and hyphen, with no leading dot; other
// characters become "_". An empty result is "_".
func safe(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '.' && b.Len() > 0:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 64 {
			break
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// fieldOf names the input column an error from objector.Generate is
// about, or "".
func fieldOf(err error) string {
	var fe *objector.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	if errors.Is(err, objector.ErrReplyUnsupported) {
		return "reply"
	}
	return ""
}
