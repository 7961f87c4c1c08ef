package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Dir writes a build into a new folder beside the output folder. Commit
// swaps it in; Abort removes it, leaving the output folder untouched.
type Dir struct {
	final string
	tmp   string

	mu   sync.Mutex
	dirs map[string]bool // folders already made
}

// NewDir starts a build that will replace the folder final. Since the
// old folder is deleted on Commit, final may not be, or hold, any of the
// folders in keep (the site folder first, then its sources): "-o ." or
// "-o content" must never wipe out an editor's work.
func NewDir(final string, keep ...string) (*Dir, error) {
	final, err := filepath.Abs(final)
	if err != nil {
		return nil, err
	}
	for _, k := range keep {
		k, err := filepath.Abs(k)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(final, k); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			site, _ := filepath.Abs(keep[0])
			return nil, fmt.Errorf("a build replaces its whole output folder %s, which would delete %s; choose an output folder of its own, such as %s", final, k, filepath.Join(site, "public"))
		}
	}
	if err := replaceable(final); err != nil {
		return nil, err
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("could not make the folder %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".building-")
	if err != nil {
		return nil, fmt.Errorf("could not make a folder to build in beside %s: %w", final, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{final: final, tmp: tmp, dirs: map[string]bool{}}, nil
}

// WriteFile writes one file of the build.
func (d *Dir) WriteFile(name string, data []byte) error {
	clean, ok := CleanName(name)
	if !ok {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	target := filepath.Join(d.tmp, filepath.FromSlash(clean))
	dir := filepath.Dir(target)
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if !made {
		// Most pages are alone in a new folder whose parent exists: one
		// mkdir is a third of the system calls MkdirAll makes.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	return os.WriteFile(target, data, 0o644)
}

// Commit puts the new build in place of the old output. The old folder is
// moved aside first and removed only after the new one is in place, so a
// reader never sees a half-written site.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Stat(d.final); err == nil {
		old = d.tmp + ".old"
		if err := os.Rename(d.final, old); err != nil {
			d.Abort()
			return fmt.Errorf("could not move the old output aside: %w", err)
		}
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if old != "" {
			os.Rename(old, d.final)
		}
		d.Abort()
		return fmt.Errorf("could not put the new output in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws the unfinished build away.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }

// siteMarks are files every built site has; a folder with none of them is
// not an earlier build, and a mistyped -o must not delete it.
var siteMarks = []string{"index.html", "404.html", "sitemap.xml"}

// replaceable reports why final may not be replaced by a build: it is a
// file, or a folder of other things than a website.
func replaceable(final string) error {
	info, err := os.Stat(final)
	if err != nil {
		return nil // nothing there yet
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is a file, and a build would replace it with a folder; choose a folder for the output, such as public", final)
	}
	entries, err := os.ReadDir(final)
	if err != nil || len(entries) == 0 {
		return err
	}
	for _, m := range siteMarks {
		if _, err := os.Stat(filepath.Join(final, m)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("the folder %s is not an earlier build (it has no index.html), and a build replaces the whole output folder; choose a new or empty folder, or move its files first", final)
}
