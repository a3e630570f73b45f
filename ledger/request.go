package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Request is one request as the ledger keeps it: what a follow-up needs,
// and nothing else. The person's reason and the letter's text are not
// stored; the letters themselves are the files listed.
type Request struct {
	Ref       string    // the letter's reference, such as OBJ-ABCD-EFGH
	Company   string    // the directory's company id; "" for a company described by hand
	Entity    string    // the legal entity the letter went to
	Residence string    // where the person lives: DE, US-CA, ...
	Regime    string    // gdpr, uk-gdpr, ch-fadp, us-state, other, none
	Law       string    // the law the letter cites, by name
	Kind      string    // the letter's kind: objection, opt-out, courtesy
	Purposes  []string  // the uses objected to: ai-training, ml, ads, profiling
	Channel   []string  // the formats written: pdf, eml, txt, ...
	Lang      string    // the letter's language
	Date      time.Time // the letter date
	// Due is the last day the company has to answer; zero where no law
	// sets one.
	Due time.Time
	// ExtensionLimit is the latest day the law lets the company extend
	// the period to; zero where it allows no extension.
	ExtensionLimit time.Time
	Agent          string   // the agent who sent it on the person's behalf, if any
	Sender         Sender   // the person, as a follow-up letter names them
	Files          []string // the files of the first letter (absolute paths)

	// The fields below are the ledger's: Record ignores them but Letters.

	Status     Status
	StatusOn   time.Time // the day of the last status change (the letter date while open)
	Note       string    // the last status change's note, such as a denial's reason
	ExtendedTo time.Time // the day the company extended the period to; zero if it did not
	AnsweredOn time.Time // the day of the company's first answer; zero if none
	Reminded   time.Time // the date of the last reminder; zero if none
	Complained time.Time // the date of the last complaint; zero if none
	// Letters are the letters written for the request, first letter
	// first; Events the status changes, in order. Only [Ledger.Get] fills
	// them. [Ledger.Record] records the Letters given (reminders and
	// complaints) and ignores Events.
	Letters []Letter
	Events  []Event
}

// Sender is the person a request is for: the fields a reminder or a
// complaint prints to identify them.
type Sender struct {
	Name    string
	Email   string
	Address []string // postal address lines
	Account string   // profile URL or user name at the company
}

// Letter is one letter written for a request: the request itself, a
// reminder or a complaint.
type Letter struct {
	Kind  string    // objection, opt-out, courtesy, reminder, complaint
	Ref   string    // the letter's own reference (a complaint has its own)
	Date  time.Time // the letter date
	Files []string  // the files written
}

// Event is one status change.
type Event struct {
	On         time.Time // the day it happened
	Status     Status
	Note       string
	ExtendedTo time.Time // the new due date, if the company extended it
}

// DueBy returns the day the answer is due: the date the company extended
// the period to, or else the due date; zero if neither is set.
func (r *Request) DueBy() time.Time {
	if !r.ExtendedTo.IsZero() {
		return r.ExtendedTo
	}
	return r.Due
}

// Overdue reports whether the request is pending on asOf although its due
// date (or the date it was extended to) has passed.
func (r *Request) Overdue(asOf time.Time) bool {
	due := r.DueBy()
	return r.Status.Pending() && !due.IsZero() && day(asOf).After(due)
}

// Shown returns the status to show on asOf: [StatusOverdue] for an overdue
// request, its status otherwise.
func (r *Request) Shown(asOf time.Time) Status {
	if r.Overdue(asOf) {
		return StatusOverdue
	}
	return r.Status
}

const dateLayout = "2006-01-02"

// day drops t's clock time: dates are calendar days in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(dateLayout, s)
}

func joinList(list []string) string { return strings.Join(list, "\n") }

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// check reports what a request to record lacks.
func (r *Request) check() error {
	switch {
	case r.Ref == "":
		return fmt.Errorf("%w: the reference is missing", ErrInvalidRequest)
	case r.Date.IsZero():
		return fmt.Errorf("%w: %s: the letter date is missing", ErrInvalidRequest, r.Ref)
	case r.Residence == "" || r.Entity == "":
		return fmt.Errorf("%w: %s: the residence or the entity is missing", ErrInvalidRequest, r.Ref)
	}
	for _, list := range [][]string{r.Purposes, r.Channel, r.Files, r.Sender.Address} {
		for _, s := range list {
			if s == "" || strings.ContainsAny(s, "\n\r") {
				return fmt.Errorf("%w: %s: a list item is empty or holds a line break", ErrInvalidRequest, r.Ref)
			}
		}
	}
	for i := range r.Letters {
		if err := r.Letters[i].check(r.Ref); err != nil {
			return err
		}
	}
	return nil
}

// Record stores requests in one transaction and returns how many were
// new. A request whose reference the ledger holds already is left as it
// is, so recording the same letters again (a resumed batch) is harmless;
// its Letters (reminders and complaints) are added to it all the same, and
// its Files if it was recorded without (from a follow-up, before the
// first letter).
// Its error wraps [ErrInvalidRequest] for a request without a reference,
// date, residence or entity, or [ErrLocked] or [ErrCorrupt].
func (l *Ledger) Record(ctx context.Context, rs ...Request) (int, error) {
	for i := range rs {
		if err := rs[i].check(); err != nil {
			return 0, err
		}
	}
	added := 0
	err := l.tx(ctx, "recording in", func(tx *sql.Tx) error {
		added = 0
		// Many rows per statement: the driver parses a statement on
		// every execution, which would cost more than a row.
		for len(rs) > 0 {
			chunk := rs[:min(len(rs), recordChunk)]
			rs = rs[len(chunk):]
			reqArgs := make([]any, 0, len(chunk)*20)
			letterArgs := make([]any, 0, len(chunk)*5)
			for _, r := range chunk {
				date := fmtDate(day(r.Date))
				reqArgs = append(reqArgs, r.Ref, r.Company, r.Entity, r.Residence, r.Regime, r.Law, r.Kind,
					joinList(r.Purposes), joinList(r.Channel), r.Lang, date, fmtDate(r.Due), fmtDate(r.ExtensionLimit), r.Agent,
					r.Sender.Name, r.Sender.Email, joinList(r.Sender.Address), r.Sender.Account, string(StatusOpen), date)
				letterArgs = append(letterArgs, r.Ref, r.Kind, r.Ref, date, joinList(r.Files))
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO requests (ref, company, entity, residence, regime, law, kind,
				purposes, channel, lang, letter_date, due, extension_limit, agent,
				sender_name, sender_email, sender_address, sender_account, status, status_on)
				VALUES `+placeholders(len(chunk), 20)+` ON CONFLICT (ref) DO NOTHING`, reqArgs...)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
			// The first letter of a request recorded before is there
			// already (same reference, kind and date); it gets the files
			// if it was recorded without (from a follow-up).
			if _, err := tx.ExecContext(ctx, `INSERT INTO letters (ref, kind, letter_ref, letter_date, files)
				VALUES `+placeholders(len(chunk), 5)+` ON CONFLICT (ref, kind, letter_date) DO UPDATE SET files = excluded.files WHERE letters.files = ''`, letterArgs...); err != nil {
				return err
			}
			for _, r := range chunk {
				for _, lt := range r.Letters {
					if err := addLetter(ctx, tx, r.Ref, lt); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// recordChunk is how many requests one INSERT statement holds: enough
// to spread the cost of parsing it, few enough for the driver's binding,
// which grows with the square of the parameters.
const recordChunk = 25

// placeholders returns rows groups of cols question marks: "(?, ?), (?, ?)".
func placeholders(rows, cols int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
}

// AddLetter records a reminder or a complaint written for the request
// ref. Recording the same kind on the same date again adds nothing. Its
// error wraps [ErrNotFound] for an unknown reference.
func (l *Ledger) AddLetter(ctx context.Context, ref string, lt Letter) error {
	if err := lt.check(ref); err != nil {
		return err
	}
	return l.tx(ctx, "recording in", func(tx *sql.Tx) error {
		if err := exists(ctx, tx, ref); err != nil {
			return err
		}
		return addLetter(ctx, tx, ref, lt)
	})
}

func (lt *Letter) check(ref string) error {
	if lt.Kind == "" || lt.Date.IsZero() {
		return fmt.Errorf("%w: %s: a letter needs its kind and date", ErrInvalidRequest, ref)
	}
	for _, f := range lt.Files {
		if f == "" || strings.ContainsAny(f, "\n\r") {
			return fmt.Errorf("%w: %s: a file name is empty or holds a line break", ErrInvalidRequest, ref)
		}
	}
	return nil
}

func addLetter(ctx context.Context, tx *sql.Tx, ref string, lt Letter) error {
	date := fmtDate(day(lt.Date))
	if lt.Ref == "" {
		lt.Ref = ref
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO letters (ref, kind, letter_ref, letter_date, files) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (ref, kind, letter_date) DO UPDATE SET files = excluded.files WHERE letters.files = ''`, ref, lt.Kind, lt.Ref, date, joinList(lt.Files)); err != nil {
		return err
	}
	var col string
	switch lt.Kind {
	case "reminder":
		col = "reminded"
	case "complaint":
		col = "complained"
	default:
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE requests SET `+col+` = max(`+col+`, ?) WHERE ref = ?`, date, ref)
	return err
}

func exists(ctx context.Context, tx *sql.Tx, ref string) error {
	var one int
	err := tx.QueryRowContext(ctx, "SELECT 1 FROM requests WHERE ref = ?", ref).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", ref, ErrNotFound)
	}
	return err
}

// Mark is a status change for [Ledger.Mark].
type Mark struct {
	Ref    string
	Status Status
	On     time.Time // the day it happened; zero means today (UTC)
	Note   string    // what the company said; a denial needs its reason here
	// ExtendedTo, if set, is the day the company extended the period to.
	// It must be after the due date and, where the law's limit is known,
	// no later than it.
	ExtendedTo time.Time
}

// Mark records status changes, all in one transaction: if one is invalid
// or names an unknown reference, none is recorded. The error wraps
// [ErrNotFound], [ErrInvalidStatus] or [ErrInvalidDate] and names the
// reference.
func (l *Ledger) Mark(ctx context.Context, ms ...Mark) error {
	today := day(time.Now().UTC())
	return l.tx(ctx, "marking in", func(tx *sql.Tx) error {
		for _, m := range ms {
			if m.On.IsZero() {
				m.On = today
			}
			if err := markOne(ctx, tx, m); err != nil {
				return err
			}
		}
		return nil
	})
}

func markOne(ctx context.Context, tx *sql.Tx, m Mark) error {
	if _, err := ParseStatus(string(m.Status)); err != nil || m.Status == "" {
		return fmt.Errorf("%s: %w: %q", m.Ref, ErrInvalidStatus, m.Status)
	}
	if m.Status == StatusDenied && strings.TrimSpace(m.Note) == "" {
		return fmt.Errorf("%s: %w: a denial needs its reason as the note", m.Ref, ErrInvalidStatus)
	}
	var date, due, limit, answered string
	err := tx.QueryRowContext(ctx, "SELECT letter_date, due, extension_limit, answered_on FROM requests WHERE ref = ?", m.Ref).Scan(&date, &due, &limit, &answered)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", m.Ref, ErrNotFound)
	}
	if err != nil {
		return err
	}
	on := fmtDate(day(m.On))
	if on < date {
		return fmt.Errorf("%s: %w: %s is before the letter date %s", m.Ref, ErrInvalidDate, on, date)
	}
	ext := fmtDate(m.ExtendedTo)
	if ext != "" {
		switch {
		case due == "":
			return fmt.Errorf("%s: %w: the request has no due date to extend", m.Ref, ErrInvalidDate)
		case ext <= due:
			return fmt.Errorf("%s: %w: the extension to %s is not after the due date %s", m.Ref, ErrInvalidDate, ext, due)
		case limit != "" && ext > limit:
			return fmt.Errorf("%s: %w: the law lets the company extend the period to %s at most, not %s", m.Ref, ErrInvalidDate, limit, ext)
		case limit == "":
			return fmt.Errorf("%s: %w: the law allows no extension of this request's period (due %s)", m.Ref, ErrInvalidDate, due)
		}
	}
	if m.Status.Answered() && (answered == "" || on < answered) {
		answered = on
	}
	if _, err := tx.ExecContext(ctx, `UPDATE requests SET status = ?, status_on = ?, note = ?, answered_on = ?,
		extended_to = CASE WHEN ? = '' THEN extended_to ELSE ? END WHERE ref = ?`,
		string(m.Status), on, m.Note, answered, ext, ext, m.Ref); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO events (ref, on_date, status, note, extended_to) VALUES (?, ?, ?, ?, ?)",
		m.Ref, on, string(m.Status), m.Note, ext)
	return err
}

// Forget deletes the request ref with its letters' list and its history,
// and overwrites the deleted data in the file. The letters' files are
// not touched. Its error wraps [ErrNotFound] for an unknown reference.
func (l *Ledger) Forget(ctx context.Context, ref string) error {
	if _, err := l.db.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return l.wrap("forgetting in", err)
	}
	err := l.tx(ctx, "forgetting in", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM requests WHERE ref = ?", ref)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s: %w", ref, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Move the change out of the write-ahead log, so no copy of the
	// deleted rows stays behind in it.
	if _, err := l.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return l.wrap("forgetting in", err)
	}
	return nil
}

const requestColumns = `ref, company, entity, residence, regime, law, kind, purposes, channel, lang,
	letter_date, due, extension_limit, agent, sender_name, sender_email, sender_address, sender_account,
	status, status_on, note, extended_to, answered_on, reminded, complained,
	(SELECT files FROM letters WHERE letters.ref = requests.ref AND letters.letter_ref = requests.ref AND letters.letter_date = requests.letter_date AND letters.kind = requests.kind)`

type scanner interface{ Scan(...any) error }

func scanRequest(s scanner) (Request, error) {
	var r Request
	var purposes, channel, date, due, limit, addr, status, statusOn, ext, answered, reminded, complained string
	var files sql.NullString
	err := s.Scan(&r.Ref, &r.Company, &r.Entity, &r.Residence, &r.Regime, &r.Law, &r.Kind, &purposes, &channel, &r.Lang,
		&date, &due, &limit, &r.Agent, &r.Sender.Name, &r.Sender.Email, &addr, &r.Sender.Account,
		&status, &statusOn, &r.Note, &ext, &answered, &reminded, &complained, &files)
	if err != nil {
		return r, err
	}
	r.Purposes, r.Channel, r.Sender.Address, r.Files = splitList(purposes), splitList(channel), splitList(addr), splitList(files.String)
	r.Status = Status(status)
	for _, d := range []struct {
		s string
		t *time.Time
	}{{date, &r.Date}, {due, &r.Due}, {limit, &r.ExtensionLimit}, {statusOn, &r.StatusOn}, {ext, &r.ExtendedTo}, {answered, &r.AnsweredOn}, {reminded, &r.Reminded}, {complained, &r.Complained}} {
		if *d.t, err = parseDate(d.s); err != nil {
			return r, fmt.Errorf("%s: %w", r.Ref, err)
		}
	}
	return r, nil
}

// Get returns the request ref with its letters and status history. Its
// error wraps [ErrNotFound] for an unknown reference.
func (l *Ledger) Get(ctx context.Context, ref string) (*Request, error) {
	r, err := scanRequest(l.db.QueryRowContext(ctx, "SELECT "+requestColumns+" FROM requests WHERE ref = ?", ref))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%s: %w", ref, ErrNotFound)
	}
	if err != nil {
		return nil, l.wrap("reading", err)
	}
	rows, err := l.db.QueryContext(ctx, "SELECT kind, letter_ref, letter_date, files FROM letters WHERE ref = ? ORDER BY letter_date, kind = 'complaint', kind = 'reminder'", ref)
	if err != nil {
		return nil, l.wrap("reading", err)
	}
	for rows.Next() {
		var lt Letter
		var date, files string
		if err := rows.Scan(&lt.Kind, &lt.Ref, &date, &files); err != nil {
			rows.Close()
			return nil, l.wrap("reading", err)
		}
		lt.Date, _ = parseDate(date)
		lt.Files = splitList(files)
		r.Letters = append(r.Letters, lt)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, l.wrap("reading", err)
	}
	rows, err = l.db.QueryContext(ctx, "SELECT on_date, status, note, extended_to FROM events WHERE ref = ? ORDER BY on_date, id", ref)
	if err != nil {
		return nil, l.wrap("reading", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev Event
		var on, st, ext string
		if err := rows.Scan(&on, &st, &ev.Note, &ext); err != nil {
			return nil, l.wrap("reading", err)
		}
		ev.Status = Status(st)
		ev.On, _ = parseDate(on)
		ev.ExtendedTo, _ = parseDate(ext)
		r.Events = append(r.Events, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, l.wrap("reading", err)
	}
	return &r, nil
}

// Filter selects requests for [Ledger.List]. The zero Filter selects all.
type Filter struct {
	// AsOf is the day Overdue and DueWithin count from; zero means today
	// (UTC).
	AsOf time.Time
	// Overdue keeps the requests that are overdue on AsOf.
	Overdue bool
	// DueWithin, if positive, keeps the pending requests due on AsOf or
	// within that many days after it.
	DueWithin int
	// Company keeps the requests to this company id (or, for a company
	// described by hand, this entity name), in any case.
	Company string
	// Statuses, if not empty, keeps the requests with one of them.
	Statuses []Status
}

// List returns the requests f selects, by letter date and reference.
// Letters and Events are not filled (see [Ledger.Get]).
func (l *Ledger) List(ctx context.Context, f Filter) ([]Request, error) {
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = time.Now().UTC()
	}
	asOf = day(asOf)
	var where []string
	var args []any
	if f.Company != "" {
		where = append(where, "(lower(company) = lower(?) OR (company = '' AND lower(entity) = lower(?)))")
		args = append(args, f.Company, f.Company)
	}
	if len(f.Statuses) > 0 {
		where = append(where, "status IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Statuses)), ",")+")")
		for _, s := range f.Statuses {
			args = append(args, string(s))
		}
	}
	const dueBy = "(CASE WHEN extended_to != '' THEN extended_to ELSE due END)"
	const pending = "status IN ('open', 'acknowledged', 'in-progress', 'needs-verification')"
	if f.Overdue {
		where = append(where, pending, dueBy+" != ''", dueBy+" < ?")
		args = append(args, fmtDate(asOf))
	}
	if f.DueWithin > 0 {
		where = append(where, pending, dueBy+" >= ?", dueBy+" <= ?")
		args = append(args, fmtDate(asOf), fmtDate(asOf.AddDate(0, 0, f.DueWithin)))
	}
	q := "SELECT " + requestColumns + " FROM requests"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY letter_date, ref"
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, l.wrap("reading", err)
	}
	defer rows.Close()
	var out []Request
	for rows.Next() {
		r, err := scanRequest(rows)
		if err != nil {
			return nil, l.wrap("reading", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, l.wrap("reading", err)
	}
	return out, nil
}

// CompanyStats sums up the requests to one company.
type CompanyStats struct {
	Company string // the company id, or the entity's name for a company described by hand
	Sent    int    // requests recorded
	// Answered counts the requests the company answered in any way
	// (acknowledged, in progress, asked for verification, fulfilled,
	// denied); OnTime those whose first answer came by the due date (or
	// the date it was extended to).
	Answered, OnTime int
	// MedianDays is the median number of days from the letter to the
	// first answer, over the answered requests; -1 when none was answered.
	MedianDays float64
	Fulfilled  int // fulfilled requests
	Denied     int // denied requests
	Pending    int // requests still waiting for the company
	Overdue    int // pending requests past their due date on the day asked
	Escalated  int // requests followed by a reminder or a complaint
	Complaints int // requests followed by a complaint
}

// Stats sums up the requests per company, by company; overdue counts as
// of asOf (zero: today). The last entry, with Company "", is the total.
func (l *Ledger) Stats(ctx context.Context, asOf time.Time) ([]CompanyStats, error) {
	if asOf.IsZero() {
		asOf = time.Now().UTC()
	}
	rs, err := l.List(ctx, Filter{AsOf: asOf})
	if err != nil {
		return nil, err
	}
	by := map[string]*CompanyStats{}
	days := map[string][]int{}
	total := &CompanyStats{}
	for i := range rs {
		r := &rs[i]
		key := r.Company
		if key == "" {
			key = r.Entity
		}
		s := by[key]
		if s == nil {
			s = &CompanyStats{Company: key}
			by[key] = s
		}
		for _, s := range []*CompanyStats{s, total} {
			s.Sent++
			if !r.AnsweredOn.IsZero() {
				s.Answered++
				if due := r.DueBy(); due.IsZero() || !r.AnsweredOn.After(due) {
					s.OnTime++
				}
			}
			switch {
			case r.Status == StatusFulfilled:
				s.Fulfilled++
			case r.Status == StatusDenied:
				s.Denied++
			case r.Status.Pending():
				s.Pending++
			}
			if r.Overdue(asOf) {
				s.Overdue++
			}
			if !r.Reminded.IsZero() || !r.Complained.IsZero() {
				s.Escalated++
			}
			if !r.Complained.IsZero() {
				s.Complaints++
			}
		}
		if !r.AnsweredOn.IsZero() {
			d := int(r.AnsweredOn.Sub(r.Date).Hours() / 24)
			days[key] = append(days[key], d)
			days[""] = append(days[""], d)
		}
	}
	out := make([]CompanyStats, 0, len(by)+1)
	for _, s := range by {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Company < out[j].Company })
	out = append(out, *total)
	for i := range out {
		out[i].MedianDays = median(days[out[i].Company])
	}
	return out, nil
}

// median returns the median of ds, or -1 for none.
func median(ds []int) float64 {
	if len(ds) == 0 {
		return -1
	}
	sort.Ints(ds)
	n := len(ds)
	if n%2 == 1 {
		return float64(ds[n/2])
	}
	return float64(ds[n/2-1]+ds[n/2]) / 2
}
