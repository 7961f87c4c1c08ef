package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// A build into a folder lets go of what only the live preview needs as
// it goes (a page's Markdown once rendered, the links it has already
// settled); it must report exactly what a build into memory reports.
func TestBuildIntoAFolderReportsWhatABuildInMemoryReports(t *testing.T) {
	src, _ := generatedSite(t, 12)
	page := filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(4)))
	f, err := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nSee [the principles](/principles/), [nothing](/no-such-page/), [a missing heading](/principles/#no-such-heading) and [another signatory](" + sitegen.SignatoryURL(5) + ").\n")
	f.Close()

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
	for _, broken := range []string{"/no-such-page/", "#no-such-heading"} {
		if !strings.Contains(got, broken) {
			t.Errorf("the broken link to %s is not reported:\n%s", broken, got)
		}
	}
}
