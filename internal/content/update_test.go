package content

import (
	"os"
	"reflect"
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
