//go:build !unix

package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lockDir creates path exclusively and removes it on unlock. A run that
// is killed leaves the file behind; the error then says to delete it.
func lockDir(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%w (if no batch runs, delete %s)", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("locking the output folder: %w", err)
	}
	f.Close()
	return func() { os.Remove(path) }, nil
}
