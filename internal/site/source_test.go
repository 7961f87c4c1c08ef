package site_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// A link under content/ to a file outside the site folder is refused, so
// an unreviewed change can never publish a secret from the machine.
func TestLinksOutsideTheSiteAreNotPublished(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("SECRET=hunter2"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Skip("cannot make the test site here: ", err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Home\nsummary: Hi.\n---\nHello.\n"), 0o644))
	must(os.Symlink(outside, filepath.Join(dir, "content", "notes.txt")))
	must(os.Symlink(outside, filepath.Join(dir, "content", "story.md")))

	source, err := site.OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: source, Output: out})
	for _, name := range out.Names() {
		if data, _ := out.Get(name); strings.Contains(string(data), "hunter2") {
			t.Errorf("%s carries the outside file", name)
		}
	}
	reported := map[string]bool{}
	for _, d := range res.Diags {
		if strings.Contains(d.Problem, "outside the site folder") {
			reported[d.File] = true
		}
	}
	for _, file := range []string{"content/story.md"} {
		if !reported[file] {
			t.Errorf("no error for the link %s; got %v", file, res.Diags)
		}
	}
}
