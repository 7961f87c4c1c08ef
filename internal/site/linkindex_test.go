package site

import (
	"fmt"
	"slices"
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
