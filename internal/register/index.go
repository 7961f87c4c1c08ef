package register

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
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

// Index is the text of /signatories/index.json (see WriteIndex).
func (r *Register) Index() ([]byte, error) {
	var buf bytes.Buffer
	err := r.WriteIndex(&buf)
	return buf.Bytes(), err
}

// WriteIndex writes /signatories/index.json to w, an item at a time.
func (r *Register) WriteIndex(w io.Writer) error {
	idx := index{Facets: make([]indexFacet, 0, len(r.Facets)), Items: [][]any{}}
	for _, facet := range r.searchFacets() {
		jf := indexFacet{Key: facet.Key, Label: facet.Label, Values: make([][]any, 0, len(facet.Values))}
		for _, val := range facet.Values {
			jf.Values = append(jf.Values, []any{val.Slug, val.Label, val.Count()})
		}
		idx.Facets = append(idx.Facets, jf)
	}
	// The index with no items ends in "[]}"; the items go between the
	// brackets.
	head, err := json.Marshal(idx)
	if err != nil {
		return err
	}
	cut := bytes.LastIndex(head, []byte("[]"))
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.Write(head[:cut+1])
	err = r.eachItem(func(i int, item []byte) error {
		if i > 0 {
			bw.WriteByte(',')
		}
		_, err := bw.Write(item)
		return err
	})
	if err != nil {
		return err
	}
	bw.Write(head[cut+1:])
	return bw.Flush()
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

// eachItem calls fn with the index's items, one per signatory in the
// directory's order, each as its JSON. The buffer is reused: fn must not
// keep it.
func (r *Register) eachItem(fn func(i int, item []byte) error) error {
	facets := r.searchFacets()
	// values[f][p] are the values p has in facet f.
	values := make([]map[*content.Page][]int, len(facets))
	for f, facet := range facets {
		values[f] = map[*content.Page][]int{}
		for v, val := range facet.Values {
			for _, p := range val.Signatories {
				values[f][p] = append(values[f][p], v)
			}
		}
	}
	var buf []byte
	item := make([]any, 0, 3+len(facets))
	for i, p := range r.All {
		// A signatory with no page in the register's language links to
		// its main-language page, by its path from the site root.
		at := p.Slug
		if !strings.HasPrefix(p.URL, r.Root) {
			at = p.URL
		}
		item = append(item[:0], p.Title, at, isoDate(p.Signed))
		for f, facet := range facets {
			vs := values[f][p]
			switch {
			case facet.Key == "pledge":
				item = append(item, append([]int{}, vs...))
			case len(vs) == 0:
				item = append(item, -1)
			default:
				item = append(item, vs[0])
			}
		}
		b, err := json.Marshal(item)
		if err != nil {
			return err
		}
		buf = append(buf[:0], b...)
		if err := fn(i, buf); err != nil {
			return err
		}
	}
	return nil
}
