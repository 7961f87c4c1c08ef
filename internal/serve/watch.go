package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/fsnotify/fsnotify"
)

// watched are the parts of a site a change to which needs a rebuild.
var watched = []string{"content", "templates", "themes"}

// watcher turns file system events under a site into batches of changed
// paths (slash-separated, from the site folder). It watches folders made
// after it started, and it ignores editors' temporary files.
type watcher struct {
	root  string
	fsw   *fsnotify.Watcher
	quiet time.Duration // a batch is sent once no event came for this long
	most  time.Duration // ... or once the first event is this old
	out   chan []string
	errs  chan error
}

func newWatcher(root string, quiet time.Duration) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fsw: fsw, quiet: quiet, most: 10 * quiet, out: make(chan []string, 1), errs: make(chan error, 1)}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, dir := range watched {
		w.addTree(filepath.Join(root, dir))
	}
	return w, nil
}

// addTree watches dir and every folder inside it, and returns the paths of
// the files found, which a new folder brings with it.
func (w *watcher) addTree(dir string) []string {
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			w.fsw.Add(p)
			return nil
		}
		if !ignored(d.Name()) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// run sends batches until stop is closed.
func (w *watcher) run(stop <-chan struct{}) {
	defer w.fsw.Close()
	pending := map[string]bool{}
	var timer <-chan time.Time
	var t *time.Timer
	var first time.Time
	for {
		select {
		case <-stop:
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			names := w.relevant(ev)
			if len(names) == 0 {
				continue
			}
			for _, n := range names {
				pending[n] = true
			}
			now := time.Now()
			if t == nil {
				first = now
				t = time.NewTimer(w.quiet)
			} else if now.Sub(first) < w.most {
				t.Reset(w.quiet)
			}
			timer = t.C
		case <-timer:
			batch := make([]string, 0, len(pending))
			for n := range pending {
				batch = append(batch, n)
			}
			pending, timer, t = map[string]bool{}, nil, nil
			select {
			case w.out <- batch:
			case <-stop:
				return
			}
		}
	}
}

// relevant returns the site paths an event concerns, or none when it is
// about a file nobody builds from.
func (w *watcher) relevant(ev fsnotify.Event) []string {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if rel != "site.yaml" && top != "content" && top != "templates" && top != "themes" {
		return nil
	}
	for _, part := range strings.Split(rel, "/") {
		if ignored(part) {
			return nil
		}
	}
	names := []string{rel}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			// Files may land in a new folder before it is watched: read
			// what is there now, and watch it from here on.
			for _, f := range w.addTree(ev.Name) {
				if r, err := filepath.Rel(w.root, f); err == nil {
					names = append(names, filepath.ToSlash(r))
				}
			}
		}
	}
	return names
}

// ignored reports whether a file name is an editor's temporary or backup
// file: vim's .swp files, 4913 test file and name~ backups, emacs's .#lock
// and #autosave# files, JetBrains' ___jb_ files, and hidden files.
func ignored(name string) bool {
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"):
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.Contains(name, "___jb_"):
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".bak", ".crdownload", ".part"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return strings.IndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 // vim's 4913 and its kin
}
