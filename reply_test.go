package objector_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/objector/objector"
)

// replyTo returns a request for a reply of kind to the request person(residence,
// lang) sent on 2026-09-01, written on 2026-11-24.
func replyTo(residence, lang, kind string) objector.Request {
	req := person(residence, lang)
	req.Kind = objector.KindReply
	req.Sent = day("2026-09-01")
	req.Reply = &objector.Reply{Kind: kind, Received: day("2026-09-20")}
	return req
}

func day(s string) time.Time { return mustDate(s) }

// replyCases are the reply letters kept in testdata/replies: every kind in
// English and German, and the UK, Swiss and three US states' replies.
func replyCases() []goldenCase {
	var cases []goldenCase
	for _, lang := range []string{"en", "de"} {
		for _, kind := range []string{objector.ReplyIDDemanded, objector.ReplyUseForm, objector.ReplyRefused} {
			cases = append(cases, goldenCase{kind + "-DE-" + lang, replyTo("DE", lang, kind)})
		}
		ext := replyTo("DE", lang, objector.ReplyExtended)
		ext.Reply.ExtendedTo = day("2026-12-01")
		late := replyTo("DE", lang, objector.ReplyExtended)
		late.Reply.Received = day("2026-10-05")
		late.Reply.NoReasons = true
		part := replyTo("DE", lang, objector.ReplyPartial)
		part.Reply.Received = day("2026-10-20")
		part.Reply.Unanswered = []string{"erasure", "notify-recipients"}
		cases = append(cases,
			goldenCase{"extended-DE-" + lang, ext},
			goldenCase{"extended-DE-" + lang + "-late-no-reasons", late},
			goldenCase{"partial-DE-" + lang, part},
		)
	}
	gbExt := replyTo("GB", "en", objector.ReplyExtended)
	gbExt.Reply.ExtendedTo = day("2027-03-01")
	appealVA := replyTo("US-VA", "en", objector.ReplyAppeal)
	appealVA.Reply.Received = time.Time{}
	cases = append(cases,
		goldenCase{"refused-GB-en", replyTo("GB", "en", objector.ReplyRefused)},
		goldenCase{"extended-GB-en-too-long", gbExt},
		goldenCase{"id-demanded-GB-en", replyTo("GB", "en", objector.ReplyIDDemanded)},
		goldenCase{"refused-CH-de", replyTo("CH", "de", objector.ReplyRefused)},
		goldenCase{"refused-CH-fr", replyTo("CH", "fr", objector.ReplyRefused)},
		goldenCase{"appeal-US-VA-en", appealVA},
		goldenCase{"appeal-US-CO-en", replyTo("US-CO", "en", objector.ReplyAppeal)},
		goldenCase{"appeal-US-TX-en", replyTo("US-TX", "en", objector.ReplyAppeal)},
		goldenCase{"id-demanded-US-CA-en", replyTo("US-CA", "en", objector.ReplyIDDemanded)},
	)
	return cases
}

// TestReplyGolden compares each golden reply as plain text. Run
// `go test -run TestReplyGolden -update` to rewrite them, then read the diff.
func TestReplyGolden(t *testing.T) {
	g := generator(t)
	for _, tc := range replyCases() {
		t.Run(tc.name, func(t *testing.T) {
			l, err := g.Generate(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			if l.Kind != objector.KindReply || l.FollowsUp == nil {
				t.Fatalf("kind %q, follows up %v; want a reply citing the original", l.Kind, l.FollowsUp)
			}
			var buf bytes.Buffer
			if err := g.Render(&buf, l, objector.FormatText, objector.RenderOptions{}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), l.FollowsUp.Reference) {
				t.Errorf("the reply does not quote the original reference %s", l.FollowsUp.Reference)
			}
			compareGolden(t, filepath.Join("testdata", "replies", tc.name+".txt"), buf.Bytes())
		})
	}
}

// TestReplyEveryLanguage writes every kind of reply a GDPR residence
// supports in every language, and the cited provisions appear in each.
func TestReplyEveryLanguage(t *testing.T) {
	g := generator(t)
	for _, lang := range languages(t) {
		for _, kind := range []string{objector.ReplyIDDemanded, objector.ReplyUseForm, objector.ReplyRefused, objector.ReplyExtended, objector.ReplyPartial} {
			req := replyTo("DE", lang, kind)
			if kind == objector.ReplyPartial {
				req.Reply.Unanswered = []string{"object", "erasure", "restriction", "notify-recipients"}
			}
			l, err := g.Generate(context.Background(), req)
			if err != nil {
				t.Errorf("%s %s: %v", lang, kind, err)
				continue
			}
			text := strings.Join(l.Body, "\n")
			for _, bad := range []string{"<no value>", "{{", "}}", "%!"} {
				if strings.Contains(text, bad) {
					t.Errorf("%s %s: the body contains %q:\n%s", lang, kind, bad, text)
				}
			}
			if !strings.Contains(text, "12") {
				t.Errorf("%s %s: no citation of Art. 12 or its neighbours in:\n%s", lang, kind, text)
			}
		}
	}
}

// TestReplyRefusals checks that a reply the law has no footing for, or one
// that comes too early, is an error that writes nothing.
func TestReplyRefusals(t *testing.T) {
	g := generator(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		req  objector.Request
		want string
	}{
		{"GDPR appeal", replyTo("DE", "en", objector.ReplyAppeal), "US state-law step"},
		{"CCPA appeal", replyTo("US-CA", "en", objector.ReplyAppeal), "no appeal"},
		{"no law", replyTo("US-NY", "en", objector.ReplyRefused), "no data protection law"},
		{"Swiss extension", replyTo("CH", "de", objector.ReplyExtended), "no confirmed provision"},
	} {
		_, err := g.Generate(ctx, tc.req)
		if !errors.Is(err, objector.ErrReplyUnsupported) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v; want ErrReplyUnsupported saying %q", tc.name, err, tc.want)
		}
	}

	early := replyTo("DE", "en", objector.ReplyPartial)
	early.AsOf = day("2026-09-25")
	early.Reply.Unanswered = []string{"erasure"}
	var nd *objector.NotDueError
	if _, err := g.Generate(ctx, early); !errors.As(err, &nd) {
		t.Errorf("a partial answer before the due date: err = %v; want a NotDueError", err)
	}
	// A company may demand an ID before the due date; the reply is fine.
	idEarly := replyTo("DE", "en", objector.ReplyIDDemanded)
	idEarly.AsOf = day("2026-09-25")
	if _, err := g.Generate(ctx, idEarly); err != nil {
		t.Errorf("an ID demand before the due date: %v", err)
	}

	for _, tc := range []struct {
		name, field string
		edit        func(*objector.Request)
	}{
		{"unknown kind", "reply", func(r *objector.Request) { r.Reply.Kind = "ignored" }},
		{"received before the request", "received", func(r *objector.Request) { r.Reply.Received = day("2026-08-01") }},
		{"received after the reply", "received", func(r *objector.Request) { r.Reply.Received = day("2026-12-01") }},
		{"partial without points", "unanswered", func(r *objector.Request) { r.Reply.Kind = objector.ReplyPartial }},
		{"partial with a foreign point", "unanswered", func(r *objector.Request) {
			r.Reply.Kind, r.Reply.Unanswered = objector.ReplyPartial, []string{"opt-out-sale"}
		}},
		{"extension before the due date", "extended-to", func(r *objector.Request) {
			r.Reply.Kind, r.Reply.ExtendedTo = objector.ReplyExtended, day("2026-09-15")
		}},
		{"extension date on another kind", "extended-to", func(r *objector.Request) { r.Reply.ExtendedTo = day("2026-12-01") }},
		{"reply without its answer", "reply", func(r *objector.Request) { r.Reply = nil }},
	} {
		req := replyTo("DE", "en", objector.ReplyRefused)
		tc.edit(&req)
		_, err := g.Generate(ctx, req)
		var fe *objector.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%s: err = %v; want a FieldError for %q", tc.name, err, tc.field)
		}
	}
}

// TestReplyExtensionDueDate checks the due date a reply to an extension
// states: the date the company named when the extension holds, none when
// it came too late.
func TestReplyExtensionDueDate(t *testing.T) {
	g := generator(t)
	ok := replyTo("DE", "en", objector.ReplyExtended)
	ok.Reply.ExtendedTo = day("2026-12-01")
	l, err := g.Generate(context.Background(), ok)
	if err != nil {
		t.Fatal(err)
	}
	if l.DueISO != "2026-12-01" {
		t.Errorf("a valid extension to 2026-12-01: due %q", l.DueISO)
	}
	late := replyTo("DE", "en", objector.ReplyExtended)
	late.Reply.Received = day("2026-10-05")
	if l, err = g.Generate(context.Background(), late); err != nil {
		t.Fatal(err)
	}
	if l.DueISO != "" || !strings.Contains(strings.Join(l.Body, " "), "passed without an answer") {
		t.Errorf("an extension after the first month: due %q, body %q; want no due date and the period passed", l.DueISO, l.Body)
	}
	appeal := replyTo("US-VA", "en", objector.ReplyAppeal)
	if l, err = g.Generate(context.Background(), appeal); err != nil {
		t.Fatal(err)
	}
	if l.DueISO != "2027-01-23" {
		t.Errorf("a Virginia appeal written 2026-11-24: due %q, want 60 days later, 2027-01-23", l.DueISO)
	}
}
