package site

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// The 100,000-page build writes about a gigabyte and takes a minute or
// more, so it runs only when asked for:
//
//	go test ./internal/site/ -run '^$' -bench 'Build/signatories=100000' -benchtime 1x -huge
var hugeBench = flag.Bool("huge", os.Getenv("COPRODUCE_BENCH_HUGE") != "", "also run the 100,000-signatory benchmarks")

var benchSizes = []int{1000, 10000, 100000}

// BenchmarkBuild builds a generated site from disk into a fresh output
// folder, as `coproduce build` does. Every iteration also runs the floor
// (read the same files, convert them with a plain goldmark on the same
// number of workers), so the ratio build/floor is measured on the same
// machine in the same minute; on a shared machine that ratio is the figure
// to trust, not the absolute times.
//
// The output=nowhere runs are `coproduce check`: they render and minify
// every file but write none (publish.Nowhere). On a virtual disk where
// making a folder costs half a millisecond, they show what the build
// itself costs apart from the file system.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		for _, toDisk := range []bool{true, false} {
			name := fmt.Sprintf("signatories=%d/output=disk", n)
			if !toDisk {
				name = fmt.Sprintf("signatories=%d/output=nowhere", n)
			}
			b.Run(name, func(b *testing.B) { benchmarkBuild(b, n, toDisk) })
		}
	}
}

func benchmarkBuild(b *testing.B, n int, toDisk bool) {
	if n > 10000 && !*hugeBench {
		b.Skip("run with -huge or COPRODUCE_BENCH_HUGE=1")
	}
	dir := generated(b, n)
	opts := sitegen.Options{Signatories: n}
	pages := sitegen.Pages(opts)
	files := markdownFiles(b, dir)
	workers := runtime.GOMAXPROCS(0)
	floor(b, files, workers) // warm the page cache for both
	var buildTime, floorTime, buildCPU, floorCPU, buildUser, buildSys time.Duration
	peak := newPeakHeap()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		start, cpu := time.Now(), cpuTime()
		floor(b, files, workers)
		floorTime += time.Since(start)
		floorCPU += cpuTime() - cpu
		var out publish.Output = publish.Nowhere{}
		if toDisk {
			pub, err := publish.NewDir(spentOutput(b))
			if err != nil {
				b.Fatal(err)
			}
			out = pub
		}
		runtime.GC()
		peak.start()
		b.StartTimer()

		start, cpu = time.Now(), cpuTime()
		user, sys := cpuTimes()
		res := Build(Options{Source: openSource(b, dir), Output: out, Workers: workers})
		buildTime += time.Since(start)
		buildCPU += cpuTime() - cpu
		user2, sys2 := cpuTimes()
		buildUser += user2 - user
		buildSys += sys2 - sys

		b.StopTimer()
		peak.stop()
		if res.Diags.HasErrors() {
			b.Fatalf("the generated site has errors:\n%v", res.Diags[0])
		}
		if len(res.Site.Pages) != pages {
			b.Fatalf("built %d pages, want %d", len(res.Site.Pages), pages)
		}
		if d, ok := out.(*publish.Dir); ok {
			if err := d.Commit(); err != nil { // kept until the end: see spentOutput
				b.Fatal(err)
			}
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(pages)*float64(b.N)/buildTime.Seconds(), "pages/s")
	b.ReportMetric(float64(buildTime)/float64(floorTime), "ratio")
	// On a machine shared with other work, wall time depends on
	// what else runs; the processor time each side used is steadier.
	b.ReportMetric(float64(buildCPU)/float64(floorCPU), "cpu-ratio")
	b.ReportMetric(float64(floorTime.Milliseconds())/float64(b.N), "floor-ms")
	b.ReportMetric(buildCPU.Seconds()/float64(b.N), "build-cpu-s")
	b.ReportMetric(buildUser.Seconds()/float64(b.N), "build-user-s")
	b.ReportMetric(buildSys.Seconds()/float64(b.N), "build-sys-s")
	b.ReportMetric(buildTime.Seconds()/float64(b.N), "build-s")
	b.ReportMetric(floorCPU.Seconds()/float64(b.N), "floor-cpu-s")
	b.ReportMetric(float64(peak.max())/(1<<20), "peak-heap-MB")
	// What a page costs at the peak, to compare across sizes: the same
	// at 10,000 and 100,000 pages when memory grows with the pages.
	b.ReportMetric(float64(peak.max())/float64(pages)/(1<<10), "peak-heap-KiB/page")
}

// openSource opens the site in dir as `coproduce build` does, so the
// benchmarks read its files the same way.
func openSource(b *testing.B, dir string) fs.FS {
	source, err := OpenSource(dir)
	if err != nil {
		b.Fatal(err)
	}
	return source
}

// BenchmarkFloor is the floor on its own: what reading the files and
// converting them with goldmark costs, with nothing of ours around it.
func BenchmarkFloor(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("signatories=%d", n), func(b *testing.B) {
			if n > 10000 && !*hugeBench {
				b.Skip("run with -huge or COPRODUCE_BENCH_HUGE=1")
			}
			files := markdownFiles(b, generated(b, n))
			workers := runtime.GOMAXPROCS(0)
			floor(b, files, workers)
			peak := newPeakHeap()
			b.ReportAllocs()
			b.ResetTimer()
			peak.start()
			for range b.N {
				floor(b, files, workers)
			}
			peak.stop()
			b.ReportMetric(float64(len(files))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(peak.max())/(1<<20), "peak-heap-MB")
		})
	}
}

// cpuTime is the processor time, user and system, the process has used.
func cpuTime() time.Duration {
	user, sys := cpuTimes()
	return user + sys
}

// cpuTimes is the processor time the process has used in its own code
// (user) and in the kernel's (system), which is where making files and
// folders shows.
func cpuTimes() (user, sys time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano())
}

// BenchmarkRebuild builds a generated site into a fresh folder, then
// again into the same folder: with nothing changed (the earlier build is
// kept), and after one signatory's body changed (every page rendered, the
// unchanged files hard-linked from the earlier build). speedup is the
// first build's wall time over the rebuild's, from the same iteration.
func BenchmarkRebuild(b *testing.B) {
	for _, n := range benchSizes {
		for _, change := range []string{"none", "one-page"} {
			b.Run(fmt.Sprintf("signatories=%d/change=%s", n, change), func(b *testing.B) {
				if n > 10000 && !*hugeBench {
					b.Skip("run with -huge or COPRODUCE_BENCH_HUGE=1")
				}
				benchmarkRebuild(b, n, change == "one-page")
			})
		}
	}
}

func benchmarkRebuild(b *testing.B, n int, edit bool) {
	opts := sitegen.Options{Signatories: n}
	dir := generated(b, n)
	file := filepath.Join(dir, filepath.FromSlash(sitegen.SignatoryFile(n/2)))
	defer os.WriteFile(file, sitegen.Signatory(opts, n/2, 0), 0o644)
	build := func(public string) (time.Duration, time.Duration, time.Duration, *Result) {
		out, err := publish.NewDir(public)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		user, sys := cpuTimes()
		res := Build(Options{Source: openSource(b, dir), Output: out})
		if res.Diags.HasErrors() {
			b.Fatalf("the generated site has errors:\n%v", res.Diags[0])
		}
		if err := out.Commit(); err != nil {
			b.Fatal(err)
		}
		user2, sys2 := cpuTimes()
		return time.Since(start), user2 - user, sys2 - sys, res
	}
	var first, again, user, sys, firstCPU time.Duration
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		os.WriteFile(file, sitegen.Signatory(opts, n/2, 0), 0o644)
		public := spentOutput(b)
		wall, u, s, _ := build(public)
		first += wall
		firstCPU += u + s
		if edit {
			os.WriteFile(file, sitegen.Signatory(opts, n/2, i+1), 0o644)
		}
		runtime.GC()
		b.StartTimer()
		var res *Result
		wall, u, s, res = build(public)
		if res.Reused == edit {
			b.Fatalf("reused = %v after a change: %v", res.Reused, edit)
		}
		again += wall
		user += u
		sys += s
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "first-s")
	b.ReportMetric(firstCPU.Seconds()/float64(b.N), "first-cpu-s")
	b.ReportMetric(again.Seconds()/float64(b.N), "rebuild-s")
	b.ReportMetric(user.Seconds()/float64(b.N), "rebuild-user-s")
	b.ReportMetric(sys.Seconds()/float64(b.N), "rebuild-sys-s")
	b.ReportMetric(float64(first)/float64(again), "speedup")
	b.ReportMetric(float64(firstCPU)/float64(user+sys), "cpu-speedup")
}

// floor reads every file and converts it with one goldmark per worker, the
// same extensions as the build, writing the HTML nowhere.
func floor(b *testing.B, files []string, workers int) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	var failed atomic.Value
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
			var out bytes.Buffer
			for name := range jobs {
				src, err := os.ReadFile(name)
				if err == nil {
					out.Reset()
					err = md.Convert(src, &out)
				}
				if err != nil {
					failed.Store(err)
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
}

// generated writes the site with n signatories once per machine, under the
// temporary folder, and reuses it on later runs: writing 100,000 files
// takes longer than building them.
func generated(b testing.TB, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("coproduce-bench-v1-%d", n))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir
	}
	os.RemoveAll(dir)
	if err := sitegen.Write(dir, sitegen.Options{Signatories: n}); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func markdownFiles(b testing.TB, dir string) []string {
	var files []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// peakHeap samples the heap in use (as runtime.MemStats.HeapInuse counts
// it) every few milliseconds from its own goroutine, without stopping the
// world, and keeps the highest value seen.
type peakHeap struct {
	peak    atomic.Uint64
	quit    chan struct{}
	stopped sync.WaitGroup
}

func newPeakHeap() *peakHeap { return &peakHeap{} }

func (p *peakHeap) start() {
	p.quit = make(chan struct{})
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			if v := samples[0].Value.Uint64() + samples[1].Value.Uint64(); v > p.peak.Load() {
				p.peak.Store(v)
			}
			select {
			case <-p.quit:
				return
			case <-tick.C:
			}
		}
	}()
}

func (p *peakHeap) stop() {
	close(p.quit)
	p.stopped.Wait()
}

func (p *peakHeap) max() uint64 { return p.peak.Load() }

// BenchmarkPreview is the live preview's first build of a generated site,
// read from disk as `coproduce serve` reads it, into memory: what an editor
// waits for after starting the preview. held-MB is what the preview keeps
// once the build is done (the built site, compressed, and what each page
// read), peak-heap-MB the most the heap held on the way.
func BenchmarkPreview(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("signatories=%d", n), func(b *testing.B) {
			if n > 10000 && !*hugeBench {
				b.Skip("run with -huge or COPRODUCE_BENCH_HUGE=1")
			}
			dir := generated(b, n)
			pages := sitegen.Pages(sitegen.Options{Signatories: n})
			var buildTime, buildCPU time.Duration
			var held uint64
			peak := newPeakHeap()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				source, err := OpenSourceToWatch(dir)
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				peak.start()
				b.StartTimer()

				start, cpu := time.Now(), cpuTime()
				inc := NewIncremental(Options{Source: source}, publish.NewMemory())
				ch := inc.Update(nil)
				buildTime += time.Since(start)
				buildCPU += cpuTime() - cpu

				b.StopTimer()
				peak.stop()
				if ch.Diags.HasErrors() {
					b.Fatalf("the generated site has errors:\n%v", ch.Diags[0])
				}
				if ch.Pages != pages {
					b.Fatalf("built %d pages, want %d", ch.Pages, pages)
				}
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				held += after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
				runtime.KeepAlive(inc)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(buildTime.Seconds()/float64(b.N), "build-s")
			b.ReportMetric(buildCPU.Seconds()/float64(b.N), "build-cpu-s")
			b.ReportMetric(float64(held)/float64(b.N)/(1<<20), "held-MB")
			b.ReportMetric(float64(peak.max())/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkIncremental is what `serve` does when an editor saves one
// signatory's page on a large site: re-read that file, re-render what shows
// it, and update the in-memory output.
func BenchmarkIncremental(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		opts := sitegen.Options{Signatories: n}
		src := sitegen.MapFS(opts)
		inc := NewIncremental(Options{Source: src}, publish.NewMemory())
		if ch := inc.Update(nil); ch.Diags.HasErrors() {
			b.Fatalf("the generated site has errors:\n%v", ch.Diags[0])
		}
		for _, e := range incrementalEdits(src, opts) {
			b.Run(fmt.Sprintf("signatories=%d/%s", n, e.name), func(b *testing.B) {
				pages, written := 0, 0
				var cpu time.Duration
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					if e.prepare != nil {
						b.StopTimer()
						if ch := inc.Update(e.prepare(i)); ch.Diags.HasErrors() {
							b.Fatalf("preparing the edit gave an error: %v", ch.Diags[0])
						}
						b.StartTimer()
					}
					cpu0 := cpuTime()
					ch := inc.Update(e.save(i))
					cpu += cpuTime() - cpu0
					if ch.Diags.HasErrors() || ch.Full {
						b.Fatalf("the edit gave a full rebuild or an error: %v", ch.Diags)
					}
					pages += ch.Pages
					written += ch.Written
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/edit")
				b.ReportMetric(float64(pages)/float64(b.N), "pages/edit")
				b.ReportMetric(float64(written)/float64(b.N), "files/edit")
				// Processor time, all cores: on a shared machine the wall
				// time above also counts other programs' turns.
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/edit")
			})
		}
	}
}

// incrementalEdit is one kind of save, made in memory: save makes the i-th
// and returns the files it changed.
type incrementalEdit struct {
	name    string
	prepare func(i int) []string // made before the timed save, if set
	save    func(i int) []string
}

// incrementalEdits are the saves of BenchmarkEditToReload (internal/serve),
// without the watcher, so a profile shows the update alone.
func incrementalEdits(src fstest.MapFS, opts sitegen.Options) []incrementalEdit {
	n := opts.Signatories
	signatory := func(i int) string { return sitegen.SignatoryFile((i*37 + 11) % (n / 2)) }
	setLine := func(file, key, value string) []string {
		data := src[file].Data
		lines := strings.Split(string(data), "\n")
		for j, l := range lines {
			if strings.HasPrefix(l, key+":") {
				lines[j] = key + ": " + value
			}
		}
		src[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n")), Mode: 0o644}
		return []string{file}
	}
	regions := []string{"Bristol", "Leeds", "Cardiff", "Glasgow"}
	var made int
	newSignatory := func() []string {
		made++
		file := fmt.Sprintf("content/signatories/bench-new-%d.md", made)
		src[file] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Bench New %d\nsummary: A new signatory.\nwebsite: https://bench-new-%d.example.org/\nsigned: 2024-03-01\npledges: [two-way-pledge]\n---\nHello.\n", made, made)), Mode: 0o644}
		return []string{file}
	}
	return []incrementalEdit{
		{name: "body", save: func(i int) []string {
			file := signatory(i)
			src[file] = &fstest.MapFile{Data: sitegen.Signatory(opts, (i*37+11)%(n/2), i+1), Mode: 0o644}
			return []string{file}
		}},
		{name: "summary", save: func(i int) []string {
			return setLine(signatory(i), "summary", fmt.Sprintf("%q", fmt.Sprintf("A changed summary, number %d.", i)))
		}},
		{name: "region", save: func(i int) []string { return setLine(signatory(i), "region", regions[i%len(regions)]) }},
		{name: "new", save: func(int) []string { return newSignatory() }},
		{name: "case-study-principles", save: func(i int) []string {
			var studies []string
			for name := range src {
				if strings.HasPrefix(name, "content/case-studies/story-") {
					studies = append(studies, name)
				}
			}
			slices.Sort(studies)
			principles := []string{"[creativity]", "[relationships, resources]", "[trauma-informed]"}
			return setLine(studies[i%len(studies)], "principles", principles[i%len(principles)])
		}},
		{name: "principle-title", save: func(i int) []string {
			return setLine("content/principles/creativity.md", "title", fmt.Sprintf("Creativity %d", i))
		}},
		// A signatory no page links to, made before the timed save.
		{name: "deleted", prepare: func(int) []string { return newSignatory() }, save: func(int) []string {
			file := fmt.Sprintf("content/signatories/bench-new-%d.md", made)
			delete(src, file)
			return []string{file}
		}},
	}
}
