package check

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

func checkPage(t *testing.T, p *content.Page) []string {
	t.Helper()
	_, report, err := markdown.New().ConvertString(string(p.Body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	diags := Page(p, report, Options{})
	diags.Sort()
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// A link whose address would run a program is an error, written as an
// autolink or not, in any capitals and with tabs inside; the advice never
// repeats the address, and no other rule repeats it either.
func TestActiveLinksAreErrorsWithoutTheAddress(t *testing.T) {
	cases := []struct{ body, want string }{
		{"Click <javascript:alert(1)> now.\n",
			"content/p.md:5:8: error: this link starts with javascript:, which could run a program in the reader's browser; delete it, or write the address of a web page, such as <https://example.org/>; links may only start with https://, http://, mailto: or tel:"},
		{"<JavaScript:alert(document.cookie)>\n",
			"content/p.md:5:2: error: this link starts with javascript:, which could run a program in the reader's browser"},
		{"<vbscript:msgbox(1)>\n",
			"content/p.md:5:2: error: this link starts with vbscript:, which could run a program in the reader's browser"},
		{"<data:text/html,x>\n",
			"content/p.md:5:2: error: this link starts with data:, which could run a program in the reader's browser"},
		{"Read [here](javascript:alert(1)).\n", ""}, // the resolver refuses it; nothing here may show the address
		{"A picture: ![](javascript:alert(1))\n", ""},
		{"[](javascript:alert(1))\n", ""},
	}
	for _, tc := range cases {
		got := checkPage(t, &content.Page{File: "content/p.md", BodyLine: 5, Body: []byte(tc.body)})
		for _, g := range got {
			if strings.Contains(strings.ToLower(g), "javascript:alert") || strings.Contains(g, "document.cookie") || strings.Contains(g, "msgbox") {
				t.Errorf("%q: a message repeats the address: %s", tc.body, g)
			}
		}
		if tc.want == "" {
			continue
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], tc.want) {
			t.Errorf("%q:\ngot  %q\nwant %s", tc.body, got, tc.want)
		}
	}
	// Safe addresses keep their usual advice.
	if got := checkPage(t, &content.Page{File: "content/p.md", BodyLine: 5, Body: []byte("<tel:+441234567890> <mailto:a@example.org>\n")}); len(got) != 2 || !strings.Contains(got[0], "warning: the link text is a bare web address") {
		t.Errorf("safe autolinks: %q", got)
	}
}

// A body heading that would take an id the theme gives to a part of the
// same page is an error that suggests other words; the same heading on a
// kind of page without that part is fine.
func TestHeadingsThatTakeATemplateIDAreErrors(t *testing.T) {
	pledge := &content.Page{Kind: content.KindPledge, File: "content/pledges/p.md", BodyLine: 5, Body: []byte("Intro.\n\n## How to sign\n\nText.\n\n## Commitments\n")}
	got := checkPage(t, pledge)
	want := []string{
		`content/pledges/p.md:7:1: error: the heading "How to sign" gets the id how-to-sign, but the theme gives that id to another part of this page; give it words of its own, such as ## More about how to sign, so that links to #how-to-sign go to the right place`,
		`content/pledges/p.md:11:1: error: the heading "Commitments" gets the id commitments, but the theme gives that id to another part of this page; give it words of its own, such as ## More about commitments, so that links to #commitments go to the right place`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, p := range []*content.Page{
		{Kind: content.KindPage, File: "content/about.md", Body: []byte("## Main content\n")},
		{Kind: content.KindList, Section: "signatories", File: "content/signatories/_index.md", Body: []byte("## Search results\n")},
		{Kind: content.KindSignatory, Variant: "easy", File: "content/signatories/b.easy.md", Body: []byte("## Main content\n")},
	} {
		if got := checkPage(t, p); len(got) != 1 || !strings.Contains(got[0], "gets the id") {
			t.Errorf("%s: got %q", p.File, got)
		}
	}
	if got := checkPage(t, &content.Page{Kind: content.KindPage, File: "content/about.md", Body: []byte("## Commitments\n")}); len(got) > 0 {
		t.Errorf("a plain page has no commitments part: %q", got)
	}
}

// The list of theme ids is read again out of the default theme's
// templates, following every template and partial a page of each kind
// uses, so a new id in a template fails this test until it is listed.
func TestThemeIDsMatchTheTemplates(t *testing.T) {
	tpl, err := fs.Sub(defaulttheme.FS, "templates")
	if err != nil {
		t.Fatal(err)
	}
	idRE := regexp.MustCompile(`\bid="([^"{}]+)"`)
	useRE := regexp.MustCompile(`(?:template|partial|partialCached|partialFast) "([^"]+)"`)
	idsOf := func(names ...string) []string {
		seen := map[string]bool{}
		var ids []string
		for len(names) > 0 {
			name := names[0]
			names = names[1:]
			if seen[name] {
				continue
			}
			seen[name] = true
			text, err := fs.ReadFile(tpl, name)
			if err != nil {
				continue // a block name such as "share", defined in its file
			}
			for _, m := range idRE.FindAllStringSubmatch(string(text), -1) {
				if !slices.Contains(ids, m[1]) {
					ids = append(ids, m[1])
				}
			}
			for _, m := range useRE.FindAllStringSubmatch(string(text), -1) {
				names = append(names, m[1])
			}
		}
		sort.Strings(ids)
		return ids
	}
	pages := map[string]*content.Page{
		"home.html":             {Kind: content.KindHome},
		"list.html":             {Kind: content.KindList, Section: "principles"},
		"signatories-list.html": {Kind: content.KindList, Section: "signatories"},
		"principle.html":        {Kind: content.KindPrinciple},
		"value.html":            {Kind: content.KindValue},
		"case-study.html":       {Kind: content.KindCaseStudy},
		"pledge.html":           {Kind: content.KindPledge},
		"signatory.html":        {Kind: content.KindSignatory},
		"page.html":             {Kind: content.KindPage},
		"easy-read.html":        {Kind: content.KindPledge, Variant: "easy"},
		// The filter pages are made by the build and have no body of
		// their own, but show the signatories list's: the same ids.
		"signatories-filter.html": {Kind: content.KindList, Section: "signatories"},
	}
	for file, p := range pages {
		want := idsOf("baseof.html", file)
		got := ThemeIDs(p)
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: ThemeIDs = %v, the templates give %v", file, got, want)
		}
	}
}
