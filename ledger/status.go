package ledger

import (
	"fmt"
	"strings"
)

// Status is where a request stands. The values follow the Data Rights
// Protocol's request states (v0.9, section 3.02), spelled with hyphens and
// with two of its states split for letters that get answered by post or
// email: [StatusAcknowledged] and [StatusInProgress] are both DRP's in_progress, and
// [StatusNeedsVerification] is in_progress with the reason
// need_user_verification. [StatusWithdrawn] is DRP's revoked.
type Status string

// The statuses a request can be marked with.
const (
	StatusOpen              Status = "open"               // sent, no answer yet
	StatusAcknowledged      Status = "acknowledged"       // the company confirmed receipt
	StatusInProgress        Status = "in-progress"        // the company is dealing with it
	StatusNeedsVerification Status = "needs-verification" // the company asks the person to prove who they are
	StatusFulfilled         Status = "fulfilled"          // the company did what was asked
	StatusDenied            Status = "denied"             // the company refused; the note says why
	StatusWithdrawn         Status = "withdrawn"          // the person withdrew the request
	StatusExpired           Status = "expired"            // the person gave up following it up
)

// StatusOverdue is not stored: a request is overdue when it is still pending
// (see [Status.Pending]) after its due date, or after the date the
// company extended it to. [Request.Overdue] computes it.
const StatusOverdue Status = "overdue"

// Statuses lists the statuses a request can be marked with, in the order
// a request usually moves through them.
var Statuses = []Status{StatusOpen, StatusAcknowledged, StatusInProgress, StatusNeedsVerification, StatusFulfilled, StatusDenied, StatusWithdrawn, StatusExpired}

// drpNames maps the Data Rights Protocol's spellings to ours.
var drpNames = map[string]Status{
	"in_progress":            StatusInProgress,
	"need_user_verification": StatusNeedsVerification,
	"needs_verification":     StatusNeedsVerification,
	"revoked":                StatusWithdrawn,
}

// ParseStatus parses a status name, in any case, with hyphens or
// underscores; the Data Rights Protocol's names (in_progress, revoked,
// need_user_verification) are accepted too. "overdue" is refused: it
// follows from the dates. The error lists the valid names.
func ParseStatus(s string) (Status, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if st, ok := drpNames[k]; ok {
		return st, nil
	}
	k = strings.ReplaceAll(k, "_", "-")
	for _, st := range Statuses {
		if string(st) == k {
			return st, nil
		}
	}
	if k == string(StatusOverdue) {
		return "", fmt.Errorf("%w: overdue follows from the due date and cannot be set; mark what the company did instead", ErrInvalidStatus)
	}
	names := make([]string, len(Statuses))
	for i, st := range Statuses {
		names[i] = string(st)
	}
	return "", fmt.Errorf("%w: %q is not one of %s", ErrInvalidStatus, s, strings.Join(names, ", "))
}

// Pending reports whether the request still waits for the company: open,
// acknowledged, in progress or needing verification. Only a pending
// request can be overdue.
func (s Status) Pending() bool {
	switch s {
	case StatusOpen, StatusAcknowledged, StatusInProgress, StatusNeedsVerification:
		return true
	}
	return false
}

// Answered reports whether the status is an answer from the company:
// anything but open, withdrawn and expired.
func (s Status) Answered() bool {
	switch s {
	case StatusAcknowledged, StatusInProgress, StatusNeedsVerification, StatusFulfilled, StatusDenied:
		return true
	}
	return false
}

// DRP returns the status and reason the Data Rights Protocol would give
// it: ("in_progress", "need_user_verification") for [StatusNeedsVerification],
// ("revoked", "") for [StatusWithdrawn].
func (s Status) DRP() (status, reason string) {
	switch s {
	case StatusAcknowledged, StatusInProgress:
		return "in_progress", ""
	case StatusNeedsVerification:
		return "in_progress", "need_user_verification"
	case StatusWithdrawn:
		return "revoked", ""
	}
	return string(s), ""
}
