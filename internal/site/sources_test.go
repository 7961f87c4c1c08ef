package site

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// The preview shows a page's own warnings on it: every page published from
// a content file, under any address (translations, Easy Read twins, the
// home page), is traced back to that file, and nothing else is.
func TestPageSourcesTraceEveryPageToItsFile(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 20})
	src["site.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(src["site.yaml"].Data), "languages: [en-GB, cy]\n"...)}
	var principle string
	for name := range src {
		if strings.HasPrefix(name, "content/principles/") && !strings.HasSuffix(name, "_index.md") {
			principle = strings.TrimSuffix(name, ".md")
			break
		}
	}
	src[principle+".cy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Llais cyfartal\nsummary: Mae pawb yn cael dweud.\n---\nGair.\n")}
	src[principle+".easy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: An equal say\nsummary: Everyone gets a say.\n---\nEveryone gets a say.\n")}
	inc, out := startPreview(t, src, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	source := inc.PageSources()
	want := map[string]string{}
	kinds := map[string]bool{}
	for _, p := range inc.b.rs.Content.Pages {
		want[indexFile(p.URL)] = p.File
		kinds[p.Lang+"/"+p.Variant] = true
	}
	if len(kinds) < 3 {
		t.Fatalf("the site has no translations or Easy Read pages to trace (%v)", kinds)
	}
	for _, name := range out.Names() {
		if got := source(name); got != want[name] {
			t.Errorf("the page published as %s comes from %q, not %q", name, want[name], got)
		}
	}
	for _, name := range []string{"", "index", "/index.html", "principles//index.html", "principles/index.htm"} {
		if got := source(name); got != "" {
			t.Errorf("%q is traced to %q; it is no page's file", name, got)
		}
	}
}
