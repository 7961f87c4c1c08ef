package site

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sort"
	"sync"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/render"
)

// The pages a save changes without their own files changing are made, in
// an update of the live preview, after the reload rather than before it:
// the directory's pages (a signatory's region changes the counts of the
// filters every one of them shows, and a new signatory moves every page),
// the pages that show a changed page (the case studies showing a
// principle's title), the news feed. At 10,000 signatories that can be
// over a thousand pages, seconds of work, for pages the editor is most
// likely not looking at. Each is left in the preview's memory as a page
// made when first asked for (a browser asking for it waits the
// milliseconds it takes), and Incremental.Finish then makes those not
// asked for, with the same templates and content, and checks their links.
// Until Finish has run, the problems of those pages alone are not known;
// after it, the output and the problems are a clean build's. A whole
// build makes every page at once, as before.

// laterPages are the pages one update left to be made later, with what
// they read and what went wrong making them.
type laterPages struct {
	// faults gathers the template faults of the pages made later, so
	// one mistake is reported once with the pages it stopped, as a
	// build reports it (Finish takes them).
	faults render.Faults

	directoryFault sync.Once // the first fault of a directory page goes to faults

	mu       sync.Mutex
	files    []string
	problems map[string]diag.List     // file -> why it could not be made
	reads    map[string]*render.Reads // file -> what it read, once made
}

// made keeps what a page read as it was made, for Finish to hand to the
// next save's plan.
func (l *laterPages) made(file string, data *render.PageData) {
	l.mu.Lock()
	l.reads[file] = data.Reads()
	l.mu.Unlock()
}

// add notes a file left for later.
func (l *laterPages) add(file string) {
	l.mu.Lock()
	l.files = append(l.files, file)
	l.mu.Unlock()
}

// failed notes why a file could not be made.
func (l *laterPages) failed(file string, diags diag.List) {
	l.mu.Lock()
	l.problems[file] = diags
	l.mu.Unlock()
}

// errNotMade is what a page left for later that could not be made reads
// as; Finish reports why.
var errNotMade = errors.New("the page could not be made")

// deferring reports whether the directory's changed pages are left to be
// made later: in an update of the preview, whose output is its memory.
func (b *builder) deferring() bool {
	return b.change != nil && b.later != nil
}

// renderLater leaves a page with no Markdown file of its own to be made when
// first asked for, as writeSpecial would make it now. The page is made
// then too: a region's save leaves the directory's thousand pages.
func (b *builder) renderLater(o output, file, tmpl, kind string, page func() *content.Page) error {
	if !b.change.redo(file) {
		return nil
	}
	return b.leaveForLater(o, file, func(buf *bytes.Buffer) (*render.PageData, diag.List) {
		data, err := b.renderer.executeSpecial(buf, tmpl, kind, page())
		switch {
		case err == nil:
			return data, nil
		case render.AsFault(err) != nil:
			// A build stops the directory at its first fault and
			// names the step, not each page.
			b.later.directoryFault.Do(func() { b.later.faults.Add(directoryStep, err) })
			return nil, diag.List{}
		}
		var diags diag.List
		diags.Errorf(diag.Pos{File: directoryStep}, "check the theme's templates and that the output folder can be written", "could not write %s: %v", directoryStep, err)
		return nil, diags
	})
}

// renderPageLater leaves a page of content/ to be made when first asked
// for: a page the save did not change that shows one it did, such as a
// case study showing a principle's title. Its own Markdown is as it was,
// so its problems, headings and links are the last build's; only its
// template's output changes.
func (b *builder) renderPageLater(o output, p *content.Page) error {
	return b.leaveForLater(o, indexFile(p.URL), func(buf *bytes.Buffer) (*render.PageData, diag.List) {
		var body bytes.Buffer
		report, diags := b.renderer.convertBody(p, &body, &pageLinks{index: b.index, rs: b.rs, page: p})
		if report == nil {
			return nil, diags
		}
		return b.renderer.executePage(p, &body, buf, &b.later.faults)
	})
}

// leaveForLater leaves file to be made by page when first asked for,
// minified as the build writes it. page returns the problems that kept
// it from being made (an empty list for a template fault, which goes with
// the others in faults), for Finish to report. The file reads as if it
// read everything until it is made, so a save that changes any front
// matter before then leaves it for later again, with that save's content.
func (b *builder) leaveForLater(o output, file string, page func(buf *bytes.Buffer) (*render.PageData, diag.List)) error {
	l := b.later
	l.add(file)
	b.mu.Lock()
	b.reads[file] = nil
	b.mu.Unlock()
	return o.rec.writeLater([]string{file}, func(out publish.Output) error {
		// Not while an update changes the pages it shows.
		b.pagesLock.RLock()
		defer b.pagesLock.RUnlock()
		var buf bytes.Buffer
		data, diags := page(&buf)
		if diags != nil {
			l.failed(file, diags)
			return errNotMade
		}
		l.made(file, data)
		if err := publish.Minified(out, o.min).WriteFile(file, buf.Bytes()); err != nil {
			diags.Errorf(diag.Pos{File: file}, "please report this, with the page, to the people who make coproduce", "the preview could not keep the page: %v", err)
			l.failed(file, diags)
			return err
		}
		return nil
	})
}

// laterState is what Incremental keeps of the pages left to be made later:
// which builder left each one, and the problems Finish found in those it
// has made and checked.
type laterState struct {
	waiting  map[string]*laterPages // file -> the update that left it, not yet checked
	problems map[string]diag.List   // file -> its problems, once checked
}

func newLaterState() laterState {
	return laterState{waiting: map[string]*laterPages{}, problems: map[string]diag.List{}}
}

// note takes in an update's output: the pages it left for later wait
// for Finish, and a file it wrote again or removed loses what Finish knew
// of it.
func (s *laterState) note(l *laterPages, written, removed []string) {
	for _, f := range written {
		delete(s.waiting, f)
		delete(s.problems, f)
	}
	for _, f := range removed {
		delete(s.waiting, f)
		delete(s.problems, f)
	}
	if l == nil {
		return
	}
	for _, f := range l.files {
		s.waiting[f] = l
	}
}

// diags are the problems Finish found, in file order.
func (s *laterState) diags() diag.List {
	files := make([]string, 0, len(s.problems))
	for f := range s.problems {
		files = append(files, f)
	}
	sort.Strings(files)
	var out diag.List
	for _, f := range files {
		out = append(out, s.problems[f]...)
	}
	return out
}

// Finish makes the pages the last updates left to be made later, checks
// them as a build would, and returns every problem of the site as saved
// now. It stops early, returning false, when ctx is done: a new save
// then goes first, and the pages not made wait for the next Finish (or
// for a browser to ask for them). After a Finish that returns true the
// preview's output and problems are a clean build's.
func (inc *Incremental) Finish(ctx context.Context) (diag.List, bool) {
	files := make([]string, 0, len(inc.later.waiting))
	for f := range inc.later.waiting {
		files = append(files, f)
	}
	sort.Strings(files)
	found := make([]diag.List, len(files))
	skip := inc.b.index.keptTargets()
	err := parallel.For(workers(inc.opts.Workers), len(files), func(_, i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		found[i] = inc.checkLater(files[i], inc.later.waiting[files[i]], skip)
		return nil
	})
	// A template's fault is reported once, with the pages it stopped, at
	// the first of them.
	seen := map[*laterPages]bool{}
	for i, f := range files {
		if l := inc.later.waiting[f]; found[i] != nil && !seen[l] {
			seen[l] = true
			found[i] = append(found[i], l.faults.Diags()...)
		}
	}
	for i, f := range files {
		if err == nil || found[i] != nil {
			// What the page read as it was made tells the next save
			// whether to make it again, as for a page made at once.
			l := inc.later.waiting[f]
			l.mu.Lock()
			if r := l.reads[f]; r != nil {
				inc.b.reads[f] = r
				inc.b.noteMade(f, r)
			}
			l.mu.Unlock()
			delete(inc.later.waiting, f)
			inc.later.problems[f] = found[i]
		}
	}
	if err == nil && inc.b.readers == nil && inc.b.reads != nil {
		// Made again here, between saves, rather than inside the next
		// save that changes some front matter.
		inc.b.readers = newReadIndex(inc.b.reads)
	}
	return inc.problems(), err == nil && len(inc.later.waiting) == 0
}

// checkLater makes one page left for later, if nobody has asked for it
// yet, and checks its links against the preview's output as it is now.
// A page Finish has checked has a non-nil list, empty when it is fine.
func (inc *Incremental) checkLater(file string, l *laterPages, skip map[string]bool) diag.List {
	diags := diag.List{}
	data, ok := inc.out.Get(file)
	l.mu.Lock()
	failed, hasFailed := l.problems[file]
	l.mu.Unlock()
	if hasFailed || !ok {
		if !hasFailed {
			diags.Errorf(diag.Pos{File: file}, "please report this, with the page, to the people who make coproduce", "the preview could not make the page")
		}
		return append(diags, failed...)
	}
	b := inc.b
	links := newOutputLinks(b.rs.Config.BasePath(), siteAddress(b.rs))
	links.scan(file, data)
	links.check(inc.out.Has, skip, b.madeBy, &diags)
	return diags
}

// problems are every known problem of the site as saved now: the last
// save's errors when it had any, else the last good build's problems and
// those Finish found since.
func (inc *Incremental) problems() diag.List {
	if inc.failed != nil {
		return inc.failed
	}
	out := append(slices.Clone(inc.diags), inc.later.diags()...)
	out.Sort()
	return out
}
