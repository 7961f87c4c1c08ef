package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// The disk benchmarks keep every output they wrote until the test binary
// exits, instead of deleting each one before the next run.
//
// On ext4 without a journal (this project's build machines), the kernel
// will not hand out an inode that was freed in the last 30 seconds, and to
// find a free one it reads past every recently freed inode in the folder's
// group. Deleting the 31,000 files of one 10,000-signatory build and then
// building again made the next build's file creation several times slower
// with each run (7.9 s, 10.2 s, 13.7 s in three runs in a row), which is a
// cost of the benchmark, not of the build. A build into a folder that was
// not just emptied is what `coproduce build` meets unless it is run twice
// within half a minute.
var (
	spentOnce sync.Once
	spentDir  string
	spentErr  error
	spentRuns atomic.Int64
)

// spentOutput is a fresh output folder that is removed only when the test
// binary exits.
func spentOutput(b testing.TB) string {
	spentOnce.Do(func() { spentDir, spentErr = os.MkdirTemp("", "coproduce-bench-out-") })
	if spentErr != nil {
		b.Fatal(spentErr)
	}
	return filepath.Join(spentDir, fmt.Sprintf("run-%d", spentRuns.Add(1)), "public")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if spentDir != "" {
		os.RemoveAll(spentDir)
	}
	os.Exit(code)
}
