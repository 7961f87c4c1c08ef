package theme

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

func TestSiteTemplatesOverrideTheTheme(t *testing.T) {
	site := fstest.MapFS{
		"templates/page.html":       {Data: []byte("mine")},
		"templates/partials/x.html": {Data: []byte("extra")},
	}
	th, err := Open(site, "default")
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := fs.ReadFile(th.Templates, "page.html"); string(data) != "mine" {
		t.Errorf("page.html = %q, want the site's own", data)
	}
	if _, err := fs.ReadFile(th.Templates, "baseof.html"); err != nil {
		t.Errorf("the theme's baseof.html is hidden: %v", err)
	}
	names, err := Files(th)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"baseof.html", "page.html", "partials/x.html"} {
		if !slices.Contains(names, want) {
			t.Errorf("Files lacks %s: %v", want, names)
		}
	}
	if got := th.Source("page.html"); got != "templates/page.html" {
		t.Errorf("Source(page.html) = %s", got)
	}
	if got := th.Source("baseof.html"); got != "themes/default/templates/baseof.html" {
		t.Errorf("Source(baseof.html) = %s", got)
	}
	if _, err := fs.Stat(th.Static, "style.css"); err != nil {
		t.Errorf("the default theme has no style.css: %v", err)
	}
}

func TestSiteThemeFolder(t *testing.T) {
	site := fstest.MapFS{
		"themes/plain/templates/baseof.html": {Data: []byte("plain")},
		"themes/plain/static/a.css":          {Data: []byte("a{}")},
	}
	th, err := Open(site, "plain")
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := fs.ReadFile(th.Templates, "baseof.html"); string(data) != "plain" {
		t.Errorf("baseof.html = %q", data)
	}
	if names, _ := Files(th); !slices.Equal(names, []string{"baseof.html"}) {
		t.Errorf("files = %v, want only the site theme's", names)
	}
	if _, err := Open(site, "missing"); err == nil || err.Error() != "there is no theme called missing" {
		t.Errorf("missing theme: %v", err)
	}
}
