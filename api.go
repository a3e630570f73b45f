package objector

import (
	"io/fs"
	"time"

	"github.com/objector/objector/controllers"
	"github.com/objector/objector/email"
	"github.com/objector/objector/jurisdiction"
	"github.com/objector/objector/locales"
	"github.com/objector/objector/pdf"
	"github.com/objector/objector/webform"
)

// The types of the packages behind the facade that callers meet in
// results and errors, so that a program can use objector through this
// package alone.
type (
	// Date is a calendar date (see jurisdiction.Date).
	Date = jurisdiction.Date
	// Assessment is what the law says for one residence on one date.
	Assessment = jurisdiction.Assessment
	// Deadline is the time a law gives a company to answer.
	Deadline = jurisdiction.Deadline
	// Region groups places a company's privacy notice treats alike.
	Region = jurisdiction.Region
	// ControllerRecord is one company in the directory.
	ControllerRecord = controllers.Record
	// Entity is the legal entity responsible for a person's data.
	Entity = controllers.Entity
	// Directory is a set of controller records.
	Directory = controllers.Directory
	// UnknownResidenceError reports an unknown residence code with
	// suggestions.
	UnknownResidenceError = jurisdiction.UnknownResidenceError
	// UnknownControllerError reports an unknown company id with
	// suggestions.
	UnknownControllerError = controllers.UnknownControllerError
	// UnsupportedLanguageError reports a language without messages, with
	// the available ones.
	UnsupportedLanguageError = locales.UnsupportedLanguageError
)

// Errors from the packages behind the facade, to match with errors.Is.
var (
	ErrUnknownResidence    = jurisdiction.ErrUnknownResidence
	ErrUnknownController   = controllers.ErrUnknownController
	ErrNoEntity            = controllers.ErrNoEntity
	ErrUnsupportedLanguage = locales.ErrUnsupportedLanguage
)

// Purposes lists the uses of data a letter can object to, in the order
// letters name them.
var Purposes = controllers.Purposes

// ParseDate parses a date written as 2006-01-02.
func ParseDate(s string) (Date, error) { return jurisdiction.ParseDate(s) }

// Day returns t's calendar date, dropping its clock time and zone.
func Day(t time.Time) Date { return jurisdiction.Day(t) }

// Today returns today's date in UTC.
func Today() Date { return jurisdiction.Day(time.Now().UTC()) }

// LoadControllers reads controller records (*.toml, each named after its
// id) from fsys and validates them.
func LoadControllers(fsys fs.FS) (*Directory, error) { return controllers.Load(fsys) }

// WithControllers returns a generator like g whose directory also holds
// the records of extra; a record with the same id replaces g's. g does not
// change.
func (g *Generator) WithControllers(extra *Directory) *Generator {
	c := *g
	c.dir = g.dir.Merge(extra)
	return &c
}

// Errors of the renderers, to match with errors.Is; each is bad input the
// person can fix.
var (
	// ErrAddressTooLong is wrapped by the error [Generator.Render] returns
	// for a PDF whose recipient address does not fit the envelope window.
	ErrAddressTooLong = pdf.ErrAddressTooLong
	// ErrMissingGlyph is wrapped by the error [Generator.Render] returns
	// for a PDF with a character the embedded font lacks.
	ErrMissingGlyph = pdf.ErrMissingGlyph
	// ErrSignatureImage is wrapped by the error [Generator.Render] returns
	// for a [RenderOptions].Signature that is not a usable PNG or JPEG.
	ErrSignatureImage = pdf.ErrSignatureImage
	// ErrNoPostalAddress is wrapped by the error [Generator.Render]
	// returns for a PDF to a company whose postal address is not known
	// (only its email): the email formats need no address.
	ErrNoPostalAddress = pdf.ErrNoAddress
	// ErrEmailInvalid is wrapped by every [*EmailFieldError].
	ErrEmailInvalid = email.ErrInvalid
	// ErrNoForm is returned by [Generator.Render] in the formats
	// [FormatForm] and [FormatFormJSON] for a letter without a web-form
	// route (a reminder or a complaint).
	ErrNoForm = webform.ErrNoForm
)

// EmailFieldError reports a letter field that cannot go into an email
// draft safely (formats [FormatEML] and [FormatMailto]), such as a name
// with a line break in it.
type EmailFieldError = email.FieldError

// CheckGlyphs returns an error wrapping [ErrMissingGlyph] naming the first
// character of s that the PDF font lacks, or nil if a PDF can print s.
func (g *Generator) CheckGlyphs(s string) error { return g.pdf.CheckText(s) }
