package check_test

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// BenchmarkPathological checks each shape that once cost time or memory
// growing with the square of the page's size, at two sizes, in both the
// plain and the Easy Read variants: a cost that grows in step with the
// size shows as the same ns/byte at both.
func BenchmarkPathological(b *testing.B) {
	md := markdown.New()
	for _, shape := range sitegen.PathologicalShapes() {
		if shape == "run-quote" {
			continue // a line of > nested 100,000 deep: refused when the page is read (content.MaxNesting)
		}
		for _, size := range []int{32 << 10, 128 << 10} {
			body, _ := sitegen.Pathological(shape, size)
			r, err := md.Convert(body, io.Discard, nil)
			if err != nil {
				continue // refused before it is checked
			}
			for _, variant := range []string{"", "easy"} {
				p := &content.Page{File: "content/p.md", BodyLine: 4, Body: body, Variant: variant}
				b.Run(shape+"/"+variant+"/"+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
					b.SetBytes(int64(len(body)))
					b.ReportAllocs()
					for b.Loop() {
						check.Page(p, r, check.Options{})
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(body)), "ns/byte")
				})
			}
		}
	}
}

// A line of thousands of links with no words gets the first hundred
// messages, each at its own link, and one message for the rest; each
// message carries at most the start of the line, not a copy of all of it.
func TestManyProblemsOnOneLine(t *testing.T) {
	body := []byte(strings.Repeat("[](/a) ", 5000))
	r, err := markdown.New().Convert(body, io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	diags := check.Page(&content.Page{File: "content/p.md", BodyLine: 4, Body: body}, r, check.Options{})
	if len(diags) != check.MaxMessagesPerPage+1 {
		t.Fatalf("got %d messages, want %d", len(diags), check.MaxMessagesPerPage+1)
	}
	for i, d := range diags[:check.MaxMessagesPerPage] {
		if d.Line != 4 || d.Col != 1+7*i || !strings.Contains(d.Problem, "has no words") {
			t.Fatalf("message %d: %s", i, d)
		}
		if len(d.Source) > 1010 {
			t.Fatalf("message %d carries %d bytes of the line", i, len(d.Source))
		}
	}
	last := diags[len(diags)-1]
	if last.String() != "content/p.md:4:1: error: the page has 4900 more problems (4900 of them errors) than the 100 shown; fix the problems above, then check again to see the rest" {
		t.Errorf("last message: %s", last)
	}
}
