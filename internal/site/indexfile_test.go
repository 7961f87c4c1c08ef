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
