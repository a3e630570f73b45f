// Package ledger keeps the list of requests a person or an advocate has
// sent: what was sent to whom and when, when the answer is due, and what
// came back. It is an embedded SQLite database in one file, written
// through the pure-Go driver modernc.org/sqlite.
//
// # Opening a ledger
//
// [Open] opens (and creates) the file, by default [DefaultPath]:
//
//	l, err := ledger.Open(ctx, "", nil)
//	if err != nil { ... }
//	defer l.Close()
//
// The file is readable by its owner only. Every write happens in a
// transaction, the journal is a write-ahead log, and a second process
// waits for a writer to finish (up to [Options].BusyTimeout). A ledger
// written by a newer version is refused ([ErrNewerSchema]); an older one
// is copied to a backup and then migrated. A ledger that is locked or
// damaged gives [ErrLocked] or [ErrCorrupt], naming the file.
//
// # Recording and following up
//
// [Ledger.Record] stores the requests a program wrote, [Ledger.AddLetter]
// the reminders and complaints that followed, [Ledger.Mark] what the
// company answered. [Ledger.List] finds the requests that are overdue or
// due soon, [Ledger.Get] one with its timeline, and [Ledger.Stats] sums
// them up per company. [Ledger.Forget] deletes a request.
//
// The ledger stores only what a follow-up needs (see [Request]); it
// imports no law, wording or rendering: callers give it the dates.
package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers can match with errors.Is. Each error the package returns
// about the file names it and says what to do.
var (
	// ErrNewerSchema means the file was written by a newer version of the
	// program, whose schema this one does not know.
	ErrNewerSchema = errors.New("the ledger was written by a newer version of objector")
	// ErrLocked means another process holds the ledger's write lock for
	// longer than [Options].BusyTimeout.
	ErrLocked = errors.New("the ledger is locked by another process")
	// ErrCorrupt means the file is not a SQLite database or is damaged.
	ErrCorrupt = errors.New("the ledger file is damaged or is not a ledger")
	// ErrNotFound means no request has the reference given.
	ErrNotFound = errors.New("no request with this reference in the ledger")
	// ErrInvalidStatus means a status name or a status change is not valid.
	ErrInvalidStatus = errors.New("invalid status")
	// ErrInvalidDate means a status change's date is before the letter,
	// or an extension is not one the law allows.
	ErrInvalidDate = errors.New("invalid date")
	// ErrInvalidRequest means a request to record lacks a field it needs.
	ErrInvalidRequest = errors.New("invalid request")
)

// DefaultBusyTimeout is how long a write waits for another process's
// write to finish before it fails with [ErrLocked].
const DefaultBusyTimeout = 5 * time.Second

// Options adjust [Open]. A nil *Options means the defaults.
type Options struct {
	// BusyTimeout is how long to wait for another process's lock; zero
	// means [DefaultBusyTimeout].
	BusyTimeout time.Duration
}

// Ledger is an open ledger file. It is safe for concurrent use.
type Ledger struct {
	db   *sql.DB
	path string
}

// DefaultPath returns $XDG_DATA_HOME/objector/ledger.db, or
// ~/.local/share/objector/ledger.db where XDG_DATA_HOME is not set.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("finding the ledger: %w (set XDG_DATA_HOME, or give the ledger's file)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "objector", "ledger.db"), nil
}

// Open opens the ledger at path, creating it (mode 0600, its folder mode
// 0700) if it does not exist; path "" means [DefaultPath]. An older
// ledger is copied to path+".v<N>.bak" and migrated. Open returns an
// error wrapping [ErrNewerSchema], [ErrLocked] or [ErrCorrupt] when the
// file cannot be used, naming the file.
func Open(ctx context.Context, path string, opts *Options) (*Ledger, error) {
	return open(ctx, path, opts, migrations)
}

func open(ctx context.Context, path string, opts *Options, migs []string) (*Ledger, error) {
	if path == "" {
		var err error
		if path, err = DefaultPath(); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("creating the ledger's folder: %w", err)
		}
	}
	if strings.ContainsAny(path, "?#\n") {
		return nil, fmt.Errorf("ledger %s: the file name may not contain ?, # or a line break; choose another", path)
	}
	timeout := DefaultBusyTimeout
	if opts != nil && opts.BusyTimeout > 0 {
		timeout = opts.BusyTimeout
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening the ledger: %w", err)
	}
	f.Close()
	dsn := path + "?_txlock=immediate" +
		"&_pragma=busy_timeout(" + strconv.FormatInt(timeout.Milliseconds(), 10) + ")" +
		"&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening the ledger %s: %w", path, err)
	}
	// One connection: the CLI and a local server write rarely and never
	// in parallel, and one connection cannot deadlock with itself.
	db.SetMaxOpenConns(1)
	l := &Ledger{db: db, path: path}
	if err := l.migrate(ctx, migs); err != nil {
		db.Close()
		return nil, err
	}
	return l, nil
}

// Path returns the ledger's file.
func (l *Ledger) Path() string { return l.path }

// Close closes the ledger.
func (l *Ledger) Close() error {
	if err := l.db.Close(); err != nil {
		return l.wrap("closing", err)
	}
	return nil
}

// SchemaVersion is the schema version this package writes (SQLite's
// PRAGMA user_version).
func SchemaVersion() int { return len(migrations) }

// migrations are the schema changes; migration i brings user_version from
// i to i+1. Append only: never change one that was released.
var migrations = []string{
	// 1: requests, the letters written for them, and their status history.
	`CREATE TABLE requests (
		ref             TEXT PRIMARY KEY,
		company         TEXT NOT NULL,
		entity          TEXT NOT NULL,
		residence       TEXT NOT NULL,
		regime          TEXT NOT NULL,
		law             TEXT NOT NULL,
		kind            TEXT NOT NULL,
		purposes        TEXT NOT NULL,
		channel         TEXT NOT NULL,
		lang            TEXT NOT NULL,
		letter_date     TEXT NOT NULL,
		due             TEXT NOT NULL,
		extension_limit TEXT NOT NULL,
		agent           TEXT NOT NULL,
		sender_name     TEXT NOT NULL,
		sender_email    TEXT NOT NULL,
		sender_address  TEXT NOT NULL,
		sender_account  TEXT NOT NULL,
		status          TEXT NOT NULL,
		status_on       TEXT NOT NULL,
		note            TEXT NOT NULL DEFAULT '',
		extended_to     TEXT NOT NULL DEFAULT '',
		answered_on     TEXT NOT NULL DEFAULT '',
		reminded        TEXT NOT NULL DEFAULT '',
		complained      TEXT NOT NULL DEFAULT ''
	) STRICT;
	CREATE TABLE letters (
		ref         TEXT NOT NULL REFERENCES requests(ref) ON DELETE CASCADE,
		kind        TEXT NOT NULL,
		letter_ref  TEXT NOT NULL,
		letter_date TEXT NOT NULL,
		files       TEXT NOT NULL,
		PRIMARY KEY (ref, kind, letter_date)
	) STRICT, WITHOUT ROWID;
	CREATE TABLE events (
		id          INTEGER PRIMARY KEY,
		ref         TEXT NOT NULL REFERENCES requests(ref) ON DELETE CASCADE,
		on_date     TEXT NOT NULL,
		status      TEXT NOT NULL,
		note        TEXT NOT NULL,
		extended_to TEXT NOT NULL
	) STRICT;
	CREATE INDEX events_ref ON events(ref);`,
}

// migrate brings the schema to len(migs), after a backup of an older
// ledger that holds data.
func (l *Ledger) migrate(ctx context.Context, migs []string) error {
	var v int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return l.wrap("opening", err)
	}
	switch {
	case v > len(migs):
		return fmt.Errorf("ledger %s: %w (schema %d; this objector knows schema %d): upgrade objector, or give another file with --ledger", l.path, ErrNewerSchema, v, len(migs))
	case v == len(migs):
		return nil
	case v > 0:
		if err := l.backup(ctx, v); err != nil {
			return err
		}
	}
	// Each step reads the version again under the write lock: another
	// process opening the same new ledger may have migrated it meanwhile.
	for {
		done := false
		err := l.tx(ctx, "migrating", func(tx *sql.Tx) error {
			var cur int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&cur); err != nil {
				return err
			}
			if cur >= len(migs) {
				done = true
				return nil
			}
			if _, err := tx.ExecContext(ctx, migs[cur]); err != nil {
				return fmt.Errorf("schema %d: %w", cur+1, err)
			}
			_, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(cur+1))
			return err
		})
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// backup copies the ledger to path.v<version>.bak (or .bak.2, ...) before
// a migration.
func (l *Ledger) backup(ctx context.Context, version int) error {
	dst := fmt.Sprintf("%s.v%d.bak", l.path, version)
	for n := 2; ; n++ {
		if _, err := os.Lstat(dst); errors.Is(err, os.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s.v%d.bak.%d", l.path, version, n)
	}
	// VACUUM INTO writes a consistent copy, write-ahead log included.
	if _, err := l.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return l.wrap("backing up", fmt.Errorf("to %s: %w", dst, err))
	}
	if err := os.Chmod(dst, 0o600); err != nil {
		return fmt.Errorf("backing up the ledger: %w", err)
	}
	return nil
}

// tx runs fn in a transaction (BEGIN IMMEDIATE: it takes the write lock
// at once), committing if fn returns nil.
func (l *Ledger) tx(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.wrap(op, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return l.wrap(op, err)
	}
	if err := tx.Commit(); err != nil {
		return l.wrap(op, err)
	}
	return nil
}

// wrap adds the file and what to do to an error from the database.
func (l *Ledger) wrap(op string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%s the ledger %s: %w (another objector command is writing to it; wait for it to finish and run this one again)", op, l.path, ErrLocked)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s the ledger %s: %w (%v); move it aside (mv %s %s.damaged) and use a backup (%s.v*.bak) if there is one, or start a new ledger", op, l.path, ErrCorrupt, se, l.path, l.path, l.path)
		}
	}
	var known bool
	for _, e := range []error{ErrNotFound, ErrInvalidStatus, ErrInvalidDate, ErrInvalidRequest, ErrLocked, ErrCorrupt, ErrNewerSchema, context.Canceled, context.DeadlineExceeded} {
		known = known || errors.Is(err, e)
	}
	if known {
		return err
	}
	return fmt.Errorf("%s the ledger %s: %w", op, l.path, err)
}
