package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/diag"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// savedWhileBuilding is a site folder in which one file is saved again
// after the content was loaded: the loader opens it and sees the version
// it was built from, every later opening sees the saved one, as when an
// editor saves while `coproduce build` runs. (The fingerprint of the
// inputs, which reads every file with fs.ReadFile first, sees the first
// version.)
type savedWhileBuilding struct {
	fs.FS
	name  string
	saved []byte

	mu    sync.Mutex
	opens int
}

func (s *savedWhileBuilding) ReadFile(name string) ([]byte, error) { return fs.ReadFile(s.FS, name) }

func (s *savedWhileBuilding) Open(name string) (fs.File, error) {
	if name != s.name {
		return s.FS.Open(name)
	}
	s.mu.Lock()
	s.opens++
	later := s.opens > 1
	s.mu.Unlock()
	if !later {
		return s.FS.Open(name)
	}
	return fstest.MapFS{"saved.md": {Data: s.saved}}.Open("saved.md")
}

// A final build reads each page's Markdown again when it renders it; a
// file saved in between must fail the build with a message about that
// file, not publish the front matter of one version with the body of
// the other. The earlier output stays as it was.
func TestAFileSavedDuringAFinalBuildFailsIt(t *testing.T) {
	src, opts := generatedSite(t, 12)
	public := filepath.Join(t.TempDir(), "public")
	buildDir(t, src, public, reuseDay)
	before := outputTree(t, public)

	name := sitegen.SignatoryFile(5)
	saved := bytes.Replace(sitegen.Signatory(opts, 5, 1), []byte("\n\n"), []byte("\n\nA sentence added while the site was built.\n\n"), 1)
	out, err := publish.NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	source := &savedWhileBuilding{FS: os.DirFS(src), name: name, saved: saved}
	// Another day, so the build runs rather than keep the earlier one.
	res := Build(Options{Source: source, Output: out, Now: reuseDay.AddDate(0, 0, 1)})
	if !res.Diags.HasErrors() {
		out.Commit()
		t.Fatalf("a file saved during the build was published without a word (opened %d times)", source.opens)
	}
	out.Abort()
	var found bool
	for _, d := range res.Diags {
		if d.File == name && strings.Contains(d.Problem, "changed while the site was being built") && d.Fix != "" {
			found = true
		} else if d.Severity == diag.Error {
			t.Errorf("another error: %v", d)
		}
	}
	if !found {
		t.Errorf("no error at %s says it changed during the build:\n%v", name, res.Diags)
	}
	if after := outputTree(t, public); !sameTree(before, after) {
		t.Error("the failed build changed the published folder")
	}

	// A build into memory, as the live preview makes, reads each file
	// once and holds its Markdown.
	source = &savedWhileBuilding{FS: os.DirFS(src), name: name, saved: saved}
	if res := Build(Options{Source: source, Output: publish.NewMemory(), Now: reuseDay.AddDate(0, 0, 1)}); res.Diags.HasErrors() {
		t.Errorf("a build into memory reports:\n%v", res.Diags)
	}
}

func sameTree(a, b map[string]outputFile) bool {
	if len(a) != len(b) {
		return false
	}
	for name, f := range a {
		g, ok := b[name]
		if !ok || !bytes.Equal(f.data, g.data) {
			return false
		}
	}
	return true
}

// Once a final build has made every claim it keeps only which files are
// claimed; what it answers must not change.
func TestSettledClaimsAnswerAsBefore(t *testing.T) {
	c := newClaims(0)
	for _, name := range []string{"index.html", "About/index.html", "café/index.html", "signatories/a/badge.svg"} {
		c.claim(name, owner{what: name}, nil)
	}
	asks := []string{"index.html", "about/index.html", "About/index.html", "cafe\u0301/index.html", "signatories/a/badge.svg", "signatories/b/badge.svg", "", "other.html"}
	want := make([]bool, len(asks))
	for i, name := range asks {
		want[i] = c.has(name)
	}
	c.settle()
	for i, name := range asks {
		if got := c.has(name); got != want[i] {
			t.Errorf("has(%q) = %v once settled, was %v", name, got, want[i])
		}
	}
	if c.owners != nil || c.names != nil {
		t.Error("settled claims still hold who owns each file")
	}
}
