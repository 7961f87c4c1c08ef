// Package register is the public register of signatories: the directory
// with its filters and pages, the open data (JSON and CSV), the search index
// the directory's script reads, and what a signatory's page says about it to
// other sites (badge text, copy-ready snippet, JSON-LD).
//
// It is pure logic over loaded content: it writes nothing to disk, so the
// site builder and the templates share one view of the register. It
// promises that every list is in a stable order (newest signature first,
// then by name), that a filter page lists exactly the signatories with that
// value, and that building it takes time in proportion to the number of
// signatories, so a register of 10,000 builds in milliseconds.
package register

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/coproduce/coproduce/internal/content"
)

// PerPage is how many signatories a directory or filter page lists. Longer
// lists are split over /page/2/, /page/3/ and so on; the search index still
// holds every signatory.
const PerPage = 100

// Section is the content folder of signatories and the root of the directory.
const Section = "signatories"

// Register is every signatory, with the ways the directory can be filtered.
// Former signatories (lapsed or withdrawn) are kept apart from current
// ones: the directory, its filters and its search list only current ones,
// and the former are listed on a page of their own.
type Register struct {
	All    []*content.Page // current signatories: newest signature first, then by name
	Former []*content.Page // lapsed and withdrawn, newest signature first
	Facets []*Facet
	// Lang is the language the register is shown in: "" for the site's
	// main language. A register in another language lists each
	// signatory's translation where it has one, and the main-language
	// page where it has not.
	Lang string
	// Root is the directory's address: /signatories/, or /cy/signatories/
	// for a register in Welsh. Filter pages are under it.
	Root string

	plan *sharedPlan // how the search index is cut up (pieces.go)
}

// Facet is one way to filter the directory, such as by region.
type Facet struct {
	Key    string   // in URLs: sector, region, size, year, pledge
	Label  string   // for people: "Region"
	Values []*Value // in the order the filter lists them
	root   string   // the register's Root
}

// Value is one choice of a facet, such as the region Bristol, with the
// signatories that have it.
type Value struct {
	Facet       *Facet
	Slug        string // in URLs: bristol
	Label       string // for people: Bristol
	Signatories []*content.Page
}

// URL is the path of the value's filter page.
func (v *Value) URL() string { return v.Facet.root + v.Facet.Key + "/" + v.Slug + "/" }

// Count is how many signatories have the value.
func (v *Value) Count() int { return len(v.Signatories) }

// New builds the register from the site's signatories, in the site's main
// language, with its words in plain English.
func New(site *content.Site) *Register { return NewIn(site, "", plainEnglish{}) }

// NewIn builds the register shown in lang ("" for the main language),
// with the theme's words in that language. Its filters are those of the
// main language, so /cy/signatories/sector/youth-work/ lists exactly what
// /signatories/sector/youth-work/ lists, under the Welsh name a
// translation gives the sector.
func NewIn(site *content.Site, lang string, w Words) *Register {
	root := "/" + Section + "/"
	if lang != "" {
		root = "/" + lang + root
	}
	r := &Register{Lang: lang, Root: root, plan: &sharedPlan{}}
	for _, p := range content.InLanguage(site.Section(Section), lang) {
		if p.Kind != content.KindSignatory {
			continue
		}
		if mainPage(p).Standing.Current() {
			r.All = append(r.All, p)
		} else {
			r.Former = append(r.Former, p)
		}
	}
	text := func(key string, get func(*content.Page) string, order func([]*Value)) *Facet {
		f := &Facet{Key: key, Label: w.Format("facet_" + key), root: root}
		f.Values = group(f, r.All, lang, get, newSlugger(key, get))
		order(f.Values)
		return f
	}
	year := func(p *content.Page) string {
		if p.Signed.IsZero() {
			return ""
		}
		return strconv.Itoa(p.Signed.Year())
	}
	for _, own := range ownFacets(w) { // sector, region and size
		r.Facets = append(r.Facets, text(own.key, own.get, own.order))
	}
	r.Facets = append(r.Facets,
		text("year", year, newestFirst),
		statusFacet(text("status", func(p *content.Page) string { return string(mainPage(p).Standing.Status) }, byStatus), w))
	if level := text("level", firstLevel, byLabel); len(level.Values) > 0 {
		r.Facets = append(r.Facets, level)
	}
	r.Facets = append(r.Facets, r.pledgeFacet(site, w))
	// Last, so the search index's items (which leave it out: the name
	// search does its work) keep the other facets' places.
	r.Facets = append(r.Facets, r.letterFacet(w))
	return r
}

// slugger is how a facet made by group finds a signatory's value in URLs:
// from the main-language page's value (its source), so a translation is
// filed with it. A few values, each slugged once.
type slugger struct {
	source func(*content.Page) string
	slugs  map[string]string // source -> slug; nil for sizes, which are their own slugs
}

func newSlugger(key string, get func(*content.Page) string) *slugger {
	if key == "size" {
		return &slugger{source: func(p *content.Page) string { return mainPage(p).Size }}
	}
	return &slugger{source: func(p *content.Page) string { return get(mainPage(p)) }, slugs: map[string]string{}}
}

// slug is the slug made from a source.
func (s *slugger) slug(source string) string {
	if s.slugs == nil {
		return source
	}
	slug, ok := s.slugs[source]
	if !ok {
		slug = Slug(source)
		s.slugs[source] = slug
	}
	return slug
}

// of is p's slug.
func (s *slugger) of(p *content.Page) string { return s.slug(s.source(p)) }

// ownFacet is a facet that files signatories by one of their own facts
// (content's ownFacts), which a save can change without the register
// changing otherwise (Refile).
type ownFacet struct {
	key   string
	get   func(*content.Page) string
	order func([]*Value)
}

// ownFacets are the sector, region and size facets, in the order NewIn
// makes them, first among its facets.
func ownFacets(w Words) []ownFacet {
	sizeNames := map[string]string{}
	sizes := func(size string) string {
		name, ok := sizeNames[size]
		if !ok {
			name = sizeWords(w, size)
			sizeNames[size] = name
		}
		return name
	}
	return []ownFacet{
		{"sector", func(p *content.Page) string { return p.Sector }, byLabel},
		{"region", func(p *content.Page) string { return p.Region }, byLabel},
		{"size", func(p *content.Page) string { return sizes(p.Size) }, bySize},
	}
}

func byLabel(vs []*Value) {
	sort.SliceStable(vs, func(i, j int) bool { return strings.ToLower(vs[i].Label) < strings.ToLower(vs[j].Label) })
}

func bySize(vs []*Value) {
	rank := func(v *Value) int {
		for i, s := range content.Sizes {
			if s == v.Slug {
				return i
			}
		}
		return len(content.Sizes)
	}
	sort.SliceStable(vs, func(i, j int) bool { return rank(vs[i]) < rank(vs[j]) })
}

func newestFirst(vs []*Value) {
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Slug > vs[j].Slug })
}

// Refile is the register for a site whose pages are r's, where the pages
// in changed were changed in place in nothing the register reads but
// their sector, region and size (the preview's save of a signatory's own
// facts); changed maps each to a copy of what it was. The facets whose
// value one of them changed are filed again, the values the changed
// signatories left or joined made anew, and every other part is r's. It
// equals the register NewIn makes of the site, at the cost of a pass
// over the signatories, where NewIn groups and sorts them all.
func (r *Register) Refile(changed map[*content.Page]*content.Page, w Words) *Register {
	n := *r
	n.Facets = slices.Clone(r.Facets)
	touched := func(p *content.Page) bool { return changed[p] != nil || changed[mainPage(p)] != nil }
	var moved []*content.Page // the changed signatories the register lists, and their translations
	for _, p := range r.All {
		if touched(p) {
			moved = append(moved, p)
		}
	}
	if len(moved) == 0 {
		return &n
	}
	for _, spec := range ownFacets(w) {
		// A translation reads its own value and its main page's slug:
		// if no changed page's value or slug changed, none did.
		same, slugs := true, newSlugger(spec.key, spec.get)
		for p, was := range changed {
			same = same && spec.get(p) == spec.get(was) && slugs.of(p) == slugs.of(was)
		}
		if same {
			continue
		}
		for i, f := range n.Facets {
			if f.Key == spec.key {
				n.Facets[i] = r.refileFacet(f, spec, moved)
			}
		}
	}
	return &n
}

// refileFacet is f with the signatories in moved filed again: what group
// and the order would make of r.All, working only on the values they left
// or joined.
func (r *Register) refileFacet(f *Facet, spec ownFacet, moved []*content.Page) *Facet {
	nf := &Facet{Key: f.Key, Label: f.Label, root: f.root}
	slugs := newSlugger(spec.key, spec.get)
	// moved are a few pages: a list is quicker to look through than a map.
	isMoved := func(p *content.Page) bool { return slices.Contains(moved, p) }
	redo := map[string]bool{} // slugs of the values a moved signatory left or joins
	for _, v := range f.Values {
		if slices.ContainsFunc(v.Signatories, isMoved) {
			redo[v.Slug] = true
		}
	}
	for _, p := range moved {
		if slug := slugs.of(p); slug != "" {
			redo[slug] = true
		}
	}
	// The values to redo are filed again as group files them (in the
	// register's order, each signatory under its value, labelled as most
	// of them spell it) from their members and the moved signatories
	// alone.
	member := map[*content.Page]bool{}
	for _, v := range f.Values {
		if redo[v.Slug] {
			for _, p := range v.Signatories {
				member[p] = true
			}
		}
	}
	for _, p := range moved {
		member[p] = true
	}
	var fresh []*content.Page
	for _, p := range r.All {
		if member[p] {
			fresh = append(fresh, p)
		}
	}
	// Every value, kept or made again, in the order group made them: by
	// where its first signatory is in the register.
	first := map[*content.Page]*Value{}
	for _, v := range f.Values {
		if !redo[v.Slug] {
			first[v.Signatories[0]] = &Value{Facet: nf, Slug: v.Slug, Label: v.Label, Signatories: v.Signatories}
		}
	}
	for _, v := range group(nf, fresh, r.Lang, spec.get, slugs) {
		first[v.Signatories[0]] = v
	}
	for _, p := range r.All {
		if v := first[p]; v != nil {
			nf.Values = append(nf.Values, v)
		}
	}
	spec.order(nf.Values)
	return nf
}

// Remap is the register with every page replaced by now's page for it,
// for a site whose pages are new copies of the same pages: the live
// preview's, after a save that changed nothing the register groups,
// orders or names signatories by. It costs a lookup a page and place,
// where making the register again groups and sorts every signatory.
func (r *Register) Remap(now func(*content.Page) *content.Page) *Register {
	pages := func(ps []*content.Page) []*content.Page {
		out := make([]*content.Page, len(ps))
		for i, p := range ps {
			out[i] = now(p)
		}
		return out
	}
	n := &Register{All: pages(r.All), Former: pages(r.Former), Lang: r.Lang, Root: r.Root, plan: r.plan}
	for _, f := range r.Facets {
		nf := &Facet{Key: f.Key, Label: f.Label, root: f.root}
		for _, v := range f.Values {
			nf.Values = append(nf.Values, &Value{Facet: nf, Slug: v.Slug, Label: v.Label, Signatories: pages(v.Signatories)})
		}
		n.Facets = append(n.Facets, nf)
	}
	return n
}

// Grouping is what the register reads of a signatory's page: two versions
// of a page with the same Grouping are filed, ordered and named alike.
// The pages it links to (pledges, the page it translates) are named by
// address; a change to one of those is a change of its own.
func Grouping(p *content.Page) string {
	m := mainPage(p)
	return Filing(p) + strings.Join([]string{p.Sector, m.Sector, p.Region, m.Region, p.Size, m.Size}, "\x00")
}

// Filing is Grouping without the signatory's sector, region and size:
// two versions of a page with the same Filing are filed, ordered and
// named alike but in those three facets (Refile).
func Filing(p *content.Page) string {
	m := mainPage(p)
	var b strings.Builder
	for _, s := range []string{string(p.Kind), p.Lang, p.URL, p.Title, m.Title, m.URL,
		string(m.Standing.Status), firstLevel(p), firstLevel(m), p.Signed.String(), m.Signed.String(), p.Date.String(), strconv.Itoa(p.Weight),
		strconv.FormatBool(p.Draft)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, pl := range append(slices.Clone(p.Pledges), m.Pledges...) {
		b.WriteString(pl.URL)
		b.WriteByte(0)
	}
	return b.String()
}

// pledgeFacet lists the pledges in their section's order. A signatory may
// have signed several, so it appears under each.
func (r *Register) pledgeFacet(site *content.Site, w Words) *Facet {
	f := &Facet{Key: "pledge", Label: w.Format("facet_pledge"), root: r.Root}
	index := map[*content.Page]*Value{}
	for _, pl := range site.Section("pledges") {
		v := &Value{Facet: f, Slug: pl.Slug, Label: content.InLanguage([]*content.Page{pl}, r.Lang)[0].Title}
		index[pl] = v
		f.Values = append(f.Values, v)
	}
	for _, p := range r.All {
		for _, pl := range p.Pledges {
			if v := index[mainPage(pl)]; v != nil {
				v.Signatories = append(v.Signatories, p)
			}
		}
	}
	kept := f.Values[:0]
	for _, v := range f.Values {
		if v.Count() > 0 {
			kept = append(kept, v)
		}
	}
	f.Values = kept
	return f
}

// group puts signatories under the value get gives them. Spellings that make
// the same slug ("Bristol", "bristol ") are one value, labelled with the
// spelling most signatories use, so a typo in one file cannot split a region.
// The slug comes from the main-language page, so a translation's "Bryste"
// files the signatory under bristol with the rest; in a register in
// another language, a spelling from a translation outweighs any number of
// main-language ones, so the filter is named in the register's language
// wherever one translation names it.
//
// Pages that spell a value alike are filed alike, so the work is done once
// for each spelling, not once a page: a register of 10,000 has a few dozen
// regions, and this runs for each of its facets.
func group(f *Facet, pages []*content.Page, lang string, get func(*content.Page) string, slugs *slugger) []*Value {
	type spelling struct {
		value, source string // what get gives, and what the slug is made from
		own           bool   // a translation's, in the register's language
	}
	type filed struct {
		v     *Value // nil when the slug is empty: not filed
		label string
		pages int
	}
	bySlug := map[string]*Value{}
	seen := map[spelling]*filed{}
	var out []*Value
	for _, p := range pages {
		k := spelling{get(p), slugs.source(p), lang != "" && p.Lang == lang}
		e := seen[k]
		if e == nil {
			e = &filed{label: strings.TrimSpace(k.value)}
			if slug := slugs.slug(k.source); slug != "" {
				e.v = bySlug[slug]
				if e.v == nil {
					e.v = &Value{Facet: f, Slug: slug}
					bySlug[slug] = e.v
					out = append(out, e.v)
				}
			}
			seen[k] = e
		}
		if e.v != nil {
			e.v.Signatories = append(e.v.Signatories, p)
			e.pages++
		}
	}
	counts := map[*Value]map[string]int{}
	for k, e := range seen {
		if e.v == nil || e.label == "" {
			continue
		}
		weight := 1
		if k.own {
			weight = len(pages) + 1
		}
		if counts[e.v] == nil {
			counts[e.v] = map[string]int{}
		}
		counts[e.v][e.label] += e.pages * weight
	}
	for _, v := range out {
		best, n := "", 0
		for label, c := range counts[v] {
			if c > n || c == n && label < best {
				best, n = label, c
			}
		}
		if best == "" {
			best = get(mainPage(v.Signatories[0]))
		}
		v.Label = best
	}
	return out
}

// Facet returns the facet with the key, or nil.
func (r *Register) Facet(key string) *Facet {
	for _, f := range r.Facets {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// ValueOf returns the value a signatory has in a facet, or nil.
func (f *Facet) ValueOf(slug string) *Value {
	for _, v := range f.Values {
		if v.Slug == slug {
			return v
		}
	}
	return nil
}

// Slug makes a value into a URL part: lower case letters and digits with
// single dashes between words. "Criminal justice" becomes criminal-justice.
// Letters outside ASCII are kept, so Welsh place names stay readable.
func Slug(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	return b.String()
}

// mainPage is the main-language page of a translation, or p itself.
func mainPage(p *content.Page) *content.Page {
	if p.Lang != "" && p.Original != nil {
		return p.Original
	}
	return p
}

// sizeWords is a size as people read it in the register's language.
func sizeWords(w Words, size string) string {
	if size == "" {
		return ""
	}
	return w.Format("size_" + size)
}

// SizeLabel is the size of an organisation as people read it: "small"
// becomes "Small".
func SizeLabel(size string) string {
	if size == "" {
		return ""
	}
	return strings.ToUpper(size[:1]) + size[1:]
}
