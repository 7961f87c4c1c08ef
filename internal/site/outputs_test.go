package site_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	. "github.com/coproduce/coproduce/internal/site"
)

// collision is one way two sources can ask for the same output file.
type collision struct {
	name  string
	files map[string]string // added to the kinds site
	want  string            // the one error, as printed
}

// aliasPage is a page of the kinds site with one alias, on line 4.
func aliasPage(alias string) string {
	return "---\ntitle: Old things\nsummary: A page with an old address.\naliases: [\"" + alias + "\"]\n---\nText.\n"
}

var collisions = []collision{
	{"alias on the home page", map[string]string{"content/signatories/moved.md": "---\ntitle: Moved\nsummary: A signatory.\naliases: [/index.html]\nwebsite: https://moved.example/\nsigned: 2024-01-01\npledges: [two-way]\n---\n"},
		"content/signatories/moved.md:4:11: error: the alias /index.html in content/signatories/moved.md:4 would replace the page content/_index.md at /index.html"},
	{"alias on the feed", map[string]string{"content/old-feed.md": aliasPage("/feed.xml")},
		"content/old-feed.md:4:11: error: the alias /feed.xml in content/old-feed.md:4 would replace the news feed at /feed.xml"},
	{"alias on robots.txt", map[string]string{"content/old-robots.md": aliasPage("/robots.txt")},
		"content/old-robots.md:4:11: error: the alias /robots.txt in content/old-robots.md:4 would replace robots.txt at /robots.txt"},
	{"alias on the 404 page", map[string]string{"content/old-404.md": aliasPage("/404.html")},
		"content/old-404.md:4:11: error: the alias /404.html in content/old-404.md:4 would replace the page for addresses that do not exist at /404.html"},
	{"alias on a filter page", map[string]string{"content/old-filter.md": aliasPage("/signatories/size/medium/")},
		"content/old-filter.md:4:11: error: the alias /signatories/size/medium/ in content/old-filter.md:4 would replace the signatory directory at /signatories/size/medium/index.html"},
	{"alias on the search index", map[string]string{"content/old-index.md": aliasPage("/signatories/index.json")},
		"content/old-index.md:4:11: error: the alias /signatories/index.json in content/old-index.md:4 would replace the signatories' open data at /signatories/index.json"},
	{"alias on a badge", map[string]string{"content/old-badge.md": aliasPage("/signatories/kite/badge.svg")},
		"content/old-badge.md:4:11: error: the alias /signatories/kite/badge.svg in content/old-badge.md:4 would replace the signatory badges at /signatories/kite/badge.svg"},
	{"alias on the favicon", map[string]string{"content/old-icon.md": aliasPage("/favicon.svg")},
		"content/old-icon.md:4:11: error: the alias /favicon.svg in content/old-icon.md:4 would replace the theme's file favicon.svg at /favicon.svg"},
	{"content file on robots.txt", map[string]string{"content/robots.txt": "User-agent: *\nDisallow: /\n"},
		"content/robots.txt:1:1: error: the file content/robots.txt would replace robots.txt at /robots.txt"},
	{"content file on _headers", map[string]string{"content/_headers": "/*\n  X-Frame-Options: ALLOW\n"},
		"content/_headers:1:1: error: the file content/_headers would replace _headers at /_headers"},
	{"content file on the search index", map[string]string{"content/signatories/index.json": "[]"},
		"content/signatories/index.json:1:1: error: the file content/signatories/index.json would replace the signatories' open data at /signatories/index.json"},
	{"content file on a badge", map[string]string{"content/signatories/kite/badge.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
		"content/signatories/kite/badge.svg:1:1: error: the file content/signatories/kite/badge.svg would replace the signatory badges at /signatories/kite/badge.svg"},
	{"static file on the feed", map[string]string{"static/feed.xml": "<feed/>"},
		"static/feed.xml:1:1: error: the file static/feed.xml would replace the news feed at /feed.xml"},
	{"static file on a page", map[string]string{"static/about/index.html": "<p>Hijacked</p>"},
		"static/about/index.html:1:1: error: the file static/about/index.html would replace the page content/about.md at /about/index.html"},
	{"static file on a page, in other letters", map[string]string{"static/About/Index.html": "<p>Hijacked</p>"},
		"static/About/Index.html:1:1: error: the file static/About/Index.html would replace the page content/about.md at /about/index.html"},
	{"static file on a content file", map[string]string{"static/principles/panel.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
		"content/principles/panel.svg:1:1: error: the file content/principles/panel.svg would replace the file static/principles/panel.svg at /principles/panel.svg"},
	{"alias on a static file", map[string]string{"static/google1234.html": "google-site-verification: google1234.html", "content/old-verify.md": aliasPage("/google1234.html")},
		"content/old-verify.md:4:11: error: the alias /google1234.html in content/old-verify.md:4 would replace the file static/google1234.html at /google1234.html"},
	{"alias on another page", map[string]string{"content/team.md": "---\ntitle: Team\nsummary: x\naliases:\n  - /old-team/\n  - /about/\n---\n"},
		"content/team.md:6:5: error: the alias /about/ in content/team.md:6 would replace the page content/about.md at /about/index.html"},
	{"one alias on two pages", map[string]string{"content/a.md": aliasPage("/old/"), "content/b.md": aliasPage("/old")},
		"content/b.md:4:11: error: the alias /old/ in content/b.md:4 would replace the alias /old/ in content/a.md:4 at /old/index.html"},
	{"static file where a section needs a folder", map[string]string{"static/signatories": "hi"},
		"content/signatories/brightwater.svg:1:1: error: the file static/signatories would be written at /signatories, which must be a folder to hold /signatories/brightwater.svg (from the file content/signatories/brightwater.svg)"},
	{"page where a static file needs a folder", map[string]string{"static/index.html/notes.txt": "x"},
		"static/index.html/notes.txt:1:1: error: the page content/_index.md would be written at /index.html, which must be a folder to hold /index.html/notes.txt (from the file static/index.html/notes.txt)"},
	{"alias under a badge", map[string]string{"content/old-deep.md": aliasPage("/signatories/kite/badge.svg/old/")},
		"content/old-deep.md:4:11: error: the signatory badges would be written at /signatories/kite/badge.svg, which must be a folder to hold /signatories/kite/badge.svg/old/index.html (from the alias /signatories/kite/badge.svg/old/ in content/old-deep.md:4)"},
	{"content file where a content file needs a folder, in other letters", map[string]string{"content/principles/Panel.SVG/big.png": "x"},
		"content/principles/panel.svg:1:1: error: the file content/principles/panel.svg would be written at /principles/panel.svg, which must be a folder to hold /principles/Panel.SVG/big.png (from the file content/principles/Panel.SVG/big.png)"},
	{"content file where the build makes a folder", map[string]string{"content/signatories/size": "x"},
		"content/signatories/size:1:1: error: the file content/signatories/size would be written at /signatories/size, which must be a folder to hold /signatories/size/medium/index.html (from the signatory directory)"},
	{"alias on the build's record", map[string]string{"content/old-record.md": aliasPage("/.coproduce-build")},
		"content/old-record.md:4:11: error: the alias /.coproduce-build in content/old-record.md:4 would replace the build's record at /.coproduce-build"},
	{"alias on a content picture", map[string]string{"content/old-pic.md": aliasPage("/signatories/brightwater.svg")},
		"content/old-pic.md:4:11: error: the alias /signatories/brightwater.svg in content/old-pic.md:4 would replace the file content/signatories/brightwater.svg at /signatories/brightwater.svg"},
}

func withFiles(base fstest.MapFS, files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range base {
		fsys[k] = v
	}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

var collisionDay = time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)

// errorsOf lists a build's errors as printed.
func errorsOf(res *Result) []string {
	var out []string
	for _, d := range res.Diags {
		if d.Severity.String() == "error" {
			out = append(out, d.String())
		}
	}
	return out
}

// TestEveryOutputHasOneOwner builds the kinds site with each way two
// sources can ask for one file, and wants exactly one error, at the source
// that came second, naming both; and nothing written.
func TestEveryOutputHasOneOwner(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	if res := Build(Options{Source: base, Output: publish.NewMemory(), Now: collisionDay}); res.Diags.HasErrors() {
		t.Fatalf("the kinds site has errors of its own: %v", res.Diags)
	}
	for _, c := range collisions {
		t.Run(c.name, func(t *testing.T) {
			out := publish.NewMemory()
			res := Build(Options{Source: withFiles(base, c.files), Output: out, Now: collisionDay})
			got := errorsOf(res)
			if len(got) != 1 || got[0] != c.want+advice(got) {
				t.Errorf("errors:\n%s\nwant one:\n%s", strings.Join(got, "\n"), c.want)
			}
			if n := len(out.Names()); n != 0 {
				t.Errorf("%d files were written before the clash was found; want none", n)
			}
		})
	}
}

// advice returns the advice part of a single message, so the table can
// hold the problem alone.
func advice(got []string) string {
	if len(got) != 1 {
		return ""
	}
	if i := strings.LastIndex(got[0], "; "); i >= 0 {
		return got[0][i:]
	}
	return ""
}

// TestCollisionsAreReportedTheSameEveryTime builds a site holding every
// collision at once, many times and on any number of workers: the same
// messages, one per collision, every time.
func TestCollisionsAreReportedTheSameEveryTime(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	all := map[string]string{}
	for _, c := range collisions {
		for k, v := range c.files {
			all[k] = v
		}
	}
	fsys := withFiles(base, all)
	var first string
	runs := 30
	if testing.Short() {
		runs = 6
	}
	for i := range runs {
		res := Build(Options{Source: fsys, Output: publish.NewMemory(), Now: collisionDay, Workers: 1 + i%4})
		got := strings.Join(errorsOf(res), "\n")
		if i == 0 {
			first = got
			if n := len(errorsOf(res)); n != len(collisions) {
				t.Fatalf("%d errors for %d collisions:\n%s", n, len(collisions), got)
			}
			continue
		}
		if got != first {
			t.Fatalf("run %d reported other problems:\n%s\nfirst run:\n%s", i+1, got, first)
		}
	}
}

// TestStaticFilesAreCopiedExactly: static/ is published byte for byte, not
// minified, and editors' temporary files in it are left out.
func TestStaticFilesAreCopiedExactly(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	verify := "google-site-verification:   google1234.html\n"
	fsys := withFiles(base, map[string]string{
		"static/google1234.html":          verify,
		"static/CNAME":                    "coproduction.example.org\n",
		"static/.well-known/security.txt": "Contact: mailto:security@example.org\n",
		"static/.secret":                  "hidden",
		"static/#draft.html#":             "emacs autosave",
		"static/notes.html~":              "backup",
		"static/4913":                     "vim",
		"static/page.html___jb_tmp___":    "jetbrains",
	})
	out := publish.NewMemory()
	if res := Build(Options{Source: fsys, Output: out, Now: collisionDay}); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	if got, _ := out.Get("google1234.html"); string(got) != verify {
		t.Errorf("google1234.html = %q, want it exactly as in static/: %q", got, verify)
	}
	for _, n := range []string{"CNAME", ".well-known/security.txt"} {
		if _, ok := out.Get(n); !ok {
			t.Errorf("static/%s was not published", n)
		}
	}
	for _, n := range out.Names() {
		if strings.Contains(n, "draft") || strings.HasSuffix(n, "~") || n == "4913" || strings.Contains(n, "___jb_") || n == ".secret" {
			t.Errorf("an editor's temporary or hidden file was published: %s", n)
		}
	}
}

// TestContentNeverPublishesActiveFiles: HTML, JavaScript and CSS under
// content/ are refused at their file, with advice to use Markdown or
// static/, and the build writes nothing.
func TestContentNeverPublishesActiveFiles(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	for name, kind := range map[string]string{
		"content/about/index.html": "HTML", "content/old.HTM": "HTML", "content/evil.js": "JavaScript",
		"content/principles/look.css": "CSS", "content/pic.svgz": ".svgz", "content/data.xml": ".xml",
	} {
		out := publish.NewMemory()
		res := Build(Options{Source: withFiles(base, map[string]string{name: "<script>alert(1)</script>"}), Output: out, Now: collisionDay})
		got := errorsOf(res)
		want := name + ":1:1: error: " + kind + " files in content/ are not published"
		if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.Contains(got[0], "static/") {
			t.Errorf("%s: errors\n%s\nwant one starting %q that names static/", name, strings.Join(got, "\n"), want)
		}
		if len(out.Names()) != 0 {
			t.Errorf("%s: files were written", name)
		}
	}
}

// TestEditorsTemporaryFilesAreNeverPublished: autosaves, swap files and
// IDE temporaries in content/ hold draft text; they are not read as pages
// and not copied.
func TestEditorsTemporaryFilesAreNeverPublished(t *testing.T) {
	base := siteFS(t, "testdata/sites/kinds.txtar")
	draft := "---\ntitle: Secret draft\nsummary: Not ready.\n---\nPRIVATE DRAFT TEXT\n"
	temps := []string{"content/#about.md#", "content/.#about.md", "content/4913", "content/about.md___jb_tmp___",
		"content/about.md___jb_old___", "content/.about.md.swp", "content/about.md~", "content/principles/.cache/x.md",
		"content/about.md.kate-swp", "content/about.md.bak"}
	files := map[string]string{}
	for _, n := range temps {
		files[n] = draft
	}
	out := publish.NewMemory()
	if res := Build(Options{Source: withFiles(base, files), Output: out, Now: collisionDay}); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	for _, n := range out.Names() {
		data, _ := out.Get(n)
		if strings.Contains(string(data), "PRIVATE DRAFT TEXT") || strings.Contains(string(data), "Secret draft") {
			t.Errorf("%s holds the text of an editor's temporary file", n)
		}
	}
}

// A file saved in the preview where a page's file is, as the folder of
// another (content/about/index.html/notes.txt beside content/about.md),
// is the same error as in a build, and the preview keeps its last good
// build.
func TestThePreviewReportsAFileWhereAFolderMustBe(t *testing.T) {
	src := siteFS(t, "testdata/sites/kinds.txtar")
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: src, Now: collisionDay}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatalf("the kinds site has errors of its own: %v", ch.Diags)
	}
	before, _ := out.Get("about/index.html")
	src["content/about/index.html/notes.txt"] = &fstest.MapFile{Data: []byte("notes"), Mode: 0o644}
	ch := inc.Update([]string{"content/about/index.html/notes.txt"})
	got := errorsOf(&Result{Diags: ch.Diags})
	want := "content/about/index.html/notes.txt:1:1: error: the page content/about.md would be written at /about/index.html, which must be a folder to hold /about/index.html/notes.txt (from the file content/about/index.html/notes.txt)"
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("errors:\n%s\nwant one starting:\n%s", strings.Join(got, "\n"), want)
	}
	if after, _ := out.Get("about/index.html"); !bytes.Equal(after, before) || out.Has("about/index.html/notes.txt") {
		t.Error("the preview changed its output after a save with an error")
	}
}
