package content

import (
	"io"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/markdown"
)

// fuzzPaths are the places a fuzzed file is loaded from, one per kind, so
// every kind's front matter rules are exercised.
var fuzzPaths = []string{
	"about.md", "principles/p.md", "charter/v.md", "case-studies/c.md",
	"pledges/p.md", "signatories/s.md", "_index.md", "about.cy.md",
}

// FuzzLoadPage loads any bytes as a page and renders its body: whatever an
// editor saves, the loader and Markdown reports problems and never panics.
func FuzzLoadPage(f *testing.F) {
	for _, tc := range append(append([]errorCase{}, errorCases...), validationCases...) {
		for name, text := range tc.files {
			for i, p := range fuzzPaths {
				if p == name || (i == 0 && !contains(fuzzPaths, name)) {
					f.Add(uint8(i), []byte(text))
				}
			}
		}
	}
	f.Add(uint8(5), []byte("---\n"+validSignatory+"logo: x.svg\nlogo_alt: X\n---\n# Hi\n\n<script>alert(1)</script>\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	f.Add(uint8(3), []byte("+++\ntitle = \"C\"\nsummary = \"x\"\ndate = 2024-01-01\nanonymised = true\n[params]\nx = [1, {y = 2}]\n+++\n[link](other.md) ![img](a.png)\n"))
	f.Add(uint8(0), []byte("---\ntitle: &a T\nsummary: *a\nparams: {a: &b [1], c: *b}\n---\n"))
	md := markdown.New()
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := fuzzPaths[int(kind)%len(fuzzPaths)]
		fsys := fstest.MapFS{
			name:                        {Data: data},
			"about.md":                  {Data: []byte("---\ntitle: About\nsummary: x\n---\n")},
			"pledges/two-way-pledge.md": {Data: []byte(baseFiles["pledges/two-way-pledge.md"])},
		}
		site, diags := Load(fsys, Options{Dir: "content", Languages: []string{"cy"}, Drafts: kind >= 128})
		for _, d := range diags {
			if d.File == "" || d.Problem == "" || d.Line < 0 || d.Col < 0 {
				t.Fatalf("diagnostic without a place or a problem: %+v", d)
			}
		}
		for _, p := range site.Pages {
			if _, err := md.Convert(p.Body, io.Discard, nil); err != nil {
				t.Fatalf("%s: %v", p.File, err)
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
