package check

import "sync"

// scratch is the working memory of the prose checks of one page: the text
// of its blocks, the map back to the body, the line index and the words and
// sentences of the block being read. A large build checks ten thousand
// pages, so this memory is reused from page to page rather than allocated
// afresh for each; nothing that Page returns points into it.
type scratch struct {
	text   []byte   // every block's text, one after another
	runs   []srcRun // every block's runs, one after another
	spans  []span   // where each block lies in text and runs
	blocks []block
	ix     lineIndex
	words  []word     // the words of the block being read
	sents  []sentence // the sentences of the block being read
}

// span is a block while its text is still being gathered: offsets rather
// than slices, since text and runs may move as they grow.
type span struct {
	text, textEnd, runs, runsEnd int
	start                        int // body offset of the block's first text
}

// scratchPool holds memory only, never results, so sharing it between the
// goroutines of a build cannot change what any page reports.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxKeptScratch is the most text a scratch keeps for the next page; one
// huge page should not pin its memory for the rest of the build.
const maxKeptScratch = 1 << 20

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.text) > maxKeptScratch || cap(sc.words) > maxKeptScratch/8 || cap(sc.ix.starts) > maxKeptScratch/8 {
		return
	}
	sc.ix.body = nil // do not keep the page's body alive
	scratchPool.Put(sc)
}
