package render

import (
	"strings"
	"testing"
)

// reachTheme includes templates from every kind of branch, through the
// layout, a block and a template defined inside a partial.
var reachTheme = map[string]string{
	"baseof.html":            `<html>{{template "head" .}}{{template "main" .}}{{template "partials/footer.html" .}}</html>`,
	"partials/footer.html":   `[footer]{{template "partials/deep.html" .}}`,
	"partials/deep.html":     `[deep]{{define "defined-in-deep"}}[defined-in-deep]{{end}}`,
	"partials/if.html":       `[if]`,
	"partials/else.html":     `[else]`,
	"partials/range.html":    `[range]`,
	"partials/empty.html":    `[range-else]`,
	"partials/with.html":     `[with]`,
	"partials/elsewith.html": `[else-with]`,
	"partials/unused.html":   `[unused]`,
	"partials/cached.html":   `[cached]{{template "only-in-a" .}}`,
	"a.html": `{{define "head"}}[head]{{end}}{{define "main"}}` +
		`{{if .}}{{template "partials/if.html"}}{{else}}{{template "partials/else.html"}}{{end}}` +
		`{{if not .}}{{template "partials/if.html"}}{{else}}{{template "partials/else.html"}}{{end}}` +
		`{{range 1}}{{template "partials/range.html"}}{{else}}{{template "partials/empty.html"}}{{end}}` +
		`{{range 0}}{{template "partials/range.html"}}{{else}}{{template "partials/empty.html"}}{{end}}` +
		`{{with false}}{{template "partials/with.html"}}{{else with true}}{{template "partials/elsewith.html"}}{{end}}` +
		`{{with true}}{{template "partials/with.html"}}{{end}}` +
		`{{block "own-block" .}}[block]{{template "defined-in-deep"}}{{end}}` +
		`{{partialCached "partials/cached.html" .}}{{end}}` +
		`{{define "only-in-a"}}[only-in-a]{{end}}`,
	"b.html": `[b]{{template "partials/if.html"}}`,
}

// A page runs every template it includes, from any branch, however deep,
// and a partial rendered by name as the page runs sees every template of
// the theme as it always did, though each page's set keeps only what the
// page can run.
func TestEveryIncludedTemplateRuns(t *testing.T) {
	tpl, diags, s := loadTheme(t, reachTheme)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, NewPageData(s, s.Content.Home(), ""), "a.html"); err != nil {
		t.Fatal(err)
	}
	want := "<html>[head][if][else][range][range-else][else-with][with][block][defined-in-deep][cached][only-in-a][footer][deep]</html>"
	if b.String() != want {
		t.Errorf("a.html gave\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := tpl.Execute(&b, NewPageData(s, s.Content.Home(), ""), "b.html"); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[b][if]" {
		t.Errorf("b.html gave %q", b.String())
	}
}

// Each executor copies the set of every page it runs; the copy holds the
// templates that page can run and no others, so a theme's partials are not
// copied once for every kind of page.
func TestAPagesSetHoldsOnlyWhatItRuns(t *testing.T) {
	tpl, diags, _ := loadTheme(t, reachTheme)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	names := func(page string) []string {
		var out []string
		for _, t := range tpl.masters[page].Templates() {
			if t.Tree != nil {
				out = append(out, t.Name())
			}
		}
		return out
	}
	for page, runs := range map[string]int{"a.html": 0, "b.html": 2} {
		got := names(page)
		for _, n := range got {
			if n == "partials/unused.html" || (page == "b.html" && n != "b.html" && n != "partials/if.html") {
				t.Errorf("%s's set holds %s, which it never runs (it holds %v)", page, n, got)
			}
		}
		if runs > 0 && len(got) != runs {
			t.Errorf("%s's set holds %v", page, got)
		}
	}
}
