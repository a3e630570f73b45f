package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestBatchCommand guards the batch command's contract: letters named by
// row, controller and language; bad rows reported by line on stderr and
// in --report without personal data; exit code 4 when some rows failed,
// 2 for a bad header or missing flags; --resume skips what exists.
func TestBatchCommand(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	in := filepath.Join(dir, "people.csv")
	os.WriteFile(in, []byte("Name,EMAIL,residence,controller\n"+
		"Erika Mustermann,erika@example.org,DE,linkedin|google\n"+
		"Jo Doe,jo-at-example.org,DE,linkedin\n"+
		"Sam Doe,sam@example.org,US-CA,linkedin\n"), 0o600)
	out := filepath.Join(dir, "out")
	report := filepath.Join(dir, "failures.csv")
	args := []string{"objector", "batch", "--input", in, "--out", out, "--format", "txt,json", "--as-of", "2026-06-01", "--report", report, "--workers", "2"}

	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitPartial {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitPartial, stderr.String())
	}
	for _, want := range []string{"3 written, 0 skipped, 1 failed", "line 3 (linkedin): email: is not a valid email address", "error: 1 letter or row failed, 3 letters written"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if stdout.Len() > 0 || strings.Contains(stderr.String(), "\r") {
		t.Errorf("stdout %q; stderr must have no progress line when it is not a terminal:\n%q", stdout.String(), stderr.String())
	}
	var names []string
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != ".objector-as-of .objector-lock 000001-google-de.json 000001-google-de.txt 000001-linkedin-de.json 000001-linkedin-de.txt 000003-linkedin-en.json 000003-linkedin-en.txt manifest.csv" {
		t.Errorf("files: %s", got)
	}
	rep, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if string(rep) != "line,row,controller,field,error\n3,2,linkedin,email,is not a valid email address (write it as name@example.org)\n" {
		t.Errorf("report:\n%s", rep)
	}
	if info, _ := os.Stat(report); info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v", info.Mode().Perm())
	}

	// Resumed, it skips every letter that exists.
	stderr.Reset()
	if code := run(append(args, "--resume"), strings.NewReader(""), &stdout, &stderr); code != exitPartial || !strings.Contains(stderr.String(), "0 written, 3 skipped, 1 failed") {
		t.Errorf("resume: exit %d, stderr:\n%s", code, stderr.String())
	}

	// Standard input needs --input-format; JSONL rows work from it.
	stderr.Reset()
	stdinArgs := []string{"objector", "batch", "--input", "-", "--out", filepath.Join(dir, "stdin"), "--format", "txt", "--as-of", "2026-06-01"}
	if code := run(stdinArgs, strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "--input-format") {
		t.Errorf("stdin without format: exit %d, stderr:\n%s", code, stderr.String())
	}
	stderr.Reset()
	jsonl := `{"name":"Erika Mustermann","email":"erika@example.org","residence":"AT","controller":"linkedin"}` + "\n"
	if code := run(append(stdinArgs, "--input-format", "jsonl", "--agent-name", "Privacy Advocates", "--agent-email", "office@advocates.example"), strings.NewReader(jsonl), &stdout, &stderr); code != exitOK {
		t.Errorf("jsonl from stdin: exit %d, stderr:\n%s", code, stderr.String())
	}
	if b, err := os.ReadFile(filepath.Join(dir, "stdin", "000001-linkedin-de.txt")); err != nil || !bytes.Contains(b, []byte("im Auftrag von Erika Mustermann")) {
		t.Errorf("agent letter: %v\n%s", err, b)
	}

	// Unknown columns are a usage error naming them.
	stderr.Reset()
	os.WriteFile(in, []byte("name,email,residence,controller,phone\n"), 0o600)
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), `unknown columns "phone"`) {
		t.Errorf("unknown column: exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestBatchSpreadsheetInput guards what an advocate with a German Excel
// sees: a semicolon CSV in Windows-1252 with German column names works
// with --encoding windows-1252, fails without it with a hint naming the
// flag and the line, and an .ods file is refused with what to do.
func TestBatchSpreadsheetInput(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	in := filepath.Join(dir, "mitglieder.csv")
	os.WriteFile(in, []byte("Name;E-Mail;Wohnort;Firma\r\nJ\xfcrgen Gro\xdf;juergen@example.org;DE;linkedin\r\n"), 0o600)
	args := []string{"objector", "batch", "--input", in, "--format", "txt", "--as-of", "2026-06-01"}

	var stdout, stderr bytes.Buffer
	if code := run(append(args, "--out", filepath.Join(dir, "a")), strings.NewReader(""), &stdout, &stderr); code != exitPartial ||
		!strings.Contains(stderr.String(), "hint: line 2 is not UTF-8; if Excel saved the file, add --encoding windows-1252") {
		t.Errorf("without --encoding: exit %d, stderr:\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(append(args, "--out", filepath.Join(dir, "b"), "--encoding", "windows-1252"), strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("with --encoding: exit %d, stderr:\n%s", code, stderr.String())
	}
	if b, err := os.ReadFile(filepath.Join(dir, "b", "000001-linkedin-de.txt")); err != nil || !bytes.Contains(b, []byte("Jürgen Groß")) {
		t.Errorf("letter: %v\n%s", err, b)
	}

	stderr.Reset()
	ods := filepath.Join(dir, "mitglieder.ods")
	os.WriteFile(ods, []byte("PK"), 0o600)
	if code := run([]string{"objector", "batch", "--input", ods, "--out", filepath.Join(dir, "c")}, strings.NewReader(""), &stdout, &stderr); code != exitUsage ||
		!strings.Contains(stderr.String(), "save it as Excel workbook (.xlsx) or CSV") {
		t.Errorf(".ods: exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestBatchCannotHurtItsInput guards the batch command against losing
// work: --report or --manifest naming the input (directly or through a
// link) is refused before anything is written; a second run into a
// folder with letters is refused with what to type; temporary files a
// killed run left beside the report are removed; --manifest gets a copy
// of the folder's manifest.
func TestBatchCannotHurtItsInput(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	in := filepath.Join(dir, "people.csv")
	rows := "name,email,residence,controller\nErika Mustermann,erika@example.org,DE,linkedin\n"
	os.WriteFile(in, []byte(rows), 0o600)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(in, link)
	out := filepath.Join(dir, "out")
	base := []string{"objector", "batch", "--input", in, "--out", out, "--format", "txt", "--as-of", "2026-06-01"}
	var stdout, stderr bytes.Buffer
	for _, extra := range [][]string{
		{"--report", in}, {"--report", link}, {"--manifest", in}, {"--manifest", filepath.Join(dir, ".", "people.csv")},
	} {
		stderr.Reset()
		if code := run(append(base, extra...), strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "is the input file") {
			t.Errorf("%v: exit %d, stderr:\n%s", extra, code, stderr.String())
		}
		if b, _ := os.ReadFile(in); string(b) != rows {
			t.Fatalf("%v destroyed the input: %q", extra, b)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused run created the output folder")
	}

	report := filepath.Join(dir, "failures.csv")
	stale := filepath.Join(dir, ".failures.csv.123456.tmp")
	os.WriteFile(stale, []byte("line,row\n"), 0o600)
	manifest := filepath.Join(dir, "letters.csv")
	stderr.Reset()
	if code := run(append(base, "--report", report, "--manifest", manifest), strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("the stale temporary file of the report survived")
	}
	if b, err := os.ReadFile(manifest); err != nil || !bytes.HasPrefix(b, []byte("line,row,controller,company,")) || !bytes.Contains(b, []byte("000001-linkedin-de.txt")) || bytes.Contains(b, []byte("Erika")) {
		t.Errorf("manifest: %v\n%s", err, b)
	}

	stderr.Reset()
	if code := run(base, strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "hint: add --resume to finish that run") {
		t.Errorf("second run: exit %d, stderr:\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(append(base, "--resume", "--overwrite"), strings.NewReader(""), &stdout, &stderr); code != exitUsage {
		t.Errorf("--resume --overwrite: exit %d, stderr:\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(append(base, "--overwrite"), strings.NewReader(""), &stdout, &stderr); code != exitOK || !strings.Contains(stderr.String(), "1 written") {
		t.Errorf("--overwrite: exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestBatchInterruptOnIdleStdin runs objector as a process reading rows
// from a pipe that stays open and idle, interrupts it with SIGINT, and
// checks that it ends within a second, saying how to finish the run.
func TestBatchInterruptOnIdleStdin(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	dir := t.TempDir()
	cmd := exec.Command("objector", "batch", "--input", "-", "--input-format", "csv", "--out", dir, "--format", "txt")
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+t.TempDir())
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	io.WriteString(stdin, "name,email,residence,controller\nErika Mustermann,erika@example.org,DE,linkedin\n")
	// Once the letter is written, the batch waits for the next row.
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "000001-linkedin-de.txt")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the batch wrote no letter; stderr:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() == 0 || !strings.Contains(stderr.String(), "interrupted; run the same command with --resume") {
			t.Errorf("exit %v, stderr:\n%s", err, stderr.String())
		}
	case <-time.After(time.Second):
		cmd.Process.Kill()
		t.Fatalf("objector still waits for its input a second after SIGINT; stderr:\n%s", stderr.String())
	}
}
