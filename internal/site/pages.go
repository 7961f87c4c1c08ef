package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/register"
	"github.com/coproduce/coproduce/internal/render"
	"github.com/coproduce/coproduce/internal/theme"
)

// builder is what the steps of one pass share: the site as templates see
// it, and values with one job each: the renderer makes a page's HTML, the
// link index knows where links go, and the output each step writes to is
// passed to it (record.go). What is left here is the site's own (its
// registers, the theme's files) and what the live preview keeps of a good
// build for its next update.
type builder struct {
	rs       *render.Site
	renderer *renderer  // makes a page's HTML
	index    *linkIndex // where links go, and the links to check
	workers  int

	regOnce  sync.Once
	regsMade atomic.Bool                     // regs are made: another build may read them
	regs     []*register.Register            // see registers()
	regsFrom *builder                        // whose registers to keep, remap or refile, in an update
	refile   map[*content.Page]*content.Page // the signatories to file again in regsFrom's registers, each with what it was (registersAfter)
	// plansFrom is the last good build, in an update that makes the
	// registers again: its search index plans are kept where the names
	// are the same. Let go once the update is done.
	plansFrom *builder

	theme      *theme.Theme      // for the source of a template, in messages
	themeFiles []themeFile       // the theme's static files, ready to write
	minifier   *publish.Minifier // the pass's, for the preview's next update

	// What the live preview keeps of the last good build (incremental.go).
	names     map[string]bool // every file written
	claims    *claims         // who claimed each file, kept while none comes or goes
	generated []string        // the files writeGenerated wrote
	declared  []string        // the files the generated steps list, claimed
	// declaredSteps are declared by step (declareFiles).
	declaredSteps [][]string
	checked       diag.List // the problems check found in the content
	static        []string  // files of static/, as published
	// What the preview keeps to find what a save affects (affected.go):
	// what each output read as it rendered (nil outside the preview), and
	// the directory's rows, to keep those of the signatories a save did
	// not change.
	reads    map[string]*render.Reads            // output file -> its reads
	readers  *readIndex                          // who read what, made from reads when a save first needs it
	rows     map[string]map[string]template.HTML // the directory's rows (render.Site.SignatoryRows)
	rowsOnce sync.Once                           // see renderRows
	// change is what the save changed, for an update of the preview; nil
	// for a whole build.
	change *change
	later  *laterPages // pages this update leaves to be made later (later.go)
	// pagesLock is the preview's, shared by its builds: a page left for
	// later is made holding it to read, and an update, which may change
	// the last good build's pages in place (content.Reload), holds it to
	// write. Nil for a whole build.
	pagesLock *sync.RWMutex

	mu sync.Mutex // guards reads
}

// pendingLink is an internal link whose target can only be checked once
// every file is written.
type pendingLink struct {
	from     diag.Pos
	target   string // path from the site root, without the fragment
	fragment string
	image    bool   // a picture, ![words](file.png), not a link
	suggest  string // the page or picture probably meant, if target is missing
}

// renderPages renders every page on all workers. Each page is written as
// soon as it is ready, so memory does not grow with the size of the site.
func (b *builder) renderPages(o output, diags *diag.List) {
	if o.final() && o.rec.links != nil {
		o.rec.links.promised = o.rec.promised
	}
	o.pages = newPageWriter(o.rec, o.min, b.workers)
	defer func() { *diags = append(*diags, o.pages.close()...) }()
	b.renderList(o, b.rs.Content.Pages, diags)
}

// renderList renders pages on all workers: every page in a full build,
// the pages a change affects in an incremental one.
func (b *builder) renderList(o output, pages []*content.Page, diags *diag.List) {
	scratch := make([]pageScratch, min(b.workers, len(pages)))
	found := make([]diag.List, len(pages))
	parallel.For(b.workers, len(pages), func(w, i int) error {
		found[i] = b.renderPage(o, pages[i], &scratch[w])
		return nil
	})
	for _, d := range found {
		*diags = append(*diags, d...)
	}
	b.index.join(scratch)
	// A template's mistake is reported once, at the template, not on
	// every page that uses it.
	*diags = append(*diags, b.renderer.tpl.Faults().Diags()...)
}

// pageScratch is what one rendering worker keeps from page to page: its
// buffers, and the links its pages make, which join the builder's list
// once the worker is done. Appending every page's links to one shared list
// under a lock took a tenth of a second of copying at 10,000 pages.
type pageScratch struct {
	buf, body bytes.Buffer
	links     []pendingLink
	reported  []string
}

// renderPage converts one page's Markdown and runs its template.
func (b *builder) renderPage(o output, p *content.Page, w *pageScratch) (diags diag.List) {
	defer func() {
		// Whatever a page holds, a fault while it is made is an error
		// about that page, never a crash of the whole build.
		if r := recover(); r != nil {
			diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "please report this, with the page, to the people who make coproduce",
				"the page could not be made because of a fault in coproduce: %v", r)
		}
	}()
	buf, body := &w.buf, &w.body
	// A final build loaded no bodies: each is read again here, and only
	// for as long as its page takes (see content.Site.Body).
	src, changed := b.rs.Content.Body(p)
	if changed != nil {
		b.index.notRead(indexFile(p.URL))
		return diag.List{*changed}
	}
	p.Body = src
	res := &pageLinks{index: b.index, rs: b.rs, page: p}
	report, diags := b.renderer.convertBody(p, body, res)
	if report == nil {
		return diags
	}
	diags = append(diags, b.bodyProblems(p, report, nil)...)
	for _, l := range res.pendingFrom(report) {
		if o.final() && b.index.settleNow(l, o.rec.promised, &diags) {
			continue
		}
		w.links = append(w.links, l)
	}
	if o.rec.links != nil {
		ownAddresses(o.rec.links, p, report, w)
	}
	b.index.rendered(p.URL, headingIDs(report))
	if o.final() {
		// Nothing after this reads the Markdown again: let it go, so a
		// build of 100,000 pages does not keep 300 MB of it to the end.
		// (Read on demand, it was never kept; loaded with the page, as
		// some callers of Build do, it is let go here.)
		p.Body = nil
	}

	data, problems := b.renderer.executePage(p, body, buf, b.renderer.tpl.Faults())
	if problems != nil {
		return append(diags, problems...)
	}
	b.keepReads(indexFile(p.URL), data)
	return append(diags, writePage(o, p, indexFile(p.URL), buf.Bytes())...)
}

// keepReads keeps what an output read as it rendered, for the preview.
func (b *builder) keepReads(file string, data *render.PageData) {
	if b.reads == nil {
		return
	}
	b.mu.Lock()
	b.reads[file] = data.Reads()
	b.mu.Unlock()
}

// ownAddresses tells the check of every output link about the links of a
// page's Markdown: a broken one is reported where the editor wrote it, not
// again at the template; a full address of the site itself, such as
// https://example.org/about/ on a site at https://example.org/, is checked
// like any internal link, at its place in the file.
func ownAddresses(addrs *outputLinks, p *content.Page, report *markdown.Report, w *pageScratch) {
	from := indexFile(p.URL)
	for _, links := range [][]markdown.Link{report.Links, report.Images} {
		for _, l := range links {
			t, ok := addrs.target(from, l.Dest)
			switch {
			case !ok:
			case l.Broken != nil:
				w.reported = append(w.reported, t)
			case addrs.abs != "" && strings.HasPrefix(l.Dest, addrs.abs) && !strings.HasPrefix(t, outside):
				_, fragment, _ := strings.Cut(l.Dest, "#")
				w.links = append(w.links, pendingLink{from: bodyPos(p, l.Pos), target: t, fragment: fragment})
			}
		}
	}
}

// bodyPos turns a place in the Markdown body into a place in the file.
func bodyPos(p *content.Page, at markdown.Pos) diag.Pos {
	return diag.Pos{File: p.File, Line: p.BodyLine + at.Line - 1, Col: at.Col}
}

// templateNames lists the templates a page may use, most specific first.
func templateNames(p *content.Page) []string {
	var names []string
	if p.Variant == "easy" {
		names = append(names, "easy-read.html")
	}
	switch p.Kind {
	case content.KindHome:
		return append(names, "home.html", "list.html")
	case content.KindList:
		return append(names, p.Section+"-list.html", "list.html")
	}
	return append(names, string(p.Kind)+".html", "page.html")
}

// indexFile is the file that serves a pretty URL: /a/b/ -> a/b/index.html.
func indexFile(url string) string {
	// Most addresses are clean, /a/b/: their file is found without
	// path.Join's copy, which was a good part of claiming every output.
	if len(url) > 2 && url[0] == '/' && url[len(url)-1] == '/' && path.Clean(url) == url[:len(url)-1] {
		return url[1:] + "index.html"
	}
	return path.Join(strings.Trim(url, "/"), "index.html")
}

// pageURL is the address of the page whose output is file, if file is a
// page's (indexFile turned round): a/b/index.html is /a/b/.
func pageURL(file string) string {
	dir, ok := strings.CutSuffix(file, "index.html")
	if !ok || dir != "" && !strings.HasSuffix(dir, "/") {
		return ""
	}
	return "/" + dir
}

// pageOfFile is the page of site published as file, or nil: found by its
// address, not by going through every page.
func pageOfFile(site *content.Site, file string) *content.Page {
	if p := site.Page(pageURL(file)); p != nil && indexFile(p.URL) == file {
		return p
	}
	return nil
}

// fileForURL is the file a link to a site path needs: index.html for a
// folder URL, the file itself otherwise.
func fileForURL(p string) string {
	if p == "/" || strings.HasSuffix(p, "/") {
		return indexFile(p)
	}
	return strings.TrimPrefix(p, "/")
}

func (l pendingLink) String() string { return fmt.Sprintf("%s#%s", l.target, l.fragment) }

// headingIDs lists the ids of a page's headings, the anchors other pages
// may link to. A list, not a set: a page has a few headings, and a map for
// each of 10,000 pages cost more than searching the list for the few links
// that name a heading.
func headingIDs(report *markdown.Report) []string {
	ids := make([]string, len(report.Headings))
	for i, h := range report.Headings {
		ids[i] = h.ID
	}
	return ids
}
