package email

import (
	"strings"

	"github.com/objector/objector/letter"
)

// MailtoLimit is the length of a mailto: URL above which common mail
// programs and browsers may cut the URL or refuse to open it. Callers warn
// when [Mailto] returns a longer URL.
const MailtoLimit = 2000

// Mailto returns l as an RFC 6068 mailto: URL: the recipient's email
// address, then the subject and the body (unwrapped paragraphs, line
// breaks as %0D%0A), percent-encoded as UTF-8. A company reached only
// through a web form gets a URL without a recipient whose body opens with
// the form's address. The URL may be longer than [MailtoLimit].
//
// Mailto returns a [*FieldError] (wrapping [ErrInvalid]) if a value that
// reaches a header contains a line break or another control character, if
// an email address is not a single bare address, or if text is not valid
// UTF-8.
func Mailto(l *letter.Letter) (string, error) {
	if err := checkLetter(l, false); err != nil {
		return "", err
	}
	body := strings.ReplaceAll(formNote(l)+letterText(l, 0), "\n", "\r\n")
	var b strings.Builder
	b.WriteString("mailto:")
	b.WriteString(pctEncode(l.Recipient.Email, "@"))
	b.WriteString("?subject=")
	b.WriteString(pctEncode(l.Subject, ""))
	b.WriteString("&body=")
	b.WriteString(pctEncode(body, ""))
	return b.String(), nil
}

// pctEncode percent-encodes the UTF-8 bytes of s except RFC 3986
// unreserved characters and those in keep. That is more than RFC 6068
// requires and always safe: no & = ? # + or space survives to be misread.
func pctEncode(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
