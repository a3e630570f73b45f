package email

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	gomail "github.com/emersion/go-message/mail"

	"github.com/objector/objector/letter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or writes it with -update. A
// missing golden file fails.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./email -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./email -update if the change is intended)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func emlBytes(t *testing.T, l *letter.Letter, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := EML(&b, l, opt); err != nil {
		t.Fatalf("EML: %v", err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	fs := fixtures()
	if len(fs) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range fs {
		t.Run(f.name, func(t *testing.T) {
			golden(t, f.name+".txt", []byte(Text(&f.l)))
			golden(t, f.name+".eml", emlBytes(t, &f.l, Options{}))
			u, err := Mailto(&f.l)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, f.name+".mailto", []byte(u+"\n"))
		})
	}
	f := fs[1] // de
	golden(t, "de-attachment.eml", emlBytes(t, &f.l, Options{Attachment: &Attachment{Name: "widerspruch-OBJ-DE12-3456.pdf", ContentType: "application/pdf", Data: fixturePDF()}}))
}

// TestGoldenFilesUsed fails if testdata holds a file no test compares, so
// a renamed fixture does not leave a stale golden file behind.
func TestGoldenFilesUsed(t *testing.T) {
	want := map[string]bool{"de-attachment.eml": true}
	for _, f := range fixtures() {
		for _, ext := range []string{".txt", ".eml", ".mailto"} {
			want[f.name+ext] = true
		}
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		n++
		if !want[e.Name()] {
			t.Errorf("testdata/%s is not a golden file of any test", e.Name())
		}
	}
	if n != len(want) {
		t.Errorf("testdata has %d golden files, want %d", n, len(want))
	}
}

// wantBody is the text the body of an .eml message decodes to.
func wantBody(l *letter.Letter) string { return formNote(l) + letterText(l, Width) }

// TestEMLNetMail parses every message with net/mail and checks that each
// header is there once and every value decodes to exactly the letter's
// text.
func TestEMLNetMail(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			l := &f.l
			raw := emlBytes(t, l, Options{})
			checkLines(t, raw)
			m, err := mail.ReadMessage(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("net/mail: %v", err)
			}
			keys := []string{"Content-Language", "Content-Transfer-Encoding", "Content-Type", "Date", "From", "Message-Id", "Mime-Version", "Subject", "X-Unsent"}
			if l.Recipient.Email != "" {
				keys = append(keys, "To")
			}
			sort.Strings(keys)
			checkHeaderKeys(t, m.Header, keys)

			from, err := m.Header.AddressList("From")
			if err != nil || len(from) != 1 {
				t.Fatalf("From %q: %v %v", m.Header.Get("From"), from, err)
			}
			if from[0].Name != l.Sender.Name || from[0].Address != l.Sender.Email {
				t.Errorf("From = %q <%s>, want %q <%s>", from[0].Name, from[0].Address, l.Sender.Name, l.Sender.Email)
			}
			if l.Recipient.Email != "" {
				to, err := m.Header.AddressList("To")
				if err != nil || len(to) != 1 || to[0].Name != l.Recipient.Name || to[0].Address != l.Recipient.Email {
					t.Errorf("To %q = %v, %v", m.Header.Get("To"), to, err)
				}
			}
			subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
			if err != nil || subject != l.Subject {
				t.Errorf("Subject = %q, %v; want %q", subject, err, l.Subject)
			}
			d, err := m.Header.Date()
			if err != nil || d.Format("2006-01-02 15:04 -0700") != l.DateISO+" 12:00 +0000" {
				t.Errorf("Date = %v, %v", d, err)
			}
			if got := m.Header.Get("X-Unsent"); got != "1" {
				t.Errorf("X-Unsent = %q", got)
			}
			if got := m.Header.Get("Content-Language"); got != l.Lang {
				t.Errorf("Content-Language = %q", got)
			}
			if id := m.Header.Get("Message-Id"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@"+MessageIDDomain+">") {
				t.Errorf("Message-ID = %q", id)
			}
			if m.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
				t.Errorf("Content-Transfer-Encoding = %q", m.Header.Get("Content-Transfer-Encoding"))
			}
			body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != wantBody(l) {
				t.Errorf("body:\n%s\nwant:\n%s", got, wantBody(l))
			}
		})
	}
}

func checkHeaderKeys(t *testing.T, h mail.Header, want []string) {
	t.Helper()
	var got []string
	for k, vs := range h {
		got = append(got, k)
		if len(vs) != 1 {
			t.Errorf("header %s appears %d times", k, len(vs))
		}
	}
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("headers = %v, want %v", got, want)
	}
}

// checkLines checks that every line ends in CRLF, has no lone CR or LF,
// and that header lines stay within 78 characters.
func checkLines(t *testing.T, raw []byte) {
	t.Helper()
	s := string(raw)
	if !strings.HasSuffix(s, "\r\n") {
		t.Error("message does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	inHeader := true
	for _, line := range lines {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("lone CR or LF in %q", line)
		}
		if line == "" {
			inHeader = false
		}
		if inHeader && len(line) > 78 {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
		if len(line) > 78 && !inHeader {
			t.Errorf("body line of %d characters: %q", len(line), line)
		}
	}
}

// TestEMLGoMessage parses every message, with and without an attachment,
// with github.com/emersion/go-message, a MIME parser independent of the
// standard library's.
func TestEMLGoMessage(t *testing.T) {
	for _, f := range fixtures() {
		for _, attach := range []bool{false, true} {
			name := f.name
			if attach {
				name += "-attachment"
			}
			t.Run(name, func(t *testing.T) {
				l := &f.l
				var opt Options
				var pdf []byte
				if attach {
					pdf = fixturePDF()
					opt.Attachment = &Attachment{Name: "Widerspruch „" + f.name + "“.pdf", ContentType: "application/pdf", Data: pdf}
				}
				raw := emlBytes(t, l, opt)
				checkLines(t, raw)
				if _, err := mail.ReadMessage(bytes.NewReader(raw)); err != nil {
					t.Fatalf("net/mail: %v", err)
				}
				r, err := gomail.CreateReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatalf("go-message: %v", err)
				}
				subject, err := r.Header.Subject()
				if err != nil || subject != l.Subject {
					t.Errorf("Subject = %q, %v; want %q", subject, err, l.Subject)
				}
				from, err := r.Header.AddressList("From")
				if err != nil || len(from) != 1 || from[0].Name != l.Sender.Name || from[0].Address != l.Sender.Email {
					t.Errorf("From %q = %v, %v", r.Header.Get("From"), from, err)
				}
				to, err := r.Header.AddressList("To")
				if l.Recipient.Email == "" {
					if len(to) != 0 {
						t.Errorf("To = %v for a web-form company", to)
					}
				} else if err != nil || len(to) != 1 || to[0].Name != l.Recipient.Name || to[0].Address != l.Recipient.Email {
					t.Errorf("To %q = %v, %v", r.Header.Get("To"), to, err)
				}
				if d, err := r.Header.Date(); err != nil || d.Format("2006-01-02 15:04") != l.DateISO+" 12:00" {
					t.Errorf("Date = %v, %v", d, err)
				}
				if id, err := r.Header.MessageID(); err != nil || !strings.HasSuffix(id, "@"+MessageIDDomain) {
					t.Errorf("Message-ID = %q, %v", id, err)
				}
				var texts []string
				var files [][]byte
				var names []string
				for {
					p, err := r.NextPart()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("go-message: part: %v", err)
					}
					b, err := io.ReadAll(p.Body)
					if err != nil {
						t.Fatalf("go-message: part body: %v", err)
					}
					switch h := p.Header.(type) {
					case *gomail.InlineHeader:
						if ct, params, _ := h.ContentType(); ct != "text/plain" || params["charset"] != "utf-8" {
							t.Errorf("text part Content-Type %s %v", ct, params)
						}
						texts = append(texts, strings.ReplaceAll(string(b), "\r\n", "\n"))
					case *gomail.AttachmentHeader:
						fn, err := h.Filename()
						if err != nil {
							t.Errorf("attachment file name: %v", err)
						}
						names = append(names, fn)
						files = append(files, b)
					}
				}
				if len(texts) != 1 || texts[0] != wantBody(l) {
					t.Errorf("text parts = %q, want one: %q", texts, wantBody(l))
				}
				if !attach {
					if len(files) != 0 {
						t.Errorf("%d attachments, want none", len(files))
					}
					return
				}
				if len(files) != 1 || !bytes.Equal(files[0], pdf) || names[0] != opt.Attachment.Name {
					t.Errorf("attachments %q: %d files, want one equal to the PDF", names, len(files))
				}
				_, b64, _ := strings.Cut(string(raw), "Content-Transfer-Encoding: base64\r\n\r\n")
				lines := strings.Split(b64, "\r\n")
				for i, line := range lines[:len(lines)-5] { // the last data line, a blank line, the closing delimiter
					if len(line) != 76 {
						t.Errorf("base64 line %d has %d characters, want 76", i, len(line))
					}
				}
			})
		}
	}
}

// TestMailtoRoundTrip parses every URL with net/url and checks that
// recipient, subject and body come back exactly.
func TestMailtoRoundTrip(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			l := &f.l
			s, err := Mailto(l)
			if err != nil {
				t.Fatal(err)
			}
			if strings.ContainsAny(s, " \r\n+") {
				t.Errorf("URL has a space, line break or + in it: %q", s)
			}
			u, err := url.Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			if u.Scheme != "mailto" || u.Opaque != l.Recipient.Email {
				t.Errorf("scheme %q, recipient %q; want mailto, %q", u.Scheme, u.Opaque, l.Recipient.Email)
			}
			q, err := url.ParseQuery(u.RawQuery)
			if err != nil {
				t.Fatal(err)
			}
			if len(q) != 2 {
				t.Errorf("query has %d fields, want subject and body: %v", len(q), q)
			}
			if got := q.Get("subject"); got != l.Subject {
				t.Errorf("subject = %q, want %q", got, l.Subject)
			}
			body := q.Get("body")
			if strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") || !strings.Contains(body, "\r\n") {
				t.Errorf("body line breaks are not all CRLF: %q", body)
			}
			if want := formNote(l) + letterText(l, 0); strings.ReplaceAll(body, "\r\n", "\n") != want {
				t.Errorf("body = %q, want %q", body, want)
			}
			if !strings.Contains(s, "%0D%0A") {
				t.Error("line breaks are not written as %0D%0A")
			}
		})
	}
}

func TestMailtoHostileSubject(t *testing.T) {
	l := fixtures()[0].l
	l.Subject = "a&body=evil?x=#y+z%20 100% sure"
	s, err := Mailto(&l)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("subject") != l.Subject || len(q["body"]) != 1 || len(q) != 2 {
		t.Errorf("query %v, want subject %q and one body", q, l.Subject)
	}
}

func TestMailtoLength(t *testing.T) {
	l := fixtures()[0].l
	s, err := Mailto(&l)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) > MailtoLimit {
		t.Errorf("a short letter gives a URL of %d characters", len(s))
	}
	l.Body = append(l.Body, strings.Repeat("ä", MailtoLimit))
	if s, _ = Mailto(&l); len(s) <= MailtoLimit {
		t.Errorf("a long letter gives a URL of only %d characters", len(s))
	}
}

// hostile are values that try to add a header or end one early.
var hostile = []string{
	"Eve\r\nBcc: x@evil.example",
	"Eve\nBcc: x@evil.example",
	"Eve\rBcc: x@evil.example",
	"a@b.c\nX: y",
	"Eve\u2028Bcc: x@evil.example",
	"Eve\u2029Bcc: x@evil.example",
	"Eve\u0085Bcc: x@evil.example",
	"Eve\x00",
	"Eve\tTab",
	"Eve\x7f",
	"bad \xff UTF-8",
}

func TestHostileHeaders(t *testing.T) {
	fields := map[string]func(l *letter.Letter, v string){
		"sender name":     func(l *letter.Letter, v string) { l.Sender.Name = v },
		"sender email":    func(l *letter.Letter, v string) { l.Sender.Email = v },
		"recipient name":  func(l *letter.Letter, v string) { l.Recipient.Name = v },
		"recipient email": func(l *letter.Letter, v string) { l.Recipient.Email = v },
		"subject":         func(l *letter.Letter, v string) { l.Subject = v },
		"reference":       func(l *letter.Letter, v string) { l.Reference = v },
		"language":        func(l *letter.Letter, v string) { l.Lang = v },
		"web form":        func(l *letter.Letter, v string) { l.Recipient.WebForm = v },
	}
	for field, set := range fields {
		for _, v := range hostile {
			l := fixtures()[1].l
			set(&l, v)
			var b bytes.Buffer
			err := EML(&b, &l, Options{})
			var fe *FieldError
			if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Field != field {
				t.Errorf("EML with %s %q: err = %v, want a *FieldError for %s", field, v, err, field)
			}
			if b.Len() != 0 {
				t.Errorf("EML with %s %q wrote %d bytes", field, v, b.Len())
			}
			if _, err := Mailto(&l); !errors.Is(err, ErrInvalid) {
				t.Errorf("Mailto with %s %q: err = %v, want ErrInvalid", field, v, err)
			}
			if txt := Text(&l); strings.Contains(txt, "\nBcc:") || strings.Contains(txt, "\u2028") || strings.Contains(txt, "\u0085") || strings.Contains(txt, "\nX: y") {
				t.Errorf("Text with %s %q has a line break in a header line:\n%s", field, v, txt)
			}
		}
	}
}

func TestBadAddresses(t *testing.T) {
	for _, v := range []string{"", "erika", "Erika <erika@example.org>", "erika@example.org, eve@evil.example", "<erika@example.org>", "erika@example.org (comment)", `"eve evil"@example.org`} {
		l := fixtures()[1].l
		l.Sender.Email = v
		if err := EML(io.Discard, &l, Options{}); !errors.Is(err, ErrInvalid) {
			t.Errorf("EML with sender email %q: err = %v, want ErrInvalid", v, err)
		}
		if v == "" {
			continue // the recipient may lack an address (web form)
		}
		l = fixtures()[1].l
		l.Recipient.Email = v
		if err := EML(io.Discard, &l, Options{}); !errors.Is(err, ErrInvalid) {
			t.Errorf("EML with recipient email %q: err = %v, want ErrInvalid", v, err)
		}
		if _, err := Mailto(&l); !errors.Is(err, ErrInvalid) {
			t.Errorf("Mailto with recipient email %q: err = %v, want ErrInvalid", v, err)
		}
	}
}

func TestBadAttachments(t *testing.T) {
	for _, a := range []Attachment{
		{Name: "x.pdf\r\nBcc: x@evil.example", ContentType: "application/pdf"},
		{Name: "../../etc/passwd", ContentType: "application/pdf"},
		{Name: "x.pdf", ContentType: "application/pdf\r\nBcc: x@evil.example"},
		{Name: "x.pdf", ContentType: "not a type"},
	} {
		l := fixtures()[1].l
		if err := EML(io.Discard, &l, Options{Attachment: &a}); !errors.Is(err, ErrInvalid) {
			t.Errorf("EML with attachment %q %q: err = %v, want ErrInvalid", a.Name, a.ContentType, err)
		}
	}
}

// TestTrickyNames checks names and subjects that are ASCII but cannot
// stand in a header as they are.
func TestTrickyNames(t *testing.T) {
	for _, v := range []string{
		"=?utf-8?q?Eve?=", "Erika \"Riki\" Mustermann", `back\slash`, " leading", "trailing ", "two  spaces",
		"Müller, Erika", "Ä (comment)", `Ä\`, "Ä\"", strings.Repeat("x", 200), strings.Repeat("Привет мир ", 30),
		"Bcc: x@evil.example", "", ".", "a.b", "<x@evil.example>", "Ünïcödé <x@evil.example>",
	} {
		l := fixtures()[1].l
		l.Sender.Name, l.Recipient.Name, l.Subject = v, v, v
		raw := emlBytes(t, &l, Options{})
		checkLines(t, raw)
		m, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%q: net/mail: %v", v, err)
		}
		for _, key := range []string{"From", "To"} {
			a, err := m.Header.AddressList(key)
			if err != nil || len(a) != 1 || a[0].Name != v {
				t.Errorf("%q: %s %q parses as %v, %v", v, key, m.Header.Get(key), a, err)
			}
		}
		if s, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject")); err != nil || s != v {
			t.Errorf("%q: Subject %q decodes as %q, %v", v, m.Header.Get("Subject"), s, err)
		}
		r, err := gomail.CreateReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%q: go-message: %v", v, err)
		}
		if s, err := r.Header.Subject(); err != nil || s != v {
			t.Errorf("%q: go-message: Subject %q", v, s)
		}
		if a, err := r.Header.AddressList("From"); err != nil || len(a) != 1 || a[0].Name != v {
			t.Errorf("%q: go-message: From %q parses as %v, %v", v, r.Header.Get("From"), a, err)
		}
	}
}

func TestDeterministic(t *testing.T) {
	f := fixtures()[2]
	opt := Options{Attachment: &Attachment{Name: "a.pdf", ContentType: "application/pdf", Data: fixturePDF()}}
	a, b := emlBytes(t, &f.l, opt), emlBytes(t, &f.l, opt)
	if !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
	g := f.l
	g.Kind = "reminder"
	if c := emlBytes(t, &g, opt); bytes.Equal(a, c) {
		t.Error("a reminder has the same message as the objection")
	}
}

func TestMissingLabels(t *testing.T) {
	l := fixtures()[5].l // web form
	l.Labels = nil
	txt := Text(&l)
	if !strings.HasPrefix(txt, "To: LinkedIn Ireland Unlimited Company\nWeb form: https://www.linkedin.com/") {
		t.Errorf("Text without labels:\n%s", txt)
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a b c", "a b c"},
		{"aaa bbb ccc", "aaa\nbbb\nccc"},
		{"aaa\u00a0bbb ccc", "aaa\u00a0bbb\nccc"},
		{"https://example.com/long x", "https://example.com/long\nx"},
		{"one\ntwo", "one\ntwo"},
		{"one\r\n\r\ntwo", "one\n\ntwo"},
	} {
		if got := Wrap(c.in, 5); got != c.want {
			t.Errorf("Wrap(%q, 5) = %q, want %q", c.in, got, c.want)
		}
	}
}

func BenchmarkEML(b *testing.B) {
	l := fixtures()[1].l
	for i := 0; i < b.N; i++ {
		if err := EML(io.Discard, &l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	l := fixtures()[1].l
	for i := 0; i < b.N; i++ {
		_ = Text(&l)
	}
}
