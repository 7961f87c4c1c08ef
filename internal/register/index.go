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
	pos := make(map[*content.Page]int, len(r.All))
	for i, p := range r.All {
		pos[p] = i
	}
	// chosen[i][f] are the values signatory i has in facet f.
	chosen := make([][][]int, len(r.All))
	for i := range chosen {
		chosen[i] = make([][]int, len(r.Facets))
	}
	idx := index{Facets: make([]indexFacet, 0, len(r.Facets)), Items: make([][]any, 0, len(r.All))}
	for f, facet := range r.Facets {
		jf := indexFacet{Key: facet.Key, Label: facet.Label, Values: make([][]any, 0, len(facet.Values))}
		for v, val := range facet.Values {
			jf.Values = append(jf.Values, []any{val.Slug, val.Label, val.Count()})
			for _, p := range val.Signatories {
				i := pos[p]
				chosen[i][f] = append(chosen[i][f], v)
			}
		}
		idx.Facets = append(idx.Facets, jf)
	}
	for i, p := range r.All {
		// A signatory with no page in the register's language links to
		// its main-language page, by its path from the site root.
		at := p.Slug
		if !strings.HasPrefix(p.URL, r.Root) {
			at = p.URL
		}
		item := []any{p.Title, at, isoDate(p.Signed)}
		for f, facet := range r.Facets {
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
		idx.Items = append(idx.Items, item)
	}
	return json.Marshal(idx)
}
