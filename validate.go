package objector

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/internal/guard"
)

// Length limits of a Request's fields, in characters: generous for any
// real name or address, small enough that no field can stall a renderer.
const (
	maxLine    = 200    // a name, an email address, an address line, an id
	maxLines   = 12     // address lines
	maxReason  = 10_000 // the person's own grounds
	maxAccount = 500    // a profile URL
)

// field is one text of a request to check.
type field struct {
	name      string
	value     string
	personal  bool
	multiline bool
	max       int
}

// clean returns a copy of req with its text trimmed, or the first
// [*FieldError]. It never writes into req's slices: callers such as batch
// share an Agent or an Address between requests.
func clean(req Request) (Request, error) {
	req.Name = strings.TrimSpace(req.Name)
	req.Email = strings.TrimSpace(req.Email)
	req.Residence = strings.TrimSpace(req.Residence)
	req.Controller = strings.TrimSpace(req.Controller)
	req.Account = strings.TrimSpace(req.Account)
	req.Lang = strings.TrimSpace(req.Lang)
	req.Address = lines(req.Address)
	req.Purposes = append([]string(nil), req.Purposes...)
	fields := []field{
		{"name", req.Name, true, false, maxLine},
		{"email", req.Email, true, false, maxLine},
		{"residence", req.Residence, false, false, maxLine},
		{"controller", req.Controller, false, false, maxLine},
		{"account", req.Account, true, false, maxAccount},
		{"reason", req.Reason, true, true, maxReason},
		{"lang", req.Lang, false, false, maxLine},
		{"kind", req.Kind, false, false, maxLine},
		{"authority", req.Authority, false, false, maxLine},
	}
	fields = appendLines(fields, "address", req.Address, true)
	if req.Agent != nil {
		ag := &Agent{Name: strings.TrimSpace(req.Agent.Name), Email: strings.TrimSpace(req.Agent.Email), Address: lines(req.Agent.Address)}
		req.Agent = ag
		fields = append(fields, field{"agent.name", ag.Name, true, false, maxLine}, field{"agent.email", ag.Email, true, false, maxLine})
		fields = appendLines(fields, "agent.address", ag.Address, true)
	}
	if req.Company != nil {
		c := &Company{Name: strings.TrimSpace(req.Company.Name), Email: strings.TrimSpace(req.Company.Email), Address: lines(req.Company.Address)}
		req.Company = c
		fields = append(fields, field{"company.name", c.Name, false, false, maxLine}, field{"company.email", c.Email, false, false, maxLine})
		fields = appendLines(fields, "company.address", c.Address, false)
	}
	for _, f := range fields {
		err := guard.Text(f.value, f.multiline)
		if err == nil {
			err = guard.MaxLen(f.value, f.max)
		}
		if err != nil {
			return req, &FieldError{Field: f.name, Value: f.value, Personal: f.personal, Err: err}
		}
	}
	for _, a := range []struct {
		field string
		lines []string
	}{{"address", req.Address}, {"agent.address", agentAddress(req.Agent)}, {"company.address", companyAddress(req.Company)}} {
		if len(a.lines) > maxLines {
			return req, &FieldError{Field: a.field, Err: fmt.Errorf("has %d lines; the limit is %d", len(a.lines), maxLines)}
		}
	}
	for _, p := range req.Purposes {
		if !slices.Contains(controllers.Purposes, p) {
			return req, &FieldError{Field: "purposes", Value: p, Err: errors.New("is not a use of data objector can object to"), Suggestions: Purposes()}
		}
	}
	missing := func(name, hint string) error {
		return &FieldError{Field: name, Err: fmt.Errorf("%w; %s", ErrMissing, hint)}
	}
	switch {
	case req.Name == "":
		return req, missing("name", "give the name of the person the letter is for")
	case req.Email == "":
		return req, missing("email", "give the email address of the person's account")
	case req.Residence == "":
		return req, missing("residence", "give a country or state code such as DE or US-CA")
	case req.Controller == "" && req.Company == nil:
		return req, missing("controller", "give a company id such as linkedin, or describe the company")
	case req.Controller != "" && req.Company != nil:
		return req, &FieldError{Field: "controller", Value: req.Controller, Err: errors.New("give either a directory id or a company description, not both")}
	}
	if err := guard.Email(req.Email); err != nil {
		return req, &FieldError{Field: "email", Value: req.Email, Personal: true, Err: err}
	}
	if ag := req.Agent; ag != nil {
		if ag.Name == "" {
			return req, missing("agent.name", "give the name of the person or organisation sending on the person's behalf")
		}
		if ag.Email != "" {
			if err := guard.Email(ag.Email); err != nil {
				return req, &FieldError{Field: "agent.email", Value: ag.Email, Personal: true, Err: err}
			}
		}
	}
	if c := req.Company; c != nil {
		if c.Name == "" {
			return req, missing("company.name", "give the company's legal name")
		}
		if len(c.Address) == 0 && c.Email == "" {
			return req, missing("company.address", "give the company's postal address or privacy email address")
		}
		if c.Email != "" {
			if err := guard.Email(c.Email); err != nil {
				return req, &FieldError{Field: "company.email", Value: c.Email, Err: err}
			}
		}
	}
	return req, nil
}

// lines returns a new slice of the non-empty trimmed lines of ls.
func lines(ls []string) []string {
	var out []string
	for _, l := range ls {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func appendLines(fields []field, name string, ls []string, personal bool) []field {
	for _, l := range ls {
		fields = append(fields, field{name, l, personal, false, maxLine})
	}
	return fields
}

func agentAddress(a *Agent) []string {
	if a == nil {
		return nil
	}
	return a.Address
}

func companyAddress(c *Company) []string {
	if c == nil {
		return nil
	}
	return c.Address
}
