package site

import (
	"math"
	"runtime/debug"
)

// Memory a build may use before the garbage collector works harder: a base
// for the program itself plus what each page keeps while the site builds
// (its front matter, body, headings and links), measured at about 9 KiB a
// page on generated sites of 1,000 to 100,000 pages.
const (
	memoryBase    = 96 << 20
	memoryPerPage = 10 << 10
)

// limitMemory sets a soft memory limit for the length of one build, sized
// to the site, unless the user set one (GOMEMLIMIT). Left alone the
// collector lets the heap grow to twice what is live and returns freed
// memory to the system slowly, so a 10,000-page build would peak near
// 300 MB; the limit keeps it near what the pages need, for little extra
// work, since most of what a build allocates is garbage within one page.
// It returns the function that lifts the limit again.
func limitMemory(pages int) func() {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(int64(memoryBase + memoryPerPage*pages))
	return func() { debug.SetMemoryLimit(math.MaxInt64) }
}
