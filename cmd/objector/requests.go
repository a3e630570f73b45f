package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

func requestsCommand() *cli.Command {
	return &cli.Command{
		Name:  "requests",
		Usage: "the ledger of the requests you sent: list, mark answers, stats, export, bundle for a complaint",
		Description: `letter, followup and batch record every letter they write to a file in the
ledger ($XDG_DATA_HOME/objector/ledger.db, or --ledger FILE, or
OBJECTOR_LEDGER): its reference, company, law, letter date, due date, the
files written, and the name, email, postal address and account the
follow-ups print. Mark what the company answered; a request still open
after its due date (or the date the company extended it to) is overdue,
and 'objector followup --overdue' writes what it needs next.

Statuses (the Data Rights Protocol's): ` + statusNames() + `.

Examples:
  objector requests list --overdue
  objector requests list --due-within 7d --company linkedin --format csv
  objector requests mark OBJ-ABCD-EFGH fulfilled --on 2026-09-20 --note "setting switched off"
  objector requests mark OBJ-ABCD-EFGH acknowledged --extended-to 2026-12-01
  objector requests mark --from answered.csv fulfilled
  objector requests stats
  objector requests export -o requests.ics
  objector requests bundle OBJ-ABCD-EFGH -o case.zip
  objector requests forget OBJ-ABCD-EFGH`,
		Subcommands: []*cli.Command{
			requestsListCommand(),
			requestsMarkCommand(),
			requestsStatsCommand(),
			requestsExportCommand(),
			requestsBundleCommand(),
			requestsForgetCommand(),
		},
	}
}

// withLedger opens the ledger, runs fn and closes it.
func withLedger(c *cli.Context, fn func(*ledger.Ledger) error) error {
	l, err := ledger.Open(context.Background(), c.String("ledger"), nil)
	if err != nil {
		return err
	}
	err = fn(l)
	if cerr := l.Close(); err == nil {
		err = cerr
	}
	return err
}

func requestsListCommand() *cli.Command {
	return &cli.Command{
		Name:      "list",
		Usage:     "list the requests in the ledger",
		UsageText: "objector requests list [--overdue] [--due-within 7d] [--company ID] [--status S] [--format table|json|csv]",
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "overdue", Usage: "only requests still waiting after their due date"},
			&cli.StringFlag{Name: "due-within", Usage: "only pending requests due within `DAYS` (7d, 2w)"},
			&cli.StringFlag{Name: "company", Usage: "only requests to this company `ID`"},
			&cli.StringFlag{Name: "status", Usage: "only requests with this `STATUS` (comma-separated)"},
		}, readFlags("output `FORMAT`: table, json or csv", "table")...),
		Action: func(c *cli.Context) error {
			asOf, format, err := readArgs(c, "table", "json", "csv")
			if err != nil {
				return err
			}
			f := ledger.Filter{AsOf: asOf, Overdue: c.Bool("overdue"), Company: c.String("company")}
			if s := c.String("due-within"); s != "" {
				if f.DueWithin, err = parseDays(s); err != nil {
					return &usageError{msg: "--due-within: " + err.Error(), hint: "for example --due-within 7d"}
				}
			}
			if s := c.String("status"); s != "" {
				for _, name := range strings.Split(s, ",") {
					st, err := ledger.ParseStatus(name)
					if err != nil {
						return &usageError{msg: "--status: " + err.Error(), hint: "use one of " + statusNames() + ", or --overdue"}
					}
					f.Statuses = append(f.Statuses, st)
				}
			}
			return withLedger(c, func(l *ledger.Ledger) error {
				rs, err := l.List(context.Background(), f)
				if err != nil {
					return err
				}
				return writeOutput(c, c.String("output"), func(w io.Writer) error {
					switch format {
					case "json":
						return writeRequestsJSON(w, rs, asOf)
					case "csv":
						return writeRequestsCSV(w, rs, asOf)
					}
					return writeRequestsTable(w, rs, asOf)
				})
			})
		},
	}
}

// readFlags are the flags of the subcommands that read the ledger and
// print: --format (formatUsage, default def), -o, --as-of, --ledger.
func readFlags(formatUsage, def string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: formatUsage, Value: def},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)", Value: "-"},
		ledgerAsOf(), ledgerFlag(),
	}
}

// readArgs checks that a reading subcommand got no arguments and returns
// its --as-of and its --format, which must be one of formats (an empty
// --format is returned as it is).
func readArgs(c *cli.Context, formats ...string) (time.Time, string, error) {
	if err := noArgs(c); err != nil {
		return time.Time{}, "", err
	}
	asOf, err := asOfDate(c)
	if err != nil {
		return time.Time{}, "", err
	}
	format := c.String("format")
	for _, f := range formats {
		if f == format {
			return asOf, format, nil
		}
	}
	if format == "" {
		return asOf, "", nil
	}
	list := strings.Join(formats[:len(formats)-1], ", ") + " or " + formats[len(formats)-1]
	return time.Time{}, "", &usageError{msg: fmt.Sprintf("--format %q is not %s", format, list), hint: "use --format " + strings.Join(formats, " or --format ")}
}

func noArgs(c *cli.Context) error {
	if err := noTrailingFlags(c); err != nil {
		return err
	}
	if c.Args().Len() > 0 {
		return &usageError{msg: fmt.Sprintf("unexpected argument %q", c.Args().First()), hint: c.Command.FullName() + " takes flags only"}
	}
	return nil
}

func writeRequestsTable(w io.Writer, rs []ledger.Request, asOf time.Time) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "REFERENCE\tCOMPANY\tRESIDENCE\tSENT\tDUE\tSTATUS\tSINCE\tESCALATED")
	for i := range rs {
		r := &rs[i]
		company := r.Company
		if company == "" {
			company = r.Entity
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Ref, company, r.Residence, isoDate(r.Date), dash(isoDate(r.DueBy())),
			r.Shown(asOf), isoDate(r.StatusOn), dash(escalation(r)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, plural(len(rs), "request", "requests"))
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// escalation says which follow-ups a request had: "reminder 2026-10-05".
func escalation(r *ledger.Request) string {
	var parts []string
	if !r.Reminded.IsZero() {
		parts = append(parts, "reminder "+isoDate(r.Reminded))
	}
	if !r.Complained.IsZero() {
		parts = append(parts, "complaint "+isoDate(r.Complained))
	}
	return strings.Join(parts, ", ")
}

// requestColumns are the CSV columns of list and export. The person's
// name, email, address and account are left out: an export is meant to be
// shared more widely than the ledger.
var requestColumns = []string{"reference", "company", "entity", "residence", "regime", "law", "kind", "purposes", "channel", "lang",
	"sent", "due", "extension_limit", "extended_to", "status", "shown_status", "status_on", "note", "answered_on", "reminded", "complained", "agent", "files"}

func requestRecord(r *ledger.Request, asOf time.Time) []string {
	return []string{r.Ref, r.Company, r.Entity, r.Residence, r.Regime, r.Law, r.Kind, strings.Join(r.Purposes, ";"), strings.Join(r.Channel, ";"), r.Lang,
		isoDate(r.Date), isoDate(r.Due), isoDate(r.ExtensionLimit), isoDate(r.ExtendedTo), string(r.Status), string(r.Shown(asOf)), isoDate(r.StatusOn), r.Note,
		isoDate(r.AnsweredOn), isoDate(r.Reminded), isoDate(r.Complained), r.Agent, strings.Join(r.Files, ";")}
}

func writeRequestsCSV(w io.Writer, rs []ledger.Request, asOf time.Time) error {
	cw := csv.NewWriter(w)
	cw.Write(requestColumns)
	for i := range rs {
		cw.Write(csvSafe(requestRecord(&rs[i], asOf)))
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses cells a spreadsheet would run as a formula.
func csvSafe(rec []string) []string {
	for i, s := range rec {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			rec[i] = "'" + s
		}
	}
	return rec
}

// requestJSON is a request as list --format json prints it.
type requestJSON struct {
	Ref            string   `json:"reference"`
	Company        string   `json:"company,omitempty"`
	Entity         string   `json:"entity"`
	Residence      string   `json:"residence"`
	Regime         string   `json:"regime"`
	Law            string   `json:"law,omitempty"`
	Kind           string   `json:"kind"`
	Purposes       []string `json:"purposes,omitempty"`
	Channel        []string `json:"channel,omitempty"`
	Lang           string   `json:"lang"`
	Sent           string   `json:"sent"`
	Due            string   `json:"due,omitempty"`
	ExtensionLimit string   `json:"extension_limit,omitempty"`
	ExtendedTo     string   `json:"extended_to,omitempty"`
	Status         string   `json:"status"`
	Overdue        bool     `json:"overdue"`
	StatusOn       string   `json:"status_on"`
	Note           string   `json:"note,omitempty"`
	AnsweredOn     string   `json:"answered_on,omitempty"`
	Reminded       string   `json:"reminded,omitempty"`
	Complained     string   `json:"complained,omitempty"`
	Agent          string   `json:"agent,omitempty"`
	Files          []string `json:"files,omitempty"`
}

func toJSON(r *ledger.Request, asOf time.Time) requestJSON {
	return requestJSON{
		Ref: r.Ref, Company: r.Company, Entity: r.Entity, Residence: r.Residence, Regime: r.Regime, Law: r.Law, Kind: r.Kind,
		Purposes: r.Purposes, Channel: r.Channel, Lang: r.Lang, Sent: isoDate(r.Date), Due: isoDate(r.Due),
		ExtensionLimit: isoDate(r.ExtensionLimit), ExtendedTo: isoDate(r.ExtendedTo), Status: string(r.Status), Overdue: r.Overdue(asOf),
		StatusOn: isoDate(r.StatusOn), Note: r.Note, AnsweredOn: isoDate(r.AnsweredOn), Reminded: isoDate(r.Reminded),
		Complained: isoDate(r.Complained), Agent: r.Agent, Files: r.Files,
	}
}

func writeRequestsJSON(w io.Writer, rs []ledger.Request, asOf time.Time) error {
	out := make([]requestJSON, len(rs))
	for i := range rs {
		out[i] = toJSON(&rs[i], asOf)
	}
	return writeJSON(w, out)
}

func requestsMarkCommand() *cli.Command {
	return &cli.Command{
		Name:      "mark",
		Usage:     "record what the company answered: a new status for a request, or for every request in a CSV file",
		UsageText: "objector requests mark REF STATUS [--on DATE] [--note TEXT] [--extended-to DATE]\n   objector requests mark --from FILE.csv [STATUS] [--on DATE] [--note TEXT]",
		Description: `STATUS is one of ` + statusNames() + `
(the Data Rights Protocol's in_progress, need_user_verification and revoked
are understood too). A denial needs the reason: --note "...". When the
company extends the period, as the law lets it, give the new due date with
--extended-to; objector refuses a date later than the law allows.

--from reads a CSV file whose header names a "reference" (or "ref") column
and optionally "status", "on", "note" and "extended_to" columns; STATUS,
--on and --note apply to rows that leave them empty. Either every row is
recorded or none is.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "on", Usage: "the `DATE` it happened (default: today)"},
			&cli.StringFlag{Name: "note", Usage: "what the company said (`TEXT`); a denial's reason"},
			&cli.StringFlag{Name: "extended-to", Usage: "the new due `DATE` the company extended the period to"},
			&cli.StringFlag{Name: "from", Usage: "mark every request in this CSV `FILE`"},
			ledgerFlag(),
		},
		Action: runMark,
	}
}

func runMark(c *cli.Context) error {
	if err := noTrailingFlags(c); err != nil {
		return err
	}
	on, err := dateFlag(c, "on")
	if err != nil {
		return err
	}
	ext, err := dateFlag(c, "extended-to")
	if err != nil {
		return err
	}
	base := ledger.Mark{On: on, Note: c.String("note"), ExtendedTo: ext}
	args := c.Args().Slice()
	var marks []ledger.Mark
	if from := c.String("from"); from != "" {
		if len(args) > 1 {
			return &usageError{msg: "too many arguments", hint: "with --from give at most the status: objector requests mark --from FILE.csv fulfilled"}
		}
		if len(args) == 1 {
			if base.Status, err = ledger.ParseStatus(args[0]); err != nil {
				return &usageError{msg: err.Error(), hint: "statuses: " + statusNames()}
			}
		}
		if marks, err = readMarks(from, base); err != nil {
			return err
		}
	} else {
		if len(args) != 2 {
			return &usageError{msg: "mark needs a reference and a status", hint: "objector requests mark OBJ-ABCD-EFGH fulfilled (or --from FILE.csv)"}
		}
		base.Ref = strings.TrimSpace(args[0])
		if base.Status, err = ledger.ParseStatus(args[1]); err != nil {
			return &usageError{msg: err.Error(), hint: "statuses: " + statusNames()}
		}
		marks = []ledger.Mark{base}
	}
	return withLedger(c, func(l *ledger.Ledger) error {
		if err := l.Mark(context.Background(), marks...); err != nil {
			return err
		}
		if len(marks) == 1 {
			fmt.Fprintf(c.App.ErrWriter, "objector: %s marked %s\n", marks[0].Ref, marks[0].Status)
		} else {
			fmt.Fprintf(c.App.ErrWriter, "objector: %d requests marked\n", len(marks))
		}
		return nil
	})
}

// readMarks reads the marks of a CSV file of references.
func readMarks(path string, base ledger.Mark) ([]ledger.Mark, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &usageError{msg: err.Error(), hint: "--from takes a CSV file with a reference column"}
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, &usageError{msg: fmt.Sprintf("%s: %v", path, err), hint: "the first line must name the columns: reference[,status,on,note,extended_to]"}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch h {
		case "ref":
			h = "reference"
		case "extended-to":
			h = "extended_to"
		}
		col[h] = i
	}
	if _, ok := col["reference"]; !ok {
		return nil, &usageError{msg: fmt.Sprintf("%s has no reference column", path), hint: "the first line must name the columns: reference[,status,on,note,extended_to]"}
	}
	cell := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var marks []ledger.Mark
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			return nil, &usageError{msg: fmt.Sprintf("%s: %v", path, err), hint: "fix the CSV file"}
		}
		m := base
		m.Ref = cell(rec, "reference")
		if m.Ref == "" {
			continue
		}
		bad := func(err error) error {
			return &usageError{msg: fmt.Sprintf("%s:%d: %v", path, line, err), hint: "fix the line; nothing was marked"}
		}
		if s := cell(rec, "status"); s != "" {
			if m.Status, err = ledger.ParseStatus(s); err != nil {
				return nil, bad(err)
			}
		}
		if m.Status == "" {
			return nil, bad(errors.New("no status: fill the status column or give it as an argument"))
		}
		if s := cell(rec, "note"); s != "" {
			m.Note = s
		}
		for name, t := range map[string]*time.Time{"on": &m.On, "extended_to": &m.ExtendedTo} {
			if s := cell(rec, name); s != "" {
				d, err := time.Parse(time.DateOnly, s)
				if err != nil {
					return nil, bad(fmt.Errorf("%s: %q is not a date written as YYYY-MM-DD", name, s))
				}
				*t = d
			}
		}
		marks = append(marks, m)
	}
	if len(marks) == 0 {
		return nil, &usageError{msg: fmt.Sprintf("%s lists no reference", path), hint: "give one reference per line under the header"}
	}
	return marks, nil
}

func requestsStatsCommand() *cli.Command {
	return &cli.Command{
		Name:      "stats",
		Usage:     "per company: requests sent, answered, answered on time, median days to answer, escalated",
		UsageText: "objector requests stats [--as-of DATE] [--format table|json|csv]",
		Flags:     readFlags("output `FORMAT`: table, json or csv", "table"),
		Action: func(c *cli.Context) error {
			asOf, format, err := readArgs(c, "table", "json", "csv")
			if err != nil {
				return err
			}
			return withLedger(c, func(l *ledger.Ledger) error {
				st, err := l.Stats(context.Background(), asOf)
				if err != nil {
					return err
				}
				return writeOutput(c, c.String("output"), func(w io.Writer) error { return writeStats(w, st, format) })
			})
		},
	}
}

var statsColumns = []string{"company", "sent", "answered", "on_time", "median_days", "fulfilled", "denied", "pending", "overdue", "escalated", "complaints"}

func statsRecord(s ledger.CompanyStats) []string {
	name := s.Company
	if name == "" {
		name = "total"
	}
	median := "-"
	if s.MedianDays >= 0 {
		median = strconv.FormatFloat(s.MedianDays, 'f', -1, 64)
	}
	return []string{name, strconv.Itoa(s.Sent), strconv.Itoa(s.Answered), strconv.Itoa(s.OnTime), median, strconv.Itoa(s.Fulfilled),
		strconv.Itoa(s.Denied), strconv.Itoa(s.Pending), strconv.Itoa(s.Overdue), strconv.Itoa(s.Escalated), strconv.Itoa(s.Complaints)}
}

func writeStats(w io.Writer, st []ledger.CompanyStats, format string) error {
	switch format {
	case "json":
		type statsJSON struct {
			Company    string   `json:"company"`
			Sent       int      `json:"sent"`
			Answered   int      `json:"answered"`
			OnTime     int      `json:"on_time"`
			MedianDays *float64 `json:"median_days"`
			Fulfilled  int      `json:"fulfilled"`
			Denied     int      `json:"denied"`
			Pending    int      `json:"pending"`
			Overdue    int      `json:"overdue"`
			Escalated  int      `json:"escalated"`
			Complaints int      `json:"complaints"`
		}
		out := make([]statsJSON, len(st))
		for i, s := range st {
			out[i] = statsJSON{Company: s.Company, Sent: s.Sent, Answered: s.Answered, OnTime: s.OnTime, Fulfilled: s.Fulfilled,
				Denied: s.Denied, Pending: s.Pending, Overdue: s.Overdue, Escalated: s.Escalated, Complaints: s.Complaints}
			if s.MedianDays >= 0 {
				m := s.MedianDays
				out[i].MedianDays = &m
			}
			if s.Company == "" {
				out[i].Company = "total"
			}
		}
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(statsColumns)
		for _, s := range st {
			cw.Write(csvSafe(statsRecord(s)))
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "COMPANY\tSENT\tANSWERED\tON TIME\tMEDIAN DAYS\tFULFILLED\tDENIED\tPENDING\tOVERDUE\tESCALATED\tCOMPLAINTS\t")
	for _, s := range st {
		fmt.Fprintln(tw, strings.Join(statsRecord(s), "\t")+"\t")
	}
	return tw.Flush()
}

func requestsExportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "export every request as CSV, or every due date as a calendar (.ics)",
		UsageText: "objector requests export [--format csv|ics] [-o FILE]",
		Description: `CSV has one line per request (the columns of 'requests list --format csv',
without the person's name, email, address and account). The calendar has
an all-day event on the due date of every request that has one (the date
the company extended it to, if it did), titled with the company and the
reference.`,
		Flags: readFlags("output `FORMAT`: csv or ics (default: from -o's extension, else csv)", ""),
		Action: func(c *cli.Context) error {
			asOf, format, err := readArgs(c, "csv", "ics")
			if err != nil {
				return err
			}
			if format == "" {
				format = strings.TrimPrefix(strings.ToLower(filepath.Ext(c.String("output"))), ".")
				if format != "ics" {
					format = "csv"
				}
			}
			return withLedger(c, func(l *ledger.Ledger) error {
				rs, err := l.List(context.Background(), ledger.Filter{AsOf: asOf})
				if err != nil {
					return err
				}
				return writeOutput(c, c.String("output"), func(w io.Writer) error {
					if format == "ics" {
						return writeRequestsICS(w, rs, asOf)
					}
					return writeRequestsCSV(w, rs, asOf)
				})
			})
		},
	}
}

// writeRequestsICS writes an all-day event on each request's due date.
func writeRequestsICS(w io.Writer, rs []ledger.Request, asOf time.Time) error {
	var events []objector.CalendarEvent
	for i := range rs {
		r := &rs[i]
		due := r.DueBy()
		if due.IsZero() {
			continue
		}
		company := r.Entity
		events = append(events, objector.CalendarEvent{
			UID:         strings.ToLower(r.Ref) + "-due@objector.invalid",
			Date:        due,
			Stamp:       r.Date,
			Summary:     fmt.Sprintf("Reply due from %s (%s)", company, r.Ref),
			Description: fmt.Sprintf("Request of %s, status %s on %s.", isoDate(r.Date), r.Shown(asOf), isoDate(asOf)),
		})
	}
	return objector.WriteCalendarEvents(w, events)
}

func requestsForgetCommand() *cli.Command {
	return &cli.Command{
		Name:      "forget",
		Usage:     "delete a request and its history from the ledger (the letters' files stay)",
		UsageText: "objector requests forget REF...",
		Flags:     []cli.Flag{ledgerFlag()},
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			if c.Args().Len() == 0 {
				return &usageError{msg: "forget needs a reference", hint: "objector requests forget OBJ-ABCD-EFGH"}
			}
			return withLedger(c, func(l *ledger.Ledger) error {
				for _, ref := range c.Args().Slice() {
					if err := l.Forget(context.Background(), ref); err != nil {
						return err
					}
					fmt.Fprintf(c.App.ErrWriter, "objector: %s forgotten\n", ref)
				}
				return nil
			})
		},
	}
}

func requestsBundleCommand() *cli.Command {
	return &cli.Command{
		Name:      "bundle",
		Usage:     "put a request's letters, follow-ups and timeline into one .zip to attach to a complaint",
		UsageText: "objector requests bundle REF -o case.zip",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the zip to `FILE`"},
			ledgerFlag(),
		},
		Action: func(c *cli.Context) error {
			if err := noTrailingFlags(c); err != nil {
				return err
			}
			if c.Args().Len() != 1 {
				return &usageError{msg: "bundle needs one reference", hint: "objector requests bundle OBJ-ABCD-EFGH -o case.zip"}
			}
			out := c.String("output")
			if out == "" || out == "-" {
				return &usageError{msg: "--output is missing", hint: "name the zip file: -o case.zip"}
			}
			return withLedger(c, func(l *ledger.Ledger) error {
				r, err := l.Get(context.Background(), c.Args().First())
				if err != nil {
					return err
				}
				var missing []string
				err = writeOutput(c, out, func(w io.Writer) error {
					missing, err = writeBundle(w, r)
					return err
				})
				for _, m := range missing {
					fmt.Fprintf(c.App.ErrWriter, "objector: warning: %s is missing; the bundle's timeline says so\n", m)
				}
				return err
			})
		},
	}
}

// writeBundle writes a zip with the request's letters under letters/ and
// its timeline as timeline.txt and timeline.json. It returns the files
// that were missing.
func writeBundle(w io.Writer, r *ledger.Request) (missing []string, err error) {
	zw := zip.NewWriter(w)
	stamp := r.Date
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	var tl bytes.Buffer
	company := r.Company
	if company == "" {
		company = r.Entity
	}
	fmt.Fprintf(&tl, "Request %s\nTo: %s (%s)\nResidence: %s; law: %s\nPurposes: %s\n\n", r.Ref, r.Entity, company, r.Residence, dash(r.Law), dash(strings.Join(r.Purposes, ", ")))
	type entry struct {
		Date  string   `json:"date"`
		What  string   `json:"what"`
		Note  string   `json:"note,omitempty"`
		Files []string `json:"files,omitempty"`
	}
	var entries []entry
	for _, lt := range r.Letters {
		e := entry{Date: isoDate(lt.Date), What: lt.Kind + " sent (reference " + lt.Ref + ")"}
		if lt.Kind == r.Kind && isoDate(lt.Date) == isoDate(r.Date) {
			e.What = lt.Kind + " sent"
			if !r.Due.IsZero() {
				e.Note = "answer due by " + isoDate(r.Due)
			}
		}
		for _, p := range lt.Files {
			data, err := os.ReadFile(p)
			if err != nil {
				missing = append(missing, p)
				e.Files = append(e.Files, "missing: "+p)
				continue
			}
			name := "letters/" + filepath.Base(p)
			if err := add(name, data); err != nil {
				return missing, err
			}
			e.Files = append(e.Files, name)
		}
		entries = append(entries, e)
	}
	for _, ev := range r.Events {
		e := entry{Date: isoDate(ev.On), What: "status: " + string(ev.Status), Note: ev.Note}
		if !ev.ExtendedTo.IsZero() {
			e.What += ", period extended to " + isoDate(ev.ExtendedTo)
		}
		entries = append(entries, e)
	}
	// Letters and status changes in date order; on the same day, as
	// recorded.
	for i := 1; i < len(entries); i++ {
		for j := i; j > 0 && entries[j].Date < entries[j-1].Date; j-- {
			entries[j], entries[j-1] = entries[j-1], entries[j]
		}
	}
	for _, e := range entries {
		fmt.Fprintf(&tl, "%s  %s\n", e.Date, e.What)
		if e.Note != "" {
			fmt.Fprintf(&tl, "            %s\n", e.Note)
		}
		for _, f := range e.Files {
			fmt.Fprintf(&tl, "            %s\n", f)
		}
	}
	if err := add("timeline.txt", tl.Bytes()); err != nil {
		return missing, err
	}
	js, err := json.MarshalIndent(map[string]any{"request": toJSON(r, r.Date), "timeline": entries}, "", "  ")
	if err != nil {
		return missing, err
	}
	if err := add("timeline.json", append(js, '\n')); err != nil {
		return missing, err
	}
	return missing, zw.Close()
}

// flagsFirst moves the flags written after the arguments of "requests
// mark", "requests bundle" and "requests forget" before them, so that
// "requests mark REF fulfilled --on 2026-09-20" works as its help says;
// urfave/cli would ignore them. Those commands have no boolean flags, so
// every flag without "=" takes the next word as its value.
func flagsFirst(args []string) []string {
	i := 0
	for i < len(args) && args[i] != "requests" {
		i++
	}
	if i+1 >= len(args) {
		return args
	}
	switch args[i+1] {
	case "mark", "bundle", "forget":
	default:
		return args
	}
	head := append([]string(nil), args[:i+2]...)
	var flags, pos []string
	rest := args[i+2:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			pos = append(pos, rest[j:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-" && a != "--help" && a != "-h":
			flags = append(flags, a)
			if !strings.Contains(a, "=") && j+1 < len(rest) {
				flags = append(flags, rest[j+1])
				j++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(append(head, flags...), pos...)
}
