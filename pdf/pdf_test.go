package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/objector/objector/letter"
)

// needTool skips the test if the command-line tool name is missing, or
// fails it if OBJECTOR_REQUIRE_PDFTOOLS=1 (as in CI).
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("OBJECTOR_REQUIRE_PDFTOOLS") == "1" {
			t.Fatalf("%s not found and OBJECTOR_REQUIRE_PDFTOOLS=1: install poppler-utils and qpdf", name)
		}
		t.Skipf("%s not found: install poppler-utils and qpdf to run this test", name)
	}
}

var renderer = func() *Renderer {
	r, err := NewRenderer()
	if err != nil {
		panic(err)
	}
	return r
}()

// render writes l to a file in a temporary folder and returns its path
// and bytes.
func render(t *testing.T, l *letter.Letter, opt Options) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := renderer.Write(&b, l, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// run runs a tool and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	needTool(t, name)
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr.Bytes())
	}
	return string(out)
}

// normalize turns every run of white space, no-break spaces included,
// into one space.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

var layouts = []Options{
	{Paper: "a4", Window: "left"},
	{Paper: "a4", Window: "right"},
	{Paper: "letter", Window: "left"},
	{Paper: "letter", Window: "right"},
}

func (o Options) name() string { return o.Paper + "-" + o.Window }

// TestScripts renders letters in several scripts and checks that
// pdftotext gives back every text exactly.
func TestScripts(t *testing.T) {
	cases := []struct{ lang, subject, body, name, street string }{
		{"de", "Widerspruch nach Art.\u00a021 Abs.\u00a01 DSGVO", "Größe, Übermaß und Straße: äöü ÄÖÜ ß, „Anführungszeichen“ – Gedankenstrich.", "Jürgen Weiß", "Königstraße 5"},
		{"pl", "Sprzeciw na podstawie art.\u00a021 ust.\u00a01 RODO", "Zażółć gęślą jaźń: ąęłńśźż ĄĘŁŃŚŹŻ, sprzeciwiam się przetwarzaniu moich danych.", "Łukasz Wróbel", "ul. Źródlana 7"},
		{"cs", "Námitka podle čl.\u00a021 odst.\u00a01 GDPR", "Příliš žluťoučký kůň úpěl ďábelské ódy: řŘ ěĚ šŠ čČ ůŮ.", "Jiří Dvořák", "Řeznická 12"},
		{"el", "Εναντίωση βάσει του άρθρου\u00a021 παρ.\u00a01 ΓΚΠΔ", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία: αντιτίθεμαι στην επεξεργασία των δεδομένων μου.", "Γιώργος Παπαδόπουλος", "Οδός Ερμού 10"},
		{"bg", "Възражение по чл.\u00a021, ал.\u00a01 от ОРЗД", "Възразявам срещу обработването на личните ми данни: Щъркелът ъгъл юг яж ЮЯЪ.", "Иван Петров", "ул. „Шипка“ 3"},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			l := fixture()
			l.Lang = c.lang
			l.Subject = c.subject
			l.Body = []string{c.body, strings.Repeat(c.body+" ", 6)}
			l.Sender.Name, l.Signature = c.name, c.name
			l.Sender.Address = []string{c.street, "1000 " + c.name}
			path, raw := render(t, l, Options{})
			got := normalize(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			for _, want := range append([]string{l.Subject, l.Salutation, l.Closing, c.street, l.DateText}, l.Body...) {
				if !strings.Contains(got, normalize(want)) {
					t.Errorf("pdftotext lacks %q\ngot: %s", want, got)
				}
			}
			if !bytes.Contains(raw, []byte("/Lang ("+c.lang+")")) {
				t.Errorf("catalog lacks /Lang (%s)", c.lang)
			}
			run(t, "qpdf", "--check", path)
		})
	}
}

// TestInfo checks paper size and metadata with pdfinfo, and the file with
// qpdf --check, for every layout.
func TestInfo(t *testing.T) {
	for _, opt := range layouts {
		t.Run(opt.name(), func(t *testing.T) {
			opt.Creator = "objector 9.9.9"
			path, _ := render(t, fixture(), opt)
			run(t, "qpdf", "--check", path)
			info := run(t, "pdfinfo", path)
			size := "(A4)"
			if opt.Paper == "letter" {
				size = "(letter)"
			}
			l := fixture()
			for _, want := range []string{
				"Title:           " + normalize(l.Subject),
				"Subject:         " + normalize(l.Subject),
				"Author:          Erika Mustermann",
				"Creator:         objector 9.9.9",
				"CreationDate:    Tue Nov 24 00:00:00 2026 UTC",
				"ModDate:         Tue Nov 24 00:00:00 2026 UTC",
				size,
			} {
				if !strings.Contains(normalize(info), normalize(want)) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

// bboxDoc is what pdftotext -bbox writes.
type bboxDoc struct {
	Pages []struct {
		Words []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"body>doc>page"`
}

func bbox(t *testing.T, path string) bboxDoc {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	// Drop the XHTML doctype, which encoding/xml cannot follow.
	if i := strings.Index(out, "<html"); i >= 0 {
		out = out[i:]
	}
	var d bboxDoc
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("parsing pdftotext -bbox: %v", err)
	}
	return d
}

const ptPerMM = 72 / 25.4

// TestAddressInWindow checks with pdftotext -bbox that every word of the
// recipient lies inside the window field and the return address inside
// its zone at the top, for every layout, with a short and a long address.
func TestAddressInWindow(t *testing.T) {
	addresses := map[string]letter.Party{
		"short": {Name: "Quuxwerke GmbH", Address: []string{"Postfach 4711", "80999 München"}},
		// Long lines that wrap, as many as a #10 window takes.
		"long": {Name: "Quuxwerke Zentralverwaltungsgesellschaft für Datenschutzangelegenheiten mbH & Co. KG",
			Address: []string{"z. Hd. Datenschutzbeauftragter Quuxabteilung", "Hintere Hauptstraßenverlängerung 12345b", "80999 München", "Deutschland"}},
	}
	// Seven lines, some wrapping: only the A4 field has room.
	tall := letter.Party{Name: "Quuxwerke Zentralverwaltungsgesellschaft für Datenschutzangelegenheiten mbH & Co. KG",
		Address: []string{"z. Hd. Datenschutzbeauftragter Quuxabteilung", "Gebäude Nordflügel, Etage Zwölf", "Hintere Hauptstraßenverlängerung 12345b", "Postfach 4711", "80999 München", "Bundesrepublik Deutschland"}}
	for _, opt := range layouts {
		addresses := addresses
		if opt.Paper == "a4" {
			addresses = map[string]letter.Party{"short": addresses["short"], "long": addresses["long"], "tall": tall}
		}
		for name, rcpt := range addresses {
			t.Run(opt.name()+"/"+name, func(t *testing.T) {
				l := fixture()
				l.Recipient = rcpt
				l.Body = []string{"Ein kurzer Brief."}
				lay, err := layoutFor(opt.Paper, opt.Window)
				if err != nil {
					t.Fatal(err)
				}
				path, _ := render(t, l, opt)
				d := bbox(t, path)
				words := map[string]bool{}
				for _, s := range append([]string{rcpt.Name}, rcpt.Address...) {
					for _, w := range strings.Fields(s) {
						words[w] = true
					}
				}
				x0, y0 := lay.winX*ptPerMM, lay.winY*ptPerMM
				x1, y1 := (lay.winX+lay.winW)*ptPerMM, (lay.winY+lay.winH)*ptPerMM
				ry1 := (lay.winY + lay.returnH) * ptPerMM
				found, ret := 0, 0
				for _, w := range d.Pages[0].Words {
					switch {
					case words[w.Text]:
						found++
						if w.XMin < x0 || w.XMax > x1 || w.YMin < ry1-0.5 || w.YMax > y1 {
							t.Errorf("recipient word %q at (%.1f,%.1f)-(%.1f,%.1f) pt is outside the window field below the return address (%.1f,%.1f)-(%.1f,%.1f)",
								w.Text, w.XMin, w.YMin, w.XMax, w.YMax, x0, ry1, x1, y1)
						}
					case w.Text == "Mustermann,": // only the return address has the comma
						ret++
						if w.XMin < x0 || w.XMax > x1 || w.YMin < y0 || w.YMax > ry1+0.5 {
							t.Errorf("return address at (%.1f,%.1f)-(%.1f,%.1f) pt is outside its zone (%.1f,%.1f)-(%.1f,%.1f)",
								w.XMin, w.YMin, w.XMax, w.YMax, x0, y0, x1, ry1)
						}
					}
				}
				if found < len(words) {
					t.Errorf("found %d recipient words on page 1, want at least %d", found, len(words))
				}
				if ret != 1 {
					t.Errorf("found the return address %d times, want 1", ret)
				}
			})
		}
	}
}

// TestAddressTooLong checks that an address that cannot fit is refused.
func TestAddressTooLong(t *testing.T) {
	l := fixture()
	for i := 0; i < 14; i++ {
		l.Recipient.Address = append(l.Recipient.Address, fmt.Sprintf("Zeile %d", i))
	}
	err := renderer.Write(&bytes.Buffer{}, l, Options{})
	if !errors.Is(err, ErrAddressTooLong) {
		t.Fatalf("Write = %v, want ErrAddressTooLong", err)
	}
}

// TestDeterministic renders the same letter twice in a row and many times
// at once with one Renderer, and wants the same bytes every time.
func TestDeterministic(t *testing.T) {
	for _, opt := range layouts {
		t.Run(opt.name(), func(t *testing.T) {
			var first bytes.Buffer
			if err := renderer.Write(&first, longFixture(), opt); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			outs := make([][]byte, 8)
			for i := range outs {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					var b bytes.Buffer
					if err := renderer.Write(&b, longFixture(), opt); err != nil {
						t.Error(err)
					}
					outs[i] = b.Bytes()
				}(i)
			}
			wg.Wait()
			for i, b := range outs {
				if !bytes.Equal(first.Bytes(), b) {
					n := 0
					for n < len(b) && n < first.Len() && b[n] == first.Bytes()[n] {
						n++
					}
					t.Errorf("run %d: %d bytes differ from the first run's %d bytes at offset %d", i, len(b), first.Len(), n)
				}
			}
		})
	}
}

// TestPageNumbers checks "Seite N von 3" on each page of a three-page
// letter, the short header on later pages, and no number on a one-page
// letter.
func TestPageNumbers(t *testing.T) {
	path, _ := render(t, longFixture(), Options{})
	info := run(t, "pdfinfo", path)
	if !regexp.MustCompile(`(?m)^Pages:\s+3$`).MatchString(info) {
		t.Fatalf("want 3 pages:\n%s", info)
	}
	for p := 1; p <= 3; p++ {
		n := fmt.Sprint(p)
		text := run(t, "pdftotext", "-f", n, "-l", n, "-layout", path, "-")
		if want := "Seite " + n + " von 3"; !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q:\n%s", p, want, text)
		}
		if header := "Erika Mustermann · 24. November 2026 · Widerspruch"; (p > 1) != strings.Contains(text, header) {
			t.Errorf("page %d: header %q present = %v, want %v", p, header, !(p > 1), p > 1)
		}
	}
	path, _ = render(t, fixture(), Options{})
	if text := run(t, "pdftotext", path, "-"); strings.Contains(text, "Seite") {
		t.Errorf("a one-page letter has a page number:\n%s", text)
	}
}

// TestNoBreakInCitation puts a citation with no-break spaces at every
// position of a line and checks that no line of pdftotext's output splits
// it.
func TestNoBreakInCitation(t *testing.T) {
	l := fixture()
	// The templates join a citation's parts with no-break spaces and
	// leave an ordinary space before the law's name.
	const cite = "Art.\u00a021 Abs.\u00a01 lit.\u00a0f"
	l.Body = nil
	for i := 0; i < 24; i++ {
		l.Body = append(l.Body, strings.Repeat("Wort ", 10)+strings.Repeat("x", i)+" "+cite+" DSGVO Ende.")
	}
	path, _ := render(t, l, Options{})
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	n := 0
	for _, line := range strings.Split(text, "\n") {
		n += strings.Count(normalize(line), normalize(cite))
	}
	if n != len(l.Body) {
		t.Errorf("%d of %d citations are on one line:\n%s", n, len(l.Body), text)
	}
	// The no-break space is in the font and measured by gofpdf.
	if err := renderer.CheckText("\u00a0"); err != nil {
		t.Error(err)
	}
}

// TestMissingGlyph checks that text outside the font is refused with
// ErrMissingGlyph and that nothing is written.
func TestMissingGlyph(t *testing.T) {
	for name, s := range map[string]string{"emoji": "Danke 🙂", "cjk": "異議", "zero width": "a\u200bb"} {
		t.Run(name, func(t *testing.T) {
			l := fixture()
			l.Body = append(l.Body, s)
			var b bytes.Buffer
			err := renderer.Write(&b, l, Options{})
			if !errors.Is(err, ErrMissingGlyph) {
				t.Fatalf("Write = %v, want ErrMissingGlyph", err)
			}
			if b.Len() != 0 {
				t.Errorf("Write wrote %d bytes despite the error", b.Len())
			}
		})
	}
}

// TestCountryLayout: the paper and the window side follow the letter's
// country: US Letter in North America, the right-hand window in
// Switzerland, A4 with a left window elsewhere.
func TestCountryLayout(t *testing.T) {
	for _, tc := range []struct{ country, paper, window string }{
		{"DE", "a4", "left"}, {"US", "letter", "left"}, {"CA", "letter", "left"},
		{"MX", "letter", "left"}, {"CH", "a4", "right"}, {"", "a4", "left"},
	} {
		if p, w := paperFor(tc.country), windowFor(tc.country); p != tc.paper || w != tc.window {
			t.Errorf("%q: %s, %s; want %s, %s", tc.country, p, w, tc.paper, tc.window)
		}
	}
}

// TestOverrides checks that the options win over the letter's choices and
// that bad values are refused.
func TestOverrides(t *testing.T) {
	l := fixture()
	l.Country = "US" // US Letter, which the option overrides

	path, _ := render(t, l, Options{Paper: "a4", Window: "left"})
	if info := run(t, "pdfinfo", path); !strings.Contains(info, "(A4)") {
		t.Errorf("Paper a4 did not override the letter's paper:\n%s", info)
	}
	for _, opt := range []Options{{Paper: "a5"}, {Window: "middle"}} {
		if err := renderer.Write(&bytes.Buffer{}, fixture(), opt); err == nil {
			t.Errorf("Write(%+v) succeeded", opt)
		}
	}
}

// TestEnclosuresAndSignature checks the enclosures list and a signature
// image, and that a file that is no image is refused.
func TestEnclosuresAndSignature(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 80))
	for x := 10; x < 290; x++ {
		img.Set(x, 40+(x%30)-15, color.NRGBA{0, 0, 128, 255})
	}
	var sig bytes.Buffer
	if err := png.Encode(&sig, img); err != nil {
		t.Fatal(err)
	}
	l := fixture()
	l.Enclosures = []string{"Kopie meines Personalausweises (geschwärzt)", "Screenshot der Einstellung"}
	path, raw := render(t, l, Options{Signature: sig.Bytes()})
	run(t, "qpdf", "--check", path)
	text := normalize(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range append([]string{"Anlagen"}, l.Enclosures...) {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, text)
		}
	}
	if !bytes.Contains(raw, []byte("/Subtype /Image")) {
		t.Error("no image in the PDF")
	}
	err := renderer.Write(&bytes.Buffer{}, fixture(), Options{Signature: []byte("not an image")})
	if !errors.Is(err, ErrSignatureImage) {
		t.Errorf("Write with a bad signature = %v, want ErrSignatureImage", err)
	}
}
