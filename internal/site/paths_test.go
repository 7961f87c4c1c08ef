package site

import (
	"path"
	"strings"
	"testing"
)

// A page's file is where the build writes it and where links look for it:
// the quick way for clean addresses must give what path.Join gives for
// every address, clean or not.
func FuzzIndexFileIsThePageFile(f *testing.F) {
	for _, url := range []string{"/", "/about/", "/a/b/", "//a/", "/a//b/", "/a/./b/", "/a/../b/", "/a/b", "a/b/", "/ü/ñ/", "/./", "/../", ""} {
		f.Add(url)
	}
	f.Fuzz(func(t *testing.T, url string) {
		want := path.Join(strings.Trim(url, "/"), "index.html")
		if got := indexFile(url); got != want {
			t.Fatalf("indexFile(%q) = %q, want %q", url, got, want)
		}
	})
}

// The pages a save shows again are found from their output files: every
// clean page address must come back from its file, so no page is missed.
func FuzzPageURLIsIndexFileTurnedRound(f *testing.F) {
	for _, url := range []string{"/", "/about/", "/a/b/", "/ü/ñ/", "/index.html/", "/a/index/", "/a.b/"} {
		f.Add(url)
	}
	f.Fuzz(func(t *testing.T, url string) {
		if url != "/" && (!strings.HasPrefix(url, "/") || path.Clean(url) == "/" || path.Clean(url)+"/" != url) {
			t.Skip("not an address a page has")
		}
		if got := pageURL(indexFile(url)); got != url {
			t.Fatalf("pageURL(indexFile(%q)) = %q", url, got)
		}
	})
}

// Which pages a save touches is decided by underAny for every page on every
// save: it must say what the plain rule says, a name equal to one of the
// saved folders or inside it, for any names.
func FuzzUnderAnyIsInsideAFolder(f *testing.F) {
	for _, c := range [][2]string{{"signatories/a.md", "signatories"}, {"signatoriesx/a.md", "signatories"}, {"a.md", "a.md"}, {"a.md", "."}, {"a", "a/"}, {"", ""}, {"ab", "a"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, name, dir string) {
		want := dir == "." || name == dir || strings.HasPrefix(name, dir+"/")
		if got := underAny(name, []string{dir}); got != want {
			t.Fatalf("underAny(%q, [%q]) = %v, want %v", name, dir, got, want)
		}
	})
}
