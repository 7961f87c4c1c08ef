package site

import "github.com/coproduce/coproduce/internal/render"

// readIndex finds the outputs that may have read what a save changed
// without going through every output's reads: at 10,000 signatories that
// was 11,000 outputs, each with a few dozen addresses, for every save
// that changed some front matter. It is made from the preview's reads
// when a save first needs it, and kept from save to save; an output whose
// reads changed since (made again by a save, or made later by Finish) is
// stale, and always a candidate, so the index never misses a reader. When
// many are stale the index is made again.
type readIndex struct {
	titles, pages, sections, listings map[string][]string // what was read -> the outputs that read it
	stale                             map[string]bool     // outputs whose reads changed since the index was made
	// size is how many outputs the lists held when the index was made,
	// and added how many were added since (made).
	size, added int
}

// maxStale is how many outputs may be stale before the index is made
// again: past it, checking each stale output one by one costs more than a
// new index.
const maxStale = 2000

func newReadIndex(reads map[string]*render.Reads) *readIndex {
	x := &readIndex{titles: map[string][]string{}, pages: map[string][]string{}, sections: map[string][]string{},
		listings: map[string][]string{}, stale: map[string]bool{}}
	for file, r := range reads {
		if r == nil || r.All {
			x.stale[file] = true // read everything: always a candidate
			continue
		}
		x.size += x.add(file, r)
	}
	return x
}

// add puts file under each thing r read, and returns how many.
func (x *readIndex) add(file string, r *render.Reads) int {
	n := 0
	for _, add := range []struct {
		to   map[string][]string
		read []string
	}{{x.titles, r.Titles}, {x.pages, r.Pages}, {x.sections, r.Sections}, {x.listings, r.Listings}} {
		for _, v := range add.read {
			add.to[v] = append(add.to[v], file)
		}
		n += len(add.read)
	}
	return n
}

// made notes that file was made again and read r: from now on it is found
// by what r read, not as stale. Finish makes the directory's thousand
// pages after a region's save, and marking them stale let the index go
// every other save. What the file read before stays in the lists, which
// only makes it a candidate more often than need be; once as much was
// added as the index held, it reports false, to be made again.
func (x *readIndex) made(file string, r *render.Reads) bool {
	if r == nil || r.All {
		return x.changed(file)
	}
	x.added += x.add(file, r)
	delete(x.stale, file)
	return x.added <= max(x.size, maxStale)
}

// changed notes outputs whose reads were replaced or removed. It reports
// false when the index should be let go and made again.
func (x *readIndex) changed(files ...string) bool {
	for _, f := range files {
		x.stale[f] = true
	}
	return len(x.stale) <= maxStale
}

// candidates are the outputs that may have read something c changed: a
// superset of those change.redo says yes to, among the outputs whose reads
// are known.
func (x *readIndex) candidates(c *change) map[string]bool {
	out := make(map[string]bool, len(x.stale))
	for f := range x.stale {
		out[f] = true
	}
	for _, q := range []struct {
		in  map[string][]string
		set map[string]bool
	}{{x.titles, c.pages}, {x.pages, c.shown}, {x.sections, c.shownSections}, {x.listings, c.listings}} {
		for v := range q.set {
			for _, f := range q.in[v] {
				out[f] = true
			}
		}
	}
	return out
}

// noteReads tells the read index that the reads of files were removed,
// and lets it go when too many were.
func (b *builder) noteReads(files ...string) {
	if b.readers != nil && !b.readers.changed(files...) {
		b.readers = nil
	}
}

// noteMade tells the read index that file was made again and read r.
func (b *builder) noteMade(file string, r *render.Reads) {
	if b.readers != nil && !b.readers.made(file, r) {
		b.readers = nil
	}
}
