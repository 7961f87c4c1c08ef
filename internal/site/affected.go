package site

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"html/template"
	"slices"
	"sort"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
	"github.com/coproduce/coproduce/internal/render"
)

// Which outputs a save affects. Every output the theme renders records
// what it read of the site beyond its own page (render.Reads): the pages it
// looked up, the sections it listed, the directory pages it showed. The
// preview keeps those reads from its last good build, and after a save
// renders again exactly the outputs whose reads the save changed, and the
// pages that show a changed page through their own front matter
// (neighbours). Nothing is guessed from a template's text.

// plan is what one pass must redo.
type plan struct {
	render []*content.Page // pages of the new site to render
	// later are pages of the new site whose own files the save did not
	// change and that show a page it did: made after the reload
	// (later.go).
	later   []*content.Page
	removed []*content.Page // pages of the old site that are gone
	meta    bool            // some front matter changed: regenerate lists
	removes []string        // files of the last good build to delete
	files   bool            // files beside the pages came or went
	moved   bool            // a page came or went, or its aliases changed
	// sameFiles is set when the save cannot change which site-wide
	// files there are: no page came or went, no title changed (the
	// search index is cut by names) and no directory page came or went.
	sameFiles bool
	change    *change // what the save changed, for the site-wide files
}

// change is what a save changed, as the steps ask it which outputs to
// make again.
type change struct {
	pages map[string]bool // addresses of pages whose front matter changed, or that came or went
	// shown are the addresses of those pages and of the pages that show
	// one of them through their own front matter, and shownSections
	// their sections: a template handed one of these pages may follow it
	// one step to a changed page.
	shown         map[string]bool
	shownSections map[string]bool
	listings      map[string]bool // directory pages whose list, counts or filters changed, or that came or went
	pledges       bool            // a pledge is among pages: every signatory is asked whether it signed it
	reads         map[string]*render.Reads
	// candidates are the outputs that may have read one of the above
	// (readers.go); the others did not, and need no look at their reads.
	candidates map[string]bool
}

// redo reports whether the output file must be made again: it is new, or
// it read something the save changed.
func (c *change) redo(file string) bool {
	r, ok := c.reads[file]
	if !ok || r == nil || r.All {
		return true
	}
	if c.candidates != nil && !c.candidates[file] {
		return false
	}
	// The short lists first: a page of the directory reads its listing
	// and the titles of a hundred signatories.
	return anyIn(r.Listings, c.listings) || anyIn(r.Sections, c.shownSections) || anyIn(r.Pages, c.shown) || anyIn(r.Titles, c.pages)
}

// signatoryChanged reports whether the save changed what a signatory's
// badge or directory row shows: the signatory, the page it translates,
// whose facts it shares, and the pledges it signed, in any language.
func (c *change) signatoryChanged(p *content.Page) bool {
	main := p
	if p.Original != nil {
		main = p.Original
	}
	if c.shown[p.URL] || c.shown[main.URL] {
		return true
	}
	return c.pledges && (c.anyPledgeChanged(main.Pledges) || c.anyPledgeChanged(p.Pledges))
}

// changedSignatories are the pages of all that signatoryChanged says yes
// to, in their order. When no pledge changed they are the shown pages and
// their translations, each looked up rather than every signatory asked.
func (c *change) changedSignatories(site *content.Site, all []*content.Page) []*content.Page {
	if c.pledges {
		return slices.DeleteFunc(slices.Clone(all), func(p *content.Page) bool { return !c.signatoryChanged(p) })
	}
	var maybe []*content.Page
	for url := range c.shown {
		if p := site.Page(url); p != nil && p.Kind == content.KindSignatory {
			maybe = append(maybe, p)
			maybe = append(maybe, p.Translations...)
		}
	}
	if len(maybe) == 0 {
		return nil
	}
	in := make(map[*content.Page]bool, len(maybe))
	for _, p := range maybe {
		in[p] = true
	}
	var out []*content.Page
	for _, p := range all { // in the register's order, and only its pages
		if in[p] {
			out = append(out, p)
		}
	}
	return out
}

// missingRows are the pages of all whose row must be made again: the
// save changed what it shows, or the last build has none (last).
func (c *change) missingRows(all []*content.Page, last map[string]template.HTML) []*content.Page {
	var out []*content.Page
	for _, p := range all {
		if _, ok := last[p.URL]; !ok || c.signatoryChanged(p) {
			out = append(out, p)
		}
	}
	return out
}

// anyPledgeChanged reports whether the save changed one of pledges, in
// any language.
func (c *change) anyPledgeChanged(pledges []*content.Page) bool {
	for _, pl := range pledges {
		if c.pages[pl.URL] {
			return true
		}
		for _, t := range pl.Translations {
			if c.pages[t.URL] {
				return true
			}
		}
	}
	return false
}

func anyIn(names []string, set map[string]bool) bool {
	for _, n := range names {
		if set[n] {
			return true
		}
	}
	return false
}

// planChange compares the pages read again with their old selves. A change
// to the body alone re-renders the page alone; a change to the front
// matter also re-renders every output that read the page, and the pages
// that show it through their own front matter.
//
// next is the builder of the update, whose content is the site as saved now.
func planChange(prev, next *builder, names []string) plan {
	old, now := prev.rs.Content, next.rs.Content
	var pl plan
	want := map[*content.Page]bool{}  // pages made again now
	shows := map[*content.Page]bool{} // pages that only show a changed page
	var moved []*content.Page         // old and new versions of pages whose front matter changed
	cameOrWent := map[string]bool{}   // addresses whose page came, went or is another file's now
	retitled := false
	for _, p := range now.Pages {
		if !underAny(strings.TrimPrefix(p.File, "content/"), names) {
			continue
		}
		op := now.Before(old.Page(p.URL)) // as it was, if the save changed it in place
		switch {
		case op == nil || op.File != p.File:
			cameOrWent[p.URL] = true
			retitled = true
			moved = append(moved, p)
			if op != nil {
				moved = append(moved, op)
			}
		case !content.SameFrontMatter(op, p):
			pl.moved = pl.moved || !slices.Equal(op.Aliases, p.Aliases)
			retitled = retitled || op.Title != p.Title
			moved = append(moved, p, op)
		case !bytes.Equal(op.Body, p.Body) || op.BodyLine != p.BodyLine:
			want[p] = true
			continue
		default:
			continue
		}
		want[p] = true
	}
	for _, op := range old.Pages {
		if underAny(strings.TrimPrefix(op.File, "content/"), names) && (now.Page(op.URL) == nil || now.Page(op.URL).File != op.File) {
			if now.Page(op.URL) == nil {
				pl.removed = append(pl.removed, op)
			}
			cameOrWent[op.URL] = true
			moved = append(moved, op)
		}
	}
	pl.meta = len(moved) > 0
	pl.moved = pl.moved || len(cameOrWent) > 0
	switch how, refile := registersAfter(old, now, moved); {
	case !pl.meta || how == keepRegisters:
		next.regsFrom = prev
	case how == refileRegisters:
		next.regsFrom, next.refile = prev, refile
	default:
		next.plansFrom = prev
	}
	if pl.meta {
		c := &change{pages: map[string]bool{}, shown: map[string]bool{}, shownSections: map[string]bool{}, reads: prev.reads}
		for _, m := range moved {
			c.pages[m.URL] = true
			c.pledges = c.pledges || m.Kind == content.KindPledge
			neighbours(m, c.shown)
		}
		for url := range c.shown { // the moved pages among them
			for _, site := range []*content.Site{old, now} {
				if p := site.Page(url); p != nil {
					c.shownSections[p.Section] = true
				}
			}
		}
		var listingsCameOrWent bool
		c.listings, listingsCameOrWent = changedListings(prev, next)
		pl.sameFiles = !pl.moved && !retitled && !listingsCameOrWent
		if prev.readers == nil {
			prev.readers = newReadIndex(prev.reads)
		}
		c.candidates = prev.readers.candidates(c)
		// The pages that show a change are looked for among the shown
		// and the outputs that may have read it, not by asking all
		// 11,000 pages: every page's output read something when it was
		// made, so its reads are known to the index.
		for url := range c.shown {
			if p := now.Page(url); p != nil && !want[p] {
				shows[p] = true
			}
		}
		for file := range c.candidates {
			if p := pageOfFile(now, file); p != nil && !want[p] && !shows[p] && c.redo(file) {
				shows[p] = true
			}
		}
		// A Markdown link to another page's file is written as that
		// page's address (links.go): when a page moves to another
		// address, the pages linking to it are made again. A change to
		// its title or other keys leaves their links as they were.
		if len(cameOrWent) > 0 {
			byFile := map[string]*content.Page{}
			for _, p := range now.Pages {
				byFile[p.File] = p
			}
			for target := range cameOrWent {
				prev.index.linksTo(target, func(file string, _ pendingLink) {
					if byFile[file] != nil {
						want[byFile[file]] = true
					}
				})
			}
		}
		pl.change = c
	}
	for _, p := range showingChangedPictures(prev, now, names) {
		want[p] = true // pictures.go
	}
	for p := range want {
		pl.render = append(pl.render, p)
	}
	for p := range shows {
		if !want[p] {
			pl.later = append(pl.later, p)
		}
	}
	for _, pg := range pl.removed {
		pl.removes = append(pl.removes, indexFile(pg.URL))
	}
	sort.Slice(pl.render, func(i, j int) bool { return pl.render[i].URL < pl.render[j].URL })
	sort.Slice(pl.later, func(i, j int) bool { return pl.later[i].URL < pl.later[j].URL })
	return pl
}

// registersAfter says how the registers of the last good build become
// those of the site as saved now. They are kept when every page whose
// front matter changed, or that came or went, is one the register does
// not read (neither a signatory nor a pledge, before or after), or a
// signatory before and after that the register files, orders and names
// as before. They are refiled when those signatories differ at most in
// their sector, region or size and were changed in place
// (register.Refile): at 10,000 signatories that takes a millisecond
// where making them again took 50. Otherwise they are made again. refile
// holds the pages to file again, each with what it was.
func registersAfter(old, now *content.Site, moved []*content.Page) (how registersChange, refile map[*content.Page]*content.Page) {
	read := func(p *content.Page) bool {
		return p != nil && (p.Kind == content.KindSignatory || p.Kind == content.KindPledge)
	}
	how = keepRegisters
	for _, m := range moved {
		op, p := now.Before(old.Page(m.URL)), now.Page(m.URL)
		if !read(op) && !read(p) {
			continue
		}
		if op == nil || p == nil || op.File != p.File || op.Kind != content.KindSignatory || p.Kind != content.KindSignatory {
			return makeRegisters, nil
		}
		if register.Grouping(op) == register.Grouping(p) {
			continue
		}
		if op == p || !now.SharesPages(old) || register.Filing(op) != register.Filing(p) {
			return makeRegisters, nil
		}
		if refile == nil {
			refile = map[*content.Page]*content.Page{}
		}
		refile[p], how = op, refileRegisters
	}
	return how, refile
}

// registersChange is how a save changes the registers (registersAfter).
type registersChange int

const (
	keepRegisters registersChange = iota
	refileRegisters
	makeRegisters
)

// changedListings are the directory pages, in every language, that differ
// between the last good build and the content as saved now in what they
// list, count or offer as filters, or that came or went. What each row says
// of its signatory is not compared: a page showing a changed signatory
// read that signatory's address, and is made again for it.
//
// Registers kept or remapped from the last good build's (registersAfter)
// list, count and filter the same. Otherwise the filters are compared first:
// every page of the directory shows them, so a save that changes a count
// (a signatory's region, a new signatory) changes every page, without
// going through the hundred thousand rows they list.
func changedListings(prev, next *builder) (changed map[string]bool, cameOrWent bool) {
	changed = map[string]bool{}
	if next.regsFrom == prev && next.refile == nil {
		return changed, false
	}
	old := map[string]*register.Listing{}
	for _, reg := range prev.registers() {
		for _, l := range reg.Listings() {
			old[l.URL] = l
		}
	}
	oldFacets, newFacets := map[*register.Facet]uint64{}, map[*register.Facet]uint64{}
	now := map[string]bool{}
	for _, reg := range next.registers() {
		for _, l := range reg.Listings() {
			now[l.URL] = true
			o, ok := old[l.URL]
			switch {
			case !ok:
				changed[l.URL], cameOrWent = true, true
			case !slices.EqualFunc(o.Facets, l.Facets, func(a, b *register.Facet) bool {
				return facetPrint(a, oldFacets) == facetPrint(b, newFacets)
			}):
				changed[l.URL] = true
			case listingPrint(o) != listingPrint(l):
				changed[l.URL] = true
			}
		}
	}
	for url := range old {
		if !now[url] {
			changed[url], cameOrWent = true, true
		}
	}
	return changed, cameOrWent
}

// listingPrint is a hash of what a page of the directory shows besides its
// rows and filters: its place, its counts, its filter value and the
// addresses it lists.
func listingPrint(l *register.Listing) uint64 {
	var h maphash.Hash
	h.SetSeed(printSeed)
	for _, n := range []int{l.Number, l.Of, l.Total, l.First, l.FormerCount} {
		writeInt(&h, n)
	}
	if l.Value != nil {
		h.WriteString(l.Value.Label + "\x00" + l.Value.Slug + "\x00")
	}
	for _, p := range l.Items {
		h.WriteString(p.URL)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// printSeed is the seed of every print, so the prints of two builds in one
// preview compare.
var printSeed = maphash.MakeSeed()

// facetPrint is a hash of a filter as the directory's pages show it: its
// name and each value with its count. Each facet is hashed once, in seen.
func facetPrint(f *register.Facet, seen map[*register.Facet]uint64) uint64 {
	if print, ok := seen[f]; ok {
		return print
	}
	var h maphash.Hash
	h.SetSeed(printSeed)
	h.WriteString(f.Key + "\x01" + f.Label + "\x01")
	for _, v := range f.Values {
		h.WriteString(v.Slug + "\x02" + v.Label + "\x02")
		writeInt(&h, v.Count())
	}
	seen[f] = h.Sum64()
	return seen[f]
}

func writeInt(h *maphash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// neighbours adds the URLs of the pages that show p through their own
// front matter or place: the lists above it, the pages it is
// cross-referenced with and their twins and translations, and its own. A template
// reaches those through the page it is given (.Page.Children,
// .Page.Principles ...), not through a lookup that could be recorded.
func neighbours(p *content.Page, urls map[string]bool) {
	urls[p.URL] = true
	parts := strings.Split(strings.Trim(p.URL, "/"), "/")
	for i := range parts {
		urls["/"+strings.Join(parts[:i], "/")+strings.Repeat("/", min(i, 1))] = true
	}
	var related []*content.Page
	for _, list := range [][]*content.Page{p.Principles(), p.CaseStudies(), p.Pledges, p.Signatories, p.Children(), p.Translations, p.Reports} {
		related = append(related, list...)
	}
	related = append(related, p.EasyRead, p.Original, p.Signatory(), p.ReportPledge())
	if p.Original != nil {
		related = append(related, p.Original.EasyRead)
		related = append(related, p.Original.Translations...)
	}
	for _, r := range related {
		if r == nil {
			continue
		}
		urls[r.URL] = true
		// A twin or translation of a related page shows that page's
		// facts as its own: a signatory's Easy Read page names the
		// pledges the signatory signed.
		if r.EasyRead != nil {
			urls[r.EasyRead.URL] = true
		}
		for _, t := range r.Translations {
			urls[t.URL] = true
		}
	}
}
