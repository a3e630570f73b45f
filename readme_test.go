package objector_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADMELibrary keeps the README's library example the body of
// ExampleGenerator, so the code people copy compiles and runs.
func TestREADMELibrary(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- example: ExampleGenerator in example_test.go")
	if !ok {
		t.Fatal("README.md has no library example")
	}
	_, block, _ = strings.Cut(block, "```go\n")
	block, _, ok = strings.Cut(block, "```\n")
	if !ok || block == "" {
		t.Fatal("README.md's library example is not a ```go block")
	}
	_, body, ok := strings.Cut(string(src), "func ExampleGenerator() {\n")
	if !ok {
		t.Fatal("example_test.go has no ExampleGenerator")
	}
	body, _, _ = strings.Cut(body, "\t// Output:")
	var lines []string
	for _, l := range strings.SplitAfter(body, "\n") {
		lines = append(lines, strings.TrimPrefix(l, "\t"))
	}
	if got := strings.Join(lines, ""); got != block {
		t.Errorf("README.md's library example differs from ExampleGenerator's body:\n--- README ---\n%s--- example ---\n%s", block, got)
	}
}
