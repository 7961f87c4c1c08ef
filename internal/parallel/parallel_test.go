package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestForRunsEveryIndexOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 64} {
		seen := make([]atomic.Int32, 1000)
		var most atomic.Int32
		if err := For(workers, len(seen), func(w, i int) error {
			seen[i].Add(1)
			if int32(w) > most.Load() {
				most.Store(int32(w))
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if n := seen[i].Load(); n != 1 {
				t.Fatalf("workers %d: index %d ran %d times", workers, i, n)
			}
		}
		if workers > 0 && int(most.Load()) >= workers {
			t.Errorf("workers %d: a goroutine numbered %d ran", workers, most.Load())
		}
	}
}

func TestForStopsAfterAnError(t *testing.T) {
	boom := errors.New("boom")
	var ran atomic.Int32
	err := For(1, 100, func(w, i int) error {
		ran.Add(1)
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if ran.Load() != 11 {
		t.Errorf("%d indexes ran on one worker after an error at 10, want 11", ran.Load())
	}
}

func TestForWithNothingToDo(t *testing.T) {
	if err := For(4, 0, func(w, i int) error { t.Fatal("called"); return nil }); err != nil {
		t.Fatal(err)
	}
}
