package objector_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/objector/objector"
)

const acmeRecord = `id = "acme"
name = "Acme GmbH"
aliases = ["acme-ai"]

[[entity]]
regions = ["eu"]
name = "Acme GmbH"
address = ["Hauptstraße 1", "10115 Berlin", "Germany"]
email = "privacy@acme.example"
effective_from = 2020-01-01
source = "https://acme.example/privacy"
checked = 2026-11-01
`

// TestWithControllers: records added with WithControllers are found by id
// and alias, the embedded ones stay, a record with an embedded id
// replaces it, and the generator it came from does not change.
func TestWithControllers(t *testing.T) {
	g := generator(t)
	linkedin := strings.Replace(strings.Replace(acmeRecord, `id = "acme"`, `id = "linkedin"`, 1), `aliases = ["acme-ai"]`, `aliases = ["linkedin-test"]`, 1)
	g2, err := g.WithControllers(fstest.MapFS{
		"acme.toml":     {Data: []byte(acmeRecord)},
		"linkedin.toml": {Data: []byte(linkedin)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"acme", "ACME-AI"} {
		req := person("DE", "en")
		req.Controller = id
		l, err := g2.Generate(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if l.Controller != "acme" || l.Recipient.Name != "Acme GmbH" || l.Recipient.Email != "privacy@acme.example" {
			t.Errorf("%s: controller %q, recipient %+v", id, l.Controller, l.Recipient)
		}
	}
	l, err := g2.Generate(context.Background(), person("DE", "en"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Recipient.Name != "Acme GmbH" {
		t.Errorf("a record with the id linkedin did not replace the embedded one: %s", l.Recipient.Name)
	}
	if _, err := g2.Generate(context.Background(), func() objector.Request { r := person("DE", "en"); r.Controller = "google"; return r }()); err != nil {
		t.Errorf("the embedded directory is gone: %v", err)
	}

	// The original generator is unchanged.
	req := person("DE", "en")
	req.Controller = "acme"
	var fe *objector.FieldError
	if _, err := g.Generate(context.Background(), req); !errors.As(err, &fe) || fe.Field != "controller" {
		t.Errorf("the original generator knows acme: %v", err)
	}
	if l, err := g.Generate(context.Background(), person("DE", "en")); err != nil || !strings.HasPrefix(l.Recipient.Name, "LinkedIn") {
		t.Errorf("the original generator's linkedin changed: %v", err)
	}
}

// TestWithControllersBadRecord: a record that does not load is an error
// that names the file, and no generator comes back.
func TestWithControllersBadRecord(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"acme.toml":  {"acme.toml": {Data: []byte(acmeRecord + "phone = \"1\"\n")}},
		"other.toml": {"other.toml": {Data: []byte(acmeRecord)}},
		"":           {},
	} {
		g2, err := generator(t).WithControllers(fsys)
		if err == nil || g2 != nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%q: %v, %v; want an error naming the file", name, g2, err)
		}
	}
}
