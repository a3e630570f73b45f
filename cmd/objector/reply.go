package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/objector/objector"
	"github.com/objector/objector/ledger"
)

// replyKinds describes each kind of company answer for the help text: what
// the company said, and what the reply answers.
var replyKinds = []struct{ kind, usage, description string }{
	{objector.ReplyIDDemanded, "the company demands proof of identity, such as a copy of your ID card",
		`The reply says your identity is established by your account: under the GDPR
(Art. 12(6)) a company may ask for more only where it states reasonable
doubts, and only what is necessary; a copy of an ID card is more than that
(Art. 5(1)(c)). Under the CCPA an opt-out needs no verification at all
(11 CCR § 7060(b)).

Examples:
  objector reply id-demanded --controller linkedin --residence DE --name "Erika Mustermann" \
      --email erika@example.org --sent 2026-09-01 --received 2026-09-20 -o antwort.pdf`},
	{objector.ReplyUseForm, "the company says to use its web form instead",
		`The reply says a request is valid through any channel the company publishes
for data protection matters (Art. 12(2) GDPR) and that the period runs from
its receipt, and repeats the entries of the company's form so it can file
the letter like a form submission.

Examples:
  objector reply use-form -c linkedin -r FR --name "Camille Martin" --email camille@example.org \
      --sent 2026-09-01 --received 2026-09-10 --format eml -o reponse.eml`},
	{objector.ReplyRefused, "the company refuses, claiming compelling legitimate grounds",
		`The reply contests the refusal: the company must demonstrate compelling
legitimate grounds that override yours (Art. 21(1) GDPR); it asks for the
balancing, for restriction of the processing meanwhile (Art. 18(1)(d)), and
names the complaint to the authority as the next step. Under the Swiss FADP
it says processing against an express objection is unlawful unless
justified (Art. 30(2)(b), Art. 31(1)). In a US state, use 'reply appeal'.

Examples:
  objector reply refused -c linkedin -r DE --name "Erika Mustermann" --email erika@example.org \
      --sent 2026-09-01 --received 2026-10-01 -o widerspruch.pdf`},
	{objector.ReplyExtended, "the company extends the deadline for its answer",
		`The reply judges the extension against the law: it must be necessary, come
within the first period and give reasons, and may not go beyond the longest
period (GDPR: three months in all). With --received after the first due date,
or --no-reasons, it says the extension did not hold; otherwise it takes note
and states the new due date (the one in --extended-to, at most the longest).

Examples:
  objector reply extended -c linkedin -r DE --name "Erika Mustermann" --email erika@example.org \
      --sent 2026-09-01 --received 2026-09-25 --extended-to 2026-12-01 --format txt
  objector reply extended ... --received 2026-10-05 --no-reasons`},
	{objector.ReplyPartial, "the company answered only part of the request",
		`The reply lists, point by point, what is still open (--unanswered: object,
erasure, restriction, notify-recipients, access, withdraw-consent) and
recalls that the whole request was due. It waits for the due date (or
--force): before it, the company may still complete its answer.

Examples:
  objector reply partial -c linkedin -r DE --name "Erika Mustermann" --email erika@example.org \
      --sent 2026-09-01 --received 2026-10-20 --unanswered erasure,notify-recipients`},
	{objector.ReplyAppeal, "appeal a US company's refusal, as the state law provides",
		`The statutory appeal to the company after it declined a request (Virginia
§ 59.1-577(C), Colorado § 6-1-1306(3), Connecticut § 42-518, Texas
§ 541.053): the company must answer in writing within the statute's period
(45 or 60 days, which the reply states with the date) and, if it denies the
appeal, say how to complain to the Attorney General. The CCPA and the GDPR
have no such appeal: objector says so and writes nothing.

Examples:
  objector reply appeal -c linkedin -r US-VA --name "Sam Doe" --email sam@example.org \
      --sent 2026-09-01 --received 2026-10-10 --format txt`},
}

func replyCommand() *cli.Command {
	var subs []*cli.Command
	for _, k := range replyKinds {
		subs = append(subs, replySubcommand(k.kind, k.usage, k.description))
	}
	return &cli.Command{
		Name:  "reply",
		Usage: "answer what the company said: an ID demand, 'use our form', a refusal, an extension, a partial answer, or (US) a denial to appeal",
		Description: `When the company answers your request with something other than doing what
you asked, "objector reply KIND" writes the legal reply to it, citing your
request (its reference, date and due date) and the law where you live. Give
the same flags as for the first letter, --sent (the date of the first letter)
and --received (the date of the company's answer). A kind the law where you
live gives no footing for is refused with the reason, and nothing is written.`,
		Subcommands: subs,
	}
}

func replySubcommand(kind, usage, description string) *cli.Command {
	flags := append(letterFlags(),
		&cli.StringFlag{Name: "sent", Usage: "the `DATE` you sent the first letter (YYYY-MM-DD)", EnvVars: envs("sent")},
		&cli.StringFlag{Name: "received", Usage: "the `DATE` of the company's answer (YYYY-MM-DD)", EnvVars: envs("received")},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT` (default: from -o's extension, else txt)", EnvVars: envs("format")},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (- for standard output)", Value: "-"},
		paperFlag(),
		windowFlag(),
		&cli.StringFlag{Name: "ref", Usage: "the `REFERENCE` of the request in the ledger (OBJ-…): its company, residence, sender, language, purposes and date stand in for the flags", EnvVars: envs("ref")},
	)
	flags = append(flags, recordFlags()...)
	switch kind {
	case objector.ReplyExtended:
		flags = append(flags,
			&cli.StringFlag{Name: "extended-to", Usage: "the new due `DATE` the company named, if any (YYYY-MM-DD)", EnvVars: envs("extended-to")},
			&cli.BoolFlag{Name: "no-reasons", Usage: "the company gave no reasons for the delay", EnvVars: envs("no-reasons")},
		)
	case objector.ReplyPartial:
		flags = append(flags,
			&cli.StringSliceFlag{Name: "unanswered", Usage: "what the company left open: `POINTS` from object, erasure, restriction, notify-recipients, access, withdraw-consent", EnvVars: envs("unanswered")},
			&cli.BoolFlag{Name: "force", Usage: "write the reply even though the due date has not passed yet", EnvVars: envs("force")},
		)
	}
	return &cli.Command{
		Name:        kind,
		Usage:       usage,
		UsageText:   "objector reply " + kind + " --controller ID --residence CODE --name NAME --email EMAIL --sent DATE [--received DATE] [options]\n   objector reply " + kind + " --ref REFERENCE [--received DATE] [options]",
		Description: description,
		Flags:       flags,
		Before:      applyProfile,
		Action:      func(c *cli.Context) error { return replyAction(c, kind) },
	}
}

func replyAction(c *cli.Context, kind string) error {
	g, req, err := prepare(c)
	if err != nil {
		return err
	}
	req.Kind = objector.KindReply
	req.Force = c.Bool("force")
	r := &objector.Reply{Kind: kind, NoReasons: c.Bool("no-reasons")}
	for _, s := range c.StringSlice("unanswered") {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				r.Unanswered = append(r.Unanswered, p)
			}
		}
	}
	if r.Received, err = dateFlag(c, "received"); err != nil {
		return err
	}
	if r.ExtendedTo, err = dateFlag(c, "extended-to"); err != nil {
		return err
	}
	req.Reply = r
	ref := strings.TrimSpace(c.String("ref"))
	var lg *ledger.Ledger
	out := c.String("output")
	if ref != "" || (out != "" && out != "-") {
		if lg, err = openLedger(c); err != nil {
			return err
		}
		if lg != nil {
			defer lg.Close()
		}
	}
	if ref != "" {
		if lg == nil {
			return &usageError{msg: "--ref needs the ledger, and --no-ledger turns it off", hint: "leave out --no-ledger, or give the request's flags instead of --ref"}
		}
		if err := fromLedger(c, lg, ref, &req); err != nil {
			return err
		}
	}
	if c.String("sent") == "" && ref == "" {
		return &usageError{msg: "--sent is missing", hint: "give the date you sent the first letter, for example --sent 2026-09-01, or the request's reference in the ledger with --ref"}
	}
	if c.IsSet("sent") || ref == "" {
		if req.Sent, err = dateFlag(c, "sent"); err != nil {
			return err
		}
	}
	f, err := outputFormat(c)
	if err != nil {
		return err
	}
	l, err := g.Generate(context.Background(), req)
	if err != nil {
		return err // nothing is written, and the exit code says why
	}
	if ref != "" && l.FollowsUp.Reference != ref {
		return &usageError{msg: fmt.Sprintf("the request regenerated from the ledger has the reference %s, not %s (the directory or the law data changed since)", l.FollowsUp.Reference, ref), hint: "give the first letter's flags (--controller, --residence, --name, --email, --purpose, --lang, --sent) instead of --ref"}
	}
	if l.LangNote != "" {
		fmt.Fprintf(c.App.ErrWriter, "objector: note: %s\n", l.LangNote)
	}
	err = writeOutput(c, out, func(w io.Writer) error {
		return g.Render(w, l, f, objector.RenderOptions{Paper: c.String("paper"), Window: c.String("window")})
	})
	if err != nil || lg == nil || out == "" || out == "-" {
		return err
	}
	if err := recordLetter(lg, g, l, req, f, []string{out}); err != nil {
		return err
	}
	return markReply(lg, l, r)
}

// fromLedger fills the request from the ledger's record of ref, for every
// field its flag does not set.
func fromLedger(c *cli.Context, lg *ledger.Ledger, ref string, req *objector.Request) error {
	r, err := lg.Get(context.Background(), ref)
	if err != nil {
		return err
	}
	if r.Company == "" && !c.IsSet("controller-name") {
		return &usageError{msg: fmt.Sprintf("%s went to a company outside the directory", ref), hint: "describe it again with --controller-name, --controller-address and --controller-email"}
	}
	set := func(flag string, dst *string, v string) {
		if !c.IsSet(flag) {
			*dst = v
		}
	}
	set("controller", &req.Controller, r.Company)
	set("residence", &req.Residence, r.Residence)
	set("name", &req.Name, r.Sender.Name)
	set("email", &req.Email, r.Sender.Email)
	set("account", &req.Account, r.Sender.Account)
	set("lang", &req.Lang, r.Lang)
	if !c.IsSet("address") {
		req.Address = r.Sender.Address
	}
	if !c.IsSet("purpose") {
		req.Purposes = r.Purposes
	}
	req.Sent = r.Date
	return nil
}

// replyStatus is where a request stands once the company gave an answer
// of each kind: the Data Rights Protocol's state, and the note that says
// what the company did.
var replyStatus = map[string]struct {
	status ledger.Status
	note   string
}{
	objector.ReplyIDDemanded: {ledger.StatusNeedsVerification, "the company demanded proof of identity; objector reply id-demanded answered it"},
	objector.ReplyUseForm:    {ledger.StatusInProgress, "the company asked for its web form; objector reply use-form answered it"},
	objector.ReplyRefused:    {ledger.StatusDenied, "the company refused, claiming overriding grounds; objector reply refused contested it"},
	objector.ReplyExtended:   {ledger.StatusInProgress, "the company extended the period; objector reply extended answered it"},
	objector.ReplyPartial:    {ledger.StatusInProgress, "the company answered in part; objector reply partial listed the open points"},
	objector.ReplyAppeal:     {ledger.StatusDenied, "the company declined the request; objector reply appeal appealed"},
}

// markReply records in the ledger what the company answered, on the day
// it answered (or the reply's date), with the extension where it holds.
func markReply(lg *ledger.Ledger, l *objector.Letter, r *objector.Reply) error {
	st := replyStatus[r.Kind]
	m := ledger.Mark{Ref: l.FollowsUp.Reference, Status: st.status, On: r.Received, Note: st.note}
	if m.On.IsZero() {
		m.On = l.Date
	}
	if r.Kind == objector.ReplyPartial && len(r.Unanswered) > 0 {
		m.Note += ": " + strings.Join(r.Unanswered, ", ")
	}
	if r.Kind == objector.ReplyExtended && !l.Due.IsZero() && l.Due.After(l.FollowsUp.Due) {
		m.ExtendedTo = l.Due
	}
	if err := lg.Mark(context.Background(), m); err != nil {
		return &recordError{files: nil, err: err}
	}
	return nil
}
