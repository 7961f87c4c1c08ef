package site

import (
	"bytes"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// However many workers render it, the same site gives the same bytes in
// every file: a reader must never see a page change because the build
// machine has more cores.
func TestParallelBuildMatchesOneWorker(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	src := sitegen.MapFS(sitegen.Options{Signatories: n, Seed: 3})
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	build := func(workers int) *publish.Memory {
		out := publish.NewMemory()
		res := Build(Options{Source: src, Output: out, Workers: workers, Now: now})
		if res.Diags.HasErrors() {
			t.Fatalf("%d workers: %v", workers, res.Diags[0])
		}
		return out
	}
	one, many := build(1), build(8)
	names := one.Names()
	if got := many.Names(); len(got) != len(names) {
		t.Fatalf("one worker wrote %d files, eight wrote %d", len(names), len(got))
	}
	if len(names) < n {
		t.Fatalf("only %d files written for %d signatories", len(names), n)
	}
	for _, name := range names {
		a, _ := one.Get(name)
		b, ok := many.Get(name)
		if !ok {
			t.Errorf("%s: written by one worker but not by eight", name)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between one worker and eight", name)
		}
	}
}
