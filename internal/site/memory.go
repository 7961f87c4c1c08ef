package site

import (
	"math"
	"runtime/debug"
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
// A build into memory (the live preview's, `coproduce check`) holds every
// page's Markdown to the end, and the preview what each page read: it
// has the earlier, larger limit, under which a 10,000-page build's
// collector does not run without pause (with the smaller one it took
// 50 s of processor time instead of 20).
const (
	memoryBase    = 48 << 20
	memoryPerPage = 6<<10 + 256

	heldMemoryBase    = 96 << 20
	heldMemoryPerPage = 10 << 10
)

// limitMemory sets a soft memory limit for the length of one build, sized
// to the site, unless the user set one (GOMEMLIMIT). Left alone the
// collector lets the heap grow to twice what is live and returns freed
// memory to the system slowly, so a 10,000-page build would peak near
// 180 MB; the limit keeps it near what the pages need, for little extra
// work, since most of what a build allocates is garbage within one page.
// final is a build into a folder, which reads each page's Markdown when
// it renders it. It returns the function that lifts the limit again.
func limitMemory(pages int, final bool) func() {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	limit := heldMemoryBase + heldMemoryPerPage*pages
	if final {
		limit = memoryBase + memoryPerPage*pages
	}
	debug.SetMemoryLimit(int64(limit))
	return func() { debug.SetMemoryLimit(math.MaxInt64) }
}
