package email

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/objector/objector/letter"
)

// MessageIDDomain is the right-hand side of the Message-ID of every
// message [EML] writes. The .invalid top-level domain (RFC 2606) can never
// name a real host.
const MessageIDDomain = "objector.invalid"

// Options adjust [EML].
type Options struct {
	// Attachment, if not nil, is attached to the message, which then
	// becomes multipart/mixed. objector attaches the PDF of the same
	// letter.
	Attachment *Attachment
}

// Attachment is a file attached to a message.
type Attachment struct {
	Name        string // the file name the recipient sees, such as "objection.pdf"
	ContentType string // such as "application/pdf"; empty means application/octet-stream
	Data        []byte
}

// maxLine is the line length headers are folded to (RFC 5322 §2.1.1).
const maxLine = 78

// EML writes l to w as an RFC 5322 message with a UTF-8 text/plain body in
// quoted-printable: From the sender, To the recipient's email address
// (none for a company reached only through a web form: the body then opens
// with the form's address), the subject (RFC 2047 encoded words where it
// is not plain ASCII), the letter date at 12:00 UTC, a Message-ID derived
// from the letter, and "X-Unsent: 1", which makes mail programs open the
// file as a draft. The output depends only on l and opt.
//
// EML returns a [*FieldError] (wrapping [ErrInvalid]) and writes nothing
// if a value that reaches a header contains a line break or another
// control character, if the sender's or recipient's email address is not
// a single bare address, or if text is not valid UTF-8; otherwise only
// w's error.
func EML(w io.Writer, l *letter.Letter, opt Options) error {
	if err := checkLetter(l, true); err != nil {
		return err
	}
	var att *Attachment
	var attType, attDisp string
	if a := opt.Attachment; a != nil {
		att = a
		var err error
		if attType, attDisp, err = attachmentHeaders(a); err != nil {
			return err
		}
	}

	var h bytes.Buffer
	header := func(name, value string) { h.WriteString(fold(name, value)) }
	header("From", address(l.Sender.Name, l.Sender.Email))
	if l.Recipient.Email != "" {
		header("To", address(l.Recipient.Name, l.Recipient.Email))
	}
	header("Subject", encodeText(l.Subject))
	if d, ok := date(l); ok {
		header("Date", d.Format(time.RFC1123Z))
	}
	header("Message-ID", "<"+messageID(l)+"@"+MessageIDDomain+">")
	if l.Lang != "" {
		header("Content-Language", l.Lang)
	}
	header("X-Unsent", "1")
	header("MIME-Version", "1.0")

	body, err := quotedPrintable(formNote(l) + letterText(l, Width))
	if err != nil {
		return err
	}
	const textType = "text/plain; charset=utf-8"
	if att == nil {
		header("Content-Type", textType)
		header("Content-Transfer-Encoding", "quoted-printable")
		h.WriteString("\r\n")
		h.Write(body)
		_, err := w.Write(h.Bytes())
		return err
	}

	// "=_" cannot occur in quoted-printable or base64 text, so the boundary
	// cannot occur in any part.
	boundary := "=_objector_" + messageID(l)
	header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}))
	h.WriteString("\r\n")
	h.WriteString("--" + boundary + "\r\n")
	h.WriteString(fold("Content-Type", textType))
	h.WriteString(fold("Content-Transfer-Encoding", "quoted-printable"))
	h.WriteString("\r\n")
	h.Write(body)
	h.WriteString("\r\n--" + boundary + "\r\n")
	h.WriteString(fold("Content-Type", attType))
	h.WriteString(fold("Content-Disposition", attDisp))
	h.WriteString(fold("Content-Transfer-Encoding", "base64"))
	h.WriteString("\r\n")
	b64 := base64.StdEncoding.EncodeToString(att.Data)
	for len(b64) > 76 {
		h.WriteString(b64[:76] + "\r\n")
		b64 = b64[76:]
	}
	if b64 != "" {
		h.WriteString(b64 + "\r\n")
	}
	h.WriteString("\r\n--" + boundary + "--\r\n")
	_, err = w.Write(h.Bytes())
	return err
}

// attachmentHeaders returns the Content-Type and Content-Disposition of
// an attachment.
func attachmentHeaders(a *Attachment) (ctype, disp string, err error) {
	if err := checkHeader("attachment name", a.Name); err != nil {
		return "", "", err
	}
	if strings.ContainsAny(a.Name, `/\`) {
		return "", "", &FieldError{Field: "attachment name", Msg: fmt.Sprintf("%q is a path; give a file name", a.Name)}
	}
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	if err := checkHeader("attachment content type", ct); err != nil {
		return "", "", err
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", "", &FieldError{Field: "attachment content type", Msg: fmt.Sprintf("%q: %v", ct, err)}
	}
	dparams := map[string]string{}
	if a.Name != "" {
		params["name"] = a.Name
		dparams["filename"] = a.Name
	}
	ctype = mime.FormatMediaType(mt, params)
	disp = mime.FormatMediaType("attachment", dparams)
	if ctype == "" || disp == "" {
		return "", "", &FieldError{Field: "attachment", Msg: fmt.Sprintf("cannot write the content type %q or the name %q", ct, a.Name)}
	}
	return ctype, disp, nil
}

// quotedPrintable encodes text (lines ending in "\n") as quoted-printable
// with CRLF line ends.
func quotedPrintable(text string) ([]byte, error) {
	var b bytes.Buffer
	qp := quotedprintable.NewWriter(&b)
	if _, err := io.WriteString(qp, text); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// date returns the letter date at 12:00 UTC: a fixed time of day keeps the
// output deterministic and the day the same in every time zone from
// UTC-11 to UTC+11.
func date(l *letter.Letter) (time.Time, bool) {
	d := l.Date
	if d.IsZero() {
		var err error
		if d, err = time.Parse(time.DateOnly, l.DateISO); err != nil {
			return time.Time{}, false
		}
	}
	y, m, day := d.Date()
	return time.Date(y, m, day, 12, 0, 0, 0, time.UTC), true
}

// messageID returns the local part of the Message-ID: a hash of what
// makes the letter unique, so the same letter always gets the same id.
func messageID(l *letter.Letter) string {
	h := sha256.New()
	for _, s := range []string{l.Reference, l.Kind, l.Lang, l.DateISO, l.Sender.Email, l.Recipient.Email, l.Recipient.WebForm, l.Subject} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h.Sum(nil))[:26])
}

// address returns name and addr as an RFC 5322 mailbox. addr has been
// checked to be a bare address.
func address(name, addr string) string {
	a := &mail.Address{Address: addr}
	switch {
	case name == "":
		return a.String()
	case plainASCII(name) && len(name) <= 64:
		// mail.Address quotes the name and escapes " and \.
		a.Name = name
		return a.String()
	default:
		return encodePhrase(name) + " " + a.String()
	}
}

// plainASCII reports whether s can stand in a header as it is and come
// back unchanged: printable ASCII, single spaces between words, none at
// either end, no word longer than a folded line holds, and nothing a
// reader would decode as an RFC 2047 encoded word.
func plainASCII(s string) bool {
	if strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ") || strings.Contains(s, "=?") {
		return false
	}
	word := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' {
			return false
		}
		if c == ' ' {
			word = 0
		} else if word++; word > 60 {
			return false
		}
	}
	return true
}

// encodeText returns s as the value of an unstructured header field such
// as Subject: unchanged if it is plain ASCII, else as RFC 2047 encoded
// words, Q or B, whichever is shorter.
func encodeText(s string) string {
	if plainASCII(s) {
		return s
	}
	if !hasNonASCII(s) {
		return encodeB(s)
	}
	q := mime.QEncoding.Encode("utf-8", s)
	b := mime.BEncoding.Encode("utf-8", s)
	if len(b) < len(q) {
		return b
	}
	return q
}

// encodePhrase returns a display name as RFC 2047 encoded words. Inside a
// phrase, Q encoding may leave only letters, digits and !*+-/ unencoded
// (RFC 2047 §5(3)); a name with other ASCII punctuation is B-encoded.
func encodePhrase(s string) string {
	if !hasNonASCII(s) {
		return encodeB(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(" !*+-/", c) >= 0) {
			return mime.BEncoding.Encode("utf-8", s)
		}
	}
	return mime.QEncoding.Encode("utf-8", s)
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// encodeB B-encodes s even if it is ASCII, which mime.BEncoding leaves
// as it is: in encoded words of at most 75 characters, split between
// runes (RFC 2047 §2, §5).
func encodeB(s string) string {
	const prefix, suffix = "=?utf-8?b?", "?="
	const maxBytes = (75 - len(prefix) - len(suffix)) / 4 * 3 // 45
	var words []string
	for s != "" {
		n := len(s)
		if n > maxBytes {
			n = maxBytes
			for n > 0 && !utf8.RuneStart(s[n]) {
				n--
			}
		}
		words = append(words, prefix+base64.StdEncoding.EncodeToString([]byte(s[:n]))+suffix)
		s = s[n:]
	}
	return strings.Join(words, " ")
}

// fold returns the header field "name: value" with CRLF, folded before
// spaces so that lines stay within 78 characters where the value allows.
// It never folds inside a quoted string, and never leaves a line of
// white space only. A first word too long for the line starts on the next
// line: "Subject:" CRLF " =?utf-8?b?...?=".
func fold(name, value string) string {
	var b strings.Builder
	b.WriteString(name + ":")
	n := len(name) + 1
	inQuote := false
	for _, tok := range strings.Split(value, " ") {
		// Fold before the first word, too, if it does not fit after the
		// field name (a long encoded word).
		if !inQuote && tok != "" && n+1+len(tok) > maxLine {
			b.WriteString("\r\n")
			n = 0
		}
		b.WriteString(" " + tok)
		n += 1 + len(tok)
		for j := 0; j < len(tok); j++ {
			switch tok[j] {
			case '\\':
				j++
			case '"':
				inQuote = !inQuote
			}
		}
	}
	b.WriteString("\r\n")
	return b.String()
}
