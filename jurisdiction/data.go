package jurisdiction

import (
	"embed"
	"io/fs"
	"sync"
)

//go:embed data/laws/*.toml data/places/*.toml data/replies/*.toml data/notes.toml
var embedded embed.FS

// Data is the embedded rule set: laws/*.toml, places/*.toml,
// replies/*.toml and notes.toml (the wording of the notes the rules add). Pass another
// fs.FS of the same layout to [Load] to use rules of your own.
var Data fs.FS = mustSub(embedded, "data")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

var defaultRules = sync.OnceValues(func() (*Rules, error) { return Load(Data) })

// Default returns the embedded rules, loaded and validated once per process.
// The result is read-only and shared.
func Default() (*Rules, error) { return defaultRules() }
