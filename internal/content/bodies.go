package content

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// bodyOnlyKinds are the kinds of page reloadBodies reads on its own: pages
// no other page is found by. The other pages keep pointing to the saved
// page's old self, which holds the same front matter; a pledge, principle
// or list page is also looked up by who points to it (the register files
// a signatory under the pledge its front matter points to), and a page
// with a translation, twin or report is pointed back to, so those are read
// in full.
var bodyOnlyKinds = map[Kind]bool{KindSignatory: true, KindCaseStudy: true, KindValue: true, KindPage: true}

// reloadBodies is Reload for the save editors make most: the Markdown of
// pages that exist, with their front matter as it was. Nothing another page
// is linked by has changed, so the cross-referencing of the old site holds;
// the new site shares it, with each saved page in place of its old self.
// It returns false, having changed nothing, for any other save, which
// Reload then reads in full.
func reloadBodies(old *Site, fsys fs.FS, changed []string, opts Options) (*Site, diag.List, bool) {
	if len(changed) == 0 || len(changed) > 8 {
		return nil, nil, false
	}
	byFile := map[string]*Page{}
	for _, name := range changed {
		if !strings.HasSuffix(name, ".md") {
			return nil, nil, false
		}
		for _, p := range old.Pages {
			if p.File == displayName(opts.Dir, name) {
				byFile[name] = p
			}
		}
		if byFile[name] == nil {
			return nil, nil, false
		}
	}
	var diags diag.List
	fresh := map[*Page]*Page{} // old page -> its saved self
	for _, name := range changed {
		op := byFile[name]
		// A twin or translation is read with what it shares with its
		// main page, and a page with a twin keeps where its keys are
		// written: the full path reads those.
		if op.keepKeys || op.IsTwin() || op.Lang != "" || !bodyOnlyKinds[op.Kind] ||
			len(op.Translations) > 0 || op.EasyRead != nil || len(op.Reports) > 0 {
			return nil, nil, false
		}
		var found diag.List
		p := loadPage(fsys, name, opts, &found)
		if p == nil || found.HasErrors() || p.frontMatter != op.frontMatter || p.URL != op.URL {
			return nil, nil, false
		}
		diags = append(diags, found...)
		// The page takes the old one's place among the others: its links
		// to them, and what the lifecycle worked out from them.
		body, line := p.Body, p.BodyLine
		*p = *op
		p.Body, p.BodyLine = body, line
		fresh[op] = p
	}
	site := &Site{Pages: slices.Clone(old.Pages), Assets: old.Assets, Drafts: old.Drafts, Pictures: old.Pictures, dir: old.dir,
		byURL: make(map[string]*Page, len(old.byURL)), bySection: make(map[string][]*Page, len(old.bySection))}
	for i, p := range site.Pages {
		if n := fresh[p]; n != nil {
			site.Pages[i] = n
		}
	}
	for url, p := range old.byURL {
		if n := fresh[p]; n != nil {
			p = n
		}
		site.byURL[url] = p
	}
	for name, pages := range old.bySection {
		for op, n := range fresh {
			if i := slices.Index(pages, op); i >= 0 {
				pages = slices.Clone(pages)
				pages[i] = n
			}
		}
		site.bySection[name] = pages
	}
	return site, diags, true
}

// hashFrontMatter hashes what comes before body in data: the front matter
// and its fences, as the editor wrote them.
func hashFrontMatter(data, body []byte) uint64 {
	front := data
	if n := len(data) - len(body); n >= 0 && bytes.Equal(data[n:], body) {
		front = data[:n]
	}
	return maphash.Bytes(frontMatterSeed, front)
}

// frontMatterSeed is the seed of every front matter's hash: hashes made in
// one run compare.
var frontMatterSeed = maphash.MakeSeed()

// SameFrontMatter reports whether two versions of a page differ at most in
// their Markdown body, which no other page shows: what the loader works
// out from other pages (links to them, the lifecycle's standing) is left
// out, so a page as read from its file compares with one cross-referenced.
func SameFrontMatter(a, b *Page) bool {
	x, y := *a, *b
	for _, p := range []*Page{&x, &y} {
		p.Body, p.BodyLine, p.bodyAt, p.frontMatter = nil, 0, bodyPlace{}, 0
		p.clearLinks()
	}
	return reflect.DeepEqual(x, y)
}
