package svgsafe

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// FuzzCheck reads any bytes as a picture: it never panics, gives the same
// answer twice, places every problem inside the file, and never lets a
// script element or an onload handler through.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(plainDrawing))
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="a()"><script>b()</script><a href="javascript:c()"/><style>@import "x";.a{fill:url(//e/)}</style></svg>`))
	f.Add([]byte("<!DOCTYPE svg [<!ENTITY a \"b\">]><svg>&a;</svg>"))
	f.Add([]byte(`<svg><set attributeName="xlink:href" to="javascript:x"/><image href="data:image/png;base64,AA"/></svg>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Check(data)
		if again := Check(data); fmt.Sprint(again) != fmt.Sprint(got) {
			t.Fatalf("two answers: %v and %v", got, again)
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range got {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Problem == "" || p.Fix == "" {
				t.Fatalf("problem outside the file or without words: %+v", p)
			}
		}
		if len(got) == 0 {
			lower := strings.ToLower(string(data))
			if strings.Contains(lower, "<script") || strings.Contains(lower, " onload=") {
				t.Fatalf("accepted a picture with a script: %q", data)
			}
		}
	})
}

// BenchmarkCheck reads drawings of growing size: the time per byte stays
// the same, so checking is linear in the size of the file.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{100, 3000, 30000} {
		var svg strings.Builder
		svg.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`)
		for i := range n {
			fmt.Fprintf(&svg, `<g id="g%d" style="fill:url(#s)"><path d="M0 0L%d 1z" fill="url(#shade)"/><use xlink:href="#g1"/></g>`+"\n", i, i)
		}
		svg.WriteString("</svg>")
		data := []byte(svg.String())
		b.Run(fmt.Sprintf("%dKB", len(data)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if p := Check(data); len(p) > 0 {
					b.Fatal(p)
				}
			}
		})
	}
	// A hostile shape: one element with very many attributes, each of
	// its own name.
	var attrs strings.Builder
	attrs.WriteString(`<svg xmlns="http://www.w3.org/2000/svg"><g`)
	for i := range 100000 {
		fmt.Fprintf(&attrs, ` a%d="url(#a)"`, i)
	}
	attrs.WriteString("/></svg>")
	b.Run("many-attributes", func(b *testing.B) {
		data := []byte(attrs.String())
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			Check(data)
		}
	})
}
