package register

import (
	"encoding/json"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
)

// The search index, /signatories/index.json, is what the directory's script
// filters and searches in the browser. It is kept small by naming each
// filter value once and pointing at it by number:
//
//	{"facets": [{"key": "region", "label": "Region",
//	             "values": [["bristol", "Bristol", 2], ...]}, ...],
//	 "items": [["Kite Youth Arts", "kite-youth-arts", "2026-05-18", 3, 0, 1, 0, [0]], ...]}
//
// An item is the name, the slug (or, for a signatory listed in a register
// in another language that has no page in that language, the path of its
// page from the site root, starting with "/"), the date signed, and then for each facet in
// order the number of its value (-1 when it has none); the last facet,
// pledge, holds a list, since one may sign several. The facets are sector,
// region, size, year, status, level (only when some signatory has a level)
// and pledge. Items are in the directory's order, newest first, and are
// only current signatories: former ones are never searched with them.

type indexFacet struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Values [][]any `json:"values"`
}

type index struct {
	Facets []indexFacet `json:"facets"`
	Items  [][]any      `json:"items"`
}

// Index is the text of /signatories/index.json.
func (r *Register) Index() ([]byte, error) {
	idx := index{Facets: make([]indexFacet, 0, len(r.Facets)), Items: r.items()}
	for _, facet := range r.searchFacets() {
		jf := indexFacet{Key: facet.Key, Label: facet.Label, Values: make([][]any, 0, len(facet.Values))}
		for _, val := range facet.Values {
			jf.Values = append(jf.Values, []any{val.Slug, val.Label, val.Count()})
		}
		idx.Facets = append(idx.Facets, jf)
	}
	return json.Marshal(idx)
}

// searchFacets are the facets an index item gives values for: all but the
// first letter, which the name search makes needless.
func (r *Register) searchFacets() []*Facet {
	out := make([]*Facet, 0, len(r.Facets))
	for _, f := range r.Facets {
		if f.Key != LetterKey {
			out = append(out, f)
		}
	}
	return out
}

// items are the index's items, one per signatory in the directory's order.
func (r *Register) items() [][]any {
	pos := make(map[*content.Page]int, len(r.All))
	for i, p := range r.All {
		pos[p] = i
	}
	facets := r.searchFacets()
	// chosen[i][f] are the values signatory i has in facet f.
	chosen := make([][][]int, len(r.All))
	for i := range chosen {
		chosen[i] = make([][]int, len(facets))
	}
	for f, facet := range facets {
		for v, val := range facet.Values {
			for _, p := range val.Signatories {
				i := pos[p]
				chosen[i][f] = append(chosen[i][f], v)
			}
		}
	}
	items := make([][]any, 0, len(r.All))
	for i, p := range r.All {
		// A signatory with no page in the register's language links to
		// its main-language page, by its path from the site root.
		at := p.Slug
		if !strings.HasPrefix(p.URL, r.Root) {
			at = p.URL
		}
		item := []any{p.Title, at, isoDate(p.Signed)}
		for f, facet := range facets {
			vs := chosen[i][f]
			switch {
			case facet.Key == "pledge":
				item = append(item, append([]int{}, vs...))
			case len(vs) == 0:
				item = append(item, -1)
			default:
				item = append(item, vs[0])
			}
		}
		items = append(items, item)
	}
	return items
}
