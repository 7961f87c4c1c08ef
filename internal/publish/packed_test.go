package publish

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
)

// page is a made-up built page of about size bytes: the same markup
// around different words, as a site's pages are.
func page(i, size int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	words := []string{"panel", "voice", "pay", "housing", "trust", "people", "lived", "experience", "change", "&amp;"}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><title>Page %d</title><link rel="stylesheet" href="/style.css"></head><body><header class="site-header"><nav><a href="/">Home</a></nav></header><main>`, i)
	for b.Len() < size {
		b.WriteString("<p>")
		for range 12 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, `<a href="/signatories/org-%d/">more</a></p>`, r.IntN(100000))
	}
	b.WriteString("</main></body></html>")
	return b.Bytes()
}

// Whatever is written reads back byte for byte: text large enough to be
// compressed, small files, pictures, files with no extension, and a file
// written again over itself, from many goroutines at once.
func TestMemoryGivesBackWhatWasWritten(t *testing.T) {
	noise := make([]byte, 40000)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	files := map[string][]byte{
		"index.html":             page(1, 30000),
		"tiny.html":              []byte("<p>hi</p>"),
		"just-below.css":         bytes.Repeat([]byte("a"), packedMin-1),
		"just-at.css":            bytes.Repeat([]byte("a"), packedMin),
		"photo.jpg":              noise,
		"noise.html":             noise, // text by name, but does not compress
		"_headers":               bytes.Repeat([]byte("/*\n  X-Frame-Options: DENY\n"), 100),
		"signatories/data.csv":   bytes.Repeat([]byte("name,region\nA,Bristol\n"), 2000),
		"signatories/index.html": page(2, 200000),
		"empty.html":             {},
	}
	m := NewMemory()
	var wg sync.WaitGroup
	for name, data := range files {
		wg.Go(func() {
			// Written twice, from a buffer the caller then reuses.
			buf := bytes.Clone(data)
			if err := m.WriteFile(name, page(99, 5000)); err != nil {
				t.Error(err)
			}
			if err := m.WriteFile(name, buf); err != nil {
				t.Error(err)
			}
			for i := range buf {
				buf[i] = 'X'
			}
		})
	}
	wg.Wait()
	for name, want := range files {
		got, ok := m.Get(name)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: read back %d bytes (found %v), want the %d written", name, len(got), ok, len(want))
		}
	}
	// Moving files from one Memory to another keeps them whole too.
	next := NewMemory()
	next.Apply(m, nil)
	again := NewMemory()
	again.Replace(next)
	for name, want := range files {
		if got, _ := again.Get(name); !bytes.Equal(got, want) {
			t.Errorf("%s changed on its way through Apply and Replace", name)
		}
	}
}

// The live preview keeps every built page: 40 MB of pages must not take
// 40 MB of memory.
func TestMemoryHoldsPagesInAFractionOfTheirSize(t *testing.T) {
	const pages, size = 2000, 20000
	m := NewMemory()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range pages {
		if err := m.WriteFile(fmt.Sprintf("p/%d/index.html", i), page(i, size)); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	written := int64(pages * size)
	if held > written/3 {
		t.Errorf("%d MB of pages take %d MB in memory; they should take under a third", written>>20, held>>20)
	}
	if got, _ := m.Get("p/1234/index.html"); !bytes.Equal(got, page(1234, size)) {
		t.Error("a page read back is not the page written")
	}
	runtime.KeepAlive(m)
}
