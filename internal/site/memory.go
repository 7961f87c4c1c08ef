package site

import (
	"maps"
	"math"
	"os"
	"runtime/debug"
	"slices"
	"sync"
)

// Memory a build may use before the garbage collector works harder: a base
// for the program itself plus 6.25 KiB a page. A final build keeps about
// 3 KiB a page to its end on generated sites of 10,000 to 100,000
// signatories (the page and its front matter, its headings, the names of
// the files written), and no page's Markdown (see
// content.Options.BodiesOnDemand), nor a link to a file it claimed. The
// rest is room: the collector runs each time it fills, and goes through
// all that is kept each time, so at 100,000 signatories the room, not
// the work, set how much of the build was the collector's. A build's peak
// memory is this limit and the program's own code and stacks, 15 to 50 MB
// more (more when the collector cannot keep up and lets the heap past the
// limit): at 100,000 signatories (110,000 pages) the limit is 720 MiB and
// the peak was 764 MB, under the 800 MB a build of that size may take;
// at 10,000 it is 115 MiB, under 150 MB. (docs/performance.md has the
// figures.) (Until 30 November the limit was 32 MB and 8 KiB a page,
// before that 96 MB and 10 KiB, when the Markdown was kept from loading
// to rendering, and then 6 KiB a page while a page kept 5 KiB: 6.25 KiB
// then took the peak to 805 MB.)
//
// Under that limit a final build lets the heap grow by twice what is
// live between collections, not once (GOGC=200): at 10,000 signatories
// about 33 MB is live while pages render, so at the usual pace the
// collector ran each time the heap reached 66 MB, half as often as the
// limit allows, and took about 5 % more of the build's time; the peak
// went from 124 to 131 MB (docs/performance.md, "Closer to the floor,
// 1 December"). The limit, not the pace, then decides when it runs, as
// it did already at 100,000 signatories.
//
// A build into memory, the live preview's, holds the whole built site
// (compressed, see publish.Memory), every page's Markdown and what each
// page read: about 180 MB at 10,000 signatories, more with longer pages.
// No limit sized by the number of pages fits that: under the one it had
// (96 MB and 10 KiB a page) the collector ran without pause, and the
// preview's first build took 16 s and 31 s of processor time at 10,000
// signatories where a build takes 10. It has no limit, and the collector
// runs when the heap has grown by half what is live, not by all of it
// (GOGC=50): at 10,000 signatories 11.6 s and 340 MB at its peak, where
// the usual pace took 425 MB for no less time.
const (
	memoryBase    = 48 << 20
	memoryPerPage = 6<<10 + 256

	finalGCPercent = 200
	heldGCPercent  = 50
)

// limitMemory sets how the collector paces itself for the length of one
// build, sized to the site, unless the user chose (GOMEMLIMIT, GOGC).
// For a final build, one that holds nothing to its end but the pages'
// records, it sets a soft memory limit: left alone the collector lets the
// heap grow to twice what is live and returns freed memory to the system
// slowly, so a 10,000-page build would peak near 180 MB; the limit keeps
// it near what the pages need, for little extra work, since most of what
// a build allocates is garbage within one page. For a build into memory it
// lowers GOGC instead (see above). final is a build into a folder or
// nowhere, which reads each page's Markdown when it renders it. It returns
// the function that undoes the change.
func limitMemory(pages int, final bool) func() {
	if !final {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return func() {}
		}
		return pacedBuilds.start(heldGCPercent)
	}
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(int64(memoryBase + memoryPerPage*pages))
	endPace := func() {}
	if os.Getenv("GOGC") == "" {
		endPace = pacedBuilds.start(finalGCPercent)
	}
	return func() {
		debug.SetMemoryLimit(math.MaxInt64)
		endPace()
	}
}

// pacedBuilds counts the builds running at once that set GOGC: the first
// notes what it was and the last puts it back, so builds that overlap (a
// program running two previews, or a preview and a build into a folder)
// do not leave it changed for good. While several run, GOGC is the lowest
// any of them asked for: a build into memory, which holds the most, is
// never paced as loosely as a final one.
var pacedBuilds = pacing{running: map[int]int{}}

type pacing struct {
	mu      sync.Mutex
	running map[int]int // builds running, by the GOGC each asked for
	was     int         // GOGC before the first
}

func (p *pacing) start(percent int) func() {
	p.mu.Lock()
	if len(p.running) == 0 {
		p.was = debug.SetGCPercent(percent)
	}
	p.running[percent]++
	p.apply()
	p.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			if p.running[percent]--; p.running[percent] == 0 {
				delete(p.running, percent)
			}
			p.apply()
			p.mu.Unlock()
		})
	}
}

// apply sets GOGC to the lowest of the running builds', or back to what
// it was when none runs. p.mu is held.
func (p *pacing) apply() {
	if len(p.running) == 0 {
		debug.SetGCPercent(p.was)
		return
	}
	debug.SetGCPercent(slices.Min(slices.Collect(maps.Keys(p.running))))
}
