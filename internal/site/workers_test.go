package site

import (
	"bytes"
	"errors"
	"strings"
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

// failingOutput refuses one file, as a full disk or a read-only folder would.
type failingOutput struct {
	*publish.Memory
	refuse string
}

func (f failingOutput) WriteFile(name string, data []byte) error {
	if name == f.refuse {
		return errors.New("no space left on device")
	}
	return f.Memory.WriteFile(name, data)
}

// A page the writers cannot write is reported against its own file, even
// though it is written after its worker has moved on.
func TestPageWriteFailureNamesThePage(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 20})
	out := failingOutput{publish.NewMemory(), strings.TrimPrefix(sitegen.SignatoryURL(7), "/") + "index.html"}
	res := Build(Options{Source: src, Output: out})
	want := sitegen.SignatoryFile(7) + ":1:1: error: could not write the page: no space left on device"
	for _, d := range res.Diags {
		if strings.HasPrefix(d.String(), want) {
			return
		}
	}
	t.Errorf("no diagnostic %q in:\n%v", want, res.Diags)
}
