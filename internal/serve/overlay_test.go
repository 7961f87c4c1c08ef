package serve

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/diag"
)

// manyWarnings is the site: one error among 12,147 warnings, with
// long lines in the files, as a pasted paragraph makes.
func manyWarnings() (diag.List, fstest.MapFS) {
	src := fstest.MapFS{}
	var l diag.List
	long := strings.Repeat("A very long pasted paragraph that goes on. ", 200)
	for i := range 12147 {
		file := fmt.Sprintf("content/signatories/org-%05d.md", i)
		src[file] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n" + long + "\n")}
		l.Warnf(diag.Pos{File: file, Line: 4, Col: 1}, "use shorter sentences", "the paragraph is hard to read")
	}
	l.Errorf(diag.Pos{File: "content/signatories/org-09000.md", Line: 2, Col: 8}, "write it as signed: 2025-02-01", "signed: 1/2/2025 is not a date")
	return l, src
}

func TestErrorPageIsSmallWithErrorsFirstAndTrueCounts(t *testing.T) {
	l, src := manyWarnings()
	page := string(renderErrorPage(src, l, "coproduce check -s site"))
	t.Logf("the error page is %d bytes", len(page))
	if len(page) >= 100<<10 {
		t.Errorf("the error page is %d bytes, want under 100 KB", len(page))
	}
	for _, want := range []string{
		"<h1>The site has 1 error to fix</h1>",
		"The site also has 12147 warnings",
		"There are 12128 more: 0 errors and 12128 warnings",
		"<code>coproduce check -s site</code>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the error page has no %q", want)
		}
	}
	first := strings.Index(page, `class="coproduce-problem `)
	if first < 0 || !strings.HasPrefix(page[first:], `class="coproduce-problem coproduce-error"`) {
		t.Errorf("the first problem on the page is not the error")
	}
	if n := strings.Count(page, `class="coproduce-problem `); n != maxPageProblems {
		t.Errorf("the page shows %d problems, want %d", n, maxPageProblems)
	}
}

func TestWarningPanelShowsThePagesOwnFirstAndStartsClosed(t *testing.T) {
	var l diag.List
	for i := range 300 {
		l.Warnf(diag.Pos{File: fmt.Sprintf("content/a/p%03d.md", i), Line: 5, Col: 1}, "", "warning number %d", i)
	}
	l.Warnf(diag.Pos{File: "content/principles/equal-voice.md", Line: 7, Col: 3}, "write ## Details", "the heading skips a level")
	l.Warnf(diag.Pos{File: "content/principles/equal-voice.md", Line: 9, Col: 1}, "", "the link text \"here\" does not say where it goes")
	sources := map[string]string{
		"principles/equal-voice/index.html":    "content/principles/equal-voice.md",
		"cy/principles/equal-voice/index.html": "content/principles/equal-voice.cy.md",
	}
	ws := newWarningSet(l, "coproduce check", func(name string) string { return sources[name] })

	panel := ws.panel("principles/equal-voice/index.html")
	if strings.Contains(panel, "<details class=\"coproduce-warnings\" open") {
		t.Error("the warnings panel starts open, over the page")
	}
	if !strings.Contains(panel, "<summary>2 warnings about this page, 302 warnings about the whole site</summary>") {
		t.Errorf("the panel's summary gives the wrong counts:\n%s", panel)
	}
	first := strings.Index(panel, "<li>")
	if first < 0 || !strings.HasPrefix(panel[first:], "<li><code>content/principles/equal-voice.md:7:3</code>") {
		t.Errorf("the page's own warning is not first:\n%.400s", panel[max(first, 0):])
	}
	if n := strings.Count(panel, "<li>"); n != maxPanelWarnings {
		t.Errorf("the panel lists %d warnings, want %d", n, maxPanelWarnings)
	}
	if !strings.Contains(panel, "And 282 more. To list them all, run <code>coproduce check</code>") {
		t.Errorf("the panel does not say how many more:\n%s", panel)
	}
	if home := ws.panel("index.html"); !strings.Contains(home, "<summary>302 warnings about the whole site</summary>") {
		t.Errorf("a page with no warnings of its own: %.200s", home)
	}
	// The Welsh page's source has no warnings: none is its own.
	if cy := ws.panel("cy/principles/equal-voice/index.html"); strings.Contains(cy, "about this page") {
		t.Errorf("the Welsh page is given the English page's warnings: %.200s", cy)
	}
}

func BenchmarkErrorPageManyWarnings(b *testing.B) {
	l, src := manyWarnings()
	for b.Loop() {
		renderErrorPage(src, l, "coproduce check")
	}
}

// serve's terminal shows the error first and sums the warnings up, as
// build does, rather than every warning in file order.
func TestServePrintsErrorsFirst(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: Many\n")
	write(t, dir, "content/_index.md", "---\ntitle: Home\nsummary: The home page.\n---\nHello.\n")
	for i := range 40 {
		write(t, dir, fmt.Sprintf("content/p%02d.md", i), fmt.Sprintf("---\ntitle: Page %d\nsummary: A page.\n---\nRead it [here](/).\n", i))
	}
	write(t, dir, "content/zz.md", "---\ntitle: Last\nsummary: x\ndate: 1/2/2025\n---\nHi.\n")
	var errs strings.Builder
	if _, err := New(Options{Dir: dir, Addr: "127.0.0.1:0", Now: testNow, Errors: &errs}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(errs.String(), "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "content/zz.md:4:7: error: ") {
		t.Errorf("the error is not first:\n%s", errs.String())
	}
	if len(lines) > 10 || !strings.Contains(errs.String(), "1 error, 40 warnings") {
		t.Errorf("serve printed %d lines, want the warnings summed up and the count:\n%s", len(lines), errs.String())
	}
}
