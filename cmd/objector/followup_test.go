package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command line in-process and returns the exit code,
// standard output and standard error. No profile from the real home leaks
// in.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"objector"}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

var erika = []string{"--controller", "linkedin", "--name", "Erika Mustermann", "--email", "erika@example.org"}

func args(extra ...string) []string { return append(append([]string(nil), erika...), extra...) }

// TestFollowupGolden compares reminder and complaint letters with golden
// files in testdata/followup (go test -update rewrites them; a missing
// file fails). The rows cover English and German, the lead authority, the
// UK's complaint to the controller first, a US regulator and the Swiss
// FDPIC, which takes reports rather than complaints.
func TestFollowupGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"reminder-DE-en", args("--residence", "DE", "--lang", "en")},
		{"reminder-DE-de", args("--residence", "DE", "--lang", "de")},
		{"complaint-DE-BE-en", args("--residence", "DE-BE", "--lang", "en")},
		{"complaint-DE-BY-de", args("--residence", "DE-BY", "--lang", "de")},
		{"complaint-DE-de-lead", args("--residence", "DE", "--lang", "de", "--authority", "lead")},
		{"reminder-GB-en", args("--residence", "GB")},
		{"complaint-GB-en", args("--residence", "GB")},
		{"complaint-US-CA-en", args("--residence", "US-CA")},
		{"complaint-CH-de", args("--residence", "CH", "--lang", "de")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, _, _ := strings.Cut(tt.name, "-")
			a := append([]string{"followup", kind}, tt.args...)
			a = append(a, "--sent", "2026-09-01", "--as-of", "2026-11-24", "--format", "txt")
			code, out, errOut := runCLI(t, a...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden := filepath.Join("testdata", "followup", tt.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/objector -run Followup -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("%s differs from the output (run go test -update and read the diff)\n--- got ---\n%s", golden, out)
			}
		})
	}
}

// TestFollowupCitesOriginal checks that reminders and complaints cite the
// reference and due date the original letter had: the letter dated --sent
// from the same flags.
func TestFollowupCitesOriginal(t *testing.T) {
	for _, res := range []string{"DE-BY", "GB", "US-CA", "US-VA", "CH"} {
		code, out, errOut := runCLI(t, append([]string{"letter"}, args("--residence", res, "--as-of", "2026-01-31", "--format", "json")...)...)
		if code != 0 {
			t.Fatalf("%s: letter: exit %d: %s", res, code, errOut)
		}
		var orig struct {
			Reference string `json:"reference"`
			Due       string `json:"due"`
		}
		if err := json.Unmarshal([]byte(out), &orig); err != nil || orig.Reference == "" {
			t.Fatalf("%s: letter JSON: %v, %+v", res, err, orig)
		}
		for _, kind := range []string{"reminder", "complaint"} {
			code, out, errOut := runCLI(t, append([]string{"followup", kind}, args("--residence", res, "--sent", "2026-01-31", "--as-of", "2026-11-24", "--format", "json")...)...)
			if code != 0 {
				t.Fatalf("%s %s: exit %d: %s", res, kind, code, errOut)
			}
			var fu struct {
				Kind      string `json:"kind"`
				Reference string `json:"reference"`
				Body      []string
				FollowsUp struct {
					Date      string `json:"date"`
					Reference string `json:"reference"`
					Due       string `json:"due"`
				} `json:"follows_up"`
			}
			if err := json.Unmarshal([]byte(out), &fu); err != nil {
				t.Fatal(err)
			}
			if fu.Kind != kind || fu.FollowsUp.Reference != orig.Reference || fu.FollowsUp.Due != orig.Due || fu.FollowsUp.Date != "2026-01-31" {
				t.Errorf("%s %s: kind %q, follows up %+v; want the letter's reference %s and due date %s", res, kind, fu.Kind, fu.FollowsUp, orig.Reference, orig.Due)
			}
			if !strings.Contains(strings.Join(fu.Body, "\n"), orig.Reference) {
				t.Errorf("%s %s: the body does not cite %s", res, kind, orig.Reference)
			}
			if kind == "reminder" && fu.Reference != orig.Reference {
				t.Errorf("%s reminder: reference %s; want the original's %s", res, fu.Reference, orig.Reference)
			}
		}
	}
}

// TestFollowupBeforeDue: a reminder before the due date is an error (exit
// 2: a script must not take "nothing written" for success) and writes
// nothing; --force writes it, readable only by its owner.
func TestFollowupBeforeDue(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "reminder.txt")
	// Sent 2026-11-01: due 2026-12-01 under Art. 12(3) GDPR; the due day
	// itself is still too early.
	for _, asOf := range []string{"2026-11-24", "2026-12-01"} {
		code, stdout, stderr := runCLI(t, append([]string{"followup", "reminder"}, args("--residence", "DE", "--sent", "2026-11-01", "--as-of", asOf, "-o", out)...)...)
		if code != exitUsage || !strings.Contains(stderr, "objector: error:") || !strings.Contains(stderr, "2026-12-01") || !strings.Contains(stderr, "--force") {
			t.Errorf("as of %s: exit %d, stderr %q; want %d and an error naming the due date and --force", asOf, code, stderr, exitUsage)
		}
		if stdout != "" {
			t.Errorf("as of %s: stdout %q; want nothing", asOf, stdout)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("as of %s: %s was written (%v)", asOf, out, err)
		}
	}
	code, _, stderr := runCLI(t, append([]string{"followup", "reminder"}, args("--residence", "DE", "--sent", "2026-11-01", "--as-of", "2026-11-24", "--force", "-o", out)...)...)
	if code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; want 0600", fi.Mode().Perm())
	}
	// The day after the due date needs no --force.
	code, stdout, stderr := runCLI(t, append([]string{"followup", "complaint"}, args("--residence", "DE-HE", "--lang", "en", "--sent", "2026-11-01", "--as-of", "2026-12-02")...)...)
	if code != 0 || !strings.Contains(stdout, "Art.\u00a077(1)\u00a0GDPR") {
		t.Errorf("complaint after the due date: exit %d, stderr %q", code, stderr)
	}
}

// TestFollowupBadInput: dates after the follow-up's date, malformed dates,
// a missing --sent, a lead authority outside the GDPR and a complaint
// where no law applies are usage errors with a hint.
func TestFollowupBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"future sent", []string{"followup", "reminder", "--residence", "DE", "--sent", "2026-12-01", "--as-of", "2026-11-24"}, "after the letter date"},
		{"future sent, today", []string{"followup", "complaint", "--residence", "DE", "--sent", "2999-01-01"}, "after the letter date"},
		{"malformed sent", []string{"followup", "reminder", "--residence", "DE", "--sent", "1.9.2026"}, "YYYY-MM-DD"},
		{"missing sent", []string{"followup", "complaint", "--residence", "DE"}, "--sent is missing"},
		{"unknown authority", []string{"followup", "complaint", "--residence", "DE", "--sent", "2026-09-01", "--as-of", "2026-11-24", "--authority", "ireland"}, "--authority"},
		{"lead outside the GDPR", []string{"followup", "complaint", "--residence", "GB", "--sent", "2026-09-01", "--as-of", "2026-11-24", "--authority", "lead"}, "one-stop shop"},
		{"no law", []string{"followup", "complaint", "--residence", "US-NY", "--sent", "2026-09-01", "--as-of", "2026-11-24"}, "no authority to complain to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append(tt.args, erika...)...)
			if code != exitUsage || !strings.Contains(stderr, tt.want) || !strings.Contains(stderr, "objector: hint:") {
				t.Errorf("exit %d, stderr %q; want %d, %q and a hint", code, stderr, exitUsage, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout %q; want nothing", stdout)
			}
		})
	}
}

// TestLetterICS writes a letter with --ics and reads the calendar file back
// with a strict reader: CRLF line ends, lines of at most 75 octets,
// balanced BEGIN/END, and an all-day event on the letter's due date.
func TestLetterICS(t *testing.T) {
	tests := []struct{ residence, lang, due, summary string }{
		{"DE", "en", "20261224", "Reply due from LinkedIn Ireland Unlimited Company (OBJ-"},
		{"DE", "de", "20261224", "Fristende: Antwort von LinkedIn Ireland Unlimited Company (OBJ-"},
		{"US-CA", "en", "20261215", "Reply due from LinkedIn Corporation (OBJ-"}, // 15 business days
	}
	for _, tt := range tests {
		t.Run(tt.residence+"-"+tt.lang, func(t *testing.T) {
			ics := filepath.Join(t.TempDir(), "due.ics")
			code, out, stderr := runCLI(t, append([]string{"letter"}, args("--residence", tt.residence, "--lang", tt.lang, "--as-of", "2026-11-24", "--format", "json", "--ics", ics)...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var l struct{ Reference, Due string }
			if err := json.Unmarshal([]byte(out), &l); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(ics)
			if err != nil {
				t.Fatal(err)
			}
			if fi, _ := os.Stat(ics); fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v; want 0600", fi.Mode().Perm())
			}
			props := parseICS(t, data)
			if got := props["DTSTART;VALUE=DATE"]; got != tt.due || strings.ReplaceAll(l.Due, "-", "") != tt.due {
				t.Errorf("DTSTART;VALUE=DATE = %q, letter due %q; want %s", got, l.Due, tt.due)
			}
			if got := props["SUMMARY;LANGUAGE="+tt.lang]; !strings.HasPrefix(got, tt.summary) || !strings.Contains(got, l.Reference) {
				t.Errorf("SUMMARY = %q; want %q… with %s", got, tt.summary, l.Reference)
			}
			if !strings.Contains(props["UID"], strings.ToLower(l.Reference)) || props["DTSTAMP"] != "20261124T000000Z" {
				t.Errorf("UID %q, DTSTAMP %q", props["UID"], props["DTSTAMP"])
			}
		})
	}
	// A courtesy letter sets no due date: --ics is a usage error.
	ics := filepath.Join(t.TempDir(), "due.ics")
	code, _, stderr := runCLI(t, append([]string{"letter"}, args("--residence", "US-NY", "--as-of", "2026-11-24", "--ics", ics)...)...)
	if code != exitUsage || !strings.Contains(stderr, "no due date") {
		t.Errorf("courtesy --ics: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(ics); !os.IsNotExist(err) {
		t.Errorf("courtesy --ics wrote %s", ics)
	}
}

// parseICS unfolds an iCalendar file strictly and returns the VEVENT's
// properties by name and parameters ("DTSTART;VALUE=DATE").
func parseICS(t *testing.T, data []byte) map[string]string {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\r") {
		t.Fatalf("line ends are not all CRLF:\n%q", s)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line of %d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var stack []string
	props := map[string]string{}
	for _, l := range lines {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("no colon in %q", l)
		}
		switch name {
		case "BEGIN":
			stack = append(stack, value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s closes %v", value, stack)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 2 && stack[1] == "VEVENT" {
				props[name] = strings.NewReplacer(`\,`, ",", `\;`, ";", `\\`, `\`, `\n`, "\n").Replace(value)
			}
		}
	}
	if len(stack) != 0 || !strings.HasPrefix(s, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(s, "END:VCALENDAR\r\n") {
		t.Fatalf("not one closed VCALENDAR: open %v", stack)
	}
	return props
}
