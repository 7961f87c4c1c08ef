package browsertest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// pageKinds are the values of <body data-kind> that the default theme
// writes (shared/content-model.md). The example site has at least one page of
// each, so every page type is under test.
var pageKinds = []string{"home", "list", "principle", "value", "case-study", "pledge", "signatory", "report", "signatories-former", "page", "accessibility", "404"}

// TestEveryPageTypeIsTested proves that the browser tests cover what they
// claim to: every page type exists in the example build, and every page that
// is not an alias redirect says its kind, so no page falls outside the groups.
func TestEveryPageTypeIsTested(t *testing.T) {
	s := rootSite(t)
	count := map[string]int{}
	for _, p := range s.pages {
		switch {
		case p.redirect != "":
			count["(alias redirect)"]++
		case p.kind == "":
			t.Errorf("pages: %s has no <body data-kind=\"...\">, so the browser tests cannot tell its page type", p.file)
		default:
			count[p.kind]++
		}
	}
	for _, k := range pageKinds {
		if count[k] == 0 {
			t.Errorf("pages: the example build has no page with data-kind=%q, so that page type goes untested", k)
		}
	}
	kinds := make([]string, 0, len(count))
	for k := range count {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "\n  %-18s %3d", k, count[k])
	}
	t.Logf("%d HTML files by kind:%s", len(s.pages), b.String())
}
