package publish

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// entities is a page of one long paragraph of ampersands, ellipses and
// > signs, as the Markdown converter writes them: every one an entity the
// minifier shortens by moving the rest of the paragraph.
func entities(n int) []byte {
	return []byte("<!doctype html><html><body><p>" + strings.Repeat("a &amp; b&hellip; &gt; ", n/24) + "</p></body></html>")
}

// A page with more entities than the minifier can shorten in reasonable
// time is published as written; an ordinary page is still minified.
func TestEntityHeavyPagesAreNotMinified(t *testing.T) {
	mf := NewMinifier()
	heavy := entities(1 << 20)
	if got := mf.Bytes("big/index.html", heavy); !bytes.Equal(got, heavy) {
		t.Errorf("the page of %d entities was changed", bytes.Count(heavy, []byte("&")))
	}
	small := []byte("<!doctype html><html><body><p>a &amp;   b&hellip;</p></body></html>")
	if got := string(mf.Bytes("small/index.html", small)); got != "<!doctype html><html><body><p>a & b&mldr;</p></body></html>" {
		t.Errorf("an ordinary page was minified to %q", got)
	}
}

// BenchmarkMinifyEntities minifies pages of entities at four sizes:
// the time per byte stays flat, where it once grew with the page.
func BenchmarkMinifyEntities(b *testing.B) {
	mf := NewMinifier()
	for _, size := range []int{32 << 10, 128 << 10, 512 << 10, 4 << 20} {
		page := entities(size)
		b.Run(strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				mf.Into(&out, "p/index.html", page)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(page)), "ns/byte")
		})
	}
}
