package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/sitefiles"
	"github.com/fsnotify/fsnotify"
)

// watched are the parts of a site a change to which needs a rebuild.
var watched = []string{sitefiles.ContentDir, sitefiles.StaticDir, sitefiles.TemplateDir, sitefiles.ThemeDir}

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
		rel, relErr := filepath.Rel(w.root, p)
		if relErr != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != dir && sitefiles.SkipDir(rel) {
				return filepath.SkipDir
			}
			w.fsw.Add(p)
			return nil
		}
		if counts(rel) {
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
	info, statErr := os.Stat(ev.Name)
	isDir := statErr == nil && info.IsDir()
	if top, _, _ := strings.Cut(rel, "/"); isDir && (!slices.Contains(watched, top) || sitefiles.SkipDir(rel)) {
		return nil
	}
	if !isDir && !counts(rel) {
		return nil
	}
	names := []string{rel}
	if ev.Has(fsnotify.Create) {
		if isDir {
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

// counts reports whether a change to the file at rel, a slash-separated
// path from the site folder, can change the site. It asks the same
// classifier as the build, so an editor's temporary file never triggers a
// rebuild that the build would not publish anyway.
func counts(rel string) bool {
	switch sitefiles.Classify(rel) {
	case sitefiles.Unrelated, sitefiles.EditorTemp:
		return false
	}
	return true
}
