package check

import (
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// everyPageIDs are the ids the default theme puts on every page: the
// "skip to content" link goes to #main-content, and the quick exit's hint
// about the Shift key is #quick-exit-hint.
var everyPageIDs = []string{"main-content", "quick-exit-hint"}

// themeIDs are the ids the default theme's templates put on a page of
// each kind, around the body. TestThemeIDsMatchTheTemplates reads them out
// of the templates, so this list cannot fall behind them.
var themeIDs = map[content.Kind][]string{
	content.KindHome:      {"principles-heading", "pledges-heading"},
	content.KindList:      {"list-heading"},
	content.KindPrinciple: {"case-studies-heading"},
	content.KindPledge:    {"commitments", "levels", "changes", "signatories", "how-to-sign"},
	content.KindSignatory: {"status", "status-heading", "pledges-signed", "own-commitments", "history", "reports", "link-heading", "link-snippet"},
	content.KindReport:    {"progress"},
}

// signatoryListIDs are the ids of the signatory directory, which the
// signatories section's list page shows instead of the usual list.
var signatoryListIDs = []string{"directory-search", "directory-results", "results-heading", "search-name", "search-results"}

// ThemeIDs lists the ids the default theme gives to parts of page p
// outside its body. A heading in the body with one of these ids would
// make two elements with one id: a link to #commitments, the "skip to
// content" link or a screen reader's name for a part of the page could
// then reach the editor's heading instead of the theme's.
func ThemeIDs(p *content.Page) []string {
	ids := slices.Clone(everyPageIDs)
	if p.Variant == "easy" {
		return ids // easy-read.html adds none of its own
	}
	if p.Kind == content.KindList && p.Section == "signatories" {
		return append(ids, signatoryListIDs...)
	}
	return append(ids, themeIDs[p.Kind]...)
}

// checkThemeIDs reports a body heading whose id the theme already uses on
// the page. It is an error rather than a quiet change of the heading's id
// (how-to-sign-1): the editor's own links to #how-to-sign would then go to
// the theme's heading without a word, and the fix, a heading in words of
// its own, is one the editor can see and choose.
func checkThemeIDs(p *content.Page, hs []markdown.Heading, at func(markdown.Pos) diag.Pos, diags *messages) {
	var reserved []string
	for _, h := range hs {
		if reserved == nil {
			reserved = ThemeIDs(p)
		}
		if !slices.Contains(reserved, h.ID) {
			continue
		}
		h.Pos.Col = 1
		diags.Errorf(at(h.Pos), fmt.Sprintf("give it words of its own, such as ## More about %s, so that links to #%s go to the right place", lowerFirst(h.Text), h.ID),
			"the heading %q gets the id %s, but the theme gives that id to another part of this page", h.Text, h.ID)
	}
}

// lowerFirst lowers the first letter of s unless the word is in capitals
// (an acronym such as NHS).
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[size:])
	if !unicode.IsUpper(r) || unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}
