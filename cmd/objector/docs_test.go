package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestMan checks the manual page the release archives carry: troff, with
// every visible command.
func TestMan(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"objector", "man"}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("objector man: exit %d: %s", code, errOut.String())
	}
	page := out.String()
	if !strings.Contains(page, ".TH objector 1") {
		t.Errorf("not a troff manual page:\n%.300s", page)
	}
	for _, cmd := range newApp(nil, nil, nil).VisibleCommands() {
		if !strings.Contains(page, cmd.Name) {
			t.Errorf("the manual page does not mention %q", cmd.Name)
		}
	}
}

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{"bash": "complete -o default -F _objector objector", "zsh": "compdef _objector objector", "fish": "complete -c objector"} {
		var out, errOut bytes.Buffer
		if code := run([]string{"objector", "completion", shell}, nil, &out, &errOut); code != exitOK {
			t.Fatalf("objector completion %s: exit %d: %s", shell, code, errOut.String())
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("objector completion %s lacks %q", shell, want)
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"objector", "completion", "tcsh"}, nil, &out, &errOut); code != exitUsage || !strings.Contains(errOut.String(), "hint: give bash, zsh or fish") {
		t.Errorf("objector completion tcsh: exit %d, %q; want a usage error with a hint", code, errOut.String())
	}
}
