package controllers_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
)

// TestFormFields checks every form of every record: fields with ids,
// labels and known kinds and fills, no id twice, exactly one free-text
// field that takes the letter's text, and every choice named in choose
// among the field's choices.
func TestFormFields(t *testing.T) {
	for _, rec := range directory(t).Records() {
		for _, f := range rec.Forms {
			what := rec.ID + " form " + f.ID
			seen := map[string]bool{}
			statements := 0
			for _, fd := range f.Fields {
				if fd.ID == "" || strings.TrimSpace(fd.Label) == "" && fd.Fill == "" {
					t.Errorf("%s: a field without id, or with neither label nor fill: %+v", what, fd)
				}
				if seen[fd.ID] {
					t.Errorf("%s: field %q twice", what, fd.ID)
				}
				seen[fd.ID] = true
				if !slices.Contains([]string{"text", "email", "choice", "freetext"}, fd.Kind) {
					t.Errorf("%s: field %q has kind %q", what, fd.ID, fd.Kind)
				}
				if !slices.Contains([]string{"name", "email", "account", "address", "residence", "choice", "statement", ""}, fd.Fill) {
					t.Errorf("%s: field %q has fill %q", what, fd.ID, fd.Fill)
				}
				if fd.Fill == "statement" {
					statements++
					if fd.Kind != "freetext" {
						t.Errorf("%s: the statement field %q is %s, not freetext", what, fd.ID, fd.Kind)
					}
				}
				if fd.Choose != "" && !slices.Contains(fd.Choices, fd.Choose) {
					t.Errorf("%s: field %q chooses %q, which is not among %q", what, fd.ID, fd.Choose, fd.Choices)
				}
				if (fd.Kind == "choice") != (len(fd.Choices) > 0) {
					t.Errorf("%s: field %q: kind %s with %d choices", what, fd.ID, fd.Kind, len(fd.Choices))
				}
				if fd.MaxLength < 0 {
					t.Errorf("%s: field %q: negative max_length", what, fd.ID)
				}
			}
			if statements != 1 {
				t.Errorf("%s: %d free-text fields for the letter's text; want 1", what, statements)
			}
		}
	}
}

// formRecord returns a valid user record with one form at url and no
// fields yet.
func formRecord(url string) string {
	return userNew + `
[[form]]
id = "f"
name = "Form"
url = "` + url + `"
purposes = ["ai-training"]
regions = ["eu"]
effective_from = 2020-01-01
source = "https://example.org/privacy"
checked = 2026-01-01
`
}

// TestFormFieldRejects feeds Parse forms with malformed field lists.
func TestFormFieldRejects(t *testing.T) {
	form := formRecord("https://example.org/form")
	statement := "\n[[form.field]]\nid = \"statement\"\nlabel = \"Your request\"\nkind = \"freetext\"\nfill = \"statement\"\n"
	if _, err := controllers.Parse([]byte(form + statement)); err != nil {
		t.Fatalf("a well-formed form does not parse: %v", err)
	}
	tests := []struct{ name, fields, want string }{
		{"choose not among choices", "\n[[form.field]]\nid = \"kind\"\nlabel = \"Kind\"\nkind = \"choice\"\nfill = \"choice\"\nchoices = [\"A\", \"B\"]\nchoose = \"C\"\n", "not among the choices"},
		{"choice without choices", "\n[[form.field]]\nid = \"kind\"\nlabel = \"Kind\"\nkind = \"choice\"\n", "needs choices"},
		{"choices on a text field", "\n[[form.field]]\nid = \"name\"\nlabel = \"Name\"\nkind = \"text\"\nchoices = [\"A\"]\n", "only a choice field"},
		{"fill choice on a text field", "\n[[form.field]]\nid = \"kind\"\nlabel = \"Kind\"\nkind = \"text\"\nfill = \"choice\"\n", "needs kind"},
		{"repeated choice", "\n[[form.field]]\nid = \"kind\"\nlabel = \"Kind\"\nkind = \"choice\"\nchoices = [\"A\", \"A\"]\n", "repeated"},
		{"unknown kind", "\n[[form.field]]\nid = \"x\"\nlabel = \"X\"\nkind = \"checkbox\"\n", "kind"},
		{"unknown fill", "\n[[form.field]]\nid = \"x\"\nlabel = \"X\"\nkind = \"text\"\nfill = \"phone\"\n", "fill"},
		{"no label, no fill", "\n[[form.field]]\nid = \"x\"\nkind = \"text\"\n", "label"},
		{"no id", "\n[[form.field]]\nlabel = \"X\"\nkind = \"text\"\n", "id"},
		{"option text not a choice", "\n[[form.field]]\nid = \"kind\"\nkind = \"choice\"\nfill = \"choice\"\nchoices = [\"Other\"]\n[[form.field.option]]\ntext = \"AI\"\npurposes = [\"ai-training\"]\n", "not among the choices"},
		{"option without purposes", "\n[[form.field]]\nid = \"kind\"\nkind = \"choice\"\nfill = \"choice\"\n[[form.field.option]]\ntext = \"\"\n", "needs purposes"},
		{"field source http", "\n[[form.field]]\nid = \"x\"\nlabel = \"X\"\nkind = \"text\"\nsource = \"http://example.org\"\n", "https"},
		{"duplicate id", "\n[[form.field]]\nid = \"statement\"\nlabel = \"Again\"\nkind = \"text\"\n", "twice"},
		{"two statements", "\n[[form.field]]\nid = \"more\"\nlabel = \"More\"\nkind = \"freetext\"\nfill = \"statement\"\n", "statement"},
		{"statement in a text field", "", "freetext"},
		{"negative max_length", "\n[[form.field]]\nid = \"x\"\nlabel = \"X\"\nkind = \"text\"\nmax_length = -1\n", "max_length"},
	}
	for _, tt := range tests {
		src := form + statement + tt.fields
		if tt.name == "statement in a text field" {
			src = form + strings.Replace(statement, "freetext", "text", 1)
		}
		_, err := controllers.Parse([]byte(src))
		if err == nil {
			t.Errorf("%s: Parse accepted\n%s", tt.name, src)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v; want it to mention %q", tt.name, err, tt.want)
		}
	}
}
