package objector

import "github.com/objector/objector/locales"

// Messages returns the generator's message bundle, read-only: the wording
// of letters in every language, and of the web page (package web), so
// that a page and the letters it writes speak the same languages.
func (g *Generator) Messages() *locales.Bundle { return g.msgs }
