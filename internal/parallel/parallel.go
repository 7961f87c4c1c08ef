// Package parallel is the one way coproduce spreads work over cores. It
// promises that For runs every index once unless one fails, on no more
// goroutines than asked, and returns the first error; the callers put
// results in place by index, so output never depends on which goroutine
// did what.
package parallel

import (
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Workers is n, or one per core when n is zero or less.
func Workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// For calls fn(w, i) for every i from 0 to n-1 on at most workers
// goroutines. w, from 0 to workers-1, names the goroutine, so a caller can
// keep scratch memory per goroutine. Work is handed out one index at a
// time from a shared counter, so no goroutine idles while another has a
// queue. After an error no more indexes are handed out.
func For(workers, n int, fn func(w, i int) error) error {
	workers = min(Workers(workers), n)
	var next atomic.Int64
	var failed atomic.Bool
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return nil
				}
				if err := fn(w, i); err != nil {
					failed.Store(true)
					return err
				}
			}
			return nil
		})
	}
	return g.Wait()
}
