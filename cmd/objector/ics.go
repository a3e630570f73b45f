package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/guard"
)

// icsFlag is letter's --ics flag.
func icsFlag() cli.Flag {
	return &cli.StringFlag{Name: "ics", Usage: "also write the reply's due date as a calendar `FILE` (.ics) to import into your calendar", EnvVars: envs("ics")}
}

// calendar returns the calendar file --ics asks for, or nil without
// --ics. A letter without a due date is a usage error.
func calendar(c *cli.Context, l *objector.Letter) ([]byte, error) {
	if c.String("ics") == "" {
		return nil, nil
	}
	var buf bytes.Buffer
	if err := objector.WriteCalendar(&buf, l); err != nil {
		if errors.Is(err, objector.ErrNoDueDate) {
			return nil, &usageError{flag: "ics", msg: "--ics: " + err.Error() + " (no law sets the company a deadline here)", hint: "leave out --ics for this letter"}
		}
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeICS writes the calendar file, atomically and readable only by its
// owner, and says so.
func writeICS(c *cli.Context, l *objector.Letter, data []byte) error {
	if data == nil {
		return nil
	}
	path := c.String("ics")
	if err := guard.WriteFile(path, data); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "objector: note: the reply is due by %s; calendar entry written to %s\n", l.DueISO, path)
	return nil
}
