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

// inPlaceKinds are the kinds of page reloadInPlace changes where they
// are: pages no other page is found by. A pledge, principle or list page is
// also looked up by who points to it (the register files a signatory under
// the pledge its front matter points to), and a page with a translation,
// twin or report is pointed back to, so those are read in full.
var inPlaceKinds = map[Kind]bool{KindSignatory: true, KindCaseStudy: true, KindValue: true, KindPage: true}

// reloadInPlace is Reload for the saves editors make most: the Markdown of
// pages that exist, and their own facts (ownFacts), with the rest of their
// front matter as it was. Nothing another page is found or linked by has
// changed, so the cross-referencing of the old site holds, and each saved
// page is changed where it is: every page that shows it (a pledge listing
// its signatories, a principle its case studies) sees it as saved, with
// nothing copied. At 10,000 signatories copying the site so that the old
// one stayed as it was took a third of a save's time.
//
// The new site shares its pages with old, so old changes too: Before gives
// a changed page as it was, and Undo puts the pages back, for a save the
// caller does not keep. Nothing may read the pages while Reload changes
// them. It returns false, having changed nothing, for any other save,
// which Reload then reads in full.
func reloadInPlace(old *Site, fsys fs.FS, changed []string, opts Options) (*Site, diag.List, bool) {
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
	saved := make(map[*Page]*Page, len(changed)) // page -> the page as read now
	for _, name := range changed {
		op := byFile[name]
		// A twin or translation is read with what it shares with its
		// main page, and a page with a twin keeps where its keys are
		// written: the full path reads those.
		if op.keepKeys || op.IsTwin() || op.Lang != "" || !inPlaceKinds[op.Kind] ||
			len(op.Translations) > 0 || op.EasyRead != nil || len(op.Reports) > 0 {
			return nil, nil, false
		}
		var found diag.List
		p := loadPage(new(Page), fsys, name, opts, &found)
		if p == nil || found.HasErrors() || p.URL != op.URL || p.frontMatter != op.frontMatter && p.structure != op.structure {
			return nil, nil, false
		}
		diags = append(diags, found...)
		saved[op] = p
	}
	before := make(map[*Page]*Page, len(saved))
	for op, p := range saved {
		was := *op
		was.ownCopy()
		before[op] = &was
		// The page keeps its place among the others (its links to them,
		// what the lifecycle worked out from them) and takes what was
		// read: its Markdown and its own facts.
		op.Body, op.BodyLine, op.bodyAt, op.frontMatter, op.structure = p.Body, p.BodyLine, p.bodyAt, p.frontMatter, p.structure
		ownFacts(op, p)
	}
	site := *old // the same pages, addresses and sections
	site.before = before
	return &site, diags, true
}

// SharesPages reports whether s and o are the same pages: o was reloaded
// from s, or s from o, in place.
func (s *Site) SharesPages(o *Site) bool {
	return len(s.Pages) == len(o.Pages) && (len(s.Pages) == 0 || &s.Pages[0] == &o.Pages[0])
}

// Before is p as it was before the reload that made s changed it in place
// (reloadInPlace), or p itself.
func (s *Site) Before(p *Page) *Page {
	if was := s.before[p]; was != nil {
		return was
	}
	return p
}

// ChangedInPlace are the pages the reload that made s changed in place,
// in the order of the site's pages.
func (s *Site) ChangedInPlace() []*Page {
	var out []*Page
	if len(s.before) > 0 {
		for _, p := range s.Pages {
			if s.before[p] != nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// Undo puts back the pages the reload that made s changed in place, for a
// save that is not kept: the site it was reloaded from is then as it was.
func (s *Site) Undo() {
	if s == nil {
		return
	}
	for p, was := range s.before {
		*p = *was
	}
	s.before = nil
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
	to.ContentNote = from.ContentNote
	to.LogoAlt, to.LogoAltAt = from.LogoAlt, from.LogoAltAt
	t := to.own()
	t.Organisation, t.PrivateDetails = from.Organisation(), from.PrivateDetails()
	to.dropEmptyOthers()
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
