package content

import (
	"bytes"

	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Every page is read twice in a build into a folder, to load it and to
// render it: a read takes room for the file once, not a copy of twice
// its size as well.
func TestReadingAPageTakesRoomForItOnce(t *testing.T) {
	const size = 3000
	fsys := fstest.MapFS{"page.md": {Data: bytes.Repeat([]byte("x"), size)}}
	const reads = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range reads {
		data, n, err := readPage(fsys, "page.md")
		if err != nil || n != size || len(data) != size {
			t.Fatalf("read %d bytes (%d), %v; want %d", len(data), n, err, size)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / reads; per > 2*size {
		t.Errorf("a read of a %d-byte page took %d bytes of memory; want under %d", size, per, 2*size)
	}
}

// A file that grows after it was asked its size is read to its end, or
// to one byte past the limit, which shows it is too big.
func TestAPageThatGrowsWhileItIsReadIsReadWhole(t *testing.T) {
	for _, length := range []int{0, 10, 11, 5000, MaxFileSize + 10} {
		data := strings.Repeat("y", length)
		got, n, err := readPage(growingFS{data}, "page.md")
		want := min(length, MaxFileSize+1)
		if err != nil || int(n) != want || string(got) != data[:want] {
			t.Errorf("a file of %d bytes said to be 10: read %d bytes (%d), %v; want %d", length, len(got), n, err, want)
		}
	}
}

// growingFS holds one file that says it is 10 bytes long, whatever it holds.
type growingFS struct{ data string }

func (g growingFS) Open(string) (fs.File, error) {
	return &growingFile{Reader: strings.NewReader(g.data)}, nil
}

type growingFile struct{ *strings.Reader }

func (*growingFile) Stat() (fs.FileInfo, error) { return tenBytes{}, nil }
func (*growingFile) Close() error               { return nil }

type tenBytes struct{}

func (tenBytes) Name() string       { return "page.md" }
func (tenBytes) Size() int64        { return 10 }
func (tenBytes) Mode() fs.FileMode  { return 0o644 }
func (tenBytes) ModTime() time.Time { return time.Time{} }
func (tenBytes) IsDir() bool        { return false }
func (tenBytes) Sys() any           { return nil }
