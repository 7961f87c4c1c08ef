package content

import (
	"os"
	"reflect"
	"slices"
	"sort"
	"testing"
	"testing/fstest"
	"time"
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
// reads, page for page, with the saved page changed where it is, and
// undoing the save gives the old site back.
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
	if !slices.Contains(got.Section("signatories"), a) ||
		!slices.Contains(got.Page("/pledges/p/").Signatories, a) {
		t.Error("the section or the pledge does not list the saved page")
	}
	if string(got.Before(a).Body) != "Old words.\n" {
		t.Errorf("Before gives the saved page as %q", got.Before(a).Body)
	}
	got.Undo()
	if string(old.Page("/signatories/a/").Body) != "Old words.\n" || old.Page("/signatories/a/").BodyLine != 8 {
		t.Errorf("undone, the old site has %q", old.Page("/signatories/a/").Body)
	}
	got, _ = Reload(old, fsys, []string{"signatories/a.md"}, Options{})

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

// A save that changes a page's own facts (its summary, website, sector,
// region, size...) is read without cross-referencing the site again, by
// changing the saved pages where they are: every page that shows one sees
// it as saved, the pages before the save are at hand, and undoing the
// save leaves the old site as it was.
func TestReloadOfOwnFactsMatchesLoad(t *testing.T) {
	files := func(a, c string) fstest.MapFS {
		return fstest.MapFS{
			"pledges/p.md":      {Data: []byte("---\ntitle: P\nsummary: S.\ncommitments: [a]\n---\nThe pledge.\n")},
			"principles/x.md":   {Data: []byte("---\ntitle: X\nsummary: The principle.\n---\nWords.\n")},
			"case-studies/c.md": {Data: []byte(c)},
			"signatories/a.md":  {Data: []byte(a)},
			"signatories/b.md":  {Data: []byte("---\ntitle: B\nsummary: S.\nwebsite: https://b.example/\nsigned: 2024-01-02\npledges: [p]\n---\n")},
		}
	}
	oldA := "---\ntitle: A\nsummary: Old summary.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Leeds\n---\nOther words.\n"
	oldC := "---\ntitle: C\nsummary: Old story.\norganisation: Old Org\ndate: 2024-01-01\nanonymised: true\nprinciples: [x]\n---\nStory.\n"
	fsys := files("---\ntitle: A\nsummary: Old summary.\nwebsite: https://a.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Leeds\n---\nWords.\n", oldC)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	loaded, diags := Load(fsys, Options{Now: now})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	// Its body saved first, then its own facts with another page's.
	fsys["signatories/a.md"] = &fstest.MapFile{Data: []byte(oldA)}
	old, diags := Reload(loaded, fsys, []string{"signatories/a.md"}, Options{Now: now})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	fsys = files("---\ntitle: A\nsummary: \"A new summary.\"\nwebsite: https://new.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Bristol\n---\nWords.\n",
		"---\ntitle: C\nsummary: New story.\norganisation: New Org\ndate: 2024-01-01\nanonymised: true\nprinciples: [x]\n---\nStory.\n")
	changed := []string{"case-studies/c.md", "signatories/a.md"}
	got, diags := Reload(old, fsys, changed, Options{Now: now})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got.before == nil {
		t.Fatal("a save of own facts alone was read in full")
	}
	want, _ := Load(fsys, Options{Now: now})
	for i, w := range want.Pages {
		g := got.Pages[i]
		if g.URL != w.URL || !SameFrontMatter(g, w) || string(g.Body) != string(w.Body) {
			t.Errorf("page %s differs from Load's", w.URL)
		}
	}
	if s := got.Page("/pledges/p/").Signatories; s[0].Summary+s[1].Summary != want.Page("/signatories/a/").Summary+"S." &&
		s[1].Summary+s[0].Summary != want.Page("/signatories/a/").Summary+"S." {
		t.Error("the pledge does not show its signatory's new summary")
	}
	if cs := got.Page("/principles/x/").CaseStudies(); len(cs) != 1 || cs[0].Organisation() != "New Org" || cs[0] != got.Page("/case-studies/c/") {
		t.Error("the principle does not show its case study as saved")
	}
	if a := got.Page("/signatories/a/"); got.Before(a).Region != "Leeds" || string(got.Before(a).Body) != "Other words.\n" || got.Before(got.Page("/pledges/p/")) != got.Page("/pledges/p/") {
		t.Error("Before does not give the saved pages as they were, and the others as they are")
	}

	// Undone, the old site is as it was read.
	got.Undo()
	wantOld, _ := Load(files(oldA, oldC), Options{Now: now})
	for i, w := range wantOld.Pages {
		g := old.Pages[i]
		if g.URL != w.URL || !SameFrontMatter(g, w) || string(g.Body) != string(w.Body) {
			t.Errorf("undone, page %s differs from the site before the save", w.URL)
		}
	}
	if old.Page("/pledges/p/").Signatories[0].Region+old.Page("/pledges/p/").Signatories[1].Region != "Leeds" ||
		old.Page("/principles/x/").CaseStudies()[0].Summary != "Old story." {
		t.Error("undone, the pages showing the saved ones do not show them as they were")
	}

	// Anything else in the front matter is cross-referenced in full, and
	// so is an own fact whose change moves other keys to other lines
	// (problems are placed by line).
	for _, save := range []struct {
		front string
		fast  bool
	}{
		{"title: A\nsummary: Other words.\nwebsite: https://other.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Leeds\n", true},
		{"title: A\nsummary: >\n  Other words\n  on two lines.\nwebsite: https://new.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Bristol\n", false},
		{"title: A\nsummary: >\n  Other words\n  on two lines.\nwebsite: https://new.example/\nsigned: 2024-02-01\npledges: [p]\nregion: Bristol\n", false},
		{"title: A renamed\nsummary: >\n  Other words\n  on two lines.\nwebsite: https://new.example/\nsigned: 2024-01-01\npledges: [p]\nregion: Bristol\n", false},
	} {
		fsys["signatories/a.md"] = &fstest.MapFile{Data: []byte("---\n" + save.front + "---\nWords.\n")}
		site, _, ok := reloadInPlace(got, fsys, []string{"signatories/a.md"}, Options{Now: now})
		if ok != save.fast {
			t.Errorf("read without cross-referencing: %v, want %v, for:\n%s", ok, save.fast, save.front)
		}
		if ok {
			site.Undo()
		}
	}
}
