package templates

import "testing"

func TestCollapseDots(t *testing.T) {
	fields := map[string]any{"Entity": "X Corp.", "Company": "X", "Name": "Erika Mustermann", "AuthorityName": "", "AgentName": "Advocates Inc."}
	for in, want := range map[string]string{
		"Copies of my correspondence with X Corp..":              "Copies of my correspondence with X Corp.",
		"I wrote to X Corp.. They did not answer.":               "I wrote to X Corp. They did not answer.",
		"X Corp. holds my data.":                                 "X Corp. holds my data.",
		"Sent by Advocates Inc.. on behalf of Erika Mustermann.": "Sent by Advocates Inc. on behalf of Erika Mustermann.",
		"Nothing to change...":                                   "Nothing to change...",
	} {
		if got := collapseDots(in, fields); got != want {
			t.Errorf("collapseDots(%q) = %q; want %q", in, got, want)
		}
	}
}
