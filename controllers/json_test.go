package controllers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/objector/objector/controllers"
)

// TestOpenEndedJSON: a fact still in force has no effective_until in the
// JSON of `objector controllers list/show` ("omitzero", which needs the
// go 1.24 line in go.mod: older language versions print null).
func TestOpenEndedJSON(t *testing.T) {
	d, err := controllers.Default()
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d.Records())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"effective_until":null`) {
		t.Error(`the directory's JSON holds "effective_until":null for facts still in force`)
	}
}
