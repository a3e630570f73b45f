package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestREADMEUsage keeps the README's Usage block identical to the text of
// objector --help. Run go test ./cmd/objector -run README -update to
// rewrite it.
func TestREADMEUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"objector", "--help"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("objector --help exited %d: %s", code, errOut.String())
	}
	const path = "../../README.md"
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "-->\n```\n", "```\n<!-- end usage -->"
	i := bytes.Index(readme, []byte("<!-- usage:"))
	j := bytes.Index(readme, []byte(end))
	if i < 0 || j < 0 {
		t.Fatal("README.md has no usage block")
	}
	k := bytes.Index(readme[i:], []byte(start))
	if k < 0 {
		t.Fatal("README.md usage block is malformed")
	}
	k += i + len(start)
	got := string(readme[k:j])
	if *update {
		var b bytes.Buffer
		b.Write(readme[:k])
		b.Write(out.Bytes())
		b.Write(readme[j:])
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != out.String() {
		t.Errorf("README.md's Usage block differs from objector --help; run go test ./cmd/objector -run README -update\n--- help ---\n%s", out.String())
	}
}
