package site_test

import (
	"strings"
	"testing"
)

// A site that has only some sections must not link to the others: the
// theme's navigation shows a section only when its list page exists.
func TestNavigationLinksOnlyToSectionsThatExist(t *testing.T) {
	res, out := build(map[string]string{
		"content/_index.md":            "---\ntitle: Home\nsummary: Hi.\n---\nHello.\n",
		"content/principles/_index.md": "---\ntitle: Principles\nsummary: All.\n---\n",
		"content/principles/trust.md":  "---\ntitle: Trust\nsummary: Trust.\n---\nTrust takes time.\n",
	}, "", false)
	if lines := errorLines(res); len(lines) > 0 {
		t.Fatalf("the site has errors: %q", lines)
	}
	if problems, _ := brokenLinks(out, "https://example.org/"); len(problems) > 0 {
		t.Errorf("broken links:\n%s", strings.Join(problems, "\n"))
	}
	home := get(t, out, "index.html")
	if !strings.Contains(home, `href="/principles/"`) {
		t.Errorf("the navigation lost the section that exists")
	}
	for _, missing := range []string{"/charter/", "/case-studies/", "/pledges/", "/signatories/"} {
		if strings.Contains(home, `href="`+missing+`"`) {
			t.Errorf("the home page links to %s, which the site does not have", missing)
		}
	}
}
