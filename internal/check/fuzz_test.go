package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
)

// seeds are the pages of the broken test sites and of the example site.
func seeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/content/*.md")
	more, _ := filepath.Glob("testdata/*/content/*/*.md")
	example, _ := filepath.Glob("../../content/*/*.md")
	for _, name := range append(append(files, more...), example...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"", "---\n---\n", "# \n", "[](", "![](x)", "<http://x>", "a.\n\n- b\n- c", "\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n", "|a|\n|-|\n|b|", "We <b>x</b> <span style=\"c\">y</span>", "![a](My Photo.png) [b](c d.md)", "<iframe src=x></iframe>\n\n<!-- note -->", "*[a](b\nc)*"} {
		f.Add(s)
	}
}

// FuzzPage checks that the body checks never panic and always point inside
// the body, whatever the Markdown.
func FuzzPage(f *testing.F) {
	seeds(f)
	md := markdown.New()
	f.Fuzz(func(t *testing.T, body string) {
		_, report, err := md.ConvertString(body)
		if err != nil {
			return
		}
		// An anonymised case study with a title, so the privacy and alt
		// text checks run too.
		p := &content.Page{File: "content/p.md", BodyLine: 1, Body: []byte(body), Kind: content.KindCaseStudy, Title: "A story"}
		p.MarkAnonymised()
		lines := strings.Count(body, "\n") + 1
		for _, d := range check.Page(p, report, check.Options{}) {
			if d.Line < 1 || d.Line > lines || d.Col < 1 {
				t.Errorf("%s points outside the body of %d lines", d, lines)
			}
			if d.Problem == "" || d.Fix == "" {
				t.Errorf("%s has no problem or no fix", d)
			}
		}
		if age := check.Measure(p.Body).ReadingAge(); age < 0 {
			t.Errorf("negative reading age %d", age)
		}
	})
}

// FuzzFrontMatter loads any file as a page and runs the site and body
// checks on it: no panic, and every message has a place and a fix.
func FuzzFrontMatter(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, file string) {
		fsys := fstest.MapFS{
			"principles/p.md":   {Data: []byte(file)},
			"signatories/s.md":  {Data: []byte(file)},
			"case-studies/c.md": {Data: []byte(file)},
		}
		s, diags := content.Load(fsys, content.Options{Dir: "content"})
		diags = append(diags, check.Site(s, check.Options{})...)
		md := markdown.New()
		for _, p := range s.Pages {
			if _, report, err := md.ConvertString(string(p.Body)); err == nil {
				diags = append(diags, check.Page(p, report, check.Options{})...)
			}
		}
		for _, d := range diags {
			if d.File == "" || d.Problem == "" || d.Fix == "" {
				t.Errorf("incomplete message %q", d.String())
			}
			if strings.Contains(d.Problem+d.Fix, "\n") {
				t.Errorf("message on more than one line: %q", d.String())
			}
		}
	})
}
