package web_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserEnv returns the Chromium to drive and the axe-core script to run
// in it (the file named by OBJECTOR_AXE, such as
// node_modules/axe-core/axe.min.js). It skips the test where either is
// missing, unless OBJECTOR_REQUIRE_BROWSER=1 (as in CI).
func browserEnv(t *testing.T) (chromium string, axe []byte) {
	t.Helper()
	skip := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("OBJECTOR_REQUIRE_BROWSER") == "1" {
			t.Fatalf("OBJECTOR_REQUIRE_BROWSER=1: "+format, args...)
		}
		t.Skipf(format, args...)
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		skip("no Chromium to drive: install it (apt-get install chromium) to run the browser test")
	}
	path := os.Getenv("OBJECTOR_AXE")
	if path == "" {
		skip("OBJECTOR_AXE is not set: npm install --prefix DIR axe-core, then OBJECTOR_AXE=DIR/node_modules/axe-core/axe.min.js")
	}
	axe, err := os.ReadFile(path)
	if err != nil {
		skip("OBJECTOR_AXE: %v", err)
	}
	return chromium, axe
}

// awaitPromise makes Evaluate wait for the promise an expression returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// TestBrowser uses the page as a person would, in headless Chromium: it
// fills in the form by typing, watches the rights panel follow the
// residence, downloads the PDF and reads it back with pdftotext, copies a
// field of the company's form to the clipboard, switches the page's
// language, and runs axe-core on each state of the page. The page may load
// nothing from anywhere but its own server, and its script may throw no
// error.
func TestBrowser(t *testing.T) {
	chromium, axe := browserEnv(t)
	srv := httptest.NewServer(newHandler(t))
	defer srv.Close()

	downloads := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.WindowSize(1200, 1000),
		chromedp.Flag("lang", "en-US"),
		chromedp.Flag("accept-lang", "en-US,en"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()

	var foreign, problems []string
	done := make(chan string, 4)
	// Download events come from the page's target or from the browser,
	// depending on Chromium's version.
	downloaded := func(ev any) {
		if ev, ok := ev.(*browser.EventDownloadProgress); ok && ev.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- ev.GUID:
			default:
			}
		}
	}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if u := ev.Request.URL; !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") {
				foreign = append(foreign, u)
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, ev.ExceptionDetails.Error())
		default:
			downloaded(ev)
		}
	})
	chromedp.ListenBrowser(ctx, downloaded)

	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	checkAxe := func(state string) {
		t.Helper()
		var out string
		run("axe-core on "+state,
			chromedp.Evaluate(string(axe), nil),
			chromedp.Evaluate(`axe.run(document).then(r => JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))}))`, &out, awaitPromise),
		)
		var res struct {
			Passes     int
			Violations []struct {
				ID, Impact, Help string
				Nodes            []string
			}
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("axe-core on %s: %v", state, err)
		}
		if res.Passes < 10 {
			t.Fatalf("axe-core on %s passed only %d rules: did it run?", state, res.Passes)
		}
		for _, v := range res.Violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("axe-core on %s: %s (%s): %s at %v", state, v.ID, v.Impact, v.Help, v.Nodes)
			} else {
				t.Logf("axe-core on %s: %s (%s): %s", state, v.ID, v.Impact, v.Help)
			}
		}
	}

	run("open the page",
		network.Enable(),
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllowAndName).WithDownloadPath(downloads).WithEventsEnabled(true),
		browser.GrantPermissions([]browser.PermissionType{browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(srv.URL),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#residence", chromedp.ByID),
	)
	checkAxe("the empty page")

	// Fill in the form as a person would: type, pick from lists, tick.
	var panel string
	run("fill in the form",
		chromedp.SendKeys("#residence", "Germany", chromedp.ByID),
		chromedp.WaitVisible(`//aside[@id="rights-panel"]//li[contains(., "Right to object")]`),
		chromedp.Text("#rights-panel", &panel, chromedp.ByID),
		chromedp.SetValue("#controller", "linkedin", chromedp.ByID),
		chromedp.SendKeys("#name", "Erika Mustermann", chromedp.ByID),
		chromedp.SendKeys("#email", "erika@example.org", chromedp.ByID),
		chromedp.SendKeys("#address", "Musterstraße 1\n10115 Berlin", chromedp.ByID),
		// Tick a box with the keyboard.
		chromedp.Focus("#purpose-ads", chromedp.ByID),
		chromedp.KeyEvent(" "),
	)
	var ticked bool
	run("tick ads", chromedp.Evaluate(`document.getElementById("purpose-ads").checked`, &ticked))
	if !ticked {
		t.Error("the space bar did not tick the box")
	}
	if !strings.Contains(panel, "Art. 21(1) GDPR") || !strings.Contains(panel, "24 December 2026") {
		t.Errorf("the rights panel for Germany lacks the objection right or the due date:\n%s", panel)
	}
	if shot := os.Getenv("OBJECTOR_SCREENSHOT"); shot != "" {
		var png []byte
		run("screenshot", chromedp.EmulateViewport(1100, 860), chromedp.Evaluate(`document.activeElement.blur(); window.scrollTo({top: 0, behavior: "instant"})`, nil), chromedp.Sleep(200*time.Millisecond), chromedp.CaptureScreenshot(&png))
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkAxe("the filled-in form")

	run("download the PDF", chromedp.Click(`button[value="pdf"]`, chromedp.ByQuery))
	select {
	case guid := <-done:
		pdf, err := os.ReadFile(filepath.Join(downloads, guid))
		if err != nil {
			t.Fatal(err)
		}
		text := pdfText(t, pdf)
		for _, want := range []string{"Erika Mustermann", "Musterstraße 1", "Widerspruch", "Werbung"} {
			if !strings.Contains(text, want) {
				t.Errorf("the downloaded PDF lacks %q:\n%s", want, text)
			}
		}
	case <-ctx.Done():
		t.Fatal("the PDF did not download")
	}

	// The text for the company's own form, and a copy button.
	var value, copied, status string
	run("the company's form",
		chromedp.Click(`button[value="form"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#result`, chromedp.ByID),
		chromedp.WaitVisible(`button.copy`, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById(document.querySelector("button.copy").dataset.copy).value`, &value),
		chromedp.Focus(`button.copy`, chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		chromedp.Poll(`document.getElementById("copy-status").textContent`, &status, chromedp.WithPollingTimeout(time.Minute)),
		chromedp.Evaluate(`navigator.clipboard.readText()`, &copied, awaitPromise),
	)
	if value == "" || copied != value {
		t.Errorf("the copy button copied %q, want the field's text %q", copied, value)
	}
	if status != "Copied to the clipboard." {
		t.Errorf("the copy button announced %q", status)
	}
	checkAxe("the company's form")

	// A mistake: the page comes back with the error next to the field.
	var errText, describedBy string
	run("an invalid email address",
		chromedp.SetValue("#email", "erika at example", chromedp.ByID),
		chromedp.Click(`button[value="pdf"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#email-error`, chromedp.ByID),
		chromedp.Text(`#email-error`, &errText, chromedp.ByID),
		chromedp.AttributeValue(`#email`, "aria-describedby", &describedBy, nil, chromedp.ByID),
	)
	if !strings.Contains(errText, "Enter an email address") || !strings.Contains(describedBy, "email-error") {
		t.Errorf("the email error %q is not tied to the field (aria-describedby %q)", errText, describedBy)
	}
	checkAxe("the page with an error")

	// Switch the page to German with the switcher.
	var lang, label string
	run("switch the language",
		chromedp.SetValue("#ui", "de", chromedp.ByID),
		chromedp.Click(`form.switcher button`, chromedp.ByQuery),
		chromedp.WaitVisible(`//html[@lang="de"]//label[@for="name"]`),
		chromedp.AttributeValue("html", "lang", &lang, nil, chromedp.ByQuery),
		chromedp.Text(`label[for="name"]`, &label, chromedp.ByQuery),
	)
	if lang != "de" || !strings.Contains(label, "Ihr vollständiger Name") {
		t.Errorf("after switching to German: lang %q, name label %q", lang, label)
	}
	checkAxe("the German page")

	if len(foreign) > 0 {
		t.Errorf("the page loaded from elsewhere: %v", foreign)
	}
	if len(problems) > 0 {
		t.Errorf("the page's script threw: %v", problems)
	}
}
