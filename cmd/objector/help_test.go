package main

import (
	"io"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/jurisdiction"
)

// TestHelpFlags: every flag's help names its value (FILE, DATE, ...), not
// urfave/cli's "value", and says its default once: a flag with a default
// value gets "(default: ...)" from urfave/cli, so its usage must not say
// it too.
func TestHelpFlags(t *testing.T) {
	app := newApp(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
	var walk func(path string, cmds []*cli.Command)
	check := func(path string, flags []cli.Flag) {
		for _, f := range flags {
			df, ok := f.(cli.DocGenerationFlag)
			if !ok || !df.TakesValue() {
				continue
			}
			name := path + " --" + f.Names()[0]
			usage := df.GetUsage()
			if strings.Count(usage, "`") < 2 {
				t.Errorf("%s: the usage names no placeholder in `backticks`, so help shows \"value\": %q", name, usage)
			}
			if df.GetValue() != "" && strings.Contains(usage, "(default:") {
				t.Errorf("%s: the usage says its default, and urfave/cli adds %s: %q", name, df.GetValue(), usage)
			}
		}
	}
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			check(path+" "+c.Name, c.Flags)
			walk(path+" "+c.Name, c.Subcommands)
		}
	}
	check("objector", app.Flags)
	walk("objector", app.Commands)
}

// TestNoPDFToTerminal: a PDF, which is binary, is not written to a
// terminal; the hint says to use -o. Text still is, and a PDF to a pipe
// or file still is.
func TestNoPDFToTerminal(t *testing.T) {
	saved := isTerminal
	defer func() { isTerminal = saved }()
	isTerminal = func(io.Writer) bool { return true }
	for _, cmd := range [][]string{
		append([]string{"letter", "--residence", "DE", "--format", "pdf"}, erika...),
		append([]string{"followup", "reminder", "--residence", "DE", "--format", "pdf", "--sent", "2026-01-02", "--as-of", "2026-11-24"}, erika...),
	} {
		code, stdout, stderr := runCLI(t, cmd...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, "objector: hint: write it to a file: -o letter.pdf") {
			t.Errorf("%s to a terminal: exit %d, %d bytes out, stderr %q; want %d, nothing written and a hint", cmd[0], code, len(stdout), stderr, exitUsage)
		}
	}
	code, stdout, _ := runCLI(t, append([]string{"letter", "--residence", "DE", "--format", "txt"}, erika...)...)
	if code != 0 || !strings.Contains(stdout, "LinkedIn") {
		t.Errorf("text to a terminal: exit %d, stdout %q", code, stdout)
	}
	isTerminal = func(io.Writer) bool { return false }
	code, stdout, _ = runCLI(t, append([]string{"letter", "--residence", "DE", "--format", "pdf"}, erika...)...)
	if code != 0 || !strings.HasPrefix(stdout, "%PDF-") {
		t.Errorf("PDF to a pipe: exit %d, %d bytes", code, len(stdout))
	}
}

// TestShowRecordFacts: controllers show prints the facts a record holds
// beyond the address: the representative and how well the entity is
// sourced.
func TestShowRecordFacts(t *testing.T) {
	rec := &controllers.Record{ID: "acme", Name: "Acme", Entities: []controllers.Entity{{
		Regions: []jurisdiction.Region{jurisdiction.RegionEU}, Name: "Acme Ltd", Address: []string{"1 Main St"},
		Representative: "Acme EU Rep, Dublin", Status: controllers.EntitySecondary, Source: "https://acme.example",
	}}}
	var b strings.Builder
	if err := showRecord(&b, rec); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"representative: Acme EU Rep, Dublin", "secondary source https://acme.example"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("controllers show lacks %q:\n%s", want, b.String())
		}
	}
}
