package render

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/theme"
)

// loadTheme parses a theme "t" made of files, with the theme's partials.
func loadTheme(t *testing.T, files map[string]string) (*Templates, diag.List, *Site) {
	t.Helper()
	fsys := fstest.MapFS{"themes/t/static/.keep": {}}
	for name, src := range files {
		fsys["themes/t/templates/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	th, err := theme.Open(fsys, "t")
	if err != nil {
		t.Fatal(err)
	}
	s := siteAt(t, "/")
	tpl, diags := Load(th, Funcs(s))
	return tpl, diags, s
}

// A partial that includes itself through partialCached, directly, through
// another partial, or with data that differs at every level so no cached
// copy stops it, ends in an error at the call, never in a stack overflow
// that stops the program.
func TestPartialCachedRecursionStops(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"itself": {map[string]string{
			"page.html":       `{{partialCached "partials/r.html" .}}`,
			"partials/r.html": "<p>\n {{partialCached \"partials/r.html\" .}}</p>",
		}, "themes/t/templates/partials/r.html:2:4"},
		"through another": {map[string]string{
			"page.html":       `{{partialCached "partials/a.html" .}}`,
			"partials/a.html": `{{partialCached "partials/b.html" .}}`,
			"partials/b.html": "\n\n{{with .}}{{partialCached \"partials/a.html\" .}}{{end}}",
		}, "themes/t/templates/partials/b.html:3:"},
		"new data each time": {map[string]string{
			"page.html":       `{{partialCached "partials/r.html" . "x"}}`,
			"partials/r.html": `{{partialCached "partials/r.html" (dict "Up" .) (dict "Up" .)}}`,
		}, "themes/t/templates/partials/r.html:1:"},
		"name worked out": {map[string]string{
			"page.html":       `{{partialCached (print "partials/" "r.html") .}}`,
			"partials/r.html": `{{partialCached (print "partials/" "r.html") .}}`,
		}, "themes/t/templates/partials/r.html:1:"},
	} {
		t.Run(name, func(t *testing.T) {
			tpl, diags, s := loadTheme(t, tc.files)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			var b strings.Builder
			err := tpl.Execute(&b, NewPageData(s, s.Content.Home(), ""), "page.html")
			f := AsFault(err)
			if f == nil {
				t.Fatalf("got %v, want a template fault", err)
			}
			if !strings.HasPrefix(f.Pos.String(), tc.want) || !strings.Contains(f.Problem, fmt.Sprint(MaxPartialDepth, " levels deep")) {
				t.Errorf("got %s: %s; want it at %s, saying how deep", f.Pos, f.Problem, tc.want)
			}
		})
	}
}

// Recursion that ends is still allowed: a partial may include itself
// while its data says to go on.
func TestPartialCachedRecursionThatEnds(t *testing.T) {
	tpl, diags, s := loadTheme(t, map[string]string{
		"page.html":       `{{partialCached "partials/r.html" (slice "abc" 0) "abc"}}`,
		"partials/r.html": `{{.}};{{if .}}{{partialCached "partials/r.html" (slice . 1) (slice . 1)}}{{end}}`,
	})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, NewPageData(s, s.Content.Home(), ""), "page.html"); err != nil {
		t.Fatal(err)
	}
	if b.String() != "abc;bc;c;;" {
		t.Errorf("got %q", b.String())
	}
}

// {{template}} names are fixed, so a loop of them is refused when the
// theme is read, at the include that closes the loop.
func TestTemplateIncludeLoopRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"itself": {map[string]string{
			"page.html":       `{{template "partials/r.html" .}}`,
			"partials/r.html": "x\n {{if .}}{{template \"partials/r.html\" .}}{{end}}",
		}, "themes/t/templates/partials/r.html:2:21: error: the template includes itself (partials/r.html → partials/r.html)"},
		"through a define": {map[string]string{
			"page.html":       `{{define "main"}}{{template "partials/a.html" .}}{{end}}`,
			"baseof.html":     `{{block "main" .}}{{end}}`,
			"partials/a.html": `{{range .}}{{template "main" .}}{{end}}`,
		}, "themes/t/templates/partials/a.html:1:23: error: the template includes itself (main → partials/a.html → main)"},
	} {
		t.Run(name, func(t *testing.T) {
			_, diags, _ := loadTheme(t, tc.files)
			if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), tc.want) {
				t.Errorf("got %v, want one problem starting %q", diags, tc.want)
			}
		})
	}
}

// A mistake that shows only when a template runs is placed in the
// template, at the action, wherever it is included from.
func TestExecutionFaultPlacedInTheTemplate(t *testing.T) {
	for name, page := range map[string]string{
		"template":      `{{template "partials/footer.html" .}}`,
		"partialCached": `{{partialCached "partials/footer.html" .}}`,
		"both":          `{{partialCached "partials/outer.html" .}}`,
	} {
		t.Run(name, func(t *testing.T) {
			tpl, diags, s := loadTheme(t, map[string]string{
				"page.html":            page,
				"partials/outer.html":  `{{template "partials/footer.html" .}}`,
				"partials/footer.html": "<footer>\n  <p>{{.Page.Titel}}</p>\n</footer>",
			})
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			err := tpl.Execute(&strings.Builder{}, NewPageData(s, s.Content.Home(), ""), "page.html")
			f := AsFault(err)
			if f == nil {
				t.Fatalf("got %v, want a template fault", err)
			}
			if f.Pos.String() != "themes/t/templates/partials/footer.html:2:13" || !strings.Contains(f.Problem, "{{.Page.Titel}}") || !strings.Contains(f.Problem, "Titel") {
				t.Errorf("got %s: %s", f.Pos, f.Problem)
			}
		})
	}
}

// One mistake met by many pages is one message, the same whatever order
// the pages came in.
func TestFaultsReportedOnce(t *testing.T) {
	fault := &Fault{Pos: diag.Pos{File: "templates/page.html", Line: 3, Col: 7}, Problem: "the template could not run {{.X}}"}
	var got []string
	for _, order := range [][]int{{0, 1, 2}, {2, 0, 1}} {
		var fs Faults
		for _, i := range order {
			for range 30 {
				fs.Add(fmt.Sprintf("content/p%d.md", i), fmt.Errorf("wrapped: %w", fault))
			}
		}
		if fs.Add("content/x.md", fmt.Errorf("not a template's fault")) {
			t.Error("an error that is no template fault was taken")
		}
		diags := fs.Diags()
		if len(diags) != 1 {
			t.Fatalf("got %v, want one message", diags)
		}
		got = append(got, diags[0].String())
		fs.Add("content/late.md", fault)
		if again := fs.Diags(); len(again) != 0 {
			t.Errorf("a fault already reported was reported again: %v", again)
		}
	}
	want := "templates/page.html:3:7: error: the template could not run {{.X}}, so 90 pages, such as content/p0.md could not be made"
	if !strings.HasPrefix(got[0], want) || got[0] != got[1] {
		t.Errorf("got %q and %q, want both to start %q", got[0], got[1], want)
	}
}
