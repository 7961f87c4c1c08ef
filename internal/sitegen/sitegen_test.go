package sitegen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// A generated site must build with no diagnostics at all: a broken link or
// cross reference would make every benchmark measure an error path.
func TestGeneratedSiteBuildsClean(t *testing.T) {
	opts := sitegen.Options{Signatories: 200, Seed: 7}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: sitegen.MapFS(opts), Output: out})
	for _, d := range res.Diags {
		t.Errorf("%v", d)
	}
	if got, want := len(res.Site.Pages), sitegen.Pages(opts); got != want {
		t.Errorf("built %d pages, Pages says %d", got, want)
	}
	if _, ok := out.Get(strings.TrimPrefix(sitegen.SignatoryURL(199), "/") + "index.html"); !ok {
		t.Errorf("no page for the last signatory %s", sitegen.SignatoryURL(199))
	}
}

func TestSameOptionsSameFiles(t *testing.T) {
	a, b := sitegen.MapFS(sitegen.Options{Signatories: 50}), sitegen.MapFS(sitegen.Options{Signatories: 50})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	c := sitegen.MapFS(sitegen.Options{Signatories: 50, Seed: 1})
	if bytes.Equal(a[sitegen.SignatoryFile(3)].Data, c[sitegen.SignatoryFile(3)].Data) {
		t.Errorf("a different seed gave the same signatory page")
	}
}

func TestBodiesAreAboutThreeKilobytes(t *testing.T) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 100})
	for _, name := range []string{sitegen.SignatoryFile(0), sitegen.SignatoryFile(99)} {
		n := len(fsys[name].Data)
		if n < 2800 || n > 4500 {
			t.Errorf("%s is %d bytes, want about 3 KB", name, n)
		}
		for _, want := range []string{"\n## ", "\n- ", "*", "]("} {
			if !bytes.Contains(fsys[name].Data, []byte(want)) {
				t.Errorf("%s has no %q", name, want)
			}
		}
	}
}

func TestWriteMatchesMapFS(t *testing.T) {
	dir := t.TempDir()
	opts := sitegen.Options{Signatories: 20}
	if err := sitegen.Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	for name, f := range sitegen.MapFS(opts) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(data, f.Data) {
			t.Errorf("%s on disk differs from MapFS (%v)", name, err)
		}
	}
}

func TestEditChangesOnlyTheBody(t *testing.T) {
	opts := sitegen.Options{Signatories: 20}
	orig := sitegen.MapFS(opts)[sitegen.SignatoryFile(5)].Data
	if !bytes.Equal(sitegen.Signatory(opts, 5, 0), orig) {
		t.Errorf("Signatory with edit 0 differs from the generated file")
	}
	if bytes.Equal(sitegen.Signatory(opts, 5, 1), orig) || bytes.Equal(sitegen.Signatory(opts, 5, 1), sitegen.Signatory(opts, 5, 2)) {
		t.Errorf("edits do not change the file")
	}
}
