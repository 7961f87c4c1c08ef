package render

import (
	"bytes"
	"slices"
	"testing"
)

// What a page reads of the site is recorded as its template runs: the live
// preview renders a page again after a save only when the save changed
// something it read, so a read left out is a page left stale.
func TestReadsAreRecordedAsTheTemplateRuns(t *testing.T) {
	tpl, diags, s := loadTheme(t, map[string]string{
		"page.html": `{{with page "/principles/trust/"}}{{.Title}}{{end}}` +
			`{{if hasPage "/about/"}}about{{end}}` +
			`{{range section "principles"}}{{.Title}}{{end}}` +
			`{{partialCached "partials/footer.html" . .Lang}}`,
		"list.html":            `{{len .Site.Content.Pages}}`,
		"partials/footer.html": `{{with page "/principles/"}}{{.Title}}{{end}}`,
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s.KeepReads = true
	trust := s.Content.Page("/principles/trust/")
	home := s.Content.Page("/")

	// Twice: the second time the footer comes from the cache, and what it
	// read must still be recorded.
	for run := range 2 {
		d := NewPageData(s, trust, "")
		var out bytes.Buffer
		if err := tpl.Execute(&out, d, "page.html"); err != nil {
			t.Fatal(err)
		}
		r := d.Reads()
		for _, want := range []string{"/principles/trust/", "/principles/"} {
			if !slices.Contains(r.Pages, want) {
				t.Errorf("run %d: Pages = %q, want %s among them", run, r.Pages, want)
			}
		}
		if !slices.Contains(r.Titles, "/about/") {
			t.Errorf("run %d: Titles = %q, want /about/ (asked with hasPage, found or not)", run, r.Titles)
		}
		if slices.Contains(r.Pages, "/about/") {
			t.Errorf("run %d: hasPage recorded /about/ as read whole", run)
		}
		// The breadcrumbs read the home page's and the list's titles.
		for _, want := range []string{"/", "/principles/"} {
			if !slices.Contains(r.Titles, want) {
				t.Errorf("run %d: Titles = %q, want %s (a step of the breadcrumbs)", run, r.Titles, want)
			}
		}
		if !slices.Equal(r.Sections, []string{"principles"}) {
			t.Errorf("run %d: Sections = %q, want [principles]", run, r.Sections)
		}
		if r.All {
			t.Errorf("run %d: All set, but the template did not read .Site.Content", run)
		}
	}

	d := NewPageData(s, home, "")
	var out bytes.Buffer
	if err := tpl.Execute(&out, d, "list.html"); err != nil {
		t.Fatal(err)
	}
	if out.String() != "3" {
		t.Errorf(".Site.Content.Pages has %s pages, want 3", out.String())
	}
	if !d.Reads().All {
		t.Error("a template that read .Site.Content did not record reading all of it")
	}
}

// Rebind gives the same parsed templates the functions of new content, as
// the preview does after a save: what they show comes from the new content.
func TestRebindSeesTheNewContent(t *testing.T) {
	tpl, diags, s := loadTheme(t, map[string]string{
		"page.html": `{{with page "/principles/trust/"}}{{.Title}}{{end}}`,
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	render := func(tpl *Templates, s *Site) string {
		var out bytes.Buffer
		if err := tpl.Execute(&out, NewPageData(s, s.Content.Page("/"), ""), "page.html"); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	if got := render(tpl, s); got != "Trust" {
		t.Fatalf("before: %q, want Trust", got)
	}
	next := *s
	next.Content = siteAt(t, "/").Content
	next.Content.Page("/principles/trust/").Title = "Trust, renamed"
	tpl2 := tpl.Rebind(Funcs(&next))
	if got := render(tpl2, &next); got != "Trust, renamed" {
		t.Errorf("after Rebind: %q, want the new content's title", got)
	}
}
