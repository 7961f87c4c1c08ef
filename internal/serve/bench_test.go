package serve

import (
	"os"
	"path/filepath"
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

	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := (i * 37) % 10000
		file := filepath.Join(dir, filepath.FromSlash(sitegen.SignatoryFile(n)))
		data := sitegen.Signatory(opts, n, i+1)
		t0 := time.Now()
		if err := os.WriteFile(file, data, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case ev := <-r.events:
			if ev.name != "reload" {
				b.Fatalf("got event %q", ev.name)
			}
		case <-time.After(30 * time.Second):
			b.Fatal("no reload event within 30 s")
		}
		took = append(took, time.Since(t0))
		// Drain a second batch of the same save, if the watcher split it.
		select {
		case <-r.events:
		case <-time.After(60 * time.Millisecond):
		}
	}
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(took[len(took)/2]), "median-ms")
	b.ReportMetric(ms(took[len(took)-1]), "max-ms")
	b.ReportMetric(0, "ns/op")
}
