package site_test

import (
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// BenchmarkBuildPathological builds a small site with one page of each
// shape that once cost a stage of the build (reading, checking, rendering,
// minifying, link checking) time or memory growing with the square of the
// page's size, at two sizes: a cost that grows in step with the size shows
// as the same ns/byte at both. Pages the converter refuses are included:
// refusing must be quick too.
func BenchmarkBuildPathological(b *testing.B) {
	for _, shape := range sitegen.PathologicalShapes() {
		for _, size := range []int{64 << 10, 256 << 10} {
			body, _ := sitegen.Pathological(shape, size)
			fsys := fstest.MapFS{
				"site.yaml":         {Data: []byte("title: T\nbase_url: https://example.org/\n")},
				"content/_index.md": {Data: []byte("---\ntitle: Home\nsummary: The home page.\n---\nHello.\n")},
				"content/big.md":    {Data: append([]byte("---\ntitle: Big\nsummary: A big page.\n---\n"), body...)},
			}
			b.Run(shape+"/"+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					site.Build(site.Options{Source: fsys, Output: publish.NewMemory(), Workers: 1,
						Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(body)), "ns/byte")
			})
		}
	}
}
