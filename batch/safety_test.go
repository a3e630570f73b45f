package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector"
)

// TestUnprintableRow checks that a row the PDF font cannot print fails
// alone: the rows around it are written in every format, the summary
// counts the files on disk, and neither the error the user sees nor the
// report holds the name.
func TestUnprintableRow(t *testing.T) {
	dir := t.TempDir()
	input := header +
		"Erika Mustermann,erika@example.org,DE,linkedin,\n" +
		"王小明,wang@example.org,DE,linkedin;google,\n" +
		"Sam Doe,sam@example.org,US-CA,linkedin,\n"
	sum, err, report := run(t, input, CSV, Options{OutDir: dir, Workers: 2, Formats: []objector.Format{objector.FormatEML, objector.FormatPDF}})
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || re.Field != "name" || !errors.Is(err, objector.ErrMissingGlyph) {
		t.Fatalf("error %v, want a RowError for line 3, name, wrapping ErrMissingGlyph", err)
	}
	if sum.Written != 2 || sum.Failed != 2 || sum.Files != 4 {
		t.Errorf("summary %+v; want 2 written, 2 failed (one per company), 4 files", sum)
	}
	var letters []string
	for _, name := range files(t, dir) {
		if strings.HasPrefix(name, "0") {
			letters = append(letters, name)
		}
	}
	if len(letters) != sum.Files || strings.Contains(strings.Join(letters, " "), "000002") {
		t.Errorf("files on disk %v; the summary says %d", letters, sum.Files)
	}
	if strings.Contains(report, "王") || strings.Contains(report, "wang") || strings.Contains(re.Redacted(), "王") {
		t.Errorf("the report echoes the name:\n%s\n%s", report, re.Redacted())
	}
	if !strings.Contains(report, "3,2,linkedin,name,has a character the PDF font cannot print") {
		t.Errorf("report:\n%s", report)
	}
	// Without PDF, the same row is fine.
	if _, err, _ := run(t, input, CSV, Options{Formats: []objector.Format{objector.FormatEML}}); err != nil {
		t.Errorf("eml only: %v", err)
	}
}

// TestStaleDate checks that a date file left in a reused folder dates
// only a resumed run.
func TestStaleDate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, AsOfFile), []byte("2025-03-04\n"), 0o600)
	_, err := Run(context.Background(), strings.NewReader(header+"Erika Mustermann,erika@example.org,DE,linkedin,\n"), Options{Input: CSV, OutDir: dir, Formats: []objector.Format{objector.FormatJSON}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "000001-linkedin-de.json"))
	today := time.Now().UTC().Format(time.DateOnly)
	if want := `"date": "` + today + `"`; !bytes.Contains(b, []byte(want)) {
		t.Errorf("a new run took the stale date; want %s:\n%.300s", want, b)
	}
	if rec, _ := os.ReadFile(filepath.Join(dir, AsOfFile)); string(rec) != today+"\n" {
		t.Errorf("recorded date %q", rec)
	}
	// A resumed run with another date is refused.
	_, err = Run(context.Background(), strings.NewReader(header+"Erika Mustermann,erika@example.org,DE,linkedin,\n"), Options{Input: CSV, OutDir: dir, Formats: []objector.Format{objector.FormatJSON}, Resume: true, AsOf: asOf})
	if !errors.Is(err, ErrAsOfMismatch) {
		t.Errorf("resume with another date: %v", err)
	}
}

// TestFolderLocked starts a run that waits for its input, and checks
// that a second run into the same folder fails without touching the
// first one's files, and that the folder is free again once the first
// run ends.
func TestFolderLocked(t *testing.T) {
	dir := t.TempDir()
	pr, pw := io.Pipe()
	first := make(chan error, 1)
	go func() {
		_, err := Run(context.Background(), pr, Options{Input: CSV, OutDir: dir, AsOf: asOf, Formats: []objector.Format{objector.FormatText}})
		first <- err
	}()
	pw.Write([]byte(header))
	// Wait until the first run holds the folder.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, AsOfFile)); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first run did not start")
		}
		time.Sleep(10 * time.Millisecond)
	}
	inFlight := filepath.Join(dir, ".000001-linkedin-de.txt.123456.tmp")
	os.WriteFile(inFlight, []byte("being written"), 0o600)

	_, err := Run(context.Background(), strings.NewReader(header), Options{Input: CSV, OutDir: dir, AsOf: asOf, Resume: true})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("second run: %v, want ErrLocked", err)
	}
	if _, err := os.Stat(inFlight); err != nil {
		t.Errorf("the second run removed the first one's temporary file: %v", err)
	}

	pw.Write([]byte("Erika Mustermann,erika@example.org,DE,linkedin,\n"))
	pw.Close()
	if err := <-first; err != nil {
		t.Fatalf("first run: %v", err)
	}
	if _, err, _ := run(t, header, CSV, Options{OutDir: dir, Resume: true}); err != nil {
		t.Errorf("after the first run: %v", err)
	}
}

// TestExistingOutput checks that a run does not replace the files of an
// earlier one unless told to, and that follow-ups may join the first
// letters' folder.
func TestExistingOutput(t *testing.T) {
	dir := t.TempDir()
	input := header + "Erika Mustermann,erika@example.org,DE,linkedin,\n"
	if _, err, _ := run(t, input, CSV, Options{OutDir: dir}); err != nil {
		t.Fatal(err)
	}
	letter := filepath.Join(dir, "000001-linkedin-de.txt")
	os.WriteFile(letter, []byte("edited by hand\n"), 0o600)

	_, err, _ := run(t, input, CSV, Options{OutDir: dir})
	if !errors.Is(err, ErrOutputExists) || !strings.Contains(err.Error(), "000001-linkedin-de.txt") {
		t.Errorf("second run: %v, want ErrOutputExists naming a file", err)
	}
	if b, _ := os.ReadFile(letter); string(b) != "edited by hand\n" {
		t.Errorf("the refused run replaced a file: %q", b)
	}
	// Another format is another file: no conflict but for the manifest.
	os.Remove(filepath.Join(dir, ManifestFile))
	if _, err, _ := run(t, input, CSV, Options{OutDir: dir, Formats: []objector.Format{objector.FormatJSON}}); err != nil {
		t.Errorf("json next to txt: %v", err)
	}
	// Reminders go beside the first letters.
	os.Remove(filepath.Join(dir, ManifestFile))
	sent := "name,email,residence,controller,sent\nErika Mustermann,erika@example.org,DE,linkedin,2026-04-01\n"
	if _, err, _ := run(t, sent, CSV, Options{OutDir: dir, Kind: objector.KindReminder}); err != nil {
		t.Errorf("reminders beside first letters: %v", err)
	}
	if _, err, _ := run(t, input, CSV, Options{OutDir: dir, Overwrite: true}); err != nil {
		t.Errorf("overwrite: %v", err)
	}
	if b, _ := os.ReadFile(letter); string(b) == "edited by hand\n" {
		t.Errorf("Overwrite kept the old file")
	}
}

// TestResumeChecksFiles checks that a resumed run writes anew a file
// that is empty, cut short or a symbolic link, and keeps complete ones.
func TestResumeChecksFiles(t *testing.T) {
	input := header + "Erika Mustermann,erika@example.org,DE,linkedin;google,\nMax Muster,max@example.org,AT,linkedin;google,\n"
	formats := []objector.Format{objector.FormatPDF, objector.FormatText}
	clean := t.TempDir()
	if _, err, _ := run(t, input, CSV, Options{OutDir: clean, Formats: formats}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err, _ := run(t, input, CSV, Options{OutDir: dir, Formats: formats}); err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(filepath.Join(dir, "000001-linkedin-de.pdf"))
	os.WriteFile(filepath.Join(dir, "000001-linkedin-de.pdf"), pdf[:len(pdf)/2], 0o600) // cut short
	os.WriteFile(filepath.Join(dir, "000001-google-de.txt"), nil, 0o600)                // empty
	target := filepath.Join(t.TempDir(), "elsewhere.pdf")
	os.Remove(filepath.Join(dir, "000002-google-de.pdf"))
	os.Symlink(target, filepath.Join(dir, "000002-google-de.pdf")) // dangling

	sum, err, _ := run(t, input, CSV, Options{OutDir: dir, Formats: formats, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Written != 3 || sum.Files != 3 || sum.Skipped != 1 {
		t.Errorf("summary %+v; want 3 letters rewritten (one file each), 1 skipped", sum)
	}
	for _, name := range files(t, clean) {
		if strings.HasPrefix(name, ".objector-lock") {
			continue
		}
		a, _ := os.ReadFile(filepath.Join(clean, name))
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs from the clean run's (%v)", name, err)
		}
	}
	if info, err := os.Lstat(filepath.Join(dir, "000002-google-de.pdf")); err != nil || !info.Mode().IsRegular() {
		t.Errorf("the symbolic link was not replaced: %v", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Errorf("the run wrote through the symbolic link")
	}
}

// TestCancelWhileReading checks that Run returns soon after ctx is
// cancelled while a read of its input blocks: before the header, and
// between rows.
func TestCancelWhileReading(t *testing.T) {
	for _, written := range []string{"", header + "Erika Mustermann,erika@example.org,DE,linkedin,\n"} {
		pr, pw := io.Pipe()
		defer pw.Close()
		go pw.Write([]byte(written))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, err := Run(ctx, pr, Options{Input: CSV, OutDir: t.TempDir(), AsOf: asOf, Formats: []objector.Format{objector.FormatText}})
			done <- err
		}()
		time.Sleep(200 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("after %d bytes: %v, want context.Canceled", len(written), err)
			}
		case <-time.After(time.Second):
			t.Fatalf("after %d bytes: Run still waits for its input a second after the cancellation", len(written))
		}
	}
}

// TestManifest checks the manifest: one line per letter in input order,
// what an advocate tracks, no personal data; failed letters are in the
// report instead.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	input := header +
		"Erika Mustermann,erika@example.org,DE,linkedin;google,Musterstr. 1\n" +
		"Jo Doe,jo-at-example.org,DE,linkedin,\n" +
		"Sam Doe,sam@example.org,US-CA,linkedin,\n"
	if _, err, _ := run(t, input, CSV, Options{OutDir: dir, Workers: 3, Formats: []objector.Format{objector.FormatPDF, objector.FormatEML}}); err == nil {
		t.Fatal("want the bad row's error")
	}
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) != 4 || strings.Join(recs[0], ",") != strings.Join(ManifestHeader, ",") {
		t.Fatalf("manifest (%v):\n%s", err, b)
	}
	for _, secret := range []string{"Erika", "Mustermann", "erika@", "Sam Doe", "sam@", "Musterstr"} {
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the manifest holds %q:\n%s", secret, b)
		}
	}
	col := func(rec []string, name string) string {
		for i, h := range ManifestHeader {
			if h == name {
				return rec[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	for i, want := range []struct{ row, controller, law, lang, due, files string }{
		{"1", "linkedin", "General Data Protection Regulation", "de", "2026-07-01", "000001-linkedin-de.pdf 000001-linkedin-de.eml"},
		{"1", "google", "General Data Protection Regulation", "de", "2026-07-01", "000001-google-de.pdf 000001-google-de.eml"},
		{"3", "linkedin", "California", "en", "2026-", "000003-linkedin-en.pdf 000003-linkedin-en.eml"},
	} {
		rec := recs[i+1]
		if col(rec, "row") != want.row || col(rec, "controller") != want.controller || !strings.Contains(col(rec, "law"), want.law) ||
			col(rec, "lang") != want.lang || !strings.HasPrefix(col(rec, "due"), want.due) || col(rec, "files") != want.files ||
			col(rec, "channel") != "post email" || col(rec, "reference") == "" || col(rec, "company") == "" || col(rec, "date") != "2026-06-01" {
			t.Errorf("line %d: %q", i+1, rec)
		}
	}
}

// TestPanicStaysInItsRow checks that a panic while making a letter
// becomes that letter's ErrInternal, without the panic's text.
func TestPanicStaysInItsRow(t *testing.T) {
	f := func() (err error) {
		defer recovered(&err)
		panic("Erika Mustermann")
	}
	err := f()
	re := &RowError{Line: 7, Err: fmt.Errorf("rendering pdf: %w", err)}
	if !errors.Is(err, ErrInternal) || strings.Contains(re.Redacted(), "Erika") || !strings.Contains(re.Redacted(), "bug") {
		t.Errorf("%v; redacted %q", err, re.Redacted())
	}
}
