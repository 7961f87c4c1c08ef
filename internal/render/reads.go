package render

import (
	"html/template"
	"slices"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
)

// Reads is what one output read of the site while it was rendered, beyond
// the page it was made for: the pages it looked up by address (found or
// not, so a page that comes into being is noticed), the sections whose
// pages it listed, and the pages of the signatory directory it showed. The
// live preview keeps each output's Reads and, after a save, renders again
// exactly the outputs whose reads the save changed.
//
// It is recorded, not guessed from the template's text: the functions
// that reach other pages (page, hasPage, pageTitle, section,
// signatoryListing), the page
// data's own lookups (breadcrumbs, language links, LinkTo) and
// .Site.Content write to it as the template runs, and a partial kept by
// partialCached hands its reads to every page that uses it.
//
// What a page's own front matter points to (.Page.Principles,
// .Page.Children, .Page.Translations and the rest) is not recorded: those
// pages are linked both ways by the loader, and the preview finds them
// from either end.
type Reads struct {
	// All is set when the output read the whole content through
	// .Site.Content: any change to any page may change it.
	All bool
	// Pages are the addresses of pages handed to the template (by page,
	// or as the rows of a directory page), which it may read whole and
	// follow one step through their front matter (.Children, .Pledges).
	Pages []string
	// Titles are the addresses of pages of which only the existence,
	// title and address were read: the breadcrumbs, the language links,
	// hasPage, pageTitle and LinkTo.
	Titles   []string
	Sections []string // sections listed with section
	Listings []string // addresses of directory pages shown
}

// The recording methods do nothing on a nil Reads: a partial rendered on
// its own, outside any page, records nothing.

func (r *Reads) page(url string) {
	if r != nil {
		r.Pages = append(r.Pages, url)
	}
}

func (r *Reads) title(url string) {
	if r != nil {
		r.Titles = append(r.Titles, url)
	}
}

func (r *Reads) section(name string) {
	if r != nil {
		r.Sections = append(r.Sections, name)
	}
}

func (r *Reads) listing(l *register.Listing, url string) {
	if r == nil {
		return
	}
	r.Listings = append(r.Listings, url)
	if l != nil {
		for _, p := range l.Items {
			r.Pages = append(r.Pages, p.URL)
		}
	}
}

func (r *Reads) all() {
	if r != nil {
		r.All = true
	}
}

// add records everything o recorded, for a partial kept by partialCached.
func (r *Reads) add(o *Reads) {
	if r == nil || o == nil {
		return
	}
	r.All = r.All || o.All
	r.Pages = append(r.Pages, o.Pages...)
	r.Titles = append(r.Titles, o.Titles...)
	r.Sections = append(r.Sections, o.Sections...)
	r.Listings = append(r.Listings, o.Listings...)
}

// Compact sorts the reads and drops repeats, so a page that shows the same
// navigation link three times keeps it once.
func (r *Reads) Compact() {
	if r == nil {
		return
	}
	for _, s := range []*[]string{&r.Pages, &r.Titles, &r.Sections, &r.Listings} {
		slices.Sort(*s)
		*s = slices.Clip(slices.Compact(*s))
	}
}

// recordingFuncs are the template functions that reach beyond the page,
// bound to one executor so they record into the reads of the output it is
// rendering now. They wrap the functions Funcs made.
func (ex *executor) recordingFuncs() template.FuncMap {
	fm := template.FuncMap{"partialCached": ex.partialCached, "partialFast": ex.partialFast}
	if page, ok := ex.ts.funcs["page"].(func(string) *content.Page); ok {
		fm["page"] = func(url string) *content.Page {
			ex.reads.page(url)
			return page(url)
		}
	}
	if page, ok := ex.ts.funcs["hasPage"].(func(string) bool); ok {
		fm["hasPage"] = func(url string) bool {
			ex.reads.title(url)
			return page(url)
		}
	}
	if title, ok := ex.ts.funcs["pageTitle"].(func(string) string); ok {
		fm["pageTitle"] = func(url string) string {
			ex.reads.title(url)
			return title(url)
		}
	}
	if section, ok := ex.ts.funcs["section"].(func(string) []*content.Page); ok {
		fm["section"] = func(name string) []*content.Page {
			ex.reads.section(name)
			return section(name)
		}
	}
	if listing, ok := ex.ts.funcs["signatoryListing"].(func(string) *register.Listing); ok {
		fm["signatoryListing"] = func(url string) *register.Listing {
			l := listing(url)
			ex.reads.listing(l, url)
			return l
		}
	}
	return fm
}

// SiteView is the site as a page's template sees it through .Site: every
// setting of Site, with the content reached through a method, so that a
// template that reads the whole content is known to.
type SiteView struct {
	*Site
	d *PageData
}

// Content is every page of the site. A page that reads it is rendered
// again after any change to any page.
func (v SiteView) Content() *content.Site {
	v.d.reads().all()
	return v.Site.Content
}
