package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// buildDir writes files into a new site folder and builds it as
// "coproduce check" does, failing the test if the build takes longer than
// a few seconds.
func buildDir(t *testing.T, files map[string]string, links map[string]string) (*site.Result, []string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, path); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	done := make(chan *site.Result, 1)
	go func() {
		done <- site.Build(site.Options{Source: os.DirFS(dir), Output: publish.Nowhere{}, Workers: 2})
	}()
	select {
	case res := <-done:
		return res, lines(res.Diags)
	case <-time.After(20 * time.Second):
		t.Fatal("the build did not finish in 20 seconds")
		return nil, nil
	}
}

func lines(diags diag.List) []string {
	diags.Sort()
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

const home = "---\ntitle: Home\nsummary: The home page.\n---\n\nWelcome to the site.\n"

func TestAwkwardFiles(t *testing.T) {
	tests := []struct {
		name  string
		file  string // the text of content/page.md
		want  []string
		title string // the title the page must have when it builds
	}{
		{"invalid UTF-8", "---\ntitle: Café\nsummary: S.\n---\n\nA caf\xe9.\n",
			[]string{"content/page.md:6:6: error: the file has a character that is not UTF-8 text; save the file as UTF-8 in your editor, or retype the character at this place"}, ""},
		{"byte-order mark", "\xef\xbb\xbf---\ntitle: With a mark\nsummary: S.\n---\n\nText. [here](/)\n",
			[]string{`content/page.md:6:7: warning: the link text "here" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/)`}, "With a mark"},
		{"Windows line endings", "---\r\ntitle: Windows\r\nsummary: S.\r\n---\r\n\r\nText.\r\n\r\n![](a.png)\r\n",
			[]string{"content/page.md:8:1: error: the image a.png has no alt text, so blind readers will not know what it shows; say what the picture shows between the brackets: ![A group of people around a table](a.png)",
				"content/page.md:8:1: error: there is no picture called a.png beside this page (content/a.png); save the picture in the folder content with that name, or check the spelling of the file name"}, "Windows"},
		{"old Mac line endings", "---\rtitle: Mac\rsummary: S.\r---\r\rText.\r",
			[]string{"content/page.md:1:1: error: the file has no front matter; start the file with a line of three dashes (---), then title: and summary:, then another --- line"}, ""},
		{"no front matter", "Just text.\n",
			[]string{"content/page.md:1:1: error: the file has no front matter; start the file with a line of three dashes (---), then title: and summary:, then another --- line"}, ""},
		{"front matter never closed", "---\ntitle: Open\nsummary: S.\n\nText.\n",
			[]string{"content/page.md:1:1: error: the front matter that starts here is never closed; add a line with --- after the last key of the front matter"}, ""},
		{"empty file", "",
			[]string{"content/page.md:1:1: error: the file is empty; add front matter between two --- lines, with at least title: and summary:, then the text of the page"}, ""},
		{"only blank lines", "\n\n  \n",
			[]string{"content/page.md:1:1: error: the file is empty; add front matter between two --- lines, with at least title: and summary:, then the text of the page"}, ""},
		{"huge file", "---\ntitle: Huge\nsummary: S.\n---\n\n" + strings.Repeat("We meet. ", 600_000),
			[]string{"content/page.md:1:1: error: the file is 5 MB, more than the 4 MB a page may be; split it into smaller pages"}, ""},
		{"large but allowed file", "---\ntitle: Large\nsummary: S.\n---\n\n" + strings.Repeat("We meet each week to plan.\n\n", 40_000), nil, "Large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, got := buildDir(t, map[string]string{"content/_index.md": home, "content/page.md": tt.file}, nil)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if tt.title != "" {
				if p := res.Site.Page("/page/"); p == nil || p.Title != tt.title {
					t.Errorf("the page did not build with title %q: %+v", tt.title, p)
				}
			}
		})
	}
}

// TestSymlinkLoops makes real loops of symbolic links under content/: a
// folder that links to itself, a file that links to itself and two files
// that link to each other. The build must finish and name each one.
func TestSymlinkLoops(t *testing.T) {
	_, got := buildDir(t,
		map[string]string{"content/_index.md": home, "content/principles/real.md": "---\ntitle: Real\nsummary: S.\n---\n\nText.\n"},
		map[string]string{
			"content/principles/loop": ".",
			"content/up":              "..",
			"content/self.md":         "self.md",
			"content/a.md":            "b.md",
			"content/b.md":            "a.md",
		})
	t.Log(strings.Join(got, "\n"))
	for _, file := range []string{"content/self.md", "content/a.md", "content/b.md"} {
		found := false
		for _, l := range got {
			found = found || strings.HasPrefix(l, file+":") && strings.Contains(l, "error: could not read the file")
		}
		if !found {
			t.Errorf("no error for the symbolic link loop %s in:\n%s", file, strings.Join(got, "\n"))
		}
	}
}
