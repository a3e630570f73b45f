package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/batch"
	"github.com/objector/objector/ledger"
)

// ledgerFlag is the --ledger flag every command that reads or writes the
// ledger takes.
func ledgerFlag() cli.Flag {
	return &cli.StringFlag{Name: "ledger", Usage: "the ledger `FILE` that records your requests (default: $XDG_DATA_HOME/objector/ledger.db)", EnvVars: envs("ledger")}
}

// recordFlags are the ledger flags of the commands that write letters.
func recordFlags() []cli.Flag {
	return []cli.Flag{
		ledgerFlag(),
		&cli.BoolFlag{Name: "no-ledger", Usage: "do not record the letters in the ledger", EnvVars: envs("no-ledger")},
	}
}

// openLedger opens the ledger --ledger names (default: ledger.DefaultPath),
// or returns nil with --no-ledger.
func openLedger(c *cli.Context) (*ledger.Ledger, error) {
	if hasFlag(c, "no-ledger") && c.Bool("no-ledger") {
		if c.String("ledger") != "" && c.IsSet("ledger") {
			return nil, &usageError{msg: "--ledger and --no-ledger contradict each other", hint: "leave out one of them"}
		}
		return nil, nil
	}
	return ledger.Open(context.Background(), c.String("ledger"), nil)
}

// openLedgerFor opens the ledger for a letter written to out, or returns
// nil for standard output: a letter printed there is a draft to look at.
// close is never nil.
func openLedgerFor(c *cli.Context, out string) (lg *ledger.Ledger, close func(), err error) {
	if out != "" && out != "-" {
		if lg, err = openLedger(c); err != nil {
			return nil, func() {}, err
		}
	}
	if lg == nil {
		return nil, func() {}, nil
	}
	return lg, func() { lg.Close() }, nil
}

// recordLetter records a letter the letter or followup command wrote to
// the files given, in the ledger the flags name.
func recordLetter(lg *ledger.Ledger, g *objector.Generator, l *objector.Letter, req objector.Request, f objector.Format, files []string) error {
	if lg == nil {
		return nil
	}
	for i, p := range files {
		if abs, err := filepath.Abs(p); err == nil {
			files[i] = abs
		}
	}
	ctx := context.Background()
	var r ledger.Request
	if l.FollowsUp == nil {
		r = batch.LedgerRequest(l, req, []objector.Format{f}, files)
	} else {
		var err error
		if r, err = batch.LedgerFollowup(ctx, g, l, req, files); err != nil {
			return err
		}
	}
	if _, err := lg.Record(ctx, r); err != nil {
		return &recordError{files: files, err: err}
	}
	return nil
}

// recordError reports letters that were written but could not be
// recorded.
type recordError struct {
	files []string
	err   error
}

func (e *recordError) Error() string {
	return fmt.Sprintf("%s written, but not recorded: %v", strings.Join(e.files, ", "), e.err)
}

func (e *recordError) Unwrap() error { return e.err }

// ledgerHint returns what to do after an error about the ledger, or "".
func ledgerHint(err error) string {
	switch {
	case errors.Is(err, ledger.ErrLocked):
		return "wait for the other objector command to finish; or write without recording: --no-ledger"
	case errors.Is(err, ledger.ErrCorrupt):
		return "give another ledger file with --ledger FILE, or write without recording: --no-ledger"
	case errors.Is(err, ledger.ErrNewerSchema):
		return "install the newer objector that wrote this ledger, or give another file with --ledger FILE"
	case errors.Is(err, ledger.ErrNotFound):
		return "run 'objector requests list' for the references in this ledger (--ledger FILE for another)"
	case errors.Is(err, ledger.ErrInvalidStatus):
		return "statuses: " + statusNames() + "; a denial needs --note with the reason"
	case errors.Is(err, ledger.ErrInvalidDate):
		return "--on is the day the company answered, on or after the letter date; --extended-to is the new due date the company gave, after the old one and no later than the law allows (the extension_limit column of 'objector requests list --format csv')"
	case errors.As(err, new(*recordError)):
		return "the letter is complete; record it by running the same command again, or write with --no-ledger"
	}
	return ""
}

func statusNames() string {
	names := make([]string, len(ledger.Statuses))
	for i, s := range ledger.Statuses {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// parseDays parses a span of days: "7", "7d" or "2w".
func parseDays(s string) (int, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	mult := 1
	switch {
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	case strings.HasSuffix(s, "w"):
		s, mult = strings.TrimSuffix(s, "w"), 7
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a number of days such as 7d or 2w", s)
	}
	return n * mult, nil
}

// ledgerAsOf is --as-of for the commands that read the ledger: the day
// that counts as today.
func ledgerAsOf() cli.Flag {
	return &cli.StringFlag{Name: "as-of", Usage: "count overdue and due dates as of `DATE` (YYYY-MM-DD; default: today)", EnvVars: envs("as-of")}
}

// asOfDate returns --as-of, or today (UTC).
func asOfDate(c *cli.Context) (time.Time, error) {
	d, err := dateFlag(c, "as-of")
	if err != nil || !d.IsZero() {
		return d, err
	}
	y, m, day := time.Now().UTC().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC), nil
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
