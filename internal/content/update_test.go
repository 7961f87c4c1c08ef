package content

import (
	"os"
	"reflect"
	"slices"
	"sort"
	"testing"
	"testing/fstest"
)

// Reloading any file of a site must give exactly what loading it afresh
// gives: the development server serves what Reload returns.
func TestReloadEqualsLoad(t *testing.T) {
	fsys := os.DirFS("../../content")
	opts := Options{Dir: "content", Languages: []string{"cy"}}
	want, wantDiags := Load(fsys, opts)
	sort.Strings(want.Assets)
	for _, changed := range [][]string{{"signatories/brightwater-housing-trust.md"}, {"pledges"}, {"."}, {}} {
		got, _ := Reload(want, fsys, changed, opts)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Reload(%q) differs from Load", changed)
		}
	}
	if len(wantDiags) > 0 {
		t.Logf("the example site has %d problems; Reload was still compared", len(wantDiags))
	}
}

func TestReloadSeesNewChangedAndDeletedFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"pledges/p.md":      {Data: []byte("---\ntitle: P\nsummary: S.\ncommitments: [a]\n---\n")},
		"signatories/a.md":  {Data: []byte("---\ntitle: A\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\n")},
		"signatories/b.md":  {Data: []byte("---\ntitle: B\nsummary: S.\nwebsite: https://b.example/\nsigned: 2024-01-02\npledges: [p]\n---\n")},
		"signatories/x.png": {Data: []byte("png")},
	}
	old, diags := Load(fsys, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	delete(fsys, "signatories/b.md")
	delete(fsys, "signatories/x.png")
	fsys["signatories/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A2\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\n")}
	fsys["signatories/new/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\nsummary: S.\n---\n")}
	got, diags := Reload(old, fsys, []string{"signatories/a.md", "signatories/b.md", "signatories/x.png", "signatories/new"}, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got.Page("/signatories/b/") != nil || len(got.Assets) != 0 {
		t.Errorf("deleted files are still there: %v", got.Assets)
	}
	if p := got.Page("/pledges/p/"); p == nil || len(p.Signatories) != 1 || p.Signatories[0].Title != "A2" {
		t.Errorf("the pledge does not list the changed signatory alone")
	}
	if got.Page("/signatories/new/c/") == nil {
		t.Errorf("a page in a new folder was not read")
	}
	if old.Page("/pledges/p/").Signatories[1].Title != "A" || len(old.Page("/pledges/p/").Signatories) != 2 {
		t.Errorf("Reload changed the old site")
	}
}

// A save of a page's Markdown alone, the save editors make most, is read
// without cross-referencing the site again: the result is the site Load
// reads, page for page, and the old site is left as it was.
func TestReloadOfABodyAloneMatchesLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"pledges/p.md":     {Data: []byte("---\ntitle: P\nsummary: S.\ncommitments: [a]\n---\nThe pledge.\n")},
		"signatories/a.md": {Data: []byte("---\ntitle: A\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\nOld words.\n")},
		"signatories/b.md": {Data: []byte("---\ntitle: B\nsummary: S.\nwebsite: https://b.example/\nsigned: 2024-01-02\npledges: [p]\n---\n")},
	}
	old, diags := Load(fsys, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	fsys["signatories/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\n\nNew words,\non two lines.\n")}
	got, diags := Reload(old, fsys, []string{"signatories/a.md"}, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want, _ := Load(fsys, Options{})
	if len(got.Pages) != len(want.Pages) {
		t.Fatalf("%d pages, want %d", len(got.Pages), len(want.Pages))
	}
	for i, w := range want.Pages {
		g := got.Pages[i]
		if g.URL != w.URL || !SameFrontMatter(g, w) || string(g.Body) != string(w.Body) || g.BodyLine != w.BodyLine {
			t.Errorf("page %s differs from Load's", w.URL)
		}
		if got.Page(w.URL) != g {
			t.Errorf("Page(%s) is not the page in Pages", w.URL)
		}
	}
	a := got.Page("/signatories/a/")
	if len(a.Pledges) != 1 || a.Pledges[0].URL != "/pledges/p/" || a.Standing.Status != want.Page("/signatories/a/").Standing.Status {
		t.Error("the saved page lost its links to other pages or its standing")
	}
	if string(old.Page("/signatories/a/").Body) != "Old words.\n" {
		t.Errorf("Reload changed the old site: %q", old.Page("/signatories/a/").Body)
	}
	if !slices.Contains(got.Section("signatories"), a) || slices.Contains(got.Section("signatories"), old.Page("/signatories/a/")) {
		t.Error("the section does not list the saved page in place of its old self")
	}

	// A change to the front matter is cross-referenced in full.
	fsys["signatories/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A renamed\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\nNew words.\n")}
	got, _ = Reload(got, fsys, []string{"signatories/a.md"}, Options{})
	if p := got.Page("/pledges/p/"); p.Signatories[0].Title != "A renamed" && p.Signatories[1].Title != "A renamed" {
		t.Error("after a title change the pledge still shows the old title")
	}
}

// A pledge's body saved alone is read in full: signatories find their
// pledge by the page itself, which must be the one in the site.
func TestReloadOfAPledgeBodyKeepsItsSignatories(t *testing.T) {
	fsys := fstest.MapFS{
		"pledges/p.md":     {Data: []byte("---\ntitle: P\nsummary: S.\ncommitments: [a]\n---\nThe pledge.\n")},
		"signatories/a.md": {Data: []byte("---\ntitle: A\nsummary: S.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\n---\n")},
	}
	old, diags := Load(fsys, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	fsys["pledges/p.md"] = &fstest.MapFile{Data: []byte("---\ntitle: P\nsummary: S.\ncommitments: [a]\n---\nThe pledge, said again.\n")}
	got, _ := Reload(old, fsys, []string{"pledges/p.md"}, Options{})
	p := got.Page("/pledges/p/")
	if a := got.Page("/signatories/a/"); len(a.Pledges) != 1 || a.Pledges[0] != p {
		t.Error("the signatory points to an old copy of its pledge, so the register cannot file it under the pledge")
	}
}
