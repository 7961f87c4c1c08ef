package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// A build into a folder lets go of what only the live preview needs as
// it goes (a page's Markdown once rendered, the links it has already
// settled); it must report exactly what a build into memory reports.
func TestBuildIntoAFolderReportsWhatABuildInMemoryReports(t *testing.T) {
	src, _ := generatedSite(t, 12)
	appendToSignatory(t, src, 4, "\nSee [the principles](/principles/), [nothing](/no-such-page/), [a missing heading](/principles/#no-such-heading), [another signatory]("+sitegen.SignatoryURL(5)+")"+
		" and [a heading it does not have]("+sitegen.SignatoryURL(11)+"#no-such-part).\n")

	out, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	inFolder := Build(Options{Source: os.DirFS(src), Output: out, Now: reuseDay})
	inMemory := Build(Options{Source: os.DirFS(src), Output: publish.NewMemory(), Now: reuseDay})
	got, want := fmt.Sprint(inFolder.Diags), fmt.Sprint(inMemory.Diags)
	if got != want {
		t.Errorf("a build into a folder reports\n%s\nwant what a build in memory reports\n%s", got, want)
	}
	for _, broken := range []string{"/no-such-page/", "#no-such-heading", "#no-such-part"} {
		if !strings.Contains(got, broken) {
			t.Errorf("the broken link to %s is not reported:\n%s", broken, got)
		}
	}
}

// A build into a folder claims every file before it writes the first, so
// a link to a page, badge or directory page not written yet is known
// good at once: at 100,000 signatories the links waiting for a later
// page were 50 MB kept through the whole build. Only a link to a file
// nobody claimed, or to a heading of a page not rendered yet, waits.
func TestAFinalBuildKeepsNoLinkToAFileItClaimed(t *testing.T) {
	src, _ := generatedSite(t, 60)
	appendToSignatory(t, src, 3, "\nSee [nothing](/no-such-page/).\n")

	out, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Abort()
	p := &pass{opts: Options{Source: os.DirFS(src), Output: out, Now: reuseDay}, res: &Result{}}
	res := p.run()
	if got := fmt.Sprint(res.Diags); !strings.Contains(got, "/no-such-page/") {
		t.Errorf("the link to a page nobody claimed is not reported:\n%s", got)
	}
	for _, l := range p.b.index.pending {
		if l.target != "/no-such-page/" && l.fragment == "" {
			t.Errorf("the link %s from %s waited to the end of the build, though its file was claimed", l, l.from)
		}
	}
	for target := range p.out.links.uses {
		if target != "/no-such-page/" {
			t.Errorf("the address %s waited to the end of the build, though its file was claimed", target)
		}
	}
}

// A build that claimed a file and did not write it says so: links to the
// file were taken as good, when found in a final build, at the end in the
// preview's (linkIndex.written).
func TestAFileClaimedButNotWrittenIsAnError(t *testing.T) {
	for _, final := range []bool{true, false} {
		c := newClaims(3)
		var diags diag.List
		for _, name := range []string{"a/index.html", "About/index.html", "badge.svg"} {
			c.claim(name, owner{pos: diag.Pos{File: name}, what: name}, &diags)
		}
		if final {
			c.settle()
		}
		rec := newRecorder(publish.NewMemory())
		rec.claims = c
		if final && (!rec.promised("About/index.html") || rec.promised("about/index.html") || !rec.promised("a/index.html")) {
			t.Error("a file is promised only as it was claimed, capitals and all")
		}
		for _, name := range []string{"a/index.html", "About/index.html"} {
			if err := rec.WriteFile(name, []byte("x")); err != nil {
				t.Fatal(err)
			}
		}
		rec.keptPromises(&diags)
		if len(diags) != 1 || diags[0].Pos.File != "badge.svg" || !strings.Contains(diags[0].Problem, "was to be written but was not") {
			t.Errorf("final %v: reported %v; want badge.svg, claimed and never written", final, diags)
		}
	}
}
