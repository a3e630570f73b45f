// Package web is the local web page behind `objector serve`: one form that
// writes a person's letter with an [objector.Generator] and hands it back
// as a PDF, an .eml draft, a mailto: link, the text for the company's own
// web form, or the due date as a calendar file; and the follow-ups
// (reminder, complaint) for a letter sent earlier.
//
// # Mounting
//
// [New] returns an [http.Handler]. It answers at the root of whatever path
// it is mounted on, and every link in its page is relative, so an embedder
// can mount it under a prefix with [http.StripPrefix]:
//
//	gen, _ := objector.New(objector.Config{})
//	mux.Handle("/objector/", http.StripPrefix("/objector", web.New(gen, web.Options{})))
//
// # Privacy and security
//
// The handler is stateless: it keeps nothing between requests, sets no
// cookies, writes no log and loads nothing from elsewhere (its style sheet
// and script are embedded, and a Content-Security-Policy of
// default-src 'self' holds the page to them). Request bodies are limited
// in size ([Options].MaxBodyBytes), and form posts another site makes are
// refused, judged by the browser's Sec-Fetch-Site header. Because it is
// stateless, any number of copies can run behind a reverse proxy without
// shared storage or sticky sessions.
//
// # Languages
//
// The page speaks every language objector writes letters in. It picks
// one from the Accept-Language header, unless the query parameter "ui"
// names another (the page's language switcher sets it; no cookie
// remembers it). Its words are the web_* messages in package locales.
//
// # Without JavaScript
//
// Everything works with JavaScript off: the form posts, the server
// answers with the file to download, or with the page again showing the
// result or the errors next to the fields they concern. The script only
// adds the live rights panel, the copy buttons and the switch that hides
// the fields for a company outside the directory.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/objector/objector"
)

//go:embed assets
var assets embed.FS

// DefaultMaxBodyBytes is the largest form post [New]'s handler reads
// unless [Options].MaxBodyBytes says otherwise: a letter with long reasons
// and addresses is a few kilobytes.
const DefaultMaxBodyBytes = 64 << 10

// Options adjust the handler [New] returns. The zero value is ready to
// use.
type Options struct {
	// MaxBodyBytes limits the size of a form post; a larger one is
	// answered with 413 Request Entity Too Large. Zero means
	// [DefaultMaxBodyBytes].
	MaxBodyBytes int64
	// Today returns the date the form proposes as the letter date (only
	// its calendar date counts). Nil means today in UTC.
	Today func() time.Time
}

// Handler serves the page. Make it with [New]; it is safe for concurrent
// use and holds no state between requests.
type Handler struct {
	gen  *objector.Generator
	opt  Options
	mux  *http.ServeMux
	ui   *catalog
	page *pageTemplates
}

// New returns the handler for gen's page. It panics if the embedded page
// templates or the page's messages are broken, which the package's tests
// rule out.
func New(gen *objector.Generator, opt Options) *Handler {
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.Today == nil {
		opt.Today = func() time.Time { return time.Now().UTC() }
	}
	ui, err := newCatalog(gen)
	if err != nil {
		panic("web: " + err.Error())
	}
	h := &Handler{gen: gen, opt: opt, ui: ui, page: mustParseTemplates()}
	static, err := fs.Sub(assets, "assets/static")
	if err != nil {
		panic("web: " + err.Error())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.serveForm)
	mux.HandleFunc("POST /{$}", h.serveLetter)
	mux.HandleFunc("GET /rights", h.serveRights)
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticFiles(http.FileServerFS(static))))
	h.mux = mux
	return h
}

// ServeHTTP answers one request: the page (GET /), a letter (POST /), the
// rights panel (GET /rights?residence=DE&date=2026-11-24&ui=de) or an
// embedded asset (GET /static/...).
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	hd.Set("Cross-Origin-Resource-Policy", "same-origin")
	hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	h.mux.ServeHTTP(w, r)
}

// staticFiles serves the embedded assets, which change only with the
// binary, with a cache lifetime of an hour.
func staticFiles(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// noStore marks a response that carries personal data: no cache may keep
// it.
func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}

// today returns the handler's date for new letters, at midnight UTC.
func (h *Handler) today() time.Time {
	y, m, d := h.opt.Today().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// parseDate parses a date written as 2006-01-02.
func parseDate(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, strings.TrimSpace(s))
}
