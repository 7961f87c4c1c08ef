package site

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/coproduce/coproduce/internal/diag"
)

// A final build keeps, for the check at the end, only the addresses whose
// file is not promised: not a page's links to itself, nor to files
// claimed.
func TestAFinalBuildKeepsOnlyLinksToFilesNotYetWritten(t *testing.T) {
	o := newOutputLinks("/co/", "https://example.org/co/")
	promised := map[string]bool{"about/index.html": true}
	o.promised = func(name string) bool { return promised[name] }
	o.scan("page/index.html", []byte(`<a href="/co/page/">here</a> <a href="https://example.org/co/page/">here</a>`+
		` <a href="/co/about/">about</a> <a href="/co/later/">later</a> <img src="badge.svg" alt="">`))
	var kept []string
	for target := range o.uses {
		kept = append(kept, target)
	}
	slices.Sort(kept)
	if want := []string{"/later/", "/page/badge.svg"}; !slices.Equal(kept, want) {
		t.Errorf("kept %q; want %q", kept, want)
	}
}

// What waits for the check at the end does not grow with the site: links
// to pages rendered later are promised and never wait; a link to a file
// never written is still reported, once, with the number of links to it.
func TestWhatWaitsForTheLinkCheckDoesNotGrowWithTheSite(t *testing.T) {
	const pages = 3 * 4096
	o := newOutputLinks("/", "")
	o.promised = func(name string) bool {
		var i int
		_, err := fmt.Sscanf(name, "p%d/index.html", &i)
		return err == nil && i < pages && name == fmt.Sprintf("p%d/index.html", i)
	}
	most, missing := 0, 0
	for i := range pages {
		name := fmt.Sprintf("p%d/index.html", i)
		html := fmt.Sprintf(`<a href="/p%d/">next</a>`, i+1)
		if i%1000 == 0 {
			html += `<a href="/missing/">gone</a>`
			missing++
		}
		o.scan(name, []byte(html))
		most = max(most, len(o.uses))
	}
	if most > 2 {
		t.Errorf("kept up to %d links waiting for their file; want at most 2, those nobody claimed", most)
	}
	var diags diag.List
	o.check(o.promised, nil, func(file string) string { return file }, &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.Problem)
	}
	want := []string{
		fmt.Sprintf("the page /p0/ links to /missing/, which the build does not write (and %d more links)", missing-1),
		fmt.Sprintf("the page /p%d/ links to /p%d/, which the build does not write", pages-1, pages),
	}
	if !slices.Equal(got, want) {
		t.Errorf("reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// namesFile never says a target is a file that fileForURL says it is not.
func TestNamesFileAgreesWithFileForURL(t *testing.T) {
	targets := []string{"/", "/a/", "/a", "/a/b/", "/a//b/", "/a/./b/", "/a/../b/", "/a/b.svg", "a/", "", "/index.html", "//"}
	files := []string{"index.html", "a/index.html", "a", "a/b/index.html", "b/index.html", "a/b.svg", "a/./b/index.html", "a//b/index.html", ""}
	for _, target := range targets {
		for _, file := range files {
			if namesFile(target, file) && fileForURL(target) != file {
				t.Errorf("namesFile(%q, %q) is true, but the target's file is %q", target, file, fileForURL(target))
			}
		}
	}
	for _, clean := range []string{"/", "/a/", "/a/b/", "/a/b.svg"} {
		if !namesFile(clean, fileForURL(clean)) {
			t.Errorf("namesFile(%q, %q) is false", clean, fileForURL(clean))
		}
	}
}

func FuzzNamesFile(f *testing.F) {
	f.Add("/a/b/", "a/b/index.html")
	f.Add("/", "index.html")
	f.Add("/a/./b/", "a/b/index.html")
	f.Add("/a.svg", "a.svg")
	f.Fuzz(func(t *testing.T, target, file string) {
		if namesFile(target, file) && fileForURL(target) != file {
			t.Errorf("namesFile(%q, %q) is true, but the target's file is %q", target, file, fileForURL(target))
		}
	})
}

// Pages with the same headings in the same order share one list of their
// ids, kept to the end of a build for the links to #headings.
func TestPagesWithTheSameHeadingsShareOneList(t *testing.T) {
	x := newLinkIndex(nil)
	x.rendered("/a/", []string{"what-we-do", "our-pledge"})
	x.rendered("/b/", []string{"what-we-do", "our-pledge"})
	x.rendered("/c/", []string{"what-we-do"})
	x.rendered("/d/", nil)
	x.rendered("/e/", []string{"odd\x00id"})
	a, b := x.anchors["/a/"], x.anchors["/b/"]
	if !slices.Equal(a.ids(), []string{"what-we-do", "our-pledge"}) || b != a {
		t.Fatalf("headings of /a/ and /b/: %q and %q", a.ids(), b.ids())
	}
	if unsafe.StringData(string(a)) != unsafe.StringData(string(b)) {
		t.Errorf("/a/ and /b/ have the same headings in strings of their own")
	}
	if c := x.anchors["/c/"]; !slices.Equal(c.ids(), []string{"what-we-do"}) || !c.has("what-we-do") || c.has("our-pledge") {
		t.Errorf("headings of /c/: %q", c.ids())
	}
	if d, ok := x.anchors["/d/"]; !ok || d.count() != 0 || d.has("") {
		t.Errorf("headings of /d/: %q, %v", d.ids(), ok)
	}
	if e := x.anchors["/e/"]; !slices.Equal(e.ids(), []string{"odd\x00id"}) || !e.has("odd\x00id") || e.has("odd") {
		t.Errorf("headings of /e/: %q", e.ids())
	}
}

// A heading id of any length and any bytes is found among a page's
// headings, and only it.
func TestHeadingsHoldEveryIDAsWritten(t *testing.T) {
	ids := []string{"", "a", strings.Repeat("long-", 40), "caf\u00e9", "x\x80\xff", strings.Repeat("z", 20000)}
	h := headingsOf(ids)
	if got := h.ids(); !slices.Equal(got, ids) {
		t.Fatalf("ids %q; want %q", got, ids)
	}
	for _, id := range ids {
		if !h.has(id) {
			t.Errorf("%.20q is not found", id)
		}
	}
	for _, id := range []string{"b", "long-", strings.Repeat("z", 19999), "caf"} {
		if h.has(id) {
			t.Errorf("%.20q is found, though no heading has it", id)
		}
	}
	if h.count() != len(ids) {
		t.Errorf("count %d; want %d", h.count(), len(ids))
	}
}
