package batch

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector"
)

var asOf = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, input string, in InputFormat, opts Options) (Summary, error, string) {
	t.Helper()
	if opts.OutDir == "" {
		opts.OutDir = t.TempDir()
	}
	opts.Input = in
	if opts.AsOf.IsZero() {
		opts.AsOf = asOf
	}
	if opts.Formats == nil {
		opts.Formats = []objector.Format{objector.FormatText}
	}
	var report bytes.Buffer
	opts.Report = &report
	sum, err := Run(context.Background(), strings.NewReader(input), opts)
	return sum, err, report.String()
}

const header = "name,email,residence,controller,address\n"

// TestBadRows checks that each kind of bad row is reported with its line
// and column, and that the good rows around it are still written.
func TestBadRows(t *testing.T) {
	good := "Erika Mustermann,erika@example.org,DE,linkedin,\n"
	for _, tc := range []struct {
		name, input string
		format      InputFormat
		line        int
		field       string
		is          error
	}{
		{"unknown residence", header + good + "Jo Doe,jo@example.org,XX,linkedin,\n" + good, CSV, 3, "residence", nil},
		{"empty name", header + good + ",jo@example.org,DE,linkedin,\n" + good, CSV, 3, "name", nil},
		{"malformed email", header + good + "Jo Doe,jo-at-example.org,DE,linkedin,\n" + good, CSV, 3, "email", nil},
		{"invalid UTF-8", header + good + "Jo \xffDoe,jo@example.org,DE,linkedin,\n" + good, CSV, 3, "name", ErrInvalidUTF8},
		{"too few columns", header + good + "Jo Doe,jo@example.org,DE\n" + good, CSV, 3, "", ErrColumnCount},
		{"too many columns", header + good + "Jo Doe,jo@example.org,DE,linkedin,,x\n" + good, CSV, 3, "", ErrColumnCount},
		{"bare quote", header + good + "Jo \"Doe,jo@example.org,DE,linkedin,\n" + good, CSV, 3, "", ErrMalformed},
		{"missing controller", header + good + "Jo Doe,jo@example.org,DE,,\n" + good, CSV, 3, "controller", nil},
		{"line after a multi-line cell", header + "Erika Mustermann,erika@example.org,DE,linkedin,\"Musterstr. 1\n10115 Berlin\"\nJo Doe,jo@example.org,XX,linkedin,\n" + good, CSV, 4, "residence", nil},
		{"jsonl unknown residence", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n\n" + `{"Name":"Jo Doe","EMAIL":"jo@example.org","residence":"XX","controller":"linkedin"}` + "\n", JSONL, 3, "residence", nil},
		{"jsonl invalid UTF-8", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + "{\"name\":\"Jo \xff\",\"email\":\"jo@example.org\",\"residence\":\"DE\",\"controller\":\"linkedin\"}\n", JSONL, 2, "", ErrInvalidUTF8},
		{"jsonl malformed", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + `{"name": "Jo` + "\n", JSONL, 2, "", ErrMalformed},
		{"jsonl unknown key", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + `{"name":"Jo Doe","email":"jo@example.org","residence":"DE","controller":"linkedin","phone":"1"}` + "\n", JSONL, 2, "", ErrMalformed},
		{"jsonl key given twice", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + `{"name":"Jo Doe","email":"jo@example.org","residence":"DE","controller":"linkedin","residence":"XX"}` + "\n", JSONL, 2, "residence", ErrMalformed},
		{"jsonl key given twice in two spellings", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + `{"name":"Jo Doe","E-Mail":"jo@example.org","residence":"DE","controller":"linkedin","email":"x@example.org"}` + "\n", JSONL, 2, "email", ErrMalformed},
		{"jsonl number", `{"name":"Erika Mustermann","email":"erika@example.org","residence":"DE","controller":"linkedin"}` + "\n" + `{"name":1,"email":"jo@example.org","residence":"DE","controller":"linkedin"}` + "\n", JSONL, 2, "name", ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum, err, report := run(t, tc.input, tc.format, Options{Workers: 3})
			var re *RowError
			if !errors.As(err, &re) {
				t.Fatalf("error %v: want a *RowError", err)
			}
			if re.Line != tc.line || re.Field != tc.field {
				t.Errorf("RowError{Line: %d, Field: %q}, want line %d, field %q (%v)", re.Line, re.Field, tc.line, tc.field, re)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
			if sum.Failed != 1 {
				t.Errorf("Failed = %d, want 1", sum.Failed)
			}
			if want := strings.Count(tc.input, "Erika Mustermann"); sum.Written != want {
				t.Errorf("Written = %d, want %d: the run must go on after a bad row", sum.Written, want)
			}
			for _, secret := range []string{"Jo Doe", "jo@example.org", "jo-at-example.org", "Erika", "erika@"} {
				if strings.Contains(report, secret) {
					t.Errorf("the report holds personal data %q:\n%s", secret, report)
				}
			}
			if !strings.HasPrefix(report, strings.Join(ReportHeader, ",")+"\n") || strings.Count(report, "\n") != 2 {
				t.Errorf("report:\n%s", report)
			}
		})
	}
}

func TestHeader(t *testing.T) {
	for _, tc := range []struct{ input, want string }{
		{"name,email,residence,controller,phone,Fax\n", `unknown columns "phone", "Fax"`},
		{"name,email,residence\n", "missing columns controller"},
		{"name,email,residence,controller,NAME\n", `duplicate columns "name" and "NAME"`},
		{"", "the input is empty"},
	} {
		_, err, _ := run(t, tc.input, CSV, Options{})
		if !errors.Is(err, ErrHeader) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want ErrHeader with %q", tc.input, err, tc.want)
		}
	}
	// Header names are case-insensitive, and "sent" is known and passed through.
	rr, err := NewRowReader(strings.NewReader("\ufeffNAME, Email ,Residence,CONTROLLER,Sent\nErika,e@example.org,DE,linkedin|Google; x,2026-01-02\n"), CSV, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	row, err := rr.Next()
	if err != nil || row.Sent != "2026-01-02" || strings.Join(row.Controllers, ",") != "linkedin,Google,x" || row.Line != 2 || row.Number != 1 {
		t.Errorf("row %+v, %v", row, err)
	}
}

// TestMultipleControllers checks one letter per controller, aliases of
// the same controller written once.
func TestMultipleControllers(t *testing.T) {
	dir := t.TempDir()
	sum, err, _ := run(t, header+"Erika Mustermann,erika@example.org,DE,linkedin;google|LinkedIn,\n", CSV, Options{OutDir: dir})
	if err != nil || sum.Written != 2 {
		t.Fatalf("%+v, %v", sum, err)
	}
	if got := files(t, dir); strings.Join(got, " ") != ".objector-as-of .objector-lock 000001-google-de.txt 000001-linkedin-de.txt manifest.csv" {
		t.Errorf("files %v", got)
	}
}

// TestPathSafety checks that no cell can place a file outside OutDir or
// give it a name of its choosing.
func TestPathSafety(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "a", "out")
	input := header +
		"../../x,x@example.org,DE,../../evil,\n" +
		"/etc/passwd,y@example.org,../../../tmp,linkedin,\n" +
		"Erika Mustermann,erika@example.org,DE,linkedin,../../../escape\n"
	_, _, _ = run(t, input, CSV, Options{OutDir: dir, Formats: []objector.Format{objector.FormatText, objector.FormatJSON}})
	written := 0
	filepath.Walk(parent, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !info.IsDir() {
			written++
		}
		if !info.IsDir() && filepath.Dir(path) != dir {
			t.Errorf("file outside the output folder: %s", path)
		}
		if !info.IsDir() && info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", path, info.Mode().Perm())
		}
		return nil
	})
	// The good row's letters are there: a run that wrote nothing would
	// pass every check above.
	for _, name := range []string{"000003-linkedin-de.txt", "000003-linkedin-de.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the good row's letter is missing: %v", err)
		}
	}
	if written < 2 {
		t.Errorf("%d files written, want at least the good row's 2", written)
	}
	if info, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	} else if m := info.Mode().Perm(); m != 0o700 {
		t.Errorf("output folder has mode %v, want 0700", m)
	}
	for _, tc := range [][2]string{{"../../x", "de"}, {"a/b", "../c"}, {".hidden", "en"}, {"", ""}, {"x\x00y", "é"}} {
		b := FileBase(7, tc[0], tc[1])
		if strings.ContainsAny(b, "/\\\x00") || strings.HasPrefix(b, ".") || !strings.HasPrefix(b, "000007-") {
			t.Errorf("FileBase(7, %q, %q) = %q", tc[0], tc[1], b)
		}
	}
}

// rows returns a CSV of n good rows over several residences and
// languages.
func rows(n int) string {
	var b strings.Builder
	b.WriteString(header)
	res := []string{"DE", "US-CA", "AT", "US-VA", "GB", "IE", "CH"}
	for i := 0; i < n; i++ {
		b.WriteString("Person " + strconv.Itoa(i) + ",p" + strconv.Itoa(i) + "@example.org," + res[i%len(res)] + ",linkedin;google,\"Street " + strconv.Itoa(i) + "; City\"\n")
	}
	return b.String()
}

// TestResume cancels a run part-way, resumes it, and checks that the
// folder then holds exactly the files of a clean run, byte for byte.
func TestResume(t *testing.T) {
	input := rows(40)
	formats := []objector.Format{objector.FormatPDF, objector.FormatText, objector.FormatJSON}
	clean := t.TempDir()
	sum, err := Run(context.Background(), strings.NewReader(input), Options{Input: CSV, OutDir: clean, Formats: formats, Workers: 4})
	if err != nil {
		t.Fatalf("clean run: %v (%+v)", err, sum)
	}
	if sum.Written != 80 {
		t.Fatalf("clean run wrote %d letters, want 80 (%+v)", sum.Written, sum)
	}

	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sum, err = Run(ctx, strings.NewReader(input), Options{Input: CSV, OutDir: dir, Formats: formats, Workers: 4,
		Progress: func(s Summary) {
			if s.Written >= 15 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v, want context.Canceled", err)
	}
	if sum.Written >= 80 {
		t.Fatalf("the run was not interrupted: %+v", sum)
	}
	// A temporary file a killed process leaves behind.
	os.WriteFile(filepath.Join(dir, ".000039-linkedin-de.pdf.123456.tmp"), []byte("half"), 0o600)
	first := sum.Written

	sum, err = Run(context.Background(), strings.NewReader(input), Options{Input: CSV, OutDir: dir, Formats: formats, Workers: 3, Resume: true})
	if err != nil {
		t.Fatalf("resumed run: %v", err)
	}
	if sum.Skipped < first || sum.Skipped+sum.Written != 80 {
		t.Errorf("resumed run: %+v after %d letters", sum, first)
	}
	want, got := files(t, clean), files(t, dir)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Fatalf("files differ:\nclean:   %v\nresumed: %v", want, got)
	}
	for _, name := range want {
		a, _ := os.ReadFile(filepath.Join(clean, name))
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the clean and the resumed run", name)
		}
	}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// TestAgent checks the agent's paragraph per law: a mandate for GDPR,
// the California regulation only in California, and no statutory claim
// in a state without an agent provision.
func TestAgent(t *testing.T) {
	dir := t.TempDir()
	input := header + "Erika Mustermann,erika@example.org,DE,linkedin,\nSam Doe,sam@example.org,US-CA,linkedin,\nVal Doe,val@example.org,US-VA,linkedin,\nCo Doe,co@example.org,US-CO,linkedin,\n"
	_, err, _ := run(t, input, CSV, Options{OutDir: dir, Agent: &objector.Agent{Name: "Privacy Advocates", Address: []string{"1 Main St", "Sacramento, CA"}, Email: "office@advocates.example"}})
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	de, ca, va, co := read("000001-linkedin-de.txt"), read("000002-linkedin-en.txt"), read("000003-linkedin-en.txt"), read("000004-linkedin-en.txt")
	for name, tc := range map[string]struct {
		text      string
		want, not []string
	}{
		"DE": {de, []string{"Privacy Advocates bevollmächtigt", "im Auftrag von Erika Mustermann", "office@advocates.example"}, []string{"7026"}},
		"CA": {ca, []string{"my authorized agent", "Cal. Code Regs. tit. 11, § 7026", "Privacy Advocates, on behalf of Sam Doe"}, nil},
		"VA": {va, []string{"does not provide for authorized agents", "signed written permission"}, []string{"7026", "my authorized agent"}},
		"CO": {co, []string{"my authorized agent", "Colo. Rev. Stat. § 6-1-1306(1)(a)(II)"}, []string{"7026"}},
	} {
		flat := strings.Join(strings.Fields(tc.text), " ")
		for _, w := range tc.want {
			if !strings.Contains(flat, strings.ReplaceAll(w, "\u00a0", " ")) && !strings.Contains(tc.text, w) {
				t.Errorf("%s letter lacks %q:\n%s", name, w, tc.text)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(tc.text, w) {
				t.Errorf("%s letter has %q:\n%s", name, w, tc.text)
			}
		}
	}
}

// TestAsOfRecorded checks that a run without a date records today's, and
// that a resumed run reuses it.
func TestAsOfRecorded(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, AsOfFile), []byte("2025-03-04\n"), 0o600)
	_, err := Run(context.Background(), strings.NewReader(header+"Erika Mustermann,erika@example.org,DE,linkedin,\n"), Options{Input: CSV, OutDir: dir, Formats: []objector.Format{objector.FormatJSON}, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "000001-linkedin-de.json"))
	if !bytes.Contains(b, []byte(`"date": "2025-03-04"`)) {
		t.Errorf("the letter does not use the recorded date:\n%.300s", b)
	}
}

// TestFollowups writes reminders for the letters the "sent" column dates:
// files are named with the kind, rows without a date or before the due
// date fail with their line, and Force writes the early one.
func TestFollowups(t *testing.T) {
	input := "name,email,residence,controller,sent\n" +
		"Erika Mustermann,erika@example.org,DE,linkedin,2026-04-01\n" + // due 2026-05-01: passed
		"Sam Doe,sam@example.org,US-CA,linkedin,2026-05-28\n" + // due in June: not yet
		"Max Muster,max@example.org,DE,linkedin,\n" // no date
	dir := t.TempDir()
	sum, err, report := run(t, input, CSV, Options{OutDir: dir, Kind: objector.KindReminder})
	if err == nil || sum.Written != 1 || sum.Failed != 2 {
		t.Fatalf("summary %+v, err %v; want 1 written, 2 failed", sum, err)
	}
	if got := files(t, dir); strings.Join(got, " ") != ".objector-as-of-reminder .objector-lock 000001-linkedin-de-reminder.txt manifest-reminder.csv" {
		t.Errorf("files = %v; want the reminder named with its kind", got)
	}
	for _, want := range []string{"3,2,linkedin,sent,", "is due by 2026-06-", "4,3,linkedin,sent,is empty"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "000001-linkedin-de-reminder.txt"))
	if err != nil || !strings.Contains(strings.ReplaceAll(string(b), "\u00a0", " "), "1. April 2026") {
		t.Errorf("the reminder does not cite the first letter's date: %v\n%s", err, b)
	}

	sum, _, _ = run(t, input, CSV, Options{OutDir: t.TempDir(), Kind: objector.KindReminder, Force: true})
	if sum.Written != 2 || sum.Failed != 1 {
		t.Errorf("with Force: %+v; want 2 written, 1 failed", sum)
	}
}
