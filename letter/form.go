package letter

// Form is the web-form route for a letter: the steps to take in order
// (switch off an in-product setting, open the form, fill in each field,
// send it) and the values for the form's fields. Where the company has no
// form objector knows of, Name and URL are empty, Fields is empty and the
// steps say so and point to the email or postal route.
type Form struct {
	Company string        `json:"company"`        // the company's name, such as "LinkedIn"
	Name    string        `json:"name,omitempty"` // the form's name as the company shows it
	URL     string        `json:"url,omitempty"`
	Steps   []Step        `json:"steps"`
	Fields  []FilledField `json:"fields"`
}

// The kinds of a [Step].
const (
	StepSetting = "setting" // switch off an in-product setting first
	StepOpen    = "open"    // open the form
	StepField   = "field"   // fill in one field (Step.Field names it)
	StepSubmit  = "submit"  // send the form and keep a copy
	StepNone    = "none"    // the company has no known form
	StepRoute   = "route"   // another way to send the letter (email, contact form, post)
)

// Step is one thing the person does, in order, with its localized text.
type Step struct {
	Kind  string `json:"kind"`            // one of the Step* constants
	Text  string `json:"text"`            // what to do, in the letter's language
	URL   string `json:"url,omitempty"`   // the page the step happens on, if any
	Field string `json:"field,omitempty"` // for a field step: the FilledField.ID
}

// FilledField is one field of the company's form with the value to enter.
type FilledField struct {
	ID    string `json:"id"`
	Label string `json:"label"` // the label the form shows
	Kind  string `json:"kind"`  // text, email, choice or freetext
	// Fill names what goes in: name, email, account, address, residence,
	// choice or statement; empty when objector cannot know.
	Fill string `json:"fill,omitempty"`
	// Value is the text to enter, or for a choice field the choice to
	// pick; empty when the person has to answer the field themselves.
	Value   string   `json:"value"`
	Choices []string `json:"choices,omitempty"`
	// MaxLength is the form's limit in characters (UTF-16 code units, as
	// browsers count), 0 when unknown; Length is Value's length counted
	// the same way.
	MaxLength int `json:"max_length,omitempty"`
	Length    int `json:"length"`
	// Shortened reports that Value was cut to MaxLength at sentence
	// boundaries; Complete is false when even the shortened text had to
	// lose part of who objects, to what, under which law or by when.
	Shortened bool `json:"shortened,omitempty"`
	Complete  bool `json:"complete"`
	// Note explains a shortened value, in the letter's language.
	Note string `json:"note,omitempty"`
}
