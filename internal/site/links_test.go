package site_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// build builds a site made of files into memory.
func build(files map[string]string, base string, drafts bool) (*site.Result, *publish.Memory) {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	var u *url.URL
	if base != "" {
		u, _ = url.Parse(base)
	}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: fsys, Output: out, BaseURL: u, Drafts: drafts, Workers: 2,
		Now: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})
	return res, out
}

func errorLines(res *site.Result) []string {
	var lines []string
	for _, d := range res.Diags {
		if d.Severity == 0 {
			lines = append(lines, d.Pos.String()+": "+d.Problem)
		}
	}
	return lines
}

var linkSite = map[string]string{
	"content/_index.md":                 "---\ntitle: Home\nsummary: x\n---\nHello.\n",
	"content/principles/equal-voice.md": "---\ntitle: Equal voice\nsummary: x\n---\n## Who speaks\n\n![A panel](panel.png)\n",
	"content/principles/panel.png":      "PNG",
	"content/guides/deep/start.md":      "---\ntitle: Start\nsummary: x\n---\nSee [the principle](../../principles/equal-voice.md#who-speaks), [home](/), [mail](mailto:a@example.org), [top](#top).\n",
}

func with(extra map[string]string) map[string]string {
	files := map[string]string{}
	for k, v := range linkSite {
		files[k] = v
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

func TestMarkdownLinkErrorsArePlacedInTheFile(t *testing.T) {
	cases := []struct {
		name string
		page string // content/about.md; its body starts on line 5
		want string
	}{
		{"missing Markdown file", "Intro.\n\nRead [this](missing.md) now.\n",
			"content/about.md:7:6: the link points to content/missing.md, which does not exist"},
		{"missing page by path", "Go [there](/nowhere/).\n",
			"content/about.md:5:4: the link to /nowhere/ goes to a page that does not exist"},
		{"missing heading", "Read [who](principles/equal-voice.md#who-listens).\n",
			"content/about.md:5:6: the page /principles/equal-voice/ has no heading #who-listens"},
		{"missing image beside the page", "Look:\n\n![A chart](chart.png)\n",
			"content/about.md:7:1: there is no picture called chart.png beside this page (content/chart.png)"},
		{"link to a draft", "Read [the news](news.md).\n",
			"content/about.md:5:6: the link points to content/news.md, which is a draft and is not published"},
		{"javascript link", "[Click](javascript:alert(1))\n",
			"content/about.md:5:1: links starting with javascript: are not allowed"},
		{"empty link", "[Click]()\n",
			"content/about.md:5:1: the link has no address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := build(with(map[string]string{
				"content/about.md": "---\ntitle: About\nsummary: x\n---\n" + tc.page,
				"content/news.md":  "---\ntitle: News\nsummary: x\ndraft: true\n---\n",
			}), "", false)
			got := errorLines(res)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// A broken link or a missing picture says what was probably meant, from
// the pages and pictures in the same folder.
func TestBrokenLinksSayWhatWasMeant(t *testing.T) {
	cases := []struct{ page, want string }{
		{"Read [the principle](/principles/equal-vocie/).\n",
			"content/about.md:5:6: error: the link to /principles/equal-vocie/ goes to a page that does not exist; did you mean /principles/equal-voice/? check the address, or link to a page that exists"},
		{"Read [the principle](principles/equal-vioce.md).\n",
			"content/about.md:5:6: error: the link points to content/principles/equal-vioce.md, which does not exist; did you mean principles/equal-voice.md? Check the file name, or link to a page that exists"},
		{"Read [the principle](equal-vioce.md).\n", ""},
		{"![A panel](principles/pannel.png)\n",
			"content/about.md:5:1: error: there is no picture called pannel.png beside this page (content/principles/pannel.png); did you mean content/principles/panel.png? save the picture in the folder content/principles with that name, or check the spelling of the file name"},
		{"Go [there](/nowhere-at-all/).\n",
			"content/about.md:5:4: error: the link to /nowhere-at-all/ goes to a page that does not exist; check the address, or link to a page that exists"},
	}
	for _, tc := range cases {
		res, _ := build(with(map[string]string{"content/about.md": "---\ntitle: About\nsummary: x\n---\n" + tc.page}), "", false)
		var got []string
		for _, d := range res.Diags {
			if d.Severity == 0 {
				got = append(got, d.String())
			}
		}
		if tc.want == "" {
			if len(got) != 1 || strings.Contains(got[0], "did you mean") {
				t.Errorf("%q: got %q, want one error with no suggestion", tc.page, got)
			}
			continue
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

func TestMarkdownLinksResolveUnderTheBasePath(t *testing.T) {
	res, out := build(with(nil), "https://example.org/co/", false)
	if errs := errorLines(res); len(errs) > 0 {
		t.Fatal(errs)
	}
	page, _ := out.Get("guides/deep/start/index.html")
	for _, want := range []string{
		`<a href="/co/principles/equal-voice/#who-speaks">the principle</a>`,
		`<a href="/co/">home</a>`,
		`<a href="mailto:a@example.org">mail</a>`,
		`<a href="#top">top</a>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("start page lacks %s", want)
		}
	}
	principle, _ := out.Get("principles/equal-voice/index.html")
	if !strings.Contains(string(principle), `src="/co/principles/panel.png"`) {
		t.Error("the image beside the page is not linked under the base path")
	}
	if _, ok := out.Get("principles/panel.png"); !ok {
		t.Error("the image beside the page was not copied")
	}
}

func TestRawHTMLNeverReachesAPage(t *testing.T) {
	res, out := build(with(map[string]string{
		"content/signatories/evil.md": "---\ntitle: Evil <script>alert(1)</script>\nsummary: \"<img src=x onerror=alert(1)>\"\nwebsite: https://example.org/\nsigned: 2024-01-01\npledges: [p]\ncommitments: [\"<script>alert(2)</script>\"]\n---\n<script>alert(3)</script>\n\n<img src=x onerror=alert(4)>\n",
		"content/pledges/p.md":        "---\ntitle: P\nsummary: x\ncommitments: [one]\n---\n",
	}), "", false)
	if errs := errorLines(res); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := out.Get(name)
		// Text may show the words, escaped; what must never appear is a
		// tag the editor wrote: a script with their code, or an event
		// handler attribute.
		for _, at := range tagRE.FindAllStringIndex(string(data), -1) {
			tag := string(data[at[0]:at[1]])
			// JSON-LD carries the title as data, with "<" written \u003c so
			// it cannot close the script; any other script is the theme's.
			if strings.HasPrefix(tag, "<script") && !strings.Contains(tag, "ld+json") && scriptRE.Match(data[at[0]:]) {
				t.Errorf("%s runs the editor's script: %.80s", name, data[at[0]:])
			}
			if unquoted := quotedRE.ReplaceAllString(tag, `""`); strings.Contains(unquoted, "onerror") {
				t.Errorf("%s has the tag %s", name, tag)
			}
		}
	}
	page, _ := out.Get("signatories/evil/index.html")
	if !strings.Contains(string(page), "<p>&lt;script>alert(3)&lt;/script></p>") {
		t.Error("the script in the body is not shown as text")
	}
}

var (
	scriptRE = regexp.MustCompile(`<script[^>]*>[^<]*alert`)
	quotedRE = regexp.MustCompile(`"[^"]*"|'[^']*'`)
)

func TestDraftsOnlyWithDrafts(t *testing.T) {
	files := with(map[string]string{"content/news.md": "---\ntitle: News\nsummary: x\ndraft: true\naliases: [/old-news/]\n---\n"})
	_, out := build(files, "", false)
	for _, f := range []string{"news/index.html", "old-news/index.html"} {
		if _, ok := out.Get(f); ok {
			t.Errorf("%s was written from a draft", f)
		}
	}
	sitemap, _ := out.Get("sitemap.xml")
	if strings.Contains(string(sitemap), "/news/") {
		t.Error("the sitemap lists a draft")
	}
	_, out = build(files, "", true)
	if _, ok := out.Get("news/index.html"); !ok {
		t.Error("--drafts did not write the draft")
	}
}

// With an error in one page's front matter nothing is rendered, but a broken
// link in another page is still reported in the same run, and a link to the
// page with the error is not reported as missing.
func TestEveryProblemInOneRun(t *testing.T) {
	res, _ := build(with(map[string]string{
		"content/broken.md": "---\ntitle: Broken\nsumary: typo\n---\nText.\n",
		"content/nofm.md":   "Just text, no front matter.\n",
		"content/other.md":  "---\ntitle: Other\nsummary: x\n---\nSee [the lost page](lost.md), [the broken one](broken.md) and [this](nofm.md).\n",
	}), "", false)
	got := strings.Join(errorLines(res), "\n")
	for _, want := range []string{
		`content/broken.md:3:1: "sumary" is not a key a page can have`,
		`content/other.md:5:5: the link points to content/lost.md, which does not exist`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "content/broken.md, which does not exist") || strings.Contains(got, "content/nofm.md, which does not exist") {
		t.Errorf("a link to a page with its own errors is reported as missing:\n%s", got)
	}
}

// A logo whose file name has a space is published and shown: the page
// links to it with the space written as %20.
func TestLogoWithASpaceInItsName(t *testing.T) {
	res, out := build(with(map[string]string{
		"content/pledges/two-way.md":             "---\ntitle: Two-way\nsummary: x\ncommitments:\n  - We will listen.\n---\n",
		"content/signatories/riverside.md":       "---\ntitle: Riverside\nsummary: x\nwebsite: https://riverside.example.net/\nsigned: 2024-03-01\npledges: [two-way]\nlogo: Riverside Logo.png\nlogo_alt: Riverside\n---\n",
		"content/signatories/Riverside Logo.png": "PNG",
	}), "", false)
	if errs := errorLines(res); len(errs) > 0 {
		t.Fatal(errs)
	}
	if _, ok := out.Get("signatories/Riverside Logo.png"); !ok {
		t.Error("the logo is not published")
	}
	page, _ := out.Get("signatories/riverside/index.html")
	if !strings.Contains(string(page), "Riverside%20Logo.png") {
		t.Errorf("the page does not show the logo:\n%s", page)
	}
}
