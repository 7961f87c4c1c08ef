package site_test

import (
	"io/fs"
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

	for _, open := range sourceOpeners {
		t.Run(open.name, func(t *testing.T) {
			source, err := open.open(dir)
			if err != nil {
				t.Fatal(err)
			}
			checkNothingFromOutside(t, source, "content/story.md")
		})
	}
}

// The two ways of opening a site read the same files: the one that keeps
// folders open (for a build) opens a file in its folder itself, and must
// refuse what the root refuses and read what the root reads, through
// links inside the site, links to folders and folders within folders.
func TestEveryWayOfOpeningASiteReadsTheSameFiles(t *testing.T) {
	outside := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Skip("cannot make the test site here: ", err)
		}
	}
	must(os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: Secret\nsummary: A secret.\n---\nSECRET=hunter2\n"), 0o600))
	dir := t.TempDir()
	page := func(name, title string) {
		t.Helper()
		must(os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		must(os.WriteFile(filepath.Join(dir, name), []byte("---\ntitle: "+title+"\nsummary: About "+title+".\n---\nThe page "+title+".\n"), 0o644))
	}
	page("content/_index.md", "Home")
	page("content/about/_index.md", "About")
	page("content/about/first.md", "First")
	page("content/about/deeper/second.md", "Second")
	must(os.Symlink("first.md", filepath.Join(dir, "content", "about", "again.md")))

	var built []map[string]string
	for _, open := range sourceOpeners {
		source, err := open.open(dir)
		if err != nil {
			t.Fatal(err)
		}
		// Read twice, as a build reads each page for its fingerprint,
		// to load it and to render it.
		for range 2 {
			out := checkNothingFromOutside(t, source)
			files := map[string]string{}
			for _, name := range out.Names() {
				data, _ := out.Get(name)
				files[name] = string(data)
			}
			built = append(built, files)
		}
	}
	for _, want := range []string{"about/again/index.html", "about/deeper/second/index.html"} {
		if !strings.Contains(built[0][want], "The page ") {
			t.Errorf("%s was not built with its text; the build wrote %d files", want, len(built[0]))
		}
	}
	for i, files := range built[1:] {
		if len(files) != len(built[0]) {
			t.Errorf("build %d wrote %d files, the first %d", i+2, len(files), len(built[0]))
		}
		for name, data := range built[0] {
			if files[name] != data {
				t.Errorf("build %d wrote %s otherwise than the first", i+2, name)
			}
		}
	}

	// Links out of the site, to a file deep in it and to a folder, are
	// refused both ways.
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "content", "about", "deeper", "story.md")))
	must(os.Symlink(outside, filepath.Join(dir, "content", "about", "away")))
	for _, open := range sourceOpeners {
		source, err := open.open(dir)
		if err != nil {
			t.Fatal(err)
		}
		checkNothingFromOutside(t, source, "content/about/deeper/story.md")
	}
}

var sourceOpeners = []struct {
	name string
	open func(string) (fs.FS, error)
}{
	{"build", site.OpenSource},
	{"preview", site.OpenSourceToWatch},
}

// checkNothingFromOutside builds the site in source and fails if a page
// carries the secret of the file outside the site, or if the links to it
// are not reported.
func checkNothingFromOutside(t *testing.T, source fs.FS, links ...string) *publish.Memory {
	t.Helper()
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
	for _, file := range links {
		if !reported[file] {
			t.Errorf("no error for the link %s; got %v", file, res.Diags)
		}
	}
	return out
}
