package web_test

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/objector/objector"
	"github.com/objector/objector/web"
)

var (
	handlerOnce sync.Once
	handler     *web.Handler
)

// newHandler returns the page's handler, proposing 24 November 2026 as
// the letter date.
func newHandler(t testing.TB) *web.Handler {
	t.Helper()
	handlerOnce.Do(func() {
		g, err := objector.New(objector.Config{})
		if err != nil {
			t.Fatal(err)
		}
		today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
		handler = web.New(g, web.Options{Today: func() time.Time { return today }})
	})
	return handler
}

// erika is a complete form: Erika in Germany objects to LinkedIn.
func erika(output string) url.Values {
	return url.Values{
		"residence": {"DE"}, "controller": {"linkedin"}, "name": {"Erika Mustermann"},
		"email": {"erika@example.org"}, "address": {"Musterstr. 1\n10115 Berlin"},
		"purpose": {"ai-training"}, "date": {"2026-11-24"}, "output": {output},
	}
}

func post(t testing.TB, form url.Values, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	newHandler(t).ServeHTTP(rec, req)
	return rec
}

func get(t testing.TB, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	newHandler(t).ServeHTTP(rec, req)
	return rec
}

// wantStatus fails unless rec has status code want.
func wantStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status %d, want %d; body:\n%.2000s", rec.Code, want, rec.Body.String())
	}
}

// wantDownload checks that rec offers a file of contentType to save,
// named with suffix, and that no cache keeps it.
func wantDownload(t *testing.T, rec *httptest.ResponseRecorder, contentType, suffix string) {
	t.Helper()
	wantStatus(t, rec, http.StatusOK)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, contentType) {
		t.Errorf("Content-Type %q, want %s", ct, contentType)
	}
	disp, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	if err != nil || disp != "attachment" || !strings.HasSuffix(params["filename"], suffix) {
		t.Errorf("Content-Disposition %q: want an attachment named *%s", rec.Header().Get("Content-Disposition"), suffix)
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q, want no-store: the file holds personal data", cc)
	}
}

// pdfText returns the text of a PDF as pdftotext reads it, skipping the
// test if pdftotext is missing (unless OBJECTOR_REQUIRE_PDFTOOLS=1).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS") == "1" {
			t.Fatal("pdftotext is required (OBJECTOR_REQUIRE_PDFTOOLS=1) but missing: install poppler-utils")
		}
		t.Skip("pdftotext is missing: install poppler-utils to check the PDF's text")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPageSecurityHeaders(t *testing.T) {
	rec := get(t, "/")
	wantStatus(t, rec, http.StatusOK)
	h := rec.Header()
	for k, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "no-referrer",
		"Cache-Control":          "no-store",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	csp := h.Get("Content-Security-Policy")
	for _, d := range []string{"default-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, d) {
			t.Errorf("Content-Security-Policy %q lacks %s", csp, d)
		}
	}
	if c := h.Values("Set-Cookie"); len(c) > 0 {
		t.Errorf("the page sets cookies: %q", c)
	}
}

// TestPageLoadsNothingFromElsewhere checks every URL the page and its
// style sheet and script name: all are relative, on the page's own server.
func TestPageLoadsNothingFromElsewhere(t *testing.T) {
	body := get(t, "/").Body.String()
	for _, asset := range []string{"/static/style.css", "/static/app.js", "/static/icon.svg"} {
		rec := get(t, asset)
		wantStatus(t, rec, http.StatusOK)
		body += rec.Body.String()
	}
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]*)"|url\(([^)]*)\)|fetch\("([^"]*)`).FindAllStringSubmatch(body, -1) {
		u := m[1] + m[2] + m[3]
		if strings.Contains(u, "//") || strings.HasPrefix(u, "/") {
			t.Errorf("the page loads %q: everything must come from the page's own server, relative to it", u)
		}
	}
}

// TestEveryFieldLabelled checks that every form field of the page has a
// label, so a screen reader names it.
func TestEveryFieldLabelled(t *testing.T) {
	body := get(t, "/").Body.String()
	labels := map[string]bool{}
	for _, m := range regexp.MustCompile(`<label for="([^"]+)">\s*([^<]*)`).FindAllStringSubmatch(body, -1) {
		if strings.TrimSpace(m[2]) == "" {
			t.Errorf("the label for %s is empty", m[1])
		}
		labels[m[1]] = true
	}
	fields := regexp.MustCompile(`<(?:input|select|textarea)[^>]* id="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(fields) < 12 {
		t.Fatalf("found only %d fields in the page", len(fields))
	}
	for _, m := range fields {
		if !labels[m[1]] {
			t.Errorf("field %s has no <label for=%q>", m[1], m[1])
		}
	}
}

func TestLanguage(t *testing.T) {
	for _, c := range []struct{ target, accept, want, word string }{
		{"/", "", "en", "Your full name"},
		{"/", "de-AT,de;q=0.9,en;q=0.5", "de", "Ihr vollständiger Name"},
		{"/", "pt-BR", "pt", "O seu nome completo"},
		{"/", "ja", "en", "Your full name"},
		{"/?ui=fr", "de", "fr", "Vos nom et prénom"},
		{"/?ui=xx", "sv", "sv", "Ditt fullständiga namn"},
	} {
		rec := get(t, c.target, "Accept-Language", c.accept)
		body := rec.Body.String()
		if !strings.Contains(body, `<html lang="`+c.want+`">`) || !strings.Contains(body, c.word) {
			t.Errorf("GET %s with Accept-Language %q: want the page in %s (%q)", c.target, c.accept, c.want, c.word)
		}
		if got := rec.Header().Get("Content-Language"); got != c.want {
			t.Errorf("GET %s with Accept-Language %q: Content-Language %q, want %s", c.target, c.accept, got, c.want)
		}
	}
}

// TestEveryLanguage renders the page in every language with every part
// shown (errors, the mailto result, the form route, the rights panel):
// a word missing in a language fails the template.
func TestEveryLanguage(t *testing.T) {
	g, _ := objector.New(objector.Config{})
	for _, lang := range g.Messages().Languages() {
		bad := erika("pdf")
		bad.Del("name")
		bad.Set("email", "nobody")
		rec := post(t, withUI(bad, lang))
		wantStatus(t, rec, http.StatusUnprocessableEntity)
		if !strings.Contains(rec.Body.String(), `<html lang="`+lang+`">`) {
			t.Errorf("%s: the page is not in %s", lang, lang)
		}
		for _, out := range []string{"mailto", "form", "rights"} {
			wantStatus(t, post(t, withUI(erika(out), lang)), http.StatusOK)
		}
		for _, res := range []string{"DE", "US-CA", "BR", "US-WY"} {
			wantStatus(t, get(t, "/rights?residence="+res+"&ui="+lang), http.StatusOK)
		}
	}
}

func withUI(v url.Values, lang string) url.Values {
	v.Set("ui", lang)
	return v
}

func TestPDF(t *testing.T) {
	rec := post(t, erika("pdf"))
	wantDownload(t, rec, "application/pdf", ".pdf")
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"Erika Mustermann", "LinkedIn Ireland", "Widerspruch", "DSGVO", "10115 Berlin"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

// TestOtherCompany writes to a company outside the directory, in the
// language asked for rather than the residence's.
func TestOtherCompany(t *testing.T) {
	v := erika("pdf")
	v.Set("controller", "other")
	v.Set("company-name", "Beispiel GmbH")
	v.Set("company-address", "Hauptstr. 5, 80331 München")
	v.Set("company-email", "privacy@example.com")
	v.Set("lang", "en")
	rec := post(t, v)
	wantDownload(t, rec, "application/pdf", ".pdf")
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"Beispiel GmbH", "80331 München", "Objection", "GDPR"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

func TestEML(t *testing.T) {
	rec := post(t, erika("eml"))
	wantDownload(t, rec, "message/rfc822", ".eml")
	m, err := mail.ReadMessage(rec.Body)
	if err != nil {
		t.Fatalf("the .eml does not parse: %v", err)
	}
	from, err := mail.ParseAddress(m.Header.Get("From"))
	if err != nil || from.Address != "erika@example.org" {
		t.Errorf("From %q, want erika@example.org", m.Header.Get("From"))
	}
	// LinkedIn takes objections through its form, not by email: the
	// draft has no recipient, and its body names the form.
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if !strings.Contains(subject, "Widerspruch") {
		t.Errorf("Subject %q: want the German objection", subject)
	}
}

func TestMailto(t *testing.T) {
	rec := post(t, erika("mailto"))
	wantStatus(t, rec, http.StatusOK)
	m := regexp.MustCompile(`<a class="button" id="mailto-link" href="(mailto:[^"]+)"`).FindStringSubmatch(rec.Body.String())
	if m == nil {
		t.Fatalf("no mailto: link in the page:\n%.3000s", rec.Body.String())
	}
	u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(u.Query().Get("body"), "Erika Mustermann") || !strings.Contains(u.Query().Get("subject"), "Widerspruch") {
		t.Errorf("mailto: %s: want a subject and the letter as body", m[1])
	}
}

// TestFormRoute checks the text for the company's own form: the setting
// to switch off first, then each field to fill with its copy button.
func TestFormRoute(t *testing.T) {
	rec := post(t, erika("form"))
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	setting := strings.Index(body, `class="step-setting"`)
	field := strings.Index(body, `class="step-field"`)
	if setting < 0 || field < 0 || setting > field {
		t.Errorf("want the setting step before the field steps (setting at %d, field at %d)", setting, field)
	}
	buttons := regexp.MustCompile(`<button type="button" class="copy" data-copy="([^"]+)"`).FindAllStringSubmatch(body, -1)
	if len(buttons) == 0 {
		t.Fatal("no copy buttons")
	}
	for _, b := range buttons {
		if !strings.Contains(body, `id="`+b[1]+`"`) {
			t.Errorf("copy button for %s: no such field", b[1])
		}
	}
	if !strings.Contains(body, "Erika Mustermann") || !strings.Contains(body, "https://www.linkedin.com/") {
		t.Error("the form route lacks the person's name or the company's form link")
	}
}

func TestICS(t *testing.T) {
	rec := post(t, erika("ics"))
	wantDownload(t, rec, "text/calendar", "-due.ics")
	body := rec.Body.String()
	for _, want := range []string{"BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261224"} {
		if !strings.Contains(body, want) {
			t.Errorf("the calendar lacks %q:\n%s", want, body)
		}
	}
}

func TestFollowups(t *testing.T) {
	for _, c := range []struct{ output, want string }{
		{"reminder", "Erinnerung"},
		{"complaint", "Beschwerde"},
	} {
		v := erika(c.output)
		v.Set("residence", "DE-BE")
		v.Set("sent", "2026-09-01")
		rec := post(t, v)
		wantDownload(t, rec, "application/pdf", ".pdf")
		if text := pdfText(t, rec.Body.Bytes()); !strings.Contains(text, c.want) || !strings.Contains(text, "1. September 2026") {
			t.Errorf("%s: the PDF lacks %q or the first letter's date:\n%s", c.output, c.want, text)
		}
	}
}

// wantFieldError checks that the page names the problem next to field,
// tied to it with aria-describedby, and in the error summary.
func wantFieldError(t *testing.T, rec *httptest.ResponseRecorder, field, msg string) {
	t.Helper()
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	body := rec.Body.String()
	if !strings.Contains(body, `<p class="error" id="`+field+`-error">`+msg) {
		t.Errorf("no error %q next to %s:\n%.4000s", msg, field, body)
	}
	m := regexp.MustCompile(`id="` + field + `"[^>]*aria-describedby="([^"]*)"([^>]*)`).FindStringSubmatch(body)
	if m == nil || !strings.Contains(m[1], field+"-error") {
		t.Errorf("field %s is not described by its error", field)
	} else if field != "purpose" && !strings.Contains(m[2], `aria-invalid="true"`) {
		t.Errorf("field %s is not marked invalid", field) // a group of check boxes is not a field
	}
	if !strings.Contains(body, `<a href="#`+field+`">`) {
		t.Errorf("the error summary does not link to %s", field)
	}
}

func TestFieldErrors(t *testing.T) {
	for _, c := range []struct {
		name       string
		change     func(url.Values)
		field, msg string
	}{
		{"no name", func(v url.Values) { v.Del("name") }, "name", "Please fill in this field."},
		{"bad email", func(v url.Values) { v.Set("email", "erika at example") }, "email", "Enter an email address"},
		{"unknown residence", func(v url.Values) { v.Set("residence", "Atlantis") }, "residence", "This place is not in the list."},
		{"unknown company", func(v url.Values) { v.Set("controller", "nosuchcompany") }, "controller", "Choose a company from the list"},
		{"no company", func(v url.Values) { v.Del("controller") }, "controller", "Please fill in this field."},
		{"other company without address", func(v url.Values) { v.Set("controller", "other"); v.Set("company-name", "X Ltd") }, "company-address", "Enter the company’s postal address"},
		{"bad date", func(v url.Values) { v.Set("date", "24.11.2026") }, "date", "Enter a date"},
		{"unknown purpose", func(v url.Values) { v.Add("purpose", "spying") }, "purpose", "This value cannot be used"},
		{"control character", func(v url.Values) { v.Set("account", "a\x07b") }, "account", "Remove line breaks"},
		{"reminder without date", func(v url.Values) { v.Set("output", "reminder") }, "sent", "Please fill in this field."},
		{"reminder too early", func(v url.Values) { v.Set("output", "reminder"); v.Set("sent", "2026-11-10") }, "sent", "The company has until 10 December 2026 to answer. You can write this from 11 December 2026 on."},
		{"glyph", func(v url.Values) { v.Set("name", "Erika 🦄") }, "name", "The PDF cannot print a character"},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := erika("pdf")
			c.change(v)
			wantFieldError(t, post(t, v), c.field, c.msg)
		})
	}
}

// TestErrorsKeepInput checks that the page shown again with errors keeps
// what the person entered, in the page's language.
func TestErrorsKeepInput(t *testing.T) {
	v := erika("pdf")
	v.Set("email", "erika@")
	v.Set("reason", "Ich möchte <das> nicht.")
	rec := post(t, withUI(v, "de"))
	wantFieldError(t, rec, "email", "Geben Sie eine E-Mail-Adresse")
	body := rec.Body.String()
	for _, want := range []string{`value="Erika Mustermann"`, `value="erika@"`, "Ich möchte &lt;das&gt; nicht.", `<option value="linkedin" selected>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lost %s", want)
		}
	}
}

func TestNoEmailWhenLineBreakInName(t *testing.T) {
	v := erika("eml")
	v.Set("name", "Erika\r\nBcc: x@example.org")
	wantFieldError(t, post(t, v), "name", "Remove line breaks")
}

func TestRightsPanel(t *testing.T) {
	for _, c := range []struct {
		query  string
		status int
		want   []string
	}{
		{"residence=DE&ui=de&date=2026-11-24", 200, []string{"Widerspruchsrecht", "Art. 21(1) GDPR", "24. Dezember 2026", "für einen Brief vom 24. November 2026"}},
		{"residence=Deutschland&ui=de", 200, []string{"Widerspruchsrecht"}},
		{"residence=us-ca&ui=en&date=2026-11-24", 200, []string{"Right to opt out of the sale of your data", "California"}},
		{"residence=US-WY&ui=en", 200, []string{"No law gives you these rights where you live."}},
		{"residence=&ui=fr", 200, []string{"Indiquez votre lieu de résidence"}},
		{"residence=Atlantis&ui=en", 422, []string{"This place is not in the list."}},
	} {
		rec := get(t, "/rights?"+c.query)
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.query, rec.Code, c.status)
		}
		for _, w := range c.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s: the panel lacks %q:\n%s", c.query, w, rec.Body.String())
			}
		}
	}
}

// TestRightsWithoutJavaScript: the page's "show my rights" button posts
// the form, and the page comes back with the panel filled in.
func TestRightsWithoutJavaScript(t *testing.T) {
	rec := post(t, erika("rights"))
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), "Right to object") || !strings.Contains(rec.Body.String(), `value="Erika Mustermann"`) {
		t.Error("the page does not show the rights and keep the form")
	}
}

func TestRequestErrors(t *testing.T) {
	big := erika("pdf")
	big.Set("reason", strings.Repeat("x", web.DefaultMaxBodyBytes))
	rec := post(t, big)
	wantStatus(t, rec, http.StatusRequestEntityTooLarge)
	if !strings.Contains(rec.Body.String(), "What you sent is too long.") {
		t.Error("a too large post does not say so")
	}

	rec = post(t, withUI(big, "de"))
	wantStatus(t, rec, http.StatusRequestEntityTooLarge)

	for _, c := range []struct {
		method, target, contentType string
		header                      []string
		status                      int
	}{
		{"PUT", "/", "application/x-www-form-urlencoded", nil, http.StatusMethodNotAllowed},
		{"DELETE", "/rights", "", nil, http.StatusMethodNotAllowed},
		{"POST", "/static/app.js", "", nil, http.StatusMethodNotAllowed},
		{"GET", "/admin", "", nil, http.StatusNotFound},
		{"POST", "/", "multipart/form-data; boundary=x", nil, http.StatusUnsupportedMediaType},
		{"POST", "/", "application/x-www-form-urlencoded", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
	} {
		req := httptest.NewRequest(c.method, c.target, strings.NewReader(erika("pdf").Encode()))
		if c.contentType != "" {
			req.Header.Set("Content-Type", c.contentType)
		}
		for i := 0; i+1 < len(c.header); i += 2 {
			req.Header.Set(c.header[i], c.header[i+1])
		}
		rec := httptest.NewRecorder()
		newHandler(t).ServeHTTP(rec, req)
		if rec.Code != c.status {
			t.Errorf("%s %s (%s %v): status %d, want %d", c.method, c.target, c.contentType, c.header, rec.Code, c.status)
		}
		if c.status == http.StatusMethodNotAllowed && rec.Header().Get("Allow") == "" {
			t.Errorf("%s %s: 405 without an Allow header", c.method, c.target)
		}
	}

	rec = post(t, erika("print"))
	wantStatus(t, rec, http.StatusBadRequest)
	// Same-origin posts and those of older browsers (no header) pass.
	wantStatus(t, post(t, erika("ics"), "Sec-Fetch-Site", "same-origin"), http.StatusOK)
}

// TestMounted serves the handler under a prefix, as an embedder would:
// every link of the page still resolves.
func TestMounted(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/objector/", http.StripPrefix("/objector", newHandler(t)))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/objector/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	base, _ := url.Parse(srv.URL + "/objector/")
	for _, m := range regexp.MustCompile(`(?:src|href)="(static/[^"]+)"`).FindAllStringSubmatch(string(page), -1) {
		resp, err := http.Get(base.ResolveReference(&url.URL{Path: m[1]}).String())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s under /objector/: status %d", m[1], resp.StatusCode)
		}
	}
	resp, err = http.PostForm(srv.URL+"/objector/?ui=en", erika("ics"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("POST under /objector/: status %d", resp.StatusCode)
	}
}

// TestConcurrent writes letters from several goroutines at once, for the
// race detector.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, out := range []string{"pdf", "eml", "form"} {
				if rec := post(t, erika(out)); rec.Code != http.StatusOK {
					t.Errorf("%s: status %d", out, rec.Code)
				}
			}
		}()
	}
	wg.Wait()
}
