package site_test

import (
	"bytes"
	"cmp"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// exampleSite is the repository's own example site, the tool's demo.
// COPRODUCE_EXAMPLE names another site folder to run the same checks on.
var exampleSite = os.DirFS(cmp.Or(os.Getenv("COPRODUCE_EXAMPLE"), "../.."))

func buildExample(t *testing.T, base *url.URL, drafts bool) (*site.Result, *publish.Memory) {
	t.Helper()
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: exampleSite, Output: out, BaseURL: base, Drafts: drafts,
		Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	for _, d := range res.Diags {
		if d.Severity == 0 {
			t.Errorf("%s", d)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return res, out
}

// expectedFile is where a content file must be published, worked out from
// the content model rather than from the loader, so a loader bug shows.
func expectedFile(name string) string {
	dir, base := path.Split(strings.TrimSuffix(name, ".md"))
	dir = strings.TrimSuffix(dir, "/")
	prefix, suffix := "", ""
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		switch tag := base[i+1:]; {
		case tag == "easy":
			suffix = "easy-read/"
		default:
			prefix = tag + "/"
		}
		base = base[:i]
	}
	urlPath := path.Join(dir, base) + "/"
	if base == "_index" {
		urlPath = dir + "/"
		if dir == "" {
			urlPath = ""
		}
	}
	return prefix + urlPath + suffix + "index.html"
}

func contentFiles(t *testing.T) (pages, drafts, assets []string) {
	t.Helper()
	err := fs.WalkDir(exampleSite, "content", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(name, "content/")
		if !strings.HasSuffix(name, ".md") {
			assets = append(assets, rel)
			return nil
		}
		data, err := fs.ReadFile(exampleSite, name)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte("\ndraft: true")) {
			drafts = append(drafts, rel)
		} else {
			pages = append(pages, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("found only %d example pages; is the test running in internal/site?", len(pages))
	}
	return pages, drafts, assets
}

func TestExampleSite(t *testing.T) {
	for _, tc := range []struct {
		name, base string
	}{
		{"base URL from site.yaml", ""},
		{"sub-path base URL", "https://example.org/coproduction/"},
		{"bare path base URL", "/co-op/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var base *url.URL
			if tc.base != "" {
				var err error
				if base, err = config.ParseBaseURL(tc.base); err != nil {
					t.Fatal(err)
				}
			}
			res, out := buildExample(t, base, false)
			pages, drafts, assets := contentFiles(t)
			for _, p := range pages {
				if _, ok := out.Get(expectedFile(p)); !ok {
					t.Errorf("content/%s was not published at %s", p, expectedFile(p))
				}
			}
			for _, p := range drafts {
				if _, ok := out.Get(expectedFile(p)); ok {
					t.Errorf("the draft content/%s was published without --drafts", p)
				}
			}
			for _, a := range assets {
				if _, ok := out.Get(a); !ok {
					t.Errorf("content/%s was not copied", a)
				}
			}
			for _, f := range []string{"404.html", "sitemap.xml", "robots.txt", "feed.xml", "accessibility/index.html"} {
				if _, ok := out.Get(f); !ok {
					t.Errorf("%s was not written", f)
				}
			}
			problems, checked := brokenLinks(out, res.Config.BaseURL.String())
			for _, p := range problems {
				t.Error(p)
			}
			absProblems, absChecked := absoluteLinks(out, res.Config.BaseURL.String())
			for _, p := range absProblems {
				t.Error(p)
			}
			if absChecked < len(pages) {
				t.Errorf("sitemap and feed hold only %d addresses", absChecked)
			}
			if checked < 500 {
				t.Errorf("checked only %d links; is the link finder still reading the HTML?", checked)
			}
			t.Logf("%d pages, %d files, %d internal links and sources checked", len(res.Site.Pages), len(out.Names()), checked)

			if tc.base != "" {
				robots, _ := out.Get("robots.txt")
				if want := "Sitemap: " + absolute(res.Config.BaseURL, "sitemap.xml"); !strings.Contains(string(robots), want) {
					t.Errorf("robots.txt = %q, want %q", robots, want)
				}
				sitemap, _ := out.Get("sitemap.xml")
				if want := "<loc>" + absolute(res.Config.BaseURL, "principles/relationships/") + "</loc>"; !strings.Contains(string(sitemap), want) {
					t.Errorf("sitemap.xml does not list %s", want)
				}
			}
		})
	}
}

func absolute(base *url.URL, p string) string {
	if base.Host == "" {
		return base.Path + p
	}
	return base.Scheme + "://" + base.Host + base.Path + p
}

func TestExampleSiteWithDrafts(t *testing.T) {
	_, out := buildExample(t, nil, true)
	_, drafts, _ := contentFiles(t)
	if len(drafts) == 0 {
		t.Skip("the example site has no drafts")
	}
	for _, p := range drafts {
		if _, ok := out.Get(expectedFile(p)); !ok {
			t.Errorf("--drafts left out content/%s", p)
		}
	}
}

func TestExampleSiteIsReproducible(t *testing.T) {
	_, a := buildExample(t, nil, false)
	out := publish.NewMemory()
	site.Build(site.Options{Source: exampleSite, Output: out, Workers: 1, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if strings.Join(a.Names(), "\n") != strings.Join(out.Names(), "\n") {
		t.Fatal("two builds wrote different files")
	}
	for _, n := range a.Names() {
		x, _ := a.Get(n)
		y, _ := out.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between a build on every core and a build on one", n)
		}
	}
}
