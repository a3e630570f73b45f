// Package guard holds the rules objector applies to text that comes from
// outside (a person's name, an email address, a URL in a data file) and
// the one way it writes output files. Each rule exists once, here, so
// the library, the data loaders and the command line agree.
package guard

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// Text returns an error if s is not valid UTF-8, holds a control
// character, a Unicode line or paragraph separator, or a bidirectional
// embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069),
// which can make text read differently from what it says. Multiline text
// may hold line feeds, carriage returns and tabs. The error never quotes
// s.
func Text(s string, multiline bool) error {
	if !utf8.ValidString(s) {
		return textError("is not valid UTF-8")
	}
	for _, r := range s {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		switch {
		case IsBidiControl(r):
			return textError(fmt.Sprintf("contains the bidirectional control character %U, which can make text read differently from what it says; remove it", r))
		case IsBreaking(r):
			return textError(fmt.Sprintf("contains the control character %U; remove line breaks and control characters", r))
		}
	}
	return nil
}

// ErrText is matched (with errors.Is) by every error of [Text]: text
// with a character objector refuses, or not valid UTF-8.
var ErrText = errors.New("text with a character objector refuses")

// textError is an error of [Text]; it says which character, and matches
// [ErrText].
type textError string

func (e textError) Error() string        { return string(e) }
func (e textError) Is(target error) bool { return target == ErrText }

// IsBreaking reports whether r is a control character (C0, DEL, C1 such
// as U+0085 NEL) or a Unicode line or paragraph separator: a character
// that may end a line for some reader.
func IsBreaking(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// IsBidiControl reports whether r is a bidirectional embedding, override
// or isolate control: U+202A–U+202E or U+2066–U+2069.
func IsBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// MaxLen returns an error if s is longer than max characters.
func MaxLen(s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("is %d characters long; the limit is %d", n, max)
	}
	return nil
}

// Email returns an error unless s is one bare email address, such as
// erika@example.org: no display name, no angle brackets, no comments, and
// an @ with something on both sides. The error never quotes s.
func Email(s string) error {
	if err := Text(s, false); err != nil {
		return err
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return errors.New("is not a valid email address (write it as name@example.org)")
	}
	return nil
}

// URL returns an error unless s is an absolute https URL with a host,
// as every link objector prints or records must be.
func URL(s string) error {
	if s == "" {
		return errors.New("is missing")
	}
	if err := Text(s, false); err != nil {
		return err
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s, " \t") {
		return fmt.Errorf("%q is not an https URL", s)
	}
	return nil
}

// WriteFile writes data to path the way objector writes every output
// file: through a temporary file in the same folder (named
// "."+base+".*.tmp"), readable and writable by its owner only (mode
// 0600), synced to disk, renamed into place, and the folder synced so the
// rename survives a crash. A reader finds the file either absent or
// complete, never half-written, and other users cannot read it. A path
// that is a folder is an error wrapping [ErrIsDir].
func WriteFile(path string, data []byte) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("writing %s: %w", path, ErrIsDir)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // fails harmlessly after the rename
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("writing %s: syncing the folder: %w", path, err)
	}
	return nil
}

// ErrIsDir is wrapped by the error [WriteFile] returns for a path that is
// a folder.
var ErrIsDir = errors.New("is a folder, not a file")

// syncDir flushes a folder's entries (a rename into it) to disk. File
// systems that cannot sync a folder (EINVAL), and Windows, where a folder
// cannot be opened for syncing, are not an error.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
