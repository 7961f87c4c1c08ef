package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// FuzzConvert converts any text: it must finish, never panic, keep raw
// HTML out, and place every heading, link and picture on a line and column
// that exist in the text.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"# Title\n\nSome *text* with [a link](a.md#x) and ![a picture](p.png).\n",
		"Read [\"our principles](p.md) and ['x'](y.md)\n",
		"| a | b |\n|---|---|\n| [x](c.md) | y |\n",
		"> - [*a*](b)\n>   ## h\n",
		"<script>alert(1)</script>\n[x](javascript:alert(1))\n",
		"[`c`](d) [**b**](e) ![*i*](f) https://example.org/ www.example.org\n",
	} {
		f.Add(seed)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan *Report, 1)
		var out bytes.Buffer
		go func() {
			r, err := c.Convert([]byte(src), &out, nil)
			if err != nil {
				r = nil
			}
			done <- r
		}()
		var r *Report
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("converting %q has not finished after 10 s", src)
		}
		if r == nil {
			return
		}
		if strings.Contains(out.String(), "<script") {
			t.Fatalf("raw HTML reached the page: %q", src)
		}
		lines := strings.Count(src, "\n") + 1
		check := func(what string, p Pos) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Col > len(src)+1 {
				t.Fatalf("%s placed at %v, outside the %d lines of %q", what, p, lines, src)
			}
		}
		for _, h := range r.Headings {
			check("heading "+h.ID, h.Pos)
		}
		for _, l := range append(append([]Link(nil), r.Links...), r.Images...) {
			check("link "+l.Dest, l.Pos)
		}
	})
}
