package site

import (
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// maxCandidates bounds the names a "did you mean" compares with, so a
// site of many thousands of pages with many broken links stays quick:
// only the pages or files in the same folder as the wrong one are looked
// at, and not even those beyond this many.
const maxCandidates = 2000

// nearestIn finds, among names (paths from the site root), the one in the
// same folder as want whose last part is closest to want's, for "did you
// mean". It returns "" when none is close.
func nearestIn(want string, names []string) string {
	dir, base := splitLast(want)
	var bases, full []string
	for _, n := range names {
		d, b := splitLast(n)
		if d != dir || b == "" {
			continue
		}
		bases = append(bases, b)
		full = append(full, n)
		if len(bases) == maxCandidates {
			break
		}
	}
	near := diag.Nearest(base, bases)
	if near == "" {
		return ""
	}
	for i, b := range bases {
		if b == near {
			return full[i]
		}
	}
	return ""
}

// splitLast splits "/a/b/c/" or "/a/b/c.png" into its folder and last part.
func splitLast(p string) (dir, last string) {
	p = strings.TrimSuffix(p, "/")
	return path.Dir(p), path.Base(p)
}

// didYouMean is advice naming near, or "" when there is none.
func didYouMean(near string) string {
	if near == "" {
		return ""
	}
	return "did you mean " + near + "? "
}

// pageURLs lists the address of every page, for "did you mean".
func (b *builder) pageURLs() []string {
	urls := make([]string, 0, len(b.rs.Content.Pages))
	for _, p := range b.rs.Content.Pages {
		urls = append(urls, p.URL)
	}
	return urls
}

// assetPaths lists every file beside the pages, such as pictures, as a
// path from the site root.
func (b *builder) assetPaths() []string {
	out := make([]string, 0, len(b.rs.Content.Assets))
	for _, a := range b.rs.Content.Assets {
		out = append(out, "/"+a)
	}
	return out
}

// pageFiles lists the file of every page, such as content/about.md.
func (b *builder) pageFiles() []string {
	out := make([]string, 0, len(b.rs.Content.Pages))
	for _, p := range b.rs.Content.Pages {
		out = append(out, p.File)
	}
	return out
}
