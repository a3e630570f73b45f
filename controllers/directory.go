package controllers

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/objector/objector/internal/suggest"
)

//go:embed data/*.toml
var embedded embed.FS

// Data is the embedded directory: one TOML record per company, named after
// its id. Pass another fs.FS of the same layout to [Load] to use records of
// your own.
var Data fs.FS = mustSub(embedded, "data")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// Directory is a validated, read-only set of records, looked up by id or
// alias in any case. It is safe for concurrent use.
type Directory struct {
	records map[string]*Record
	names   map[string]string // lower-case id or alias → id
}

// Load reads every *.toml record in fsys. A record must be named after its
// id; unknown keys, missing sources and malformed addresses, emails, URLs
// or dates are errors that name the file.
func Load(fsys fs.FS) (*Directory, error) {
	files, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("controllers: no *.toml records")
	}
	d := &Directory{records: map[string]*Record{}, names: map[string]string{}}
	for _, name := range files {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		rec, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("controllers: %s: %w", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".toml"); rec.ID != want {
			return nil, fmt.Errorf("controllers: %s: id %q must match the file name %q", name, rec.ID, want)
		}
		if err := d.add(rec, false); err != nil {
			return nil, fmt.Errorf("controllers: %s: %w", name, err)
		}
	}
	return d, nil
}

// Parse decodes and validates one record. Unknown keys are errors.
func Parse(b []byte) (*Record, error) {
	var rec Record
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&rec)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("unknown keys %s", strings.Join(keys, ", "))
	}
	if err := rec.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", rec.ID, err)
	}
	return &rec, nil
}

func (d *Directory) add(rec *Record, override bool) error {
	if _, dup := d.records[rec.ID]; dup && !override {
		return fmt.Errorf("id %q defined twice", rec.ID)
	}
	if old, ok := d.records[rec.ID]; ok {
		for _, a := range old.Aliases {
			delete(d.names, strings.ToLower(a))
		}
	}
	d.records[rec.ID] = rec
	for _, n := range append([]string{rec.ID}, rec.Aliases...) {
		key := strings.ToLower(n)
		if other, ok := d.names[key]; ok && other != rec.ID {
			if !override {
				return fmt.Errorf("name %q is used by %s and %s", n, other, rec.ID)
			}
		}
		d.names[key] = rec.ID
	}
	return nil
}

// Merge returns a new directory holding d's records with those of other
// laid over them: a record with the same id replaces d's. Neither d nor
// other changes.
func (d *Directory) Merge(other *Directory) *Directory {
	out := &Directory{records: map[string]*Record{}, names: map[string]string{}}
	for _, id := range sortedKeys(d.records) {
		_ = out.add(d.records[id], true)
	}
	for _, id := range sortedKeys(other.records) {
		_ = out.add(other.records[id], true)
	}
	return out
}

// Lookup returns the record whose id or alias is name, in any case. It
// returns an [*UnknownControllerError] with the closest known ids
// otherwise.
func (d *Directory) Lookup(name string) (*Record, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if id, ok := d.names[key]; ok {
		return d.records[id], nil
	}
	return nil, &UnknownControllerError{ID: name, Suggestions: d.suggest(key)}
}

// IDs returns every record id, sorted.
func (d *Directory) IDs() []string { return sortedKeys(d.records) }

// Records returns every record, sorted by id.
func (d *Directory) Records() []*Record {
	ids := d.IDs()
	out := make([]*Record, len(ids))
	for i, id := range ids {
		out[i] = d.records[id]
	}
	return out
}

func (d *Directory) suggest(key string) []string {
	// Suggest ids, but match against aliases too.
	best := map[string]bool{}
	var out []string
	for _, name := range suggest.Closest(key, sortedKeys(d.names), 3, 10) {
		if id := d.names[name]; !best[id] && len(out) < 3 {
			best[id] = true
			out = append(out, id)
		}
	}
	return out
}

var defaultDirectory = sync.OnceValues(func() (*Directory, error) { return Load(Data) })

// Default returns the embedded directory, loaded and validated once per
// process. The result is read-only and shared.
func Default() (*Directory, error) { return defaultDirectory() }
