package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

// Dir writes a build into a new folder beside the output folder. Commit
// swaps it in; Abort removes it, leaving the output folder untouched.
//
// A file whose bytes are the same as the earlier build's (by its stamp) is
// hard-linked from the earlier build instead of written again, so a
// rebuild writes only what changed. The earlier build is never written
// to: a file is only ever created new in the build's own folder, so the
// earlier output stays exactly as it was until the swap, and a failed or
// stopped build leaves it so.
type Dir struct {
	final string
	tmp   string

	mu      sync.Mutex
	dirs    map[string]bool    // folders already made, by their names in the output (a name's own "a/b")
	files   map[string]fileSum // what this build holds, for its stamp
	aborted atomic.Bool

	prev    *stamp      // the earlier build's stamp, nil when none
	noLinks atomic.Bool // hard links failed here: write every file
	linked  atomic.Int64

	inputs string // the fingerprint of what this build was made from
	record []byte // kept with the build for a later Unchanged
	kept   bool   // Keep was called: the earlier output stays
}

var errAborted = errors.New("the build was stopped")

// NewDir starts a build that will replace the folder final. Since the
// old folder is deleted on Commit, final may not be, or hold, any of the
// folders in keep (the site folder first, then its sources): "-o ." or
// "-o content" must never wipe out an editor's work.
func NewDir(final string, keep ...string) (*Dir, error) {
	final, err := realPath(final)
	if err != nil {
		return nil, err
	}
	for i, k := range keep {
		k, err := realPath(k)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(final, k); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			site, _ := filepath.Abs(keep[0])
			return nil, fmt.Errorf("a build replaces its whole output folder %s, which would delete %s; choose an output folder of its own, such as %s", final, k, filepath.Join(site, "public"))
		}
		// An output inside a source folder (-o content/out) would be read
		// back in as content by the next build, growing every time.
		if rel, err := filepath.Rel(k, final); i > 0 && err == nil && filepath.IsLocal(rel) {
			site, _ := filepath.Abs(keep[0])
			return nil, fmt.Errorf("the output folder %s is inside %s, so the next build would read it back in; choose an output folder outside it, such as %s", final, k, filepath.Join(site, "public"))
		}
	}
	removeStaleBuilds(final)
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
	return &Dir{final: final, tmp: tmp, dirs: map[string]bool{}, files: map[string]fileSum{}, prev: readStamp(final)}, nil
}

// WriteFile writes one file of the build.
func (d *Dir) WriteFile(name string, data []byte) error {
	if d.aborted.Load() {
		return errAborted
	}
	clean, err := cleanOrRefuse(name)
	if err != nil {
		return err
	}
	target := filepath.Join(d.tmp, filepath.FromSlash(clean))
	if err := d.makeFolder(path.Dir(clean)); err != nil {
		return err
	}
	sum := sumOf(data)
	if !d.linkEarlier(clean, target, sum) {
		if err := createNew(target, data); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.files[clean] = sum
	d.mu.Unlock()
	return nil
}

// makeFolder makes the folder of the build that holds the output's
// files under rel (a clean name's path.Dir, "." for the top), once. The
// folders made are kept by rel, part of a file's name that files keeps
// anyway, not by their whole path on disk: a build of 100,000 signatories
// makes 110,000 folders.
func (d *Dir) makeFolder(rel string) error {
	d.mu.Lock()
	made := d.dirs[rel]
	d.mu.Unlock()
	if made {
		return nil
	}
	dir := filepath.Join(d.tmp, filepath.FromSlash(rel))
	// Most pages are alone in a new folder whose parent exists: one
	// mkdir is a third of the system calls MkdirAll makes.
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.dirs[rel] = true
	d.mu.Unlock()
	return nil
}

// linkEarlier puts the earlier build's copy of a file at target when its
// bytes are those of the new one, and reports whether it did. The earlier
// file must still be what its stamp says (same size, not written since),
// so a file edited by hand in the output is written again.
func (d *Dir) linkEarlier(name, target string, sum fileSum) bool {
	if d.prev == nil || d.noLinks.Load() {
		return false
	}
	if was, ok := d.prev.files[name]; !ok || was != sum {
		return false
	}
	old := filepath.Join(d.final, filepath.FromSlash(name))
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || info.Size() != sum.size || info.ModTime().After(d.prev.written) {
		return false
	}
	err = os.Link(old, target)
	if errors.Is(err, fs.ErrExist) {
		// Written twice in one build, or streamed before its bytes were
		// known: the link replaces the file by a rename, so the file
		// there (which may itself be a link to the earlier build) is
		// never opened, and stays if the link cannot be made.
		side := target + ".coproduce-link"
		os.Remove(side)
		if err = os.Link(old, side); err == nil {
			if err = os.Rename(side, target); err != nil {
				os.Remove(side)
			}
		}
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// Another file system, or one without hard links (FAT, some
		// network shares): copy every file from now on.
		d.noLinks.Store(true)
	}
	if err == nil {
		d.linked.Add(1)
	}
	return err == nil
}

// Files is how many files the build holds so far.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.files)
}

// createExclusive creates the file target for writing, unlinking first
// whatever is there (see createNew).
func createExclusive(target string) (*os.File, error) {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(target); err != nil {
			return nil, err
		}
		f, err = os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	return f, err
}

// Linked is how many files were taken from the earlier build by a hard
// link rather than written.
func (d *Dir) Linked() int { return int(d.linked.Load()) }

// Remember keeps with the build, in its stamp, the fingerprint of what it
// was made from and a record of the caller's (such as its report), for a
// later build's Unchanged.
func (d *Dir) Remember(inputs string, record []byte) {
	d.inputs, d.record = inputs, record
}

// Unchanged reports whether the output folder holds an earlier build made
// from the same inputs, still exactly as that build left it, and returns
// the record kept with it. The caller may then Keep it instead of
// building again.
func (d *Dir) Unchanged(inputs string) ([]byte, bool) {
	if d.prev == nil || inputs == "" || d.prev.inputs != inputs || !d.prev.intact(d.final) {
		return nil, false
	}
	return d.prev.record, true
}

// Keep ends the build by keeping the earlier output as it is: Commit then
// only removes the unused build folder.
func (d *Dir) Keep() { d.kept = true }

// Commit puts the new build in place of the old output. The old folder is
// moved aside first and removed only after the new one is in place, so a
// reader never sees a half-written site.
func (d *Dir) Commit() error {
	if d.kept {
		return os.RemoveAll(d.tmp)
	}
	if d.aborted.Load() {
		return errAborted
	}
	// The stamp is written last, so it is newer than every file it lists.
	if err := writeStamp(d.tmp, d.inputs, d.record, d.files); err != nil {
		d.Abort()
		return fmt.Errorf("could not finish the build: %w", err)
	}
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
// Writes still on their way fail from then on, so a build stopped part
// way (Ctrl-C) cannot put files back into the folder being removed.
func (d *Dir) Abort() {
	d.aborted.Store(true)
	os.RemoveAll(d.tmp)
}

// Stamp is the file every build writes at the top of its output, so that a
// later build knows the folder is its own to replace.
const Stamp = ".coproduce-build"

// siteMarks are files every built site has. A folder without the stamp is
// taken for an earlier build only when it has all of them, so a mistyped
// -o never deletes a folder of someone's own files.
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
	if _, err := os.Stat(filepath.Join(final, Stamp)); err == nil {
		return nil
	}
	for _, m := range siteMarks {
		if _, err := os.Stat(filepath.Join(final, m)); err != nil {
			return fmt.Errorf("the folder %s is not an earlier build, and a build replaces the whole output folder; choose a new or empty folder, or move its files first", final)
		}
	}
	return nil // a build from before builds were stamped
}

// realPath is the absolute path of p with symbolic links resolved, for the
// part of it that exists, so two names for one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if filepath.Dir(dir) == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// staleAfter is how old a build folder left beside the output must be
// before it is taken for one a killed build left behind.
const staleAfter = 10 * time.Minute

// removeStaleBuilds deletes build folders that a build killed part way
// left beside the output, so they do not pile up.
func removeStaleBuilds(final string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(final), "."+filepath.Base(final)+".building-*"))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.RemoveAll(m)
		}
	}
}
