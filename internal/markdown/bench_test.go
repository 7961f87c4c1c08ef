package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// BenchmarkConvert converts the golden inputs, generated pages (what a
// 10,000-signatory build is made of) and the example site's pages apart.
// "goldmark" is a plain goldmark with the same extensions over the same
// bodies, the floor the build's speed is judged against: the difference is
// the cost of our own work (links, ids, the report).
func BenchmarkConvert(b *testing.B) {
	for _, set := range []string{"generated", "example"} {
		bodies := benchBodies(b, set)
		b.Run(set, func(b *testing.B) {
			c := New()
			var out bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range bodies {
					out.Reset()
					if _, err := c.Convert(src, &out, goldenResolver{}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/page")
		})
		b.Run(set+"/goldmark", func(b *testing.B) {
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
			var out bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range bodies {
					out.Reset()
					if err := md.Convert(src, &out); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/page")
		})
	}
}

func benchBodies(b *testing.B, prefix string) [][]byte {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", prefix+"-*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no %s inputs under testdata/golden: %v", prefix, err)
	}
	var bodies [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if !strings.HasSuffix(f, ".md") {
			continue
		}
		bodies = append(bodies, src)
	}
	return bodies
}
