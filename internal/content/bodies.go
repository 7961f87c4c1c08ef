package content

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"reflect"
	"regexp"
	"strconv"
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

// reloadBodies is Reload for the saves editors make most: the Markdown of
// pages that exist, and their own facts (ownFacts), with the rest of their
// front matter as it was. Nothing another page is linked by has changed,
// so the cross-referencing of the old site holds; the new site shares it,
// with each saved page in place of its old self. It returns false, having
// changed nothing, for any other save, which Reload then reads in full.
func reloadBodies(old *Site, fsys fs.FS, changed []string, opts Options) (*Site, diag.List, bool) {
	if len(changed) == 0 || len(changed) > 8 {
		return nil, nil, false
	}
	byFile := map[string]*Page{}
	for _, name := range changed {
		if !strings.HasSuffix(name, ".md") {
			return nil, nil, false
		}
		file := displayName(opts.Dir, name)
		for _, p := range old.Pages {
			if p.File == file {
				byFile[name] = p
			}
		}
		if byFile[name] == nil {
			return nil, nil, false
		}
	}
	var diags diag.List
	fresh := make(map[*Page]*Page, len(old.Pages)) // old page -> its saved or copied self
	facts := false                                 // some page's own facts changed
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
		if p == nil || found.HasErrors() || p.URL != op.URL || p.frontMatter != op.frontMatter && p.structure != op.structure {
			return nil, nil, false
		}
		facts = facts || p.frontMatter != op.frontMatter
		diags = append(diags, found...)
		// The page takes the old one's place among the others: its links
		// to them, and what the lifecycle worked out from them.
		saved := *p
		*p = *op
		p.Body, p.BodyLine, p.bodyAt, p.frontMatter, p.structure = saved.Body, saved.BodyLine, saved.bodyAt, saved.frontMatter, saved.structure
		ownFacts(p, &saved)
		fresh[op] = p
	}
	if facts {
		// Other pages show a page's own facts through their links to it
		// (a principle lists its case studies with their summaries), and
		// pages are told apart by identity (a pledge's signatories are
		// found by it): every page is copied, pointing to the new selves,
		// so the new site is the old one's links with nothing of the old
		// one in it, as a site read in full would be. Copying is a tenth
		// of linking again.
		// The copies are made in one block: ten thousand allocations
		// cost more than the copying.
		copies := make([]Page, len(old.Pages))
		for i, q := range old.Pages {
			if fresh[q] == nil {
				copies[i] = *q
				fresh[q] = &copies[i]
			}
		}
		// A page saved before with its body alone may still be pointed
		// to as its older self, which is not among the pages: it is
		// found by its address.
		var byURL map[string]*Page
		next := func(q *Page) *Page {
			if n := fresh[q]; n != nil {
				return n
			}
			if byURL == nil {
				byURL = make(map[string]*Page, len(old.Pages))
				for _, q := range old.Pages {
					byURL[q.URL] = fresh[q]
				}
			}
			return byURL[q.URL]
		}
		// The copies' lists are made in two blocks, for the same reason.
		var pointers, signings int
		for _, p := range fresh {
			for _, list := range p.lists() {
				pointers += len(*list)
			}
			signings += len(p.Signings)
		}
		room := &listRoom{pages: make([]*Page, 0, pointers), signings: make([]Signing, 0, signings)}
		for _, p := range fresh {
			p.repoint(next, room)
		}
	}
	// A body alone leaves the other pages pointing to the saved page's
	// old self, which holds the same front matter: no page shows
	// another's body.
	now := func(p *Page) *Page {
		if n := fresh[p]; n != nil {
			return n
		}
		return p
	}
	site := &Site{Pages: make([]*Page, len(old.Pages)), Assets: old.Assets, Drafts: old.Drafts, Pictures: old.Pictures, dir: old.dir,
		byURL: make(map[string]*Page, len(old.byURL)), bySection: make(map[string][]*Page, len(old.bySection))}
	for i, p := range old.Pages {
		site.Pages[i] = now(p)
	}
	for url, p := range old.byURL {
		site.byURL[url] = now(p)
	}
	for name, pages := range old.bySection {
		mapped := make([]*Page, len(pages))
		for i, p := range pages {
			mapped[i] = now(p)
		}
		site.bySection[name] = mapped
	}
	return site, diags, true
}

// repoint makes p point to next's page for every page it points to (nil
// for one to keep). The lists it holds are shared with its old self, so
// they are copied first, into room.
func (p *Page) repoint(next func(*Page) *Page, room *listRoom) {
	for _, list := range p.lists() {
		*list = room.copyPages(*list)
	}
	p.Signings = room.copySignings(p.Signings)
	p.eachLink(func(q **Page) {
		if n := next(*q); n != nil {
			*q = n
		}
	})
}

// lists are the lists of pages p points to.
func (p *Page) lists() []*[]*Page {
	return []*[]*Page{&p.Principles, &p.CaseStudies, &p.Pledges, &p.Signatories, &p.Children, &p.Translations, &p.Reports}
}

// listRoom is room made at once for the copies of many pages' lists: ten
// thousand pages' lists copied one by one were as many allocations. Each
// copy's capacity is its length, so appending to one never reaches into
// the next.
type listRoom struct {
	pages    []*Page
	signings []Signing
}

func (r *listRoom) copyPages(list []*Page) []*Page {
	if len(list) == 0 {
		return list
	}
	start := len(r.pages)
	r.pages = append(r.pages, list...)
	return r.pages[start:len(r.pages):len(r.pages)]
}

func (r *listRoom) copySignings(list []Signing) []Signing {
	if len(list) == 0 {
		return list
	}
	start := len(r.signings)
	r.signings = append(r.signings, list...)
	return r.signings[start:len(r.signings):len(r.signings)]
}

// eachLink calls fn with every place p points to another page, as
// cross-referencing fills them in (see clearLinks).
func (p *Page) eachLink(fn func(**Page)) {
	for _, list := range [][]*Page{p.Principles, p.CaseStudies, p.Pledges, p.Signatories, p.Children, p.Translations, p.Reports} {
		for i := range list {
			fn(&list[i])
		}
	}
	for _, one := range []**Page{&p.EasyRead, &p.Original, &p.Signatory, &p.ReportPledge} {
		if *one != nil {
			fn(one)
		}
	}
	for i := range p.Signings {
		if p.Signings[i].Pledge != nil {
			fn(&p.Signings[i].Pledge)
		}
	}
}

// ownFacts copies the facts of a page that only the page itself and the
// lists that show it read: no page is found by them, and the loader works
// nothing out from them. (The register groups signatories by sector,
// region and size, but it is made from the site, not kept in it.)
// ownKeys are the keys they are written under.
func ownFacts(to, from *Page) {
	to.Summary, to.SummaryAt = from.Summary, from.SummaryAt
	to.Website, to.WebsiteAt = from.Website, from.WebsiteAt
	to.Sector, to.Region, to.Size = from.Sector, from.Region, from.Size
	to.ContentNote, to.Organisation = from.ContentNote, from.Organisation
	to.LogoAlt, to.LogoAltAt = from.LogoAlt, from.LogoAltAt
	to.PrivateDetails = from.PrivateDetails
}

var ownKeys = regexp.MustCompile(`^(summary|website|sector|region|size|content_note|organisation|logo_alt)[ \t]*:`)

// hashStructure hashes the front matter without the keys of a page's own
// facts, each line with its number: two versions with the same hash differ
// at most in those facts, and every other key is on the same line. Only
// YAML is looked into; other front matter is hashed whole. A value written
// over several lines goes on with indented lines, which go with its key.
func hashStructure(front []byte) uint64 {
	if !bytes.HasPrefix(front, []byte("---")) {
		return maphash.Bytes(frontMatterSeed, front)
	}
	var h maphash.Hash
	h.SetSeed(frontMatterSeed)
	own := false
	for n := 1; len(front) > 0; n++ {
		var line []byte
		line, front, _ = bytes.Cut(front, []byte("\n"))
		if own && (len(bytes.TrimSpace(line)) == 0 || line[0] == ' ' || line[0] == '\t') {
			continue
		}
		if own = ownKeys.Match(line); own {
			continue
		}
		h.WriteString(strconv.Itoa(n))
		h.WriteByte(':')
		h.Write(line)
		h.WriteByte('\n')
	}
	return h.Sum64()
}

// hashFrontMatter hashes what comes before body in data: the front matter
// and its fences, as the editor wrote them.
func hashFrontMatter(data, body []byte) (whole, structure uint64) {
	front := data
	if n := len(data) - len(body); n >= 0 && bytes.Equal(data[n:], body) {
		front = data[:n]
	}
	return maphash.Bytes(frontMatterSeed, front), hashStructure(front)
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
		p.Body, p.BodyLine, p.bodyAt, p.frontMatter, p.structure = nil, 0, bodyPlace{}, 0, 0
		p.clearLinks()
	}
	return reflect.DeepEqual(x, y)
}
