package site

import (
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// nameIndex lists names (paths from the site root, or content files) by
// folder, so a "did you mean" compares a wrong name only with the others in
// its folder: quick on a site of many thousands of pages.
type nameIndex map[string][]string

func newNameIndex(names []string) nameIndex {
	ix := nameIndex{}
	for _, n := range names {
		dir, _ := splitLast(n)
		ix[dir] = append(ix[dir], n)
	}
	return ix
}

// maxCandidates bounds the names one "did you mean" compares with.
const maxCandidates = 2000

// nearest finds the name in the same folder as want whose last part is
// closest to want's, or "" when none is close.
func (ix nameIndex) nearest(want string) string {
	dir, base := splitLast(want)
	names := ix[dir]
	if len(names) > maxCandidates {
		names = names[:maxCandidates]
	}
	// Names are compared without their extension, and only a slip or two
	// counts as near: "missing.md" must not suggest "listening.md".
	base = strings.TrimSuffix(base, path.Ext(base))
	bases := make([]string, len(names))
	for i, n := range names {
		_, b := splitLast(n)
		bases[i] = strings.TrimSuffix(b, path.Ext(b))
	}
	near := diag.Nearest(base, bases)
	if near == "" || diag.Distance(base, near) > max(1, len([]rune(base))/4) {
		return ""
	}
	for i, b := range bases {
		if b == near {
			return names[i]
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
