package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/theme"
)

func siteAt(t *testing.T, base string) *Site {
	t.Helper()
	cfg := config.Default()
	u, err := config.ParseBaseURL(base)
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL = u
	pages, diags := content.Load(fstest.MapFS{
		"_index.md":            {Data: []byte("---\ntitle: Home page\nsummary: x\n---\n")},
		"principles/_index.md": {Data: []byte("---\ntitle: Principles\nsummary: x\n---\n")},
		"principles/trust.md":  {Data: []byte("---\ntitle: Trust\nsummary: x\n---\n")},
	}, content.Options{Dir: "content"})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return &Site{Config: cfg, Content: pages, Assets: map[string]string{"style.css": "/style.1234abcd.css"}, Now: time.Now()}
}

func TestURLsCarryTheBasePath(t *testing.T) {
	for _, tc := range []struct{ base, rel, abs, asset string }{
		{"https://example.org/", "/principles/", "https://example.org/principles/", "/style.1234abcd.css"},
		{"https://example.org/co/", "/co/principles/", "https://example.org/co/principles/", "/co/style.1234abcd.css"},
		{"/co/", "/co/principles/", "/co/principles/", "/co/style.1234abcd.css"},
	} {
		s := siteAt(t, tc.base)
		if got := s.RelURL("/principles/"); got != tc.rel {
			t.Errorf("%s: RelURL = %s, want %s", tc.base, got, tc.rel)
		}
		if got := s.AbsURL("/principles/"); got != tc.abs {
			t.Errorf("%s: AbsURL = %s, want %s", tc.base, got, tc.abs)
		}
		if got := s.Asset("style.css"); got != tc.asset {
			t.Errorf("%s: Asset = %s, want %s", tc.base, got, tc.asset)
		}
		for _, keep := range []string{"", "#top", "https://other.example/", "mailto:a@example.org"} {
			if got := s.RelURL(keep); got != keep {
				t.Errorf("RelURL(%q) = %q", keep, got)
			}
		}
	}
}

func TestPageDataTitleAndCrumbs(t *testing.T) {
	s := siteAt(t, "/co/")
	s.Config.Title = "Site"
	trust := NewPageData(s, s.Content.Page("/principles/trust/"), "")
	if trust.Title != "Trust – Site" || trust.Lang != "en-GB" {
		t.Errorf("title %q lang %q", trust.Title, trust.Lang)
	}
	var crumbs []string
	for _, c := range trust.Crumbs {
		crumbs = append(crumbs, c.Title+"="+c.URL)
	}
	if strings.Join(crumbs, ", ") != "Home page=/, Principles=/principles/" {
		t.Errorf("crumbs = %v", crumbs)
	}
	home := NewPageData(s, s.Content.Home(), "")
	if home.Title != "Site" || len(home.Crumbs) != 0 {
		t.Errorf("home title %q crumbs %v", home.Title, home.Crumbs)
	}
	if HumanDate(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)) != "1 March 2024" || HumanDate(time.Time{}) != "" {
		t.Error("HumanDate")
	}
}

func TestTemplateErrorsArePlaced(t *testing.T) {
	site := fstest.MapFS{
		"themes/t/templates/baseof.html":    {Data: []byte("<main>{{block \"main\" .}}{{end}}</main>")},
		"themes/t/templates/page.html":      {Data: []byte("{{define \"main\"}}\n<p>{{.Page.Title}</p>\n{{end}}")},
		"themes/t/templates/principle.html": {Data: []byte("{{define \"main\"}}{{relURL .Page.URL}}{{end}}")},
		"themes/t/static/.keep":             {Data: nil},
	}
	th, err := theme.Open(site, "t")
	if err != nil {
		t.Fatal(err)
	}
	s := siteAt(t, "/")
	tpl, diags := Load(th, Funcs(s))
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), "themes/t/templates/page.html:2:") {
		t.Fatalf("got %v, want one problem on line 2 of page.html", diags)
	}
	var b strings.Builder
	data := NewPageData(s, s.Content.Page("/principles/trust/"), "")
	if err := tpl.Execute(&b, data, "principle.html", "page.html"); err != nil {
		t.Fatal(err)
	}
	if b.String() != "<main>/principles/trust/</main>" {
		t.Errorf("got %q", b.String())
	}
	if err := tpl.Execute(&b, data, "nothing.html"); err == nil {
		t.Error("a missing template gave no error")
	}
}

// Full addresses, which feeds and sitemaps carry unescaped, are
// percent-encoded.
func TestAbsURLEncodesTheAddress(t *testing.T) {
	s := siteAt(t, "https://example.org/")
	for in, want := range map[string]string{
		"/my page/":          "https://example.org/my%20page/",
		"/caf\u00e9/#top":    "https://example.org/caf%C3%A9/#top",
		"/principles/trust/": "https://example.org/principles/trust/",
	} {
		if got := s.AbsURL(in); got != want {
			t.Errorf("AbsURL(%q) = %q, want %q", in, got, want)
		}
	}
}
