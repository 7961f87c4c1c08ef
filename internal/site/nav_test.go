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

// The navigation is rendered once per language and section and shared by
// the pages that have those in common, so it must still tell each page
// where it is: "page" on a section's own list page, "true" on the pages in
// it, nothing elsewhere, and links in the page's own language.
func TestNavigationMarksWhereEachPageIs(t *testing.T) {
	res, out := build(map[string]string{
		"site.yaml":                       "title: Test\nlanguages: [\"en-GB\", \"cy\"]\n",
		"content/_index.md":               "---\ntitle: Home\nsummary: Hi.\n---\nHello.\n",
		"content/_index.cy.md":            "---\ntitle: Hafan\nsummary: Hi.\n---\nHelo.\n",
		"content/principles/_index.md":    "---\ntitle: Principles\nsummary: All.\n---\n",
		"content/principles/_index.cy.md": "---\ntitle: Egwyddorion\nsummary: All.\n---\n",
		"content/principles/trust.md":     "---\ntitle: Trust\nsummary: Trust.\n---\nTrust takes time.\n",
		"content/principles/trust.cy.md":  "---\ntitle: Ymddiriedaeth\nsummary: Trust.\n---\nMae'n cymryd amser.\n",
		"content/principles/voice.md":     "---\ntitle: Voice\nsummary: Voice.\n---\nWe all speak.\n",
		"content/charter/_index.md":       "---\ntitle: Charter\nsummary: All.\n---\n",
		"content/charter/respect.md":      "---\ntitle: Respect\nsummary: Respect.\n---\nWe listen.\n",
	}, "", false)
	if lines := errorLines(res); len(lines) > 0 {
		t.Fatalf("the site has errors: %q", lines)
	}
	nav := func(file string) string {
		page := get(t, out, file)
		start, end := strings.Index(page, `<nav class="site-nav"`), strings.Index(page, "</nav>")
		if start < 0 || end < start {
			t.Fatalf("%s has no site navigation", file)
		}
		return page[start:end]
	}
	for _, tc := range []struct {
		file, principles, charter, link string
	}{
		{"index.html", "", "", `href="/principles/"`},
		{"principles/index.html", `aria-current="page"`, "", `href="/principles/"`},
		{"principles/trust/index.html", `aria-current="true"`, "", `href="/principles/"`},
		{"principles/voice/index.html", `aria-current="true"`, "", `href="/principles/"`},
		{"charter/respect/index.html", "", `aria-current="true"`, `href="/principles/"`},
		{"charter/index.html", "", `aria-current="page"`, `href="/principles/"`},
		{"cy/principles/index.html", `aria-current="page"`, "", `href="/cy/principles/"`},
		{"cy/principles/trust/index.html", `aria-current="true"`, "", `href="/cy/principles/"`},
		{"cy/index.html", "", "", `href="/cy/principles/"`},
	} {
		n := nav(tc.file)
		if !strings.Contains(n, tc.link) {
			t.Errorf("%s: the navigation does not link to the principles in the page's language (%s):\n%s", tc.file, tc.link, n)
		}
		for section, want := range map[string]string{"principles": tc.principles, "charter": tc.charter} {
			item := n[strings.Index(n, "/"+section+"/"):]
			item = item[:strings.Index(item, "</a>")]
			got := ""
			if i := strings.Index(item, "aria-current="); i >= 0 {
				got = item[i : i+len(`aria-current="page"`)]
				got = strings.TrimSuffix(got, ">")
				got = got[:strings.LastIndex(got, `"`)+1]
			}
			if got != want {
				t.Errorf("%s: the %s link has %q, want %q", tc.file, section, got, want)
			}
		}
	}
}
