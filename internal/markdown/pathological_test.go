package markdown

import (
	"io"
	"strconv"
	"testing"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// BenchmarkPathological converts each shape that once cost time or memory
// growing with the square of the page's size, at two sizes: a cost that
// grows in step with the size shows as the same ns/byte at both. Shapes
// the converter refuses report refused=1; refusing is timed too.
func BenchmarkPathological(b *testing.B) {
	for _, shape := range sitegen.PathologicalShapes() {
		if shape == "run-quote" {
			continue // a line of > nested 100,000 deep: refused when the page is read (content.MaxNesting)
		}
		for _, size := range []int{32 << 10, 128 << 10} {
			src, _ := sitegen.Pathological(shape, size)
			b.Run(shape+"/"+sizeName(size), func(b *testing.B) {
				c := New()
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				refused := 0.0
				for b.Loop() {
					_, err := c.Convert(src, io.Discard, nil)
					if _, ok := err.(*Refusal); ok {
						refused = 1 // quickly, at the place it passes a limit
					} else if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(refused, "refused")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(src)), "ns/byte")
			})
		}
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
