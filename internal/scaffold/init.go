package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// starter is the site Init writes. "all:" keeps _index.md and .gitignore,
// which embed would otherwise skip.
//
//go:embed all:starter
var starter embed.FS

// Starter returns the files of the starter site, for tests and for Init.
func Starter() fs.FS {
	sub, err := fs.Sub(starter, "starter")
	if err != nil {
		panic(err) // the folder is embedded above, so this cannot happen
	}
	return sub
}

// ErrNotEmpty is returned by Init for a folder that already has files.
var ErrNotEmpty = errors.New("the folder is not empty")

// Init writes the starter site into dir, making dir if it does not exist.
// It refuses a folder that has anything in it, so it can never overwrite
// someone's work. It returns the files it wrote, relative to dir.
func Init(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Made below.
	case err != nil:
		return nil, err
	case len(entries) > 0:
		return nil, fmt.Errorf("%s: %w", dir, ErrNotEmpty)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	src := Starter()
	var written []string
	err = fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || name == "." {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if d.IsDir() {
			return os.Mkdir(target, 0o755)
		}
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		if err := writeNew(target, data); err != nil {
			return err
		}
		written = append(written, name)
		return nil
	})
	return written, err
}

// writeNew creates a file that must not exist yet. O_EXCL makes the check
// and the creation one step, so a file made in between is not lost either.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
