package site_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	. "github.com/coproduce/coproduce/internal/site"
)

// TestTemplateLinksAreChecked: a link a template makes is checked like one
// an editor writes, and reported once at the template, naming the page.
func TestTemplateLinksAreChecked(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	cases := []struct {
		name     string
		template string
		want     string
	}{
		{"a page that does not exist", `<a href="{{relURL "/nowhere/"}}">x</a>`,
			"templates/page.html:1:1: error: the page /co/about/ links to /co/nowhere/, which the build does not write"},
		{"a file beside the page", `<img src="badge.svg" alt="">`,
			"templates/page.html:1:1: error: the page /co/about/ links to badge.svg, which the build does not write"},
		{"a full address of the site", `<a href="{{absURL "/gone/"}}">x</a>`,
			"templates/page.html:1:1: error: the page /co/about/ links to https://example.org/co/gone/, which the build does not write"},
		{"an address in text, as in HTML to copy", `<pre>&lt;a href="{{absURL "/about/missing.svg"}}"&gt;</pre>`,
			"templates/page.html:1:1: error: the page /co/about/ links to https://example.org/co/about/missing.svg, which the build does not write"},
		{"outside the base path", `<a href="/elsewhere/">x</a>`,
			"templates/page.html:1:1: error: the page /co/about/ links to /elsewhere/, which is outside this site's folder"},
		{"an address the template refused", `<a href="{{"javascript:alert(1)"}}">x</a>`,
			"templates/page.html:1:1: error: the page /co/about/ has a link the template refused as unsafe"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := withFiles(base, map[string]string{"templates/page.html": `{{define "main"}}<h1>{{.Page.Title}}</h1>` + c.template + `{{end}}`})
			// A build into a folder settles links to files already
			// written as it goes; it must report the same.
			for _, out := range outputsToCompare(t) {
				res := Build(Options{Source: fsys, Output: out, Now: collisionDay})
				got := errorsOf(res)
				if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
					t.Errorf("%T: errors:\n%s\nwant one starting:\n%s", out, strings.Join(got, "\n"), c.want)
				}
			}
		})
	}
}

// outputsToCompare are a build into memory, as the preview makes, into
// nowhere, as coproduce check does, and into a folder, as coproduce build
// does.
func outputsToCompare(t *testing.T) []publish.Output {
	dir, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dir.Abort() })
	return []publish.Output{publish.NewMemory(), publish.Nowhere{}, dir}
}

// TestTemplateLinksThatWorkPass: relative, percent-encoded and full
// addresses of files that exist are not reported.
func TestTemplateLinksThatWorkPass(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	tmpl := `{{define "main"}}<h1>{{.Page.Title}}</h1><a href="../principles/">p</a> <a href="{{absURL "/feed.xml"}}">f</a>` +
		`<a href="{{relURL "/signatories/kite/badge.svg"}}?v=1#x">b</a> <img srcset="{{relURL "/principles/panel.svg"}} 1x, ../principles/panel.svg 2x" alt="">` +
		`<a href="mailto:x@example.org">m</a> <a href="https://elsewhere.example/">e</a> <a href="#top">t</a>{{end}}`
	fsys := withFiles(base, map[string]string{"templates/page.html": tmpl})
	for _, out := range outputsToCompare(t) {
		res := Build(Options{Source: fsys, Output: out, Now: collisionDay})
		if got := errorsOf(res); len(got) > 0 {
			t.Errorf("%T: links that work were reported:\n%s", out, strings.Join(got, "\n"))
		}
	}
}
