package site

import (
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
)

// linkIndex is what one build knows of where links go: the site's pages
// by file and the names near a wrong one, the headings of each page
// rendered, and the links written in Markdown that wait to be checked
// until every file is written. Pages resolve their links against it as
// they render (pageLinks); a final build settles each link it can at
// once, and checkLinks checks the rest at the end.
type linkIndex struct {
	site *content.Site

	fileOnce sync.Once
	byFile   map[string]*content.Page
	// For "did you mean" (suggest.go): names by folder, made once.
	namesOnce                       sync.Once
	urlNames, fileNames, assetNames nameIndex

	mu      sync.Mutex
	anchors map[string]headings // page URL -> its headings
	// headingLists are the headings in anchors, each once.
	headingLists map[headings]headings
	pending      []pendingLink // internal links to verify at the end
	// reported are the output targets of Markdown links already reported
	// as broken where the editor wrote them; the check of every output
	// link leaves them out.
	reported []string
	// unread are the pages not made because their file changed while the
	// site was built (content.Site.Body): that is the error to fix, so
	// links to them are not reported as broken too.
	unread map[string]bool

	// What the live preview keeps from build to build: the links written
	// in each page's Markdown, to check again those whose target a save
	// removes or changes (checkChangedLinks).
	byPage map[string][]pendingLink // page file -> its internal links
	// byTarget lists the pages with a link to each address, each page
	// once: a save that removes a page or its headings checks the links
	// to it without going through the 200,000 links of 10,000 pages.
	byTarget map[string][]string
}

func newLinkIndex(site *content.Site) *linkIndex {
	return &linkIndex{site: site, anchors: map[string]headings{}}
}

// rendered notes the headings of a page as rendered. They are kept to
// the end of a build, for the links to #headings (see headings), and
// pages with the same headings in the same order (every signatory's "What
// we do", say) share one string.
func (x *linkIndex) rendered(url string, ids []string) {
	h := headingsOf(ids)
	x.mu.Lock()
	defer x.mu.Unlock()
	same, seen := x.headingLists[h]
	if !seen {
		if x.headingLists == nil {
			x.headingLists = map[headings]headings{}
		}
		x.headingLists[h] = h
		same = h
	}
	x.anchors[url] = same
}

// notRead notes a page not made because its file changed during the build.
func (x *linkIndex) notRead(file string) {
	x.mu.Lock()
	if x.unread == nil {
		x.unread = map[string]bool{}
	}
	x.unread[file] = true
	x.mu.Unlock()
}

// keepByPage moves the links waiting to be checked into byPage, by the
// page that has them, once they are checked: the preview's next update
// starts from there.
func (x *linkIndex) keepByPage() {
	x.byPage = groupLinks(x.pending)
	x.pending = nil
	x.byTarget = map[string][]string{}
	for file, ls := range x.byPage {
		x.linkFrom(file, ls)
	}
}

// linkFrom adds the links ls of the page file to byTarget.
func (x *linkIndex) linkFrom(file string, ls []pendingLink) {
	for i, l := range ls {
		if !slices.ContainsFunc(ls[:i], func(o pendingLink) bool { return o.target == l.target }) {
			x.byTarget[l.target] = append(x.byTarget[l.target], file)
		}
	}
}

// unlinkFrom takes the links ls of the page file out of byTarget.
func (x *linkIndex) unlinkFrom(file string, ls []pendingLink) {
	for _, l := range ls {
		files := slices.DeleteFunc(x.byTarget[l.target], func(f string) bool { return f == file })
		if len(files) == 0 {
			delete(x.byTarget, l.target)
		} else {
			x.byTarget[l.target] = files
		}
	}
}

// keptTargets is markdownTargets for the links the preview keeps: the
// targets of every page's Markdown links, which the check of output links
// leaves out as a build does, found from the addresses of byTarget
// rather than from each of the 200,000 links.
func (x *linkIndex) keptTargets() map[string]bool {
	targets := linkTargets(x.reported)
	for t := range x.byTarget {
		targets[strings.TrimSuffix(t, "/")] = true
	}
	return targets
}

// linksTo calls fn with each link to target kept by the preview, and the
// page that has it.
func (x *linkIndex) linksTo(target string, fn func(file string, l pendingLink)) {
	for _, file := range x.byTarget[target] {
		for _, l := range x.byPage[file] {
			if l.target == target {
				fn(file, l)
			}
		}
	}
}

// keepUpdate makes x, the index of an update of the preview, the one the
// next update starts from: the last good build's headings and links, with
// those of the pages the update rendered and without those it removed.
func (x *linkIndex) keepUpdate(prev *linkIndex, rendered, removed []*content.Page) {
	fresh, anchors := groupLinks(x.pending), x.anchors
	x.anchors, x.byPage, x.byTarget, x.pending = prev.anchors, prev.byPage, prev.byTarget, nil
	for _, pg := range removed {
		delete(x.anchors, pg.URL)
		x.unlinkFrom(pg.File, x.byPage[pg.File])
		delete(x.byPage, pg.File)
	}
	for _, pg := range rendered {
		x.anchors[pg.URL] = anchors[pg.URL]
		x.unlinkFrom(pg.File, x.byPage[pg.File])
		x.byPage[pg.File] = fresh[pg.File]
		x.linkFrom(pg.File, fresh[pg.File])
	}
}

// join adds the links a rendering worker gathered.
func (x *linkIndex) join(scratch []pageScratch) {
	// Grown once to its size: doubling a list of 100,000 pages' links
	// as each worker's joins would hold up to twice what it needs.
	total := len(x.pending)
	for _, w := range scratch {
		total += len(w.links)
	}
	x.pending = slices.Grow(x.pending, total-len(x.pending))
	for _, w := range scratch {
		x.pending = append(x.pending, w.links...)
		x.reported = append(x.reported, w.reported...)
	}
}

// pageByFile finds a page by its file name, built lazily once per build.
func (x *linkIndex) pageByFile(file string) *content.Page {
	x.fileOnce.Do(func() {
		x.byFile = make(map[string]*content.Page, len(x.site.Pages))
		for _, p := range x.site.Pages {
			x.byFile[p.File] = p
		}
	})
	return x.byFile[file]
}

// checkLinks reports internal links whose page, file or heading does not
// exist in the finished output.
func (x *linkIndex) checkLinks(written func(string) bool, diags *diag.List) {
	idSets := map[string]map[string]bool{}
	for _, l := range x.pending {
		if !written(fileForURL(l.target)) && !written(fileForURL(l.target+"/")) {
			if l.image {
				// A picture is a file beside the page, not a page.
				diags.Errorf(l.from, didYouMean(l.suggest)+"save the picture in the folder "+strings.TrimSuffix("content"+path.Dir(l.target), "/")+" with that name, or check the spelling of the file name",
					"there is no picture called %s beside this page (content%s)", path.Base(l.target), l.target)
				continue
			}
			diags.Errorf(l.from, didYouMean(l.suggest)+"check the address, or link to a page that exists", "the link to %s goes to a page that does not exist", l.target)
			continue
		}
		if l.fragment == "" {
			continue
		}
		ids, isPage := x.anchors[l.target]
		if isPage && !hasAnchor(idSets, l.target, ids, l.fragment) {
			missingHeading(l, diags)
		}
	}
}

// settleNow checks a link of a final build's page at once when what it
// needs is known already, so the link need not wait in memory for the
// check at the end: its file is written (files are never taken back),
// and, for a link to a #heading, the page there is rendered, with the
// headings it will always have. It reports a missing heading as the check
// at the end would.
func (x *linkIndex) settleNow(l pendingLink, written func(string) bool, diags *diag.List) bool {
	if !written(fileForURL(l.target)) && !written(fileForURL(l.target+"/")) {
		return false
	}
	if l.fragment == "" {
		return true
	}
	x.mu.Lock()
	ids, rendered := x.anchors[l.target]
	x.mu.Unlock()
	if !rendered {
		return false
	}
	if !ids.has(l.fragment) {
		missingHeading(l, diags)
	}
	return true
}

// written reports whether a file was written, or would have been but for
// its source changing during the build or its page failing to render.
// A link to a page whose template failed is not broken: the failure is
// the error, reported at the template, and a final build, which passes
// links to claimed files as soon as it finds them, says nothing more. The
// preview's build said "links to a page the build does not write" at
// every page linking to it as well.
func (x *linkIndex) written(out *recorder) func(string) bool {
	return func(name string) bool {
		return out.Has(name) || x.unread[name] || out.claims != nil && out.claims.claimedExactly(name)
	}
}

// nameIndexes indexes the site's pages (by address and by file) and the files
// beside them, once per build.
func (x *linkIndex) nameIndexes() (urls, files, assets nameIndex) {
	x.namesOnce.Do(func() {
		var u, f, a []string
		for _, p := range x.site.Pages {
			u = append(u, p.URL)
			f = append(f, p.File)
		}
		for _, x := range x.site.Assets {
			a = append(a, "/"+x)
		}
		x.urlNames, x.fileNames, x.assetNames = newNameIndex(u), newNameIndex(f), newNameIndex(a)
	})
	return x.urlNames, x.fileNames, x.assetNames
}

// sharePages gives x the pages by file of prev, the last good build's,
// for a site of the same pages, changed in place (content.Site.Before).
func (x *linkIndex) sharePages(prev *linkIndex) {
	prev.pageByFile("")
	x.fileOnce.Do(func() { x.byFile = prev.byFile })
}

// shareNames gives x the name indexes of prev, whose pages and files
// have the same addresses and names.
func (x *linkIndex) shareNames(prev *linkIndex) {
	urls, files, assets := prev.nameIndexes()
	x.namesOnce.Do(func() { x.urlNames, x.fileNames, x.assetNames = urls, files, assets })
}

// suggestFor is the page or picture a link to target probably meant, ""
// when target is a page or file of the site or nothing is close. It is
// worked out as the page is rendered, when the whole site is known, and
// used only if the link turns out to go nowhere.
func (x *linkIndex) suggestFor(target string, image bool) string {
	urls, _, assets := x.nameIndexes()
	if image {
		for _, a := range assets[path.Dir(target)] {
			if a == target {
				return ""
			}
		}
		if near := assets.nearest(target); near != "" {
			return "content" + near
		}
		return ""
	}
	if x.site.Page(target) != nil || path.Ext(target) != "" {
		return ""
	}
	return urls.nearest(target)
}
