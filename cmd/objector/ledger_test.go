package main

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// mkrows writes a batch input of N rows to FILE: one person each, all
// writing to linkedin, from residences in turn. Usage: mkrows N FILE.
func mkrows() int {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkrows N FILE")
		return 2
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkrows:", err)
		return 2
	}
	residences := []string{"DE-BY", "FR", "GB", "IE", "AT", "US-CA", "NL", "US-VA"}
	var b strings.Builder
	b.WriteString("name,email,residence,controller,address\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Person %d,p%d@example.org,%s,linkedin,Street %d; 10115 City\n", i, i, residences[i%len(residences)], i)
	}
	if err := os.WriteFile(os.Args[2], []byte(b.String()), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, "mkrows:", err)
		return 1
	}
	return 0
}

// csvhead writes the first N values of COLUMN in the CSV file IN to OUT,
// as a CSV with that one column. Usage: csvhead N COLUMN IN OUT.
func csvhead() int {
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "csvhead:", err); return 1 }
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: csvhead N COLUMN IN OUT")
		return 2
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		return fail(err)
	}
	f, err := os.Open(os.Args[3])
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fail(err)
	}
	col := -1
	for i, h := range recs[0] {
		if h == os.Args[2] {
			col = i
		}
	}
	if col < 0 {
		return fail(fmt.Errorf("no column %s", os.Args[2]))
	}
	var b strings.Builder
	b.WriteString(os.Args[2] + "\n")
	for _, r := range recs[1:min(n+1, len(recs))] {
		b.WriteString(r[col] + "\n")
	}
	if err := os.WriteFile(os.Args[4], []byte(b.String()), 0o600); err != nil {
		return fail(err)
	}
	return 0
}

// countfiles prints how many files in DIR match the glob PATTERN.
// Usage: countfiles DIR PATTERN.
func countfiles() int {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: countfiles DIR PATTERN")
		return 2
	}
	m, err := filepath.Glob(filepath.Join(os.Args[1], os.Args[2]))
	if err != nil {
		fmt.Fprintln(os.Stderr, "countfiles:", err)
		return 1
	}
	fmt.Println(len(m))
	return 0
}

func TestFlagsFirst(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"objector requests mark REF fulfilled --on 2026-09-20 --note x", "objector requests mark --on 2026-09-20 --note x REF fulfilled"},
		{"objector requests bundle REF -o case.zip", "objector requests bundle -o case.zip REF"},
		{"objector requests mark --from a.csv fulfilled", "objector requests mark --from a.csv fulfilled"},
		{"objector requests list --overdue", "objector requests list --overdue"},
		{"objector letter -o x REF", "objector letter -o x REF"},
	} {
		if got := strings.Join(flagsFirst(strings.Fields(tc.in)), " "); got != tc.want {
			t.Errorf("flagsFirst(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// zipls prints the names of the entries of the zip FILE, then the
// contents of those named after it. Usage: zipls FILE [NAME...].
func zipls() int {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: zipls FILE [NAME...]")
		return 2
	}
	zr, err := zip.OpenReader(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "zipls:", err)
		return 1
	}
	defer zr.Close()
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	for _, name := range os.Args[2:] {
		data, err := fs.ReadFile(zr, name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "zipls:", err)
			return 1
		}
		fmt.Printf("--- %s ---\n%s", name, data)
	}
	return 0
}
