package site

import (
	"fmt"
	"slices"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
)

// targetsDiffer says how byTarget differs from byPage turned round, or
// "" when it does not.
func (x *linkIndex) targetsDiffer() string {
	want := map[string][]string{}
	for file, ls := range x.byPage {
		seen := map[string]bool{}
		for _, l := range ls {
			if !seen[l.target] {
				seen[l.target] = true
				want[l.target] = append(want[l.target], file)
			}
		}
	}
	if len(want) != len(x.byTarget) {
		return fmt.Sprintf("%d addresses, %d in the links", len(x.byTarget), len(want))
	}
	for target, files := range want {
		got := slices.Sorted(slices.Values(x.byTarget[target]))
		slices.Sort(files)
		if !slices.Equal(got, files) {
			return fmt.Sprintf("%s is linked from %q, the index says %q", target, files, got)
		}
	}
	return ""
}

// The preview keeps every page's links to its end, grouped by page: the
// groups hold exactly the links, in the order the page has them, and a
// link added to one group later never lands in another.
func TestLinksGroupedByPageTakeNoMoreThanTheLinks(t *testing.T) {
	var ls []pendingLink
	for i := range 300 {
		file := fmt.Sprintf("content/p%d.md", i%7)
		ls = append(ls, pendingLink{from: diag.Pos{File: file, Line: i}, target: fmt.Sprintf("/t%d/", i)})
	}
	groups := groupLinks(ls)
	held := 0
	for file, g := range groups {
		held += cap(g)
		for i, l := range g {
			if l.from.File != file || i > 0 && l.from.Line <= g[i-1].from.Line {
				t.Fatalf("%s: link %d is %+v, out of place", file, i, l)
			}
		}
	}
	if held != len(ls) {
		t.Errorf("the groups have room for %d links; there are %d", held, len(ls))
	}
	before := map[string][]pendingLink{}
	for file, g := range groups {
		before[file] = slices.Clone(g)
	}
	grown := append(groups["content/p3.md"], pendingLink{from: diag.Pos{File: "content/p3.md"}, target: "/new/"})
	for file, g := range groups {
		if !slices.Equal(g, before[file]) {
			t.Errorf("adding a link to content/p3.md changed the links of %s", file)
		}
	}
	if len(grown) != len(before["content/p3.md"])+1 {
		t.Error("the link was not added")
	}
}
