package objector_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/objector/objector"
)

// TestGenerateLeavesRequestAlone shares one Address slice (with spaces a
// trim would remove) and one Agent between concurrent requests, as batch
// does: Generate must read them and write nothing back. Run with -race.
func TestGenerateLeavesRequestAlone(t *testing.T) {
	address := []string{"  Musterstraße 1 ", "", " 10115 Berlin  "}
	agent := &objector.Agent{Name: " Privacy Advocates ", Address: []string{" 1 Main St ", "Sacramento, CA "}}
	want := slices.Clone(address)
	wantAgent := slices.Clone(agent.Address)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := person("DE", "en")
			req.Address = address
			req.Agent = agent
			l, err := objector.Generate(context.Background(), req)
			if err != nil {
				t.Error(err)
				return
			}
			if got := l.Sender.Address; !slices.Equal(got, []string{"1 Main St", "Sacramento, CA"}) {
				t.Errorf("the agent's address in the letter = %q", got)
			}
		}()
	}
	wg.Wait()
	if !slices.Equal(address, want) || !slices.Equal(agent.Address, wantAgent) || agent.Name != " Privacy Advocates " {
		t.Errorf("Generate changed the caller's request: address %q, agent %+v", address, agent)
	}
}

// TestFieldErrors checks that bad input names its field, says whether the
// value is personal, keeps personal values out of the message, and
// suggests what exists.
func TestFieldErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func(*objector.Request)
		field    string
		personal bool
		suggest  string // one suggestion expected, if any
	}{
		{"missing name", func(r *objector.Request) { r.Name = " " }, "name", false, ""},
		{"bad email", func(r *objector.Request) { r.Email = "erika-at-example.org" }, "email", true, ""},
		{"bidi override in name", func(r *objector.Request) { r.Name = "Erika \u202eMustermann" }, "name", true, ""},
		{"bidi isolate in reason", func(r *objector.Request) { r.Reason = "see \u2067here\u2069" }, "reason", true, ""},
		{"bidi in address", func(r *objector.Request) { r.Address = []string{"Musterstr. 1\u202d"} }, "address", true, ""},
		{"bidi in agent email", func(r *objector.Request) { r.Agent = &objector.Agent{Name: "A", Email: "a\u202e@example.org"} }, "agent.email", true, ""},
		{"long name", func(r *objector.Request) { r.Name = strings.Repeat("x", 100_000) }, "name", true, ""},
		{"unknown residence", func(r *objector.Request) { r.Residence = "XX" }, "residence", false, ""},
		{"unknown controller", func(r *objector.Request) { r.Controller = "linkedn" }, "controller", false, "linkedin"},
		{"unknown language", func(r *objector.Request) { r.Lang = "no such language" }, "lang", false, ""},
		{"misspelt language", func(r *objector.Request) { r.Lang = "dee" }, "lang", false, "de"},
		{"unknown purpose", func(r *objector.Request) { r.Purposes = []string{"mind-reading"} }, "purposes", false, ""},
		{"unknown kind", func(r *objector.Request) { r.Kind = "rant" }, "kind", false, ""},
		{"company without address", func(r *objector.Request) {
			r.Controller = ""
			r.Company = &objector.Company{Name: "Example GmbH"}
		}, "company.address", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := person("DE", "en")
			tc.edit(&req)
			_, err := objector.Generate(context.Background(), req)
			var fe *objector.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Generate = %v, want a *FieldError", err)
			}
			if fe.Field != tc.field || fe.Personal != tc.personal {
				t.Errorf("field %q personal %v, want %q %v (%v)", fe.Field, fe.Personal, tc.field, tc.personal, err)
			}
			if fe.Personal && fe.Value != "" && strings.Contains(err.Error(), fe.Value) {
				t.Errorf("the message %q shows the personal value", err)
			}
			if tc.suggest != "" && !slices.Contains(fe.Suggestions, tc.suggest) {
				t.Errorf("suggestions %q lack %q", fe.Suggestions, tc.suggest)
			}
		})
	}
}

// TestFormatsIsACopy: the lists the package hands out are copies.
func TestFormatsIsACopy(t *testing.T) {
	f := objector.Formats()
	f[0] = "docx"
	if objector.Formats()[0] != objector.FormatPDF {
		t.Error("Formats returns the package's own slice")
	}
	p := objector.Purposes()
	p[0] = "x"
	if objector.Purposes()[0] == "x" {
		t.Error("Purposes returns the package's own slice")
	}
}
