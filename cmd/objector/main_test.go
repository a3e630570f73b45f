package main

import (
	"flag"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update makes golden-file tests in this package rewrite their files
// (README.md's Usage block, testdata/golden/*) instead of comparing.
var update = flag.Bool("update", false, "rewrite golden files instead of comparing")

func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"objector": func() int { return run(os.Args, os.Stdin, os.Stdout, os.Stderr) },
	}))
}

// TestScripts runs the command-line sessions in testdata/script, each
// headed by what it guards.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// A profile in the real home must never leak into a test.
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/config")
			env.Setenv("OBJECTOR_REQUIRE_PDFTOOLS", os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "pdftools" {
				_, err1 := lookPath("pdftotext")
				_, err2 := lookPath("qpdf")
				if (err1 != nil || err2 != nil) && os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS") == "1" {
					t.Fatal("pdftotext and qpdf are required (OBJECTOR_REQUIRE_PDFTOOLS=1): install poppler-utils and qpdf")
				}
				return err1 == nil && err2 == nil, nil
			}
			return false, nil
		},
	})
}
