package serve

import (
	"strings"
	"testing"
)

// The warnings panel shows the page's own warnings from the file the
// builder made it from, not from a guess at the file by its address: an
// Easy Read twin, content/about.easy.md, is published at /about/easy-read/,
// which no content/about/easy-read*.md ever made.
func TestWarningPanelFindsThePagesRealSourceFile(t *testing.T) {
	r := start(t, 3, map[string]string{
		"content/about.md":      "---\ntitle: About us\nsummary: Who we are.\n---\n\nWe are a group.\n",
		"content/about.easy.md": "---\ntitle: About us\nsummary: Who we are.\n---\n\n### Details\n\nWe are a group.\n",
	})
	code, body := r.get("/about/easy-read/")
	if code != 200 {
		t.Fatalf("GET /about/easy-read/: %d", code)
	}
	panel := strings.Index(body, `<details class="coproduce-warnings"`)
	if panel < 0 {
		t.Fatal("the Easy Read page has no warnings panel")
	}
	body = body[panel:]
	if !strings.Contains(body, "<summary>1 warning about this page, ") {
		t.Fatalf("the Easy Read page's panel does not count its own warning: %.300s", body)
	}
	first := strings.Index(body, "<li>")
	if first < 0 || !strings.HasPrefix(body[first:], "<li><code>content/about.easy.md:6:1</code>") {
		t.Errorf("the Easy Read page's own warning is not first in the panel: %.300s", body[max(first, 0):])
	}
	// The page it is a twin of has no warnings of its own.
	if _, about := r.get("/about/"); strings.Contains(about, "about this page") {
		t.Error("the original page is given its twin's warning as its own")
	}
}
