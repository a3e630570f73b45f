package jurisdiction

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/template"
)

// noteIDs are the ids of the notes the code adds to assessments; notes.toml
// must define exactly these.
var noteIDs = []string{
	"unmodelled", "outermost", "no_right", "takes_effect", "the_company",
	"threshold_unknown", "threshold_met", "threshold_none", "threshold_unconfirmed",
}

// notes are the notes the rules add to assessments, by id, parsed from
// notes.toml: the wording is data, like the notes of places and laws.
type notes map[string]*template.Template

// loadNotes reads notes.toml from fsys, or the embedded one where fsys
// has none, and checks it both ways against noteIDs: every id the code
// uses is defined, and every one defined is used.
func loadNotes(fsys fs.FS) (notes, error) {
	if _, err := fs.Stat(fsys, "notes.toml"); errors.Is(err, fs.ErrNotExist) {
		fsys = Data
	}
	var raw map[string]string
	if err := decodeStrict(fsys, "notes.toml", &raw); err != nil {
		return nil, err
	}
	n := notes{}
	for _, id := range noteIDs {
		text, ok := raw[id]
		if !ok {
			return nil, fmt.Errorf("jurisdiction: notes.toml: note %q is missing", id)
		}
		t, err := template.New(id).Option("missingkey=error").Parse(text)
		if err != nil {
			return nil, fmt.Errorf("jurisdiction: notes.toml: %s: %w", id, err)
		}
		n[id] = t
	}
	var unknown []string
	for id := range raw {
		if _, ok := n[id]; !ok {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("jurisdiction: notes.toml: notes no rule uses: %s", strings.Join(unknown, ", "))
	}
	return n, nil
}

// text returns note id with data. The tests render every note with the
// data the code gives it, so an error here is a bug in notes.toml; it
// shows in place of the note rather than hiding it.
func (n notes) text(id string, data map[string]string) string {
	var b strings.Builder
	t, ok := n[id]
	if !ok {
		return "[note " + id + " is missing]"
	}
	if err := t.Execute(&b, data); err != nil {
		return "[note " + id + ": " + err.Error() + "]"
	}
	return b.String()
}
