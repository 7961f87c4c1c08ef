package register

import (
	"strconv"

	"github.com/coproduce/coproduce/internal/content"
)

// Listing is one page of the directory or of a filter: up to PerPage
// signatories, with what the page needs to link to the other pages.
type Listing struct {
	Lang   string // the register's language, "" for the main one
	Root   string // the directory's first page: /signatories/ or /cy/signatories/
	URL    string // this page: /signatories/region/bristol/page/2/
	Base   string // its first page: /signatories/region/bristol/
	Value  *Value // the filter, or nil for the whole directory
	Items  []*content.Page
	Number int // this page's number, from 1
	Of     int // how many pages the list has
	Total  int // how many signatories the whole list has
	First  int // the position of Items[0] in the whole list, from 1
	// Facets are every filter of the register, for the filter links.
	Facets []*Facet
	// Former marks the list of former signatories (lapsed or withdrawn),
	// which is kept apart from the directory; FormerCount is how many
	// there are, for the directory to link to it.
	Former      bool
	FormerCount int
}

// FormerURL is the address of the list of former signatories, for templates.
func (l *Listing) FormerURL() string { return l.Root + "former/" }

// Last is the position of the last item of the page in the whole list.
func (l *Listing) Last() int { return l.First + len(l.Items) - 1 }

// PageURL is the path of page n of the list.
func (l *Listing) PageURL(n int) string { return pageURL(l.Base, n) }

// Prev is the path of the page before, or "" on the first page.
func (l *Listing) Prev() string {
	if l.Number <= 1 {
		return ""
	}
	return l.PageURL(l.Number - 1)
}

// Next is the path of the page after, or "" on the last page.
func (l *Listing) Next() string {
	if l.Number >= l.Of {
		return ""
	}
	return l.PageURL(l.Number + 1)
}

// PagerItem is one entry of the page numbers: a page, or a gap ("…") when
// Number is zero.
type PagerItem struct {
	Number  int
	URL     string
	Current bool
}

// Pager lists the page numbers to link to: the first, the last, and those
// next to the current page, with gaps between, as the GOV.UK pagination
// component does. A list of 100 pages shows at most seven numbers.
func (l *Listing) Pager() []PagerItem {
	if l.Of <= 1 {
		return nil
	}
	var out []PagerItem
	for n := 1; n <= l.Of; n++ {
		near := n == 1 || n == l.Of || n >= l.Number-1 && n <= l.Number+1
		if !near {
			if len(out) > 0 && out[len(out)-1].Number != 0 {
				out = append(out, PagerItem{})
			}
			continue
		}
		out = append(out, PagerItem{Number: n, URL: l.PageURL(n), Current: n == l.Number})
	}
	return out
}

func pageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// Listings splits the directory and every filter into pages, the
// directory's first.
func (r *Register) Listings() []*Listing {
	out := paginate(r.Root, nil, r.All)
	for _, f := range r.Facets {
		for _, v := range f.Values {
			out = append(out, paginate(v.URL(), v, v.Signatories)...)
		}
	}
	out = append(out, r.formerListings()...)
	for _, l := range out {
		l.Facets, l.Lang, l.Root = r.Facets, r.Lang, r.Root
		l.FormerCount = len(r.Former)
	}
	return out
}

func paginate(base string, v *Value, all []*content.Page) []*Listing {
	of := max(1, (len(all)+PerPage-1)/PerPage)
	out := make([]*Listing, 0, of)
	for n := 1; n <= of; n++ {
		lo, hi := (n-1)*PerPage, min(n*PerPage, len(all))
		out = append(out, &Listing{
			URL: pageURL(base, n), Base: base, Value: v,
			Items: all[lo:hi], Number: n, Of: of, Total: len(all), First: lo + 1,
		})
	}
	return out
}
