package serve

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// BenchmarkEditToReload measures, on a site of 10,000 signatories, the time
// from writing one signatory's file to the reload event reaching the
// browser's stream: the watcher's quiet period, the incremental rebuild
// and the event. It reports the median and the slowest in milliseconds.
//
//	go test -run '^$' -bench EditToReload -benchtime 30x ./internal/serve/
//
// benchServer is shared by the runs of the benchmark: the first build of
// 10,000 pages takes far longer than the edits it measures.
var (
	benchOnce   sync.Once
	benchServer *running
)

func BenchmarkEditToReload(b *testing.B) {
	opts := sitegen.Options{Signatories: 10000, Seed: 1}
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coproduce-bench-")
		if err != nil {
			b.Fatal(err)
		}
		if err := sitegen.Write(dir, opts); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		// The default quiet period, as "coproduce serve" uses it.
		benchServer = startWith(b, Options{Dir: dir})
		b.Logf("first build of %d pages: %v", sitegen.Pages(opts), time.Since(start).Round(time.Millisecond))
	})
	r := benchServer
	if r == nil {
		b.Fatal("no server")
	}
	dir := r.dir
	if d := r.srv.Diags(); d.HasErrors() {
		b.Fatalf("the generated site has errors: %v", d)
	}

	for _, e := range editKinds(dir, opts) {
		b.Run(e.name, func(b *testing.B) {
			var took []time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				if err := e.save(i); err != nil {
					b.Fatal(err)
				}
				select {
				case ev := <-r.events:
					if ev.name != "reload" {
						b.Fatalf("got event %q", ev.name)
					}
				case <-time.After(60 * time.Second):
					b.Fatal("no reload event within 60 s")
				}
				took = append(took, time.Since(t0))
				// Drain a second batch of the same save, if the watcher split it.
				select {
				case <-r.events:
				case <-time.After(60 * time.Millisecond):
				}
			}
			if d := r.srv.Diags(); d.HasErrors() {
				b.Fatalf("the edit %s made the site invalid: %v", e.name, d)
			}
			sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(took[len(took)/2]), "median-ms")
			b.ReportMetric(ms(took[len(took)-1]), "max-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// editKind is one kind of save an editor makes.
type editKind struct {
	name string
	save func(i int) error // the i-th save of this kind
}

// editKinds are the saves BenchmarkEditToReload measures, each on another
// page every time.
func editKinds(dir string, opts sitegen.Options) []editKind {
	file := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	signatory := func(i int) string { return file(sitegen.SignatoryFile((i*37 + 11) % 5000)) }
	replaceLine := func(path, key, value string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		re := regexp.MustCompile(`(?m)^` + key + `: .*$`)
		if re.Match(data) {
			data = re.ReplaceAll(data, []byte(key+": "+value))
		} else {
			data = bytes.Replace(data, []byte("\ntitle:"), []byte("\n"+key+": "+value+"\ntitle:"), 1)
		}
		return os.WriteFile(path, data, 0o644)
	}
	regions := []string{"Bristol", "Leeds", "Cardiff", "Glasgow"}
	// The benchmark may run a kind more than once, with growing b.N: new
	// and deleted pages count on across runs, so no page is made or
	// deleted twice.
	var made, deleted int
	return []editKind{
		{"body", func(i int) error {
			n := (i*37 + 11) % 5000
			return os.WriteFile(file(sitegen.SignatoryFile(n)), sitegen.Signatory(opts, n, i+1), 0o644)
		}},
		{"signatory-summary", func(i int) error {
			return replaceLine(signatory(i), "summary", fmt.Sprintf("%q", fmt.Sprintf("A changed summary, number %d.", i)))
		}},
		{"signatory-region", func(i int) error { return replaceLine(signatory(i), "region", regions[i%len(regions)]) }},
		{"new-signatory", func(int) error {
			made++
			i := made
			page := fmt.Sprintf("---\ntitle: Bench New %d\nsummary: A new signatory.\nwebsite: https://bench-new-%d.example.org/\nsigned: 2024-03-01\npledges: [two-way-pledge]\n---\nHello.\n", i, i)
			return os.WriteFile(file(fmt.Sprintf("content/signatories/bench-new-%d.md", i)), []byte(page), 0o644)
		}},
		// The signatories the new-signatory saves made: no page links to
		// them, so deleting one leaves the site valid.
		{"deleted-signatory", func(int) error {
			deleted++
			if deleted > made {
				return fmt.Errorf("run new-signatory at least as many times as deleted-signatory")
			}
			return os.Remove(file(fmt.Sprintf("content/signatories/bench-new-%d.md", deleted)))
		}},
		{"case-study-principles", func(i int) error {
			matches, _ := filepath.Glob(file("content/case-studies/story-*.md"))
			sort.Strings(matches)
			principles := []string{"[creativity]", "[relationships, resources]", "[trauma-informed]"}
			return replaceLine(matches[i%len(matches)], "principles", principles[i%len(principles)])
		}},
		{"principle-title", func(i int) error {
			return replaceLine(file("content/principles/creativity.md"), "title", fmt.Sprintf("Creativity %d", i))
		}},
	}
}
