package site

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/coproduce/coproduce/internal/render"
)

// The read index must never miss an output that read what a save changed:
// a page it missed would show the old title or facts in the preview. The
// reads and the changes here are random; each output the index leaves out
// must be one whose reads, looked at one by one, show it need not be made
// again.
func TestReadIndexFindsEveryOutputThatReadAChange(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	addr := func() string { return fmt.Sprintf("/p/%d/", rng.IntN(400)) }
	pick := func(n int) []string {
		out := make([]string, rng.IntN(n))
		for i := range out {
			out[i] = addr()
		}
		return out
	}
	for round := range 50 {
		reads := map[string]*render.Reads{}
		for i := range 1000 {
			file := fmt.Sprintf("o/%d/index.html", i)
			switch rng.IntN(40) {
			case 0:
				reads[file] = nil // left to be made later: reads everything
			case 1:
				reads[file] = &render.Reads{All: true}
			default:
				reads[file] = &render.Reads{Pages: pick(6), Titles: pick(12), Sections: []string{fmt.Sprint(rng.IntN(5))}, Listings: pick(2)}
			}
		}
		x := newReadIndex(reads)
		// Some outputs made again since the index was made, with reads
		// the index has not seen: told as changed, or as made with
		// their new reads (some of them left for later, or reading
		// everything).
		for range rng.IntN(60) {
			file := fmt.Sprintf("o/%d/index.html", rng.IntN(1000))
			switch rng.IntN(8) {
			case 0:
				reads[file] = nil
			case 1:
				reads[file] = &render.Reads{All: true}
			default:
				reads[file] = &render.Reads{Titles: pick(12), Pages: pick(4), Listings: pick(2)}
			}
			ok := false
			if rng.IntN(2) == 0 {
				ok = x.changed(file)
			} else {
				ok = x.made(file, reads[file])
			}
			if !ok {
				t.Fatal("a few changed outputs let the index go")
			}
		}
		c := &change{pages: set(pick(4)), shown: set(pick(8)), shownSections: set([]string{fmt.Sprint(rng.IntN(8))}), listings: set(pick(2)), reads: reads}
		candidates := x.candidates(c)
		redo := 0
		for file := range reads {
			if c.redo(file) {
				redo++
				if !candidates[file] {
					t.Fatalf("round %d: %s read what the save changed, and the index left it out", round, file)
				}
			}
		}
		indexed := *c
		indexed.candidates = candidates
		for file := range reads {
			if indexed.redo(file) != c.redo(file) {
				t.Fatalf("round %d: %s: with the index redo says %v, without %v", round, file, indexed.redo(file), c.redo(file))
			}
		}
		if len(candidates) >= len(reads) {
			t.Fatalf("round %d: the index offered every output (%d), so it saves nothing", round, len(candidates))
		}
	}
}

func TestReadIndexIsLetGoWhenManyOutputsChanged(t *testing.T) {
	x := newReadIndex(map[string]*render.Reads{"a/index.html": {Titles: []string{"/"}}})
	for i := range maxStale {
		if !x.changed(fmt.Sprintf("o/%d/index.html", i)) {
			t.Fatalf("let go after %d changed outputs, before the limit of %d", i+1, maxStale)
		}
	}
	if x.changed("one/more.html") {
		t.Fatalf("kept with %d stale outputs, over the limit", len(x.stale))
	}
}
