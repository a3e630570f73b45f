package ledger

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sample(ref, company, sent, due string) Request {
	return Request{
		Ref: ref, Company: company, Entity: "LinkedIn Ireland Unlimited Company", Residence: "DE",
		Regime: "gdpr", Law: "GDPR", Kind: "objection", Purposes: []string{"ai-training"}, Channel: []string{"pdf"},
		Lang: "de", Date: date(sent), Due: date(due), ExtensionLimit: date(due).AddDate(0, 2, 0),
		Sender: Sender{Name: "Erika Mustermann", Email: "erika@example.org", Address: []string{"Musterstr. 1", "10115 Berlin"}},
		Files:  []string{"/tmp/" + ref + ".pdf"},
	}
}

func openTemp(t *testing.T) (*Ledger, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ledger.db")
	l, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

func TestRecordMarkList(t *testing.T) {
	ctx := context.Background()
	l, path := openTemp(t)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("ledger file mode: %v, %v; want 0600", fi.Mode(), err)
	}
	n, err := l.Record(ctx, sample("OBJ-A", "linkedin", "2026-09-01", "2026-10-01"), sample("OBJ-B", "meta", "2026-09-01", "2026-10-01"), sample("OBJ-C", "linkedin", "2026-09-20", "2026-10-20"))
	if err != nil || n != 3 {
		t.Fatalf("Record: %d, %v", n, err)
	}
	// A request first recorded from its follow-up gets its files later.
	noFiles := sample("OBJ-D", "linkedin", "2026-09-01", "2026-10-01")
	noFiles.Files = nil
	if _, err := l.Record(ctx, noFiles); err != nil {
		t.Fatal(err)
	}
	if n, err := l.Record(ctx, sample("OBJ-D", "linkedin", "2026-09-01", "2026-10-01")); err != nil || n != 0 {
		t.Fatalf("Record with files: %d, %v", n, err)
	}
	if r, err := l.Get(ctx, "OBJ-D"); err != nil || len(r.Files) != 1 {
		t.Fatalf("Get(OBJ-D) files = %v, %v", r.Files, err)
	}
	if err := l.Forget(ctx, "OBJ-D"); err != nil {
		t.Fatal(err)
	}
	// Recording again (a resumed batch) adds nothing.
	if n, err := l.Record(ctx, sample("OBJ-A", "linkedin", "2026-09-01", "2026-10-01")); err != nil || n != 0 {
		t.Fatalf("Record again: %d, %v; want 0, nil", n, err)
	}
	if err := l.Mark(ctx, Mark{Ref: "OBJ-B", Status: StatusFulfilled, On: date("2026-09-15"), Note: "setting switched off"}); err != nil {
		t.Fatal(err)
	}
	refs := func(f Filter) string {
		rs, err := l.List(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, r := range rs {
			s = append(s, r.Ref)
		}
		return strings.Join(s, ",")
	}
	asOf := date("2026-10-05")
	for _, tc := range []struct {
		f    Filter
		want string
	}{
		{Filter{AsOf: asOf}, "OBJ-A,OBJ-B,OBJ-C"},
		{Filter{AsOf: asOf, Overdue: true}, "OBJ-A"},
		{Filter{AsOf: asOf, DueWithin: 15}, "OBJ-C"},
		{Filter{AsOf: asOf, DueWithin: 14}, ""},
		{Filter{AsOf: asOf, Company: "LinkedIn"}, "OBJ-A,OBJ-C"},
		{Filter{AsOf: asOf, Statuses: []Status{StatusFulfilled}}, "OBJ-B"},
		{Filter{AsOf: date("2026-10-01"), Overdue: true}, ""}, // due day itself is not overdue
	} {
		if got := refs(tc.f); got != tc.want {
			t.Errorf("List(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}

	// An extension moves the due date, within the law's limit only.
	if err := l.Mark(ctx, Mark{Ref: "OBJ-A", Status: StatusAcknowledged, On: date("2026-09-20"), ExtendedTo: date("2026-11-01")}); err != nil {
		t.Fatal(err)
	}
	if got := refs(Filter{AsOf: asOf, Overdue: true}); got != "" {
		t.Errorf("overdue after extension: %q, want none", got)
	}
	err = l.Mark(ctx, Mark{Ref: "OBJ-A", Status: StatusAcknowledged, ExtendedTo: date("2027-01-02")})
	if !errors.Is(err, ErrInvalidDate) || !strings.Contains(err.Error(), "2026-12-01 at most") {
		t.Errorf("extension past the limit: %v", err)
	}

	// Marks are all or nothing.
	err = l.Mark(ctx, Mark{Ref: "OBJ-C", Status: StatusFulfilled}, Mark{Ref: "OBJ-NOPE", Status: StatusDenied, Note: "x"})
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "OBJ-NOPE") {
		t.Errorf("unknown ref: %v", err)
	}
	if r, _ := l.Get(ctx, "OBJ-C"); r.Status != StatusOpen {
		t.Errorf("OBJ-C is %s after a failed bulk mark, want open", r.Status)
	}
	if err := l.Mark(ctx, Mark{Ref: "OBJ-C", Status: StatusDenied}); !errors.Is(err, ErrInvalidStatus) {
		t.Errorf("denial without reason: %v", err)
	}

	if err := l.AddLetter(ctx, "OBJ-C", Letter{Kind: "reminder", Date: date("2026-10-25"), Files: []string{"/tmp/r.pdf"}}); err != nil {
		t.Fatal(err)
	}
	r, err := l.Get(ctx, "OBJ-A")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusAcknowledged || !r.ExtendedTo.Equal(date("2026-11-01")) || len(r.Events) != 1 || len(r.Letters) != 1 || r.Files[0] != "/tmp/OBJ-A.pdf" || r.Sender.Address[1] != "10115 Berlin" {
		t.Errorf("Get(OBJ-A) = %+v", r)
	}
	if r, _ := l.Get(ctx, "OBJ-C"); len(r.Letters) != 2 || r.Letters[1].Kind != "reminder" || !r.Reminded.Equal(date("2026-10-25")) {
		t.Errorf("Get(OBJ-C) letters = %+v", r.Letters)
	}

	st, err := l.Stats(ctx, date("2026-11-05"))
	if err != nil {
		t.Fatal(err)
	}
	total := st[len(st)-1]
	if len(st) != 3 || st[0].Company != "linkedin" || st[0].Sent != 2 || st[0].Answered != 1 || st[0].OnTime != 1 || st[0].Escalated != 1 || st[0].Overdue != 2 ||
		total.Sent != 3 || total.Answered != 2 || total.MedianDays != 16.5 {
		t.Errorf("Stats = %+v", st)
	}

	if err := l.Forget(ctx, "OBJ-A"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Get(ctx, "OBJ-A"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Forget: %v", err)
	}
	if err := l.Forget(ctx, "OBJ-A"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Forget twice: %v", err)
	}
}

func TestDefaultPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	l, err := Open(context.Background(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if want := filepath.Join(dir, "objector", "ledger.db"); l.Path() != want {
		t.Errorf("Path() = %s, want %s", l.Path(), want)
	}
	if fi, err := os.Stat(filepath.Join(dir, "objector")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, %v; want 0700", fi.Mode(), err)
	}
}

// A newer objector's ledger is refused; an older one is backed up and
// migrated.
func TestSchemaVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	l, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Record(ctx, sample("OBJ-A", "linkedin", "2026-09-01", "2026-10-01")); err != nil {
		t.Fatal(err)
	}
	l.Close()

	next := append(append([]string(nil), migrations...), "ALTER TABLE requests ADD COLUMN extra TEXT NOT NULL DEFAULT ''")
	l, err = open(ctx, path, nil, next)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := l.Get(ctx, "OBJ-A"); err != nil || r.Sender.Name != "Erika Mustermann" {
		t.Errorf("after migration: %v, %v", r, err)
	}
	l.Close()
	backup := path + ".v1.bak"
	fi, err := os.Stat(backup)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup: %v, %v", fi, err)
	}
	b, err := Open(ctx, backup, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Get(ctx, "OBJ-A"); err != nil {
		t.Errorf("backup lacks the request: %v", err)
	}
	b.Close()

	_, err = Open(ctx, path, nil)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "schema 2") {
		t.Errorf("opening a newer ledger: %v", err)
	}
}

func TestLocked(t *testing.T) {
	ctx := context.Background()
	l, path := openTemp(t)
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")

	l2, err := Open(ctx, path, &Options{BusyTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err) // reading goes on while another process writes
	}
	defer l2.Close()
	_, err = l2.Record(ctx, sample("OBJ-A", "linkedin", "2026-09-01", "2026-10-01"))
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "wait for it to finish") {
		t.Errorf("writing a locked ledger: %v", err)
	}
	_ = l
}

func TestCorrupt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ledger.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, path, nil)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it aside") {
		t.Errorf("opening a damaged ledger: %v", err)
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{"open": StatusOpen, "In_Progress": StatusInProgress, "revoked": StatusWithdrawn, "need_user_verification": StatusNeedsVerification, "needs-verification": StatusNeedsVerification} {
		if got, err := ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"overdue", "done", ""} {
		if _, err := ParseStatus(in); !errors.Is(err, ErrInvalidStatus) {
			t.Errorf("ParseStatus(%q): %v, want ErrInvalidStatus", in, err)
		}
	}
}

// Processes that open a new ledger at once all get it, migrated once.
func TestOpenConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			l, err := Open(context.Background(), path, nil)
			if err == nil {
				err = l.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
