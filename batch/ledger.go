package batch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

// LedgerRequest returns what the ledger keeps about a first letter l,
// generated from req and written to files in the formats given: the
// reference, company, entity, law, dates and the person's contact fields
// a follow-up prints; not the reason or the letter's text.
func LedgerRequest(l *objector.Letter, req objector.Request, formats []objector.Format, files []string) ledger.Request {
	a := l.Assessment
	r := ledger.Request{
		Ref:       l.Reference,
		Company:   l.Controller,
		Entity:    l.Recipient.Name,
		Residence: a.Residence,
		Regime:    string(a.Regime),
		Law:       a.Law,
		Kind:      l.Kind,
		Purposes:  nonEmpty(req.Purposes),
		Lang:      l.Lang,
		Date:      l.Date,
		Due:       l.Due,
		Files:     files,
		Sender: ledger.Sender{
			Name:    strings.TrimSpace(req.Name),
			Email:   strings.TrimSpace(req.Email),
			Address: nonEmpty(req.Address),
			Account: strings.TrimSpace(req.Account),
		},
	}
	for _, f := range formats {
		r.Channel = append(r.Channel, string(f))
	}
	if req.Agent != nil {
		r.Agent = strings.TrimSpace(req.Agent.Name)
	}
	// The assessment holds for the letter date, from which the law
	// counts the period.
	if d := a.Deadline; d != nil && !l.Due.IsZero() {
		if ext := d.Extended(a.AsOf); ext.Time.After(l.Due) {
			r.ExtensionLimit = ext.Time
		}
	}
	return r
}

// LedgerFollowup returns what the ledger keeps about a reminder or
// complaint l, generated from req and written to files: the original
// request, regenerated with g from req dated req.Sent (the ledger keeps
// the one it has, if it has it), with l among its Letters.
func LedgerFollowup(ctx context.Context, g *objector.Generator, l *objector.Letter, req objector.Request, files []string) (ledger.Request, error) {
	if l.FollowsUp == nil {
		return ledger.Request{}, errors.New("the letter follows up no request")
	}
	orig := req
	orig.Kind, orig.Sent, orig.Authority, orig.Force, orig.AsOf, orig.Reply = "", time.Time{}, "", false, l.FollowsUp.Date, nil
	ol, err := g.Generate(ctx, orig)
	if err != nil {
		return ledger.Request{}, fmt.Errorf("the original letter of %s: %w", l.FollowsUp.Date, err)
	}
	r := LedgerRequest(ol, orig, nil, nil)
	r.Letters = []ledger.Letter{{Kind: l.Kind, Ref: l.Reference, Date: l.Date, Files: files}}
	return r, nil
}

func nonEmpty(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// recorder records letters in the ledger from its own goroutine, after
// their files are written, in groups of one transaction each, so the
// ledger costs a batch little and trails the files by a fraction of a
// second at most. A letter whose files exist but whose record a kill
// lost is recorded when the batch is resumed.
type recorder struct {
	l    *ledger.Ledger
	in   chan ledger.Request
	done chan struct{}
	mu   sync.Mutex
	err  error
	n    int
}

func newRecorder(ctx context.Context, l *ledger.Ledger, window int) *recorder {
	r := &recorder{l: l, in: make(chan ledger.Request, max(window, recordGroup)), done: make(chan struct{})}
	go r.run(ctx)
	return r
}

func (r *recorder) run(ctx context.Context) {
	defer close(r.done)
	buf := make([]ledger.Request, 0, recordGroup)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for first := range r.in {
		buf = append(buf[:0], first)
		// Gather what comes within recordWait into the same transaction:
		// one transaction per letter would cost more than the letter.
		timer.Reset(recordWait)
	gather:
		for len(buf) < cap(buf) {
			select {
			case x, ok := <-r.in:
				if !ok {
					break gather
				}
				buf = append(buf, x)
			case <-timer.C:
				break gather
			}
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		if r.failed() {
			continue
		}
		// The batch's context may be cancelled already: what was written
		// is still recorded.
		n, err := r.l.Record(context.WithoutCancel(ctx), buf...)
		r.mu.Lock()
		r.n += n
		if err != nil && r.err == nil {
			r.err = fmt.Errorf("recording in the ledger: %w", err)
		}
		r.mu.Unlock()
	}
}

// A recorder commits up to recordGroup letters at once, or what came
// within recordWait of the first.
const (
	recordGroup = 1000
	recordWait  = 100 * time.Millisecond
)

func (r *recorder) failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err != nil
}

// add queues a record; it returns the recorder's first error, after which
// the batch stops.
func (r *recorder) add(x ledger.Request) error {
	r.mu.Lock()
	err := r.err
	r.mu.Unlock()
	if err != nil {
		return err
	}
	r.in <- x
	return nil
}

// close waits for the queued records and returns how many were new and
// the first error.
func (r *recorder) close() (int, error) {
	close(r.in)
	<-r.done
	return r.n, r.err
}
