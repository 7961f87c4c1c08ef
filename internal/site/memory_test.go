package site

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
)

// The live preview holds the whole built site. A memory limit sized by
// the number of pages was below what it held, and the collector then ran
// without pause: the first build took 60 % longer and twice the
// processor time. It gets no limit, and a collector that runs more often
// than usual instead; a build into a folder keeps its limit, and lets the
// heap grow up to it between collections.
func TestThePreviewsBuildHasNoMemoryLimit(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: the build leaves the collector as the user set it")
	}
	percent := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	was := percent()

	release := limitMemory(100000, false)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("a build into memory set a memory limit of %d MB", got>>20)
	}
	if got := percent(); got != heldGCPercent {
		t.Errorf("a build into memory left GOGC at %d, want %d", got, heldGCPercent)
	}
	release()
	if got := percent(); got != was {
		t.Errorf("after the build GOGC is %d, was %d", got, was)
	}

	// Two that overlap, ending in the order they began.
	first := limitMemory(1000, false)
	second := limitMemory(1000, false)
	first()
	if got := percent(); got != heldGCPercent {
		t.Errorf("while the second build runs GOGC is %d, want %d", got, heldGCPercent)
	}
	second()
	second() // undoing twice changes nothing
	if got := percent(); got != was {
		t.Errorf("after two builds that overlapped GOGC is %d, was %d", got, was)
	}

	// A build into a folder: the limit decides when the collector runs,
	// not a heap twice what is live (see finalGCPercent).
	release = limitMemory(100000, true)
	if got := debug.SetMemoryLimit(-1); got != memoryBase+memoryPerPage*100000 {
		t.Errorf("a final build's memory limit is %d MB", got>>20)
	}
	if got := percent(); got != finalGCPercent {
		t.Errorf("a final build left GOGC at %d, want %d", got, finalGCPercent)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("the limit was not lifted after the build: %d MB", got>>20)
	}
	if got := percent(); got != was {
		t.Errorf("after a final build GOGC is %d, was %d", got, was)
	}

	// A preview's build and a final one overlapping, ending in either
	// order: the preview's pace while it runs, and GOGC as it was after.
	for _, order := range []string{"preview ends first", "final ends first"} {
		held := limitMemory(1000, false)
		final := limitMemory(1000, true)
		if got := percent(); got != heldGCPercent {
			t.Errorf("%s: while both run GOGC is %d, want %d", order, got, heldGCPercent)
		}
		if order == "preview ends first" {
			held()
			if got := percent(); got != finalGCPercent {
				t.Errorf("%s: while the final build runs on its own GOGC is %d, want %d", order, got, finalGCPercent)
			}
			final()
		} else {
			final()
			if got := percent(); got != heldGCPercent {
				t.Errorf("%s: while the preview runs on its own GOGC is %d, want %d", order, got, heldGCPercent)
			}
			held()
		}
		if got := percent(); got != was {
			t.Errorf("%s: after both GOGC is %d, was %d", order, got, was)
		}
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("%s: the limit was not lifted after both: %d MB", order, got>>20)
		}
	}
}
