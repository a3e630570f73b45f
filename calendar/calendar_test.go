package calendar_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/objector/objector/calendar"
	"github.com/objector/objector/letter"
)

// Property is one unfolded content line: NAME;PARAMS:VALUE.
type Property struct {
	Name   string
	Params map[string]string
	Value  string
}

// Component is a parsed BEGIN/END block.
type Component struct {
	Name  string
	Props []Property
	Subs  []*Component
}

func (c *Component) prop(name string) (Property, bool) {
	for _, p := range c.Props {
		if p.Name == name {
			return p, true
		}
	}
	return Property{}, false
}

// Parse is a small strict RFC 5545 reader, independent of the writer:
// every line must end in CRLF and be at most 75 octets, continuation lines
// start with one space or tab, BEGIN and END must nest, and values must be
// valid UTF-8.
func Parse(data []byte) (*Component, error) {
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		return nil, errors.New("the file does not end in CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var lines []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d has a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d is %d octets long", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d splits a UTF-8 sequence or is not UTF-8", i+1)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				return nil, errors.New("the file starts with a continuation line")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	var stack []*Component
	var root *Component
	for i, l := range lines {
		name, rest, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("content line %d has no colon: %q", i+1, l)
		}
		p := Property{Params: map[string]string{}, Value: rest}
		parts := strings.Split(name, ";")
		p.Name = parts[0]
		for _, par := range parts[1:] {
			k, v, ok := strings.Cut(par, "=")
			if !ok {
				return nil, fmt.Errorf("content line %d: parameter %q has no value", i+1, par)
			}
			p.Params[k] = v
		}
		switch p.Name {
		case "BEGIN":
			c := &Component{Name: p.Value}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.Subs = append(top.Subs, c)
			} else if root != nil {
				return nil, errors.New("a second top-level component")
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("content line %d: END:%s does not close the open component", i+1, p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("content line %d: property outside a component", i+1)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 0 || root == nil || root.Name != "VCALENDAR" {
		return nil, errors.New("the file is not one closed VCALENDAR")
	}
	return root, nil
}

// Unescape reverses the TEXT escapes of RFC 5545 §3.3.11 and rejects
// characters that must have been escaped.
func Unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) {
				return "", errors.New("a trailing backslash")
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c", s[i])
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %q", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func testLetter() *letter.Letter {
	return &letter.Letter{
		Lang:      "de",
		Date:      time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
		Due:       time.Date(2026, 12, 24, 0, 0, 0, 0, time.UTC),
		Reference: "OBJ-ABCD-EFGH",
		Subject:   "Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten (Art.\u00a021 Abs.\u00a01 DSGVO); Teil 1, Teil 2 \\ Ende",
		Recipient: letter.Party{Name: "Beispiel, Müller & Söhne; Datenverarbeitungsgesellschaft mit beschränkter Haftung"},
		Labels:    map[string]string{"due_event": "Fristende: Antwort von {{.Entity}} ({{.Reference}})"},
	}
}

func TestWrite(t *testing.T) {
	l := testLetter()
	var buf bytes.Buffer
	if err := calendar.Write(&buf, l); err != nil {
		t.Fatal(err)
	}
	cal, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	for _, name := range []string{"VERSION", "PRODID"} {
		if _, ok := cal.prop(name); !ok {
			t.Errorf("VCALENDAR lacks %s", name)
		}
	}
	if v, _ := cal.prop("VERSION"); v.Value != "2.0" {
		t.Errorf("VERSION = %q", v.Value)
	}
	if len(cal.Subs) != 1 || cal.Subs[0].Name != "VEVENT" {
		t.Fatalf("components = %+v; want one VEVENT", cal.Subs)
	}
	ev := cal.Subs[0]
	want := map[string]string{
		"DTSTART": "20261224",
		"DTEND":   "20261225",
		"DTSTAMP": "20261124T000000Z",
		"UID":     "obj-abcd-efgh-due-20261224@objector.invalid",
	}
	for name, v := range want {
		p, ok := ev.prop(name)
		if !ok || p.Value != v {
			t.Errorf("%s = %q; want %q", name, p.Value, v)
		}
	}
	if p, _ := ev.prop("DTSTART"); p.Params["VALUE"] != "DATE" {
		t.Errorf("DTSTART is not an all-day DATE: %+v", p)
	}
	sum, _ := ev.prop("SUMMARY")
	got, err := Unescape(sum.Value)
	if err != nil {
		t.Fatalf("SUMMARY %q: %v", sum.Value, err)
	}
	if w := "Fristende: Antwort von " + l.Recipient.Name + " (OBJ-ABCD-EFGH)"; got != w {
		t.Errorf("SUMMARY = %q; want %q", got, w)
	}
	if sum.Params["LANGUAGE"] != "de" {
		t.Errorf("SUMMARY language = %q", sum.Params["LANGUAGE"])
	}
	desc, _ := ev.prop("DESCRIPTION")
	if got, err := Unescape(desc.Value); err != nil || got != l.Subject {
		t.Errorf("DESCRIPTION = %q, %v; want %q", got, err, l.Subject)
	}

	// Deterministic: the same letter gives the same bytes.
	var again bytes.Buffer
	if err := calendar.Write(&again, l); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("a second run differs (err %v)", err)
	}
}

// TestFoldMultibyte checks folding never splits a UTF-8 sequence, for every
// position a multi-byte rune can take relative to the fold.
func TestFoldMultibyte(t *testing.T) {
	for pad := 0; pad < 6; pad++ {
		l := testLetter()
		l.Recipient.Name = strings.Repeat("x", pad) + strings.Repeat("ü€𝄞", 40)
		var buf bytes.Buffer
		if err := calendar.Write(&buf, l); err != nil {
			t.Fatal(err)
		}
		cal, err := Parse(buf.Bytes())
		if err != nil {
			t.Fatalf("pad %d: %v", pad, err)
		}
		sum, _ := cal.Subs[0].prop("SUMMARY")
		if got, _ := Unescape(sum.Value); !strings.Contains(got, l.Recipient.Name) {
			t.Errorf("pad %d: SUMMARY lost text: %q", pad, got)
		}
	}
}

func TestWriteNoDueDate(t *testing.T) {
	l := testLetter()
	l.Due = time.Time{}
	if err := calendar.Write(&bytes.Buffer{}, l); !errors.Is(err, calendar.ErrNoDueDate) {
		t.Errorf("err = %v; want ErrNoDueDate", err)
	}
}

// TestParserRejects makes sure the test's parser is strict enough to
// catch what it is there to catch.
func TestParserRejects(t *testing.T) {
	for name, in := range map[string]string{
		"LF only":      "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
		"long line":    "BEGIN:VCALENDAR\r\nX:" + strings.Repeat("a", 80) + "\r\nEND:VCALENDAR\r\n",
		"unclosed":     "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
		"no VCALENDAR": "BEGIN:VEVENT\r\nEND:VEVENT\r\n",
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	if _, err := Unescape("a,b"); err == nil {
		t.Error("an unescaped comma passed")
	}
}
