package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/internal/guard"
	"github.com/objector/objector/ledger"
)

// overdueFlags are followup's own flags: --overdue writes the follow-ups
// the ledger's overdue requests need.
func overdueFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "overdue", Usage: "write the reminder or complaint every overdue request in the ledger needs next, and record it"},
		&cli.StringFlag{Name: "out", Usage: "with --overdue: the `DIR` the letters are written to (created if missing)"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "with --overdue: output `FORMATS`, comma-separated: pdf, txt, eml", Value: "pdf"},
		&cli.StringFlag{Name: "wait", Usage: "with --overdue: how long a reminder may go unanswered before the complaint (`DAYS`, such as 14d or 2w)", Value: "14d"},
		&cli.StringFlag{Name: "authority", Usage: "with --overdue: who receives complaints (`AUTHORITY`): residence or lead", Value: objector.AuthorityResidence},
		&cli.StringFlag{Name: "controllers", Usage: "a TOML `FILE` or folder of controller records that add to or override the directory"},
		paperFlag(),
		windowFlag(),
		ledgerAsOf(), ledgerFlag(),
	}
}

// runOverdue writes, for each request the ledger lists as overdue, a
// reminder if none was sent, or a complaint once a reminder went
// unanswered for --wait; it records each in the ledger.
func runOverdue(c *cli.Context) error {
	if err := noArgs(c); err != nil {
		return err
	}
	if !c.Bool("overdue") {
		return &usageError{msg: "followup needs a kind of letter or --overdue", hint: "objector followup reminder ..., objector followup complaint ..., or objector followup --overdue --out DIR"}
	}
	dir := c.String("out")
	if dir == "" {
		return &usageError{msg: "--out is missing", hint: "give the folder for the letters: --out followups"}
	}
	asOf, err := asOfDate(c)
	if err != nil {
		return err
	}
	wait, err := parseDays(c.String("wait"))
	if err != nil {
		return &usageError{msg: "--wait: " + err.Error(), hint: "for example --wait 14d"}
	}
	var formats []objector.Format
	for _, s := range strings.Split(c.String("format"), ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		f, err := objector.ParseFormat(s)
		if err != nil || f == objector.FormatForm || f == objector.FormatFormJSON || f == objector.FormatMailto {
			return &usageError{msg: fmt.Sprintf("--format %q does not suit a follow-up", s), hint: "use --format pdf, txt, eml or json (comma-separated)"}
		}
		formats = append(formats, f)
	}
	g, err := generator(c)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the output folder: %w", err)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	ctx := context.Background()
	stderr := c.App.ErrWriter
	return withLedger(c, func(lg *ledger.Ledger) error {
		rs, err := lg.List(ctx, ledger.Filter{AsOf: asOf, Overdue: true})
		if err != nil {
			return err
		}
		var reminders, complaints, waiting, done, failed int
		fail := func(r *ledger.Request, format string, args ...any) {
			failed++
			if failed <= 10 {
				fmt.Fprintf(stderr, "objector: %s: %s\n", r.Ref, fmt.Sprintf(format, args...))
			}
		}
		var buf bytes.Buffer
		for i := range rs {
			r := &rs[i]
			kind := objector.KindReminder
			switch {
			case !r.Complained.IsZero():
				done++ // the authority has it
				continue
			case !r.Reminded.IsZero() && asOf.Before(r.Reminded.AddDate(0, 0, wait)):
				waiting++ // the reminder is recent
				continue
			case !r.Reminded.IsZero():
				kind = objector.KindComplaint
			}
			if r.Company == "" {
				fail(r, "the company is not in the directory; write the %s with objector followup %s --controller-name ... --sent %s", kind, kind, isoDate(r.Date))
				continue
			}
			req := objector.Request{
				Kind: kind, Sent: r.Date, AsOf: asOf, Controller: r.Company, Residence: r.Residence,
				Name: r.Sender.Name, Email: r.Sender.Email, Address: r.Sender.Address, Account: r.Sender.Account,
				Purposes: r.Purposes, Lang: r.Lang,
			}
			if kind == objector.KindComplaint {
				req.Authority = c.String("authority")
			}
			l, err := g.Generate(ctx, req)
			if err != nil {
				fail(r, "%v", err)
				continue
			}
			if l.FollowsUp == nil || l.FollowsUp.Reference != r.Ref {
				fail(r, "the letter regenerated for %s has another reference (the directory or the law data changed since); write the %s with objector followup %s", isoDate(r.Date), kind, kind)
				continue
			}
			base := strings.ToLower(r.Ref) + "-" + kind
			var files []string
			for _, f := range formats {
				buf.Reset()
				if err := g.Render(&buf, l, f, objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window")}); err != nil {
					fail(r, "%v", err)
					files = nil
					break
				}
				path := filepath.Join(absDir, base+"."+string(f))
				if err := guard.WriteFile(path, buf.Bytes()); err != nil {
					return err // a folder that cannot be written stops the run
				}
				files = append(files, path)
			}
			if files == nil {
				continue
			}
			if err := lg.AddLetter(ctx, r.Ref, ledger.Letter{Kind: kind, Ref: l.Reference, Date: asOf, Files: files}); err != nil {
				return &recordError{files: files, err: err}
			}
			if kind == objector.KindReminder {
				reminders++
			} else {
				complaints++
			}
		}
		if failed > 10 {
			fmt.Fprintf(stderr, "objector: ... and %d more\n", failed-10)
		}
		fmt.Fprintf(stderr, "objector: followup: %d overdue: %s and %s written to %s and recorded; %d waiting for an answer to the reminder, %d with the authority, %d failed\n",
			len(rs), plural(reminders, "reminder", "reminders"), plural(complaints, "complaint", "complaints"), dir, waiting, done, failed)
		if failed > 0 {
			return cli.Exit(fmt.Sprintf("%s failed", plural(failed, "follow-up", "follow-ups")), exitPartial)
		}
		return nil
	})
}
