package site

import (
	"path"
	"sort"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/render"
	"github.com/coproduce/coproduce/internal/sitefiles"
)

// Incremental keeps a site built in memory for the development server and
// brings it up to date after files are saved. It runs the build's own
// steps (see pipeline.go) with the change: a change to content/ re-reads
// only the changed files and makes again only the outputs that show them:
// the page itself and, when its front matter changed, every output whose
// recorded reads the change touched, the pages it cross-references or
// that cross-reference it, the pages that link to it, and the site-wide
// files that list every page (affected.go). A change to site.yaml,
// static/, templates/ or themes/ rebuilds everything.
//
// It promises that after any sequence of saves the output equals a clean
// Build of the files as they are now (TestPreviewIsTheBuild checks this
// with random edits), and that a save that makes the site invalid leaves
// the output at the last good build.
type Incremental struct {
	opts Options
	out  *publish.Memory

	b      *builder  // the last good build
	diags  diag.List // warnings of the last good build
	failed diag.List // the problems of the last save, when it had errors

	later laterState // directory pages left to be made later (later.go)

	pending map[string]bool  // paths changed since the last good build
	full    bool             // the next update must rebuild everything
	clock   func() time.Time // today, when opts.Now is zero; a test sets it
}

// Change reports what one update did.
type Change struct {
	// Diags are every known problem of the site as saved now. When any is
	// an error the output still holds the last good build.
	Diags   diag.List
	Full    bool // everything was rebuilt
	Pages   int  // pages rendered
	Written int  // files written
	// Files are the files an update wrote, sorted; nil for a full
	// rebuild.
	Files   []string
	Removed int // files removed
}

// NewIncremental prepares to build opts.Source into out; opts.Output is
// ignored. Call Update(nil) for the first build.
func NewIncremental(opts Options, out *publish.Memory) *Incremental {
	return &Incremental{opts: opts, out: out, pending: map[string]bool{}, full: true, clock: time.Now, later: newLaterState()}
}

// Assets maps a theme file name, such as "style.css", to the link the
// last good build gives it, so a stylesheet can be swapped in place.
func (inc *Incremental) Assets() map[string]string {
	out := map[string]string{}
	if inc.b != nil {
		for name := range inc.b.rs.Assets {
			out[name] = inc.b.rs.Asset(name)
		}
	}
	return out
}

// BasePath is the path the site is served under, such as "/" or
// "/coproduction/", from the last build that read site.yaml.
func (inc *Incremental) BasePath() string {
	if inc.b == nil {
		return "/"
	}
	return inc.b.rs.Config.BasePath()
}

// Update brings the output up to date after the files or folders in changed
// (slash-separated paths from the site folder) were saved, created or
// deleted. Changes that arrive while the site is invalid add up, so the
// next good save rebuilds everything they touched.
func (inc *Incremental) Update(changed []string) *Change {
	for _, c := range changed {
		c = path.Clean(c)
		inc.pending[c] = true
		if c == "." || c == "site.yaml" || c == "content" || !strings.HasPrefix(c, "content/") {
			if sitefiles.Classify(c) != sitefiles.EditorTemp {
				inc.full = true
			}
		}
	}
	if inc.newDay() {
		inc.full = true // review dates compare with the day: any page may change
	}
	var ch *Change
	if inc.full || inc.b == nil {
		ch = inc.rebuild()
	} else {
		var names []string
		for c := range inc.pending {
			names = append(names, strings.TrimPrefix(c, "content/"))
		}
		sort.Strings(names)
		ch = inc.update(names)
	}
	ch.Diags.Sort()
	inc.failed = nil
	if ch.Diags.HasErrors() {
		inc.failed = ch.Diags
	} else {
		inc.pending, inc.full = map[string]bool{}, false
		inc.diags = ch.Diags
		ch.Diags = inc.problems()
	}
	return ch
}

// newDay reports whether the day has changed since the last good build,
// for a preview left running past midnight.
func (inc *Incremental) newDay() bool {
	if inc.b == nil || !inc.opts.Now.IsZero() {
		return false
	}
	y, m, d := inc.b.rs.Now.Date()
	y2, m2, d2 := inc.clock().Date()
	return y != y2 || m != m2 || d != d2
}

// rebuild runs a whole Build and keeps what later updates start from.
func (inc *Incremental) rebuild() *Change {
	st := publish.NewMemory()
	opts := inc.opts
	opts.Output = st
	opts.preview = true
	if opts.Now.IsZero() {
		opts.Now = inc.clock()
	}
	res := Build(opts)
	ch := &Change{Diags: res.Diags, Full: true}
	if res.Diags.HasErrors() || res.state == nil {
		return ch
	}
	b := res.state
	b.registers() // see update
	b.names = set(res.Files)
	b.index.keepByPage()
	inc.b = b
	inc.out.Replace(st)
	inc.later = newLaterState()
	ch.Pages, ch.Written = len(res.Site.Pages), len(res.Files)
	return ch
}

// update runs the build's steps for the content files saved since the last
// good build, and applies what they wrote to the preview's output.
func (inc *Incremental) update(names []string) *Change {
	// The save may change the last good build's pages where they are:
	// pages left for later are made before or after, not meanwhile.
	inc.b.pagesLock.Lock()
	defer inc.b.pagesLock.Unlock()
	st := publish.NewMemory()
	opts := inc.opts
	opts.Output = st
	p := &pass{opts: opts, res: &Result{}, prev: inc.b, changed: names}
	res := p.run()

	touched := map[string]bool{}
	for _, n := range names {
		touched[path.Join("content", n)] = true
	}
	for _, pg := range p.work.render {
		touched[pg.File] = true
	}
	for _, pg := range p.work.removed {
		touched[pg.File] = true
	}
	ch := &Change{Pages: len(p.work.render), Written: st.Len(), Files: st.Names(), Removed: len(p.work.removes)}
	ch.Diags = inc.carry(res.Diags, touched)
	if res.Diags.HasErrors() {
		res.Site.Undo() // the last good build stays as it was
		return ch
	}

	// The update is good: it becomes the last good build.
	prev, b := inc.b, p.b
	inc.out.Apply(st, p.work.removes)
	inc.later.note(b.later, st.Names(), p.work.removes)
	b.readers = prev.readers
	for file, r := range b.reads {
		b.noteMade(file, r)
	}
	b.names, b.reads = prev.names, mergeReads(prev.reads, b.reads)
	b.index.keepUpdate(prev.index, p.work.render, p.work.removed)
	for _, n := range p.work.removes {
		delete(b.names, n)
		delete(b.reads, n)
		b.noteReads(n)
	}
	for _, n := range st.Names() {
		b.names[n] = true
	}
	// The registers are made now, from the pages as this build has them:
	// the next save may change those pages in place, and compares its
	// registers with these.
	b.registers()
	b.regsFrom, b.plansFrom, b.refile = nil, nil, nil // made: the builds before need not be kept for them
	inc.b = b
	return ch
}

// checkLinks checks the links an update may have broken: those of the
// pages it rendered, and, when files went away or headings changed, every
// link to them. The last good build had no broken link, so no other link
// can be broken now. It reads the new state without changing inc, which
// keeps the last good build if a link is broken.
func checkChangedLinks(prev, b *builder, p plan, written *recorder, diags *diag.List) {
	removed := set(p.removes)
	anchors := b.index.anchors
	fresh := groupLinks(b.index.pending)
	exists := func(n string) bool { return written.Has(n) || !removed[n] && prev.names[n] }
	rendered, renderedFile := map[string]bool{}, map[string]bool{}
	for _, pg := range p.render {
		rendered[pg.URL], renderedFile[pg.File] = true, true
	}
	gone := map[string]bool{}        // targets whose file or headings changed
	removedFile := map[string]bool{} // pages that are gone, whose links went with them
	for _, pg := range p.removed {
		removedFile[pg.File] = true
		if !rendered[pg.URL] {
			gone[pg.URL] = true
		}
	}
	for _, pg := range p.render {
		if prev.index.anchors[pg.URL] != anchors[pg.URL] {
			gone[pg.URL] = true
		}
	}
	checker := newLinkIndex(nil)
	for _, pg := range p.render {
		checker.pending = append(checker.pending, fresh[pg.File]...)
	}
	if len(gone) > 0 || len(removed) > 0 {
		// Each address linked to is looked at once (byTarget), not once
		// a link.
		for target := range prev.index.byTarget {
			if !gone[target] && !removed[fileForURL(target)] && !removed[fileForURL(target+"/")] {
				continue
			}
			prev.index.linksTo(target, func(file string, l pendingLink) {
				if !renderedFile[file] && !removedFile[file] {
					checker.pending = append(checker.pending, l)
				}
			})
		}
	}
	names := map[string]bool{}
	for _, l := range checker.pending {
		for _, f := range []string{fileForURL(l.target), fileForURL(l.target + "/")} {
			if exists(f) {
				names[f] = true
			}
		}
		if ids, ok := anchors[l.target]; ok {
			checker.anchors[l.target] = ids
		} else if ids, ok := prev.index.anchors[l.target]; ok && !removed[indexFile(l.target)] {
			checker.anchors[l.target] = ids
		}
	}
	checker.checkLinks(func(n string) bool { return names[n] }, diags)
	written.links.check(exists, b.index.markdownTargets(), b.madeBy, diags)
}

// carry adds the warnings of the last good build about files this update
// did not look at again, so the report stays complete.
//
// What the content check said is never carried: every update checks the
// whole content again (or keeps the last check's word on the pages it did
// not change), and a page's problems there can change with another page's
// save, as a translation takes its website from its main page.
func (inc *Incremental) carry(diags diag.List, touched map[string]bool) diag.List {
	seen, seenFile := map[string]bool{}, map[string]bool{}
	for _, d := range diags {
		seen[d.String()], seenFile[d.File] = true, true
	}
	checked := map[string]bool{}
	for _, d := range inc.b.checked {
		checked[d.String()] = true
	}
	dirs := keys(touched)
	for _, d := range inc.diags {
		if touched[d.File] || seenFile[d.File] && seen[d.String()] || checked[d.String()] || underAny(strings.TrimPrefix(d.File, "content/"), dirs) {
			continue
		}
		diags = append(diags, d)
	}
	return diags
}

// mergeReads adds to kept what an update's outputs read.
func mergeReads(kept, fresh map[string]*render.Reads) map[string]*render.Reads {
	for file, r := range fresh {
		kept[file] = r
	}
	return kept
}

// groupLinks groups links by the page that has them, keeping their order.
// The preview keeps the groups to its end (linkIndex.byPage), so they
// share one block of exactly the links' size: grown by append they held
// 28 MB at 10,000 signatories, in one block 17 MB (250 MB at 100,000
// before).
func groupLinks(ls []pendingLink) map[string][]pendingLink {
	counts := map[string]int{}
	for _, l := range ls {
		counts[l.from.File]++
	}
	block := make([]pendingLink, len(ls))
	out := make(map[string][]pendingLink, len(counts))
	start := 0
	for file, n := range counts {
		// Full slice expressions: appending to one group copies it
		// rather than writing over the next.
		out[file] = block[start : start : start+n]
		start += n
	}
	for _, l := range ls {
		out[l.from.File] = append(out[l.from.File], l)
	}
	return out
}

func set(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, strings.TrimPrefix(k, "content/"))
	}
	return out
}

// underAny reports whether name is one of dirs or inside one of them.
func underAny(name string, dirs []string) bool {
	for _, d := range dirs {
		// Written so as to make no string: it runs for every page of
		// the site on every save.
		if d == "." || strings.HasPrefix(name, d) && (len(name) == len(d) || name[len(d)] == '/') {
			return true
		}
	}
	return false
}
