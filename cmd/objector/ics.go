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

// writeICS writes the calendar file --ics asks for, atomically and readable
// only by its owner. A letter without a due date is a usage error.
func writeICS(c *cli.Context, l *objector.Letter) error {
	path := c.String("ics")
	if path == "" {
		return nil
	}
	if path == "-" {
		return &usageError{msg: "--ics needs a file name", hint: "write the letter to standard output and the calendar to a file: --ics reply-due.ics"}
	}
	var buf bytes.Buffer
	if err := objector.WriteCalendar(&buf, l); err != nil {
		if errors.Is(err, objector.ErrNoDueDate) {
			return &usageError{msg: "--ics: " + err.Error() + " (no law sets the company a deadline here)", hint: "leave out --ics for this letter"}
		}
		return err
	}
	if err := checkOutputDir(path); err != nil {
		return err
	}
	if err := guard.WriteFile(path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "objector: note: the reply is due by %s; calendar entry written to %s\n", l.DueISO, path)
	return nil
}
