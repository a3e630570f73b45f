package jurisdiction

import (
	"errors"
	"fmt"
)

// Complaint is what a law says about complaining to the authority when a
// company does not answer: the provision that gives the right, whether the
// authority decides individual complaints at all, and whether the person
// must complain to the company first.
type Complaint struct {
	// Citation is the provision that gives the right to lodge a complaint
	// with the authority, such as Art. 77(1) GDPR. Its text is empty where
	// the law names none that a letter should cite.
	Citation Citation `toml:"citation"`
	// ReportOnly is true where the authority investigates on a report but
	// does not decide individual complaints (the Swiss FDPIC): a letter to
	// it can only report the facts and ask it to consider acting.
	ReportOnly bool `toml:"report_only"`
	// ControllerFirst is the provision that requires a complaint to the
	// controller before one to the authority (s. 164A Data Protection Act
	// 2018), in force from ControllerFirstFrom. [Rules.Resolve] leaves it
	// nil on dates before that.
	ControllerFirst       *Citation `toml:"controller_first"`
	ControllerFirstFrom   Date      `toml:"controller_first_from"`
	ControllerFirstSource string    `toml:"controller_first_source"`
	Source                string    `toml:"source"`
}

func (c *Complaint) validate() error {
	if err := CheckSourceURL(c.Source); err != nil {
		return fmt.Errorf("complaint: %w", err)
	}
	if c.ControllerFirst != nil {
		if c.ControllerFirst.Text == "" {
			return errors.New("complaint: controller_first needs a citation text")
		}
		if c.ControllerFirstFrom.IsZero() {
			return errors.New("complaint: controller_first needs controller_first_from")
		}
		if err := CheckSourceURL(c.ControllerFirstSource); err != nil {
			return fmt.Errorf("complaint: controller_first: %w", err)
		}
	} else if !c.ControllerFirstFrom.IsZero() || c.ControllerFirstSource != "" {
		return errors.New("complaint: controller_first_from or controller_first_source without controller_first")
	}
	return nil
}

// on returns the complaint rules in force on day d.
func (c *Complaint) on(d Date) *Complaint {
	if c == nil {
		return nil
	}
	out := *c
	if out.ControllerFirst != nil && d.Before(out.ControllerFirstFrom) {
		out.ControllerFirst, out.ControllerFirstFrom, out.ControllerFirstSource = nil, Date{}, ""
	}
	return &out
}
