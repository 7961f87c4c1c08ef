package check_test

import (
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// BenchmarkPage measures the body checks on the generated pages a large
// build checks ten thousand times: about 3 KB of paragraphs, lists and
// links each. One op is one page; the Markdown is converted beforehand, as
// the build does it once for rendering.
func BenchmarkPage(b *testing.B) {
	for _, variant := range []string{"", "easy"} {
		name := "variant=plain"
		if variant != "" {
			name = "variant=" + variant
		}
		b.Run(name, func(b *testing.B) {
			pages, reports := generatedPages(b, variant)
			bytes := 0
			for _, p := range pages {
				bytes += len(p.Body)
			}
			b.SetBytes(int64(bytes / len(pages)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				check.Page(pages[i], reports[i], check.Options{})
				i = (i + 1) % len(pages)
			}
		})
	}
}

func generatedPages(b *testing.B, variant string) ([]*content.Page, []*markdown.Report) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 50})
	var names []string
	for name := range fsys {
		if strings.HasSuffix(name, ".md") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	md := markdown.New()
	var pages []*content.Page
	var reports []*markdown.Report
	for _, name := range names {
		data := fsys[name].Data
		// The generated front matter ends at the first "\n---\n" after the
		// opening line.
		end := strings.Index(string(data[4:]), "\n---\n") + 4 + 5
		p := &content.Page{File: name, BodyLine: strings.Count(string(data[:end]), "\n") + 1, Body: data[end:], Variant: variant}
		r, err := md.Convert(p.Body, io.Discard, nil)
		if err != nil {
			b.Fatal(err)
		}
		pages, reports = append(pages, p), append(reports, r)
	}
	return pages, reports
}
