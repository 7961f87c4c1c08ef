package site

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
)

// `coproduce check` builds into publish.Nowhere. It must report exactly
// the problems a build into a folder reports, and, like that build, let
// each page's Markdown go once the page is rendered: the preview's way of
// building, which it used before, held the whole site, and took half as
// long again as the build it checks.
func TestCheckFindsWhatTheBuildFinds(t *testing.T) {
	src, _ := generatedSite(t, 300)
	appendToSignatory(t, src, 3, "\nSee [a page that is not there](/principles/no-such-page/).\n")
	appendToSignatory(t, src, 5, "\n![](/no-picture-here.png)\n")
	appendToSignatory(t, src, 8, "\nSee [the other signatory](../signatories/no-one-by-this-name.md).\n")

	dir, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	inFolder := Build(Options{Source: os.DirFS(src), Output: dir, Now: reuseDay})
	dir.Abort()
	checked := Build(Options{Source: os.DirFS(src), Output: publish.Nowhere{}, Now: reuseDay})

	text := func(l diag.List) []string {
		var out []string
		for _, d := range l {
			out = append(out, d.String())
		}
		slices.Sort(out)
		return out
	}
	want, got := text(inFolder.Diags), text(checked.Diags)
	if !inFolder.Diags.HasErrors() || len(inFolder.Diags) < 4 {
		t.Fatalf("the site should have the three errors added and the generated warnings; the build found:\n%v", inFolder.Diags)
	}
	if !slices.Equal(got, want) {
		t.Errorf("check found:\n%v\nthe build found:\n%v", got, want)
	}
	for _, p := range checked.Site.Pages {
		if p.Body != nil {
			t.Fatalf("%s kept its Markdown after the check rendered it", p.File)
		}
	}
}
