package batch

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

// TestKillChild is the process TestKillWhileRecording kills: a batch of
// many rows recording into a ledger. It runs only when that test starts
// it.
func TestKillChild(t *testing.T) {
	dir := os.Getenv("OBJECTOR_TEST_KILL_DIR")
	if dir == "" {
		t.Skip("started by TestKillWhileRecording only")
	}
	l, err := ledger.Open(context.Background(), filepath.Join(dir, "ledger.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	Run(context.Background(), &rowSource{n: 1000000}, Options{Input: CSV, OutDir: filepath.Join(dir, "out"), Formats: []objector.Format{objector.FormatEML, objector.FormatText}, AsOf: asOf, Ledger: l, Workers: 2})
	t.Fatal("the batch finished before it was killed")
}

// A batch killed with SIGKILL while it records leaves a ledger that opens,
// whose every request has all its files on disk; the letters written
// after the last commit are recorded when the batch is resumed, and then
// the ledger and the files agree exactly.
func TestKillWhileRecording(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a batch process")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
	cmd.Env = append(os.Environ(), "OBJECTOR_TEST_KILL_DIR="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once the ledger holds some requests, mid-run.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		time.Sleep(50 * time.Millisecond)
		if n := countRequests(t, filepath.Join(dir, "ledger.db")); n >= 300 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the batch recorded fewer than 300 requests in 2 minutes")
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	ctx := context.Background()
	l, err := ledger.Open(ctx, filepath.Join(dir, "ledger.db"), nil)
	if err != nil {
		t.Fatalf("the ledger of a killed batch does not open: %v", err)
	}
	rs, err := l.List(ctx, ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if len(r.Files) != 2 {
			t.Fatalf("%s: %d files recorded, want 2", r.Ref, len(r.Files))
		}
		for _, f := range r.Files {
			if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
				t.Fatalf("%s: recorded file %s is missing or empty: %v", r.Ref, f, err)
			}
		}
	}
	// The rows that got files; a letter's second file may be missing.
	last := 0
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	rowName := regexp.MustCompile(`^(\d{6})-linkedin-`)
	for _, e := range entries {
		if m := rowName.FindStringSubmatch(e.Name()); m != nil {
			n, _ := strconv.Atoi(m[1])
			last = max(last, n)
		}
	}
	t.Logf("killed after %d recorded requests, files up to row %d", len(rs), last)
	if last < len(rs) {
		t.Fatalf("%d requests recorded but files only up to row %d", len(rs), last)
	}

	// Resuming writes what is missing and records what the kill lost.
	sum, err := Run(ctx, &rowSource{n: last}, Options{Input: CSV, OutDir: out, Formats: []objector.Format{objector.FormatEML, objector.FormatText}, AsOf: asOf, Ledger: l, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	rs, err = l.List(ctx, ledger.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	emls, _ := filepath.Glob(filepath.Join(out, "*.eml"))
	txts, _ := filepath.Glob(filepath.Join(out, "*.txt"))
	tmps, _ := filepath.Glob(filepath.Join(out, ".*.tmp"))
	if len(rs) != last || len(emls) != last || len(txts) != last || len(tmps) != 0 {
		t.Errorf("after resuming %d rows: %d requests recorded (%d now), %d eml, %d txt and %d temporary files; want %d, %d, %d, 0",
			last, len(rs), sum.Recorded, len(emls), len(txts), len(tmps), last, last, last)
	}
}

// countRequests counts the requests in the ledger at path while another
// process writes it, or returns 0 if it cannot be read yet.
func countRequests(t *testing.T, path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	l, err := ledger.Open(context.Background(), path, &ledger.Options{BusyTimeout: time.Second})
	if err != nil {
		return 0
	}
	defer l.Close()
	rs, err := l.List(context.Background(), ledger.Filter{})
	if err != nil {
		return 0
	}
	return len(rs)
}
