package diag

import (
	"regexp"
	"strings"
	"testing"
)

func TestEveryProblemHasARule(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: `the heading "Details" skips from level 1 to level 3`}, "headings"},
		// The editor's own words, quoted, never decide the rule.
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: `the heading "the link text here" skips from level 1 to level 3`}, "headings"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: `the link text "here" does not say where the link goes`}, "link-text"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: "the page reads at about age 14, above the site's target of 9"}, "reading-age"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: "the link to /x/ goes to a page that does not exist"}, "broken-link"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: "date: 1/2/2025 is not written the way dates are written here"}, "dates"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: "the case study has no summary"}, "page-details"},
		{Diagnostic{Pos: Pos{File: "site.yaml"}, Problem: "a tab is used to indent this line"}, "site-settings"},
		{Diagnostic{Pos: Pos{File: "themes/default/templates/page.html"}, Problem: "could not read"}, "theme"},
		{Diagnostic{Pos: Pos{File: "answers.csv"}, Problem: "the file is empty"}, "import"},
		{Diagnostic{Pos: Pos{File: "static/x.png"}, Problem: "could not copy the file"}, "files"},
		{Diagnostic{Pos: Pos{File: "content/a.md"}, Problem: "anything", Rule: "privacy"}, "privacy"},
	}
	for _, c := range cases {
		if got := c.d.RuleName(); got != c.want {
			t.Errorf("%s %q: rule %q, want %q", c.d.File, c.d.Problem, got, c.want)
		}
	}
}

func TestRuleNamesAreShortAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	name := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, r := range Rules {
		if !name.MatchString(r.Name) || seen[r.Name] || r.About == "" {
			t.Errorf("rule %q: names are lower-case words with dashes, each once, with a description", r.Name)
		}
		seen[r.Name] = true
	}
	if _, ok := FindRule("reading-age"); !ok {
		t.Error("reading-age is not found")
	}
	if _, ok := FindRule("nonsense"); ok {
		t.Error("a rule that does not exist is found")
	}
}

func TestGitHubTitleNamesTheRule(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "content/a.md", Line: 8, Col: 9}, "write words", `the link text "here" does not say where the link goes`)
	var b strings.Builder
	WriteGitHub(&b, l)
	want := "::warning file=content/a.md,line=8,col=9,title=coproduce warning [link-text]::the link text \"here\" does not say where the link goes; write words\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}
