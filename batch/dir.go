package batch

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/guard"
)

// prepareDir creates the output folder and locks it, refuses files of
// an earlier run unless resuming or overwriting, removes temporary files
// a killed run left behind, and fixes the letter date. The function it
// returns unlocks the folder.
func (b *runner) prepareDir() (_ func(), err error) {
	dir := b.opts.OutDir
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the output folder: %w", err)
	}
	unlock, err := lockDir(filepath.Join(dir, LockFile))
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			unlock()
		}
	}()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the output folder: %w", err)
	}
	var existing []string
	for _, e := range ents {
		name := e.Name()
		switch {
		case tmpName.MatchString(name):
			// Only this run can write here now: the file is a dead run's.
			os.Remove(filepath.Join(dir, name))
		case b.ours(name):
			existing = append(existing, name)
		}
	}
	if len(existing) > 0 && !b.opts.Resume && !b.opts.Overwrite {
		return nil, fmt.Errorf("%w: %s holds %d such files, such as %s", ErrOutputExists, dir, len(existing), existing[0])
	}
	if err := b.fixDate(); err != nil {
		return nil, err
	}
	return unlock, nil
}

// ours reports whether a file of the output folder is one this run
// would write: a letter of its kind in one of its formats, or its
// manifest.
func (b *runner) ours(name string) bool {
	if name == b.manifestName() {
		return true
	}
	m := outName.FindStringSubmatch(name)
	if m == nil {
		return false
	}
	base, ext := m[1], m[2]
	if !containsString(b.formatNames(), ext) {
		return false
	}
	if b.suffix != "" {
		return strings.HasSuffix(base, b.suffix)
	}
	return !strings.HasSuffix(base, "-"+objector.KindReminder) && !strings.HasSuffix(base, "-"+objector.KindComplaint)
}

func (b *runner) formatNames() []string {
	names := make([]string, len(b.formats))
	for i, f := range b.formats {
		names[i] = string(f)
	}
	return names
}

// fixDate decides the letter date: the one given, or with Resume the one
// the folder records, or else today; and records it.
func (b *runner) fixDate() error {
	path := filepath.Join(b.opts.OutDir, AsOfFile+b.suffix)
	var recorded time.Time
	if b.opts.Resume {
		if data, err := os.ReadFile(path); err == nil {
			d, err := time.Parse(time.DateOnly, strings.TrimSpace(string(data)))
			if err != nil {
				return fmt.Errorf("%s: %w (delete it, or give the letter date)", path, err)
			}
			recorded = d
		}
	}
	b.asOf = b.opts.AsOf
	switch {
	case !b.asOf.IsZero():
		b.asOf = day(b.asOf)
		if !recorded.IsZero() && !recorded.Equal(b.asOf) {
			return fmt.Errorf("%w: the letters in %s are dated %s, not %s; leave the date out to finish them, or write into another folder", ErrAsOfMismatch, b.opts.OutDir, recorded.Format(time.DateOnly), b.asOf.Format(time.DateOnly))
		}
	case !recorded.IsZero():
		b.asOf = recorded
		return nil
	default:
		b.asOf = day(time.Now().UTC())
	}
	return guard.WriteFile(path, []byte(b.asOf.Format(time.DateOnly)+"\n"))
}

// day returns t's calendar date at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// outName matches the name of a letter file: its base and extension.
var outName = regexp.MustCompile(`^(\d{6,}-[a-z0-9._-]+)\.([a-z0-9-]+)$`)

// tmpName matches the temporary files objector.WriteFile and the
// manifest create in the output folder.
var tmpName = regexp.MustCompile(`^\.(\d+-[a-z0-9._-]+|` + regexp.QuoteMeta(AsOfFile[1:]) + `(-[a-z]+)?|manifest(-[a-z]+)?\.csv)\.\d+\.tmp$`)

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ManifestHeader is the first line of a manifest: for every letter
// written (or found complete by a resumed run), in input order, the
// input line and row number, the controller id and the legal entity the
// letter goes to, the letter's kind and reference, the law it cites, its
// language, the channels the files are for (post, email, web-form), the
// letter date and the date the answer is due, and the files (separated
// by spaces). It holds no names or email addresses of the people. A
// resumed run writes the same manifest as a clean run.
var ManifestHeader = []string{"line", "row", "controller", "company", "kind", "reference", "law", "lang", "channel", "date", "due", "files"}

// manifestLine is one letter's line of the manifest.
type manifestLine []string

func (b *runner) manifestName() string {
	return strings.TrimSuffix(ManifestFile, ".csv") + b.suffix + ".csv"
}

func (b *runner) manifestLine(row Row, l *objector.Letter, files []string) manifestLine {
	law := ""
	if l.Assessment != nil {
		law = l.Assessment.Law
	}
	var channels []string
	for _, f := range b.formats {
		var c string
		switch f {
		case objector.FormatPDF:
			c = "post"
		case objector.FormatEML, objector.FormatMailto:
			c = "email"
		case objector.FormatForm, objector.FormatFormJSON:
			c = "web-form"
		}
		if c != "" && !containsString(channels, c) {
			channels = append(channels, c)
		}
	}
	return manifestLine{
		fmt.Sprint(row.Line), fmt.Sprint(row.Number), l.Controller, l.Recipient.Name, l.Kind, l.Reference, law, l.Lang,
		strings.Join(channels, " "), l.DateISO, l.DueISO, strings.Join(files, " "),
	}
}

// manifest writes the manifest to a temporary file in the output folder
// and renames it into place when the run has finished.
type manifest struct {
	f    *os.File
	w    *csv.Writer
	path string
}

func (b *runner) openManifest() (*manifest, error) {
	path := filepath.Join(b.opts.OutDir, b.manifestName())
	f, err := os.CreateTemp(b.opts.OutDir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing the manifest: %w", err)
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("writing the manifest: %w", err)
	}
	m := &manifest{f: f, w: csv.NewWriter(f), path: path}
	m.w.Write(ManifestHeader)
	return m, nil
}

func (m *manifest) add(l manifestLine) { m.w.Write(l) }

// commit puts the manifest in place.
func (m *manifest) commit() error {
	m.w.Flush()
	err := m.w.Error()
	if err == nil {
		err = m.f.Sync()
	}
	if cerr := m.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(m.f.Name(), m.path)
	}
	if err != nil {
		return fmt.Errorf("writing the manifest: %w", err)
	}
	m.f = nil
	return nil
}

// discard removes the manifest's temporary file unless it was committed.
func (m *manifest) discard() {
	if m.f != nil {
		m.f.Close()
		os.Remove(m.f.Name())
	}
}
