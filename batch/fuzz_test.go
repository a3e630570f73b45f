package batch

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector"
)

// FuzzRun runs whole batches over arbitrary input. Run must not panic and
// must end; whatever it returns, the files in the output folder are the
// ones its summary counts, every letter it counts is in the manifest,
// every failure in the report, and no file lands outside the folder.
func FuzzRun(f *testing.F) {
	gen, err := objector.New(objector.Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(header+"Erika Mustermann,erika@example.org,DE,linkedin;google,\"Musterstr. 1\n10115 Berlin\"\nJo,jo@x,XX,linkedin,\n", "csv")
	f.Add("\ufeffName;E-Mail;Wohnort;Firma;Gesendet am\r\nJürgen Groß;j@example.org;DE;linkedin;01.04.2026\r\n王小明;w@example.org;DE;linkedin;\r\n", "csv")
	f.Add("Nom\tCourriel\tPays\tEntreprise\nZoë\tz@example.org\tFR\tlinkedin|../../x\n", "csv")
	f.Add(`{"name":"Erika","email":"e@example.org","residence":"AT","controller":["linkedin","google"]}`+"\n"+`{"name":"a","name":"b"}`+"\n{\n", "jsonl")
	f.Add("PK\x03\x04not a workbook", "xlsx")
	f.Fuzz(func(t *testing.T, input, format string) {
		in, err := ParseInputFormat(format)
		if err != nil {
			return
		}
		dir := t.TempDir()
		out := filepath.Join(dir, "out")
		var report bytes.Buffer
		var sum Summary
		done := make(chan struct{})
		go func() {
			defer close(done)
			sum, err = Run(context.Background(), strings.NewReader(input), Options{
				Generator: gen, Input: in, OutDir: out, AsOf: asOf, Workers: 2, Report: &report,
				Formats: []objector.Format{objector.FormatText, objector.FormatEML},
			})
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("Run did not end within 20 s on %s input %q", in, input)
		}
		if err != nil && (errors.Is(err, ErrHeader) || errors.Is(err, ErrSpreadsheet)) {
			if _, serr := os.Stat(out); serr == nil {
				t.Fatalf("a rejected input (%v) created the output folder", err)
			}
			return
		}
		var re *RowError
		if err != nil && !errors.As(err, &re) {
			t.Fatalf("Run: %v is neither a header nor a row error", err)
		}
		if errors.Is(err, ErrInternal) {
			t.Fatalf("Run panicked on a letter: %v", err)
		}
		var letters int
		filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			if filepath.Dir(path) != out {
				t.Fatalf("file outside the output folder: %s", path)
			}
			if name := info.Name(); outName.MatchString(name) {
				letters++
			}
			return nil
		})
		if letters != sum.Files || sum.Files != 2*sum.Written {
			t.Fatalf("%d letter files on disk; summary %+v", letters, sum)
		}
		m, err := os.ReadFile(filepath.Join(out, ManifestFile))
		if err != nil {
			t.Fatalf("no manifest: %v", err)
		}
		mrecs, err := csv.NewReader(bytes.NewReader(m)).ReadAll()
		if err != nil || len(mrecs) != 1+sum.Written {
			t.Fatalf("manifest of %d lines (%v) for %d letters", len(mrecs), err, sum.Written)
		}
		rrecs, err := csv.NewReader(bytes.NewReader(report.Bytes())).ReadAll()
		if err != nil || len(rrecs) != 1+sum.Failed {
			t.Fatalf("report of %d lines (%v) for %d failures", len(rrecs), err, sum.Failed)
		}
	})
}
