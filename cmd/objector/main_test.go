package main

import (
	"bytes"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// update makes golden-file tests in this package rewrite their files
// (README.md's Usage block, testdata/golden/*) instead of comparing.
var update = flag.Bool("update", false, "rewrite golden files instead of comparing")

func TestMain(m *testing.M) {
	// Letters the tests write are recorded in a ledger of their own,
	// never in the real one.
	data, err := os.MkdirTemp("", "objector-test-data")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(data)
	os.Setenv("XDG_DATA_HOME", data)
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"objector":   func() int { return run(os.Args, os.Stdin, os.Stdout, os.Stderr) },
		"mkpng":      mkpng,
		"mailinfo":   mailinfo,
		"mkrows":     mkrows,
		"csvhead":    csvhead,
		"countfiles": countfiles,
		"zipls":      zipls,
	}))
}

// mkpng writes a tiny PNG (a 40 × 10 black stroke on white) to the file
// named by its argument: a signature image for scripts. With -truncate,
// only the first 24 bytes: a PNG signature and a cut-off header.
func mkpng() int {
	args := os.Args[1:]
	truncate := len(args) == 2 && args[0] == "-truncate"
	if truncate {
		args = args[1:]
	}
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: mkpng [-truncate] FILE")
		return 2
	}
	img := image.NewGray(image.Rect(0, 0, 40, 10))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for x := 2; x < 38; x++ {
		img.SetGray(x, 5+x%3-1, color.Gray{})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	b := buf.Bytes()
	if truncate {
		b = b[:24]
	}
	if err := os.WriteFile(args[0], b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// mailinfo parses the message in the file named by its argument with
// net/mail and prints, one per line, its headers with RFC 2047 words
// decoded ("Subject: ..."), the bare From and To addresses, then each part
// of a multipart message as "part: TYPE; FILENAME; ENCODING; first bytes
// decoded", and the decoded text after "--- text ---". Scripts grep the
// result; a message that does not parse fails the command.
func mailinfo() int {
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "mailinfo:", err); return 1 }
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mailinfo FILE")
		return 2
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	m, err := mail.ReadMessage(f)
	if err != nil {
		return fail(err)
	}
	var dec mime.WordDecoder
	for _, k := range []string{"From", "To", "Subject", "Date", "Message-Id", "Content-Language", "X-Unsent", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"} {
		v := m.Header.Get(k)
		if v == "" {
			continue
		}
		d, err := dec.DecodeHeader(v)
		if err != nil {
			return fail(fmt.Errorf("%s: %v", k, err))
		}
		fmt.Printf("%s: %s\n", k, d)
	}
	for _, k := range []string{"From", "To"} {
		if v := m.Header.Get(k); v != "" {
			a, err := mail.ParseAddress(v)
			if err != nil {
				return fail(fmt.Errorf("%s: %v", k, err))
			}
			fmt.Printf("%s address: %s\n", k, a.Address)
		}
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		return fail(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		text, err := decodeBody(m.Body, m.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return fail(err)
		}
		fmt.Printf("--- text ---\n%s", bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
		return 0
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	var text []byte
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		b, err := decodeBody(p, p.Header.Get("Content-Transfer-Encoding"))
		if err != nil {
			return fail(err)
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			text = b
		}
		fmt.Printf("part: %s; %s; %s; %q\n", p.Header.Get("Content-Type"), p.FileName(), p.Header.Get("Content-Transfer-Encoding"), b[:min(len(b), 5)])
	}
	fmt.Printf("--- text ---\n%s", bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")))
	return 0
}

// decodeBody reads r and undoes the transfer encoding cte.
func decodeBody(r io.Reader, cte string) ([]byte, error) {
	switch strings.ToLower(cte) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	case "", "7bit", "8bit":
	default:
		return nil, fmt.Errorf("unknown Content-Transfer-Encoding %q", cte)
	}
	return io.ReadAll(r)
}

// TestScripts runs the command-line sessions in testdata/script, each
// headed by what it guards.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// A profile in the real home must never leak into a test.
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/config")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/data")
			env.Setenv("OBJECTOR_REQUIRE_PDFTOOLS", os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS"))
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "pdftools" {
				_, err1 := lookPath("pdftotext")
				_, err2 := lookPath("qpdf")
				// An error, not t.Fatal: testscript calls this from the
				// script's own goroutine, and fails that script with it.
				if (err1 != nil || err2 != nil) && os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS") == "1" {
					return false, errors.New("pdftotext and qpdf are required (OBJECTOR_REQUIRE_PDFTOOLS=1): install poppler-utils and qpdf")
				}
				return err1 == nil && err2 == nil, nil
			}
			return false, nil
		},
	})
}
