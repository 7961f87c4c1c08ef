package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestBOMAndCRLFJustWork(t *testing.T) {
	files := map[string]string{
		"about.md": "\xef\xbb\xbf---\r\ntitle: About us\r\nsummary: Who we are.\r\n---\r\n# Hello\r\n\r\nText.\r\n",
		"team.md":  "+++\r\ntitle = \"Team\"\r\nsummary = \"Who works here.\"\r\n+++\r\nBody\r\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	p := site.Page("/about/")
	if p == nil || p.Title != "About us" || p.Summary != "Who we are." {
		t.Fatalf("about page = %+v", p)
	}
	if strings.Contains(string(p.Body), "\r") || string(p.Body) != "# Hello\n\nText.\n" {
		t.Errorf("body = %q, want it without carriage returns", p.Body)
	}
	if p.BodyLine != 5 {
		t.Errorf("body starts on line %d, want 5", p.BodyLine)
	}
	if team := site.Page("/team/"); team == nil || team.Title != "Team" {
		t.Errorf("TOML page with CRLF = %+v", team)
	}
}

func TestCRLFErrorsKeepTheirLines(t *testing.T) {
	_, diags := loadFiles(map[string]string{"about.md": "\xef\xbb\xbf---\r\ntitle: About\r\nsummary: x\r\nwieght: 2\r\n---\r\n"}, Options{})
	if len(diags) != 1 || diags[0].Pos.String() != "content/about.md:4:1" {
		t.Fatalf("got %v, want one problem at content/about.md:4:1", diags)
	}
}

func TestKindsSlugsAndURLs(t *testing.T) {
	files := map[string]string{
		"_index.md":                  "---\ntitle: Home\nsummary: x\n---\n",
		"principles/_index.md":       "---\ntitle: Principles\nsummary: x\n---\n",
		"charter/fair-pay.md":        "---\ntitle: Fair pay\nsummary: x\nweight: 2\n---\n",
		"case-studies/panels.md":     "---\ntitle: Interview panels\nsummary: x\ndate: 2024-02-01\nanonymised: true\nprinciples: [equal-voice]\n---\n",
		"signatories/brightwater.md": "---\n" + validSignatory + "---\n",
		"guides/how-to/start.md":     "---\ntitle: Starting out\nsummary: x\n---\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	want := map[string]Kind{
		"/":                         KindHome,
		"/principles/":              KindList,
		"/principles/equal-voice/":  KindPrinciple,
		"/charter/fair-pay/":        KindValue,
		"/case-studies/panels/":     KindCaseStudy,
		"/pledges/two-way-pledge/":  KindPledge,
		"/signatories/brightwater/": KindSignatory,
		"/guides/how-to/start/":     KindPage,
	}
	for url, kind := range want {
		p := site.Page(url)
		if p == nil {
			t.Errorf("no page at %s", url)
			continue
		}
		if p.Kind != kind {
			t.Errorf("%s is a %s, want %s", url, p.Kind, kind)
		}
	}
	if got := site.Page("/case-studies/panels/").Slug; got != "panels" {
		t.Errorf("slug comes from %q, want the file name", got)
	}
	if len(site.Pages) != len(want) {
		t.Errorf("%d pages, want %d", len(site.Pages), len(want))
	}
}

func TestCrossReferences(t *testing.T) {
	files := map[string]string{
		"case-studies/old.md": "---\ntitle: Old\nsummary: x\ndate: 2022-01-01\nanonymised: true\nprinciples: [equal-voice]\n---\n",
		"case-studies/new.md": "---\ntitle: New\nsummary: x\ndate: 2024-01-01\nconsent: 2023-12-01\nprinciples: equal-voice\n---\n",
		"signatories/a.md":    "---\n" + validSignatory + "---\n",
		"signatories/b.md":    "---\n" + strings.Replace(validSignatory, "2024-03-01", "2025-01-01", 1) + "---\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	pr := site.Page("/principles/equal-voice/")
	if got := titles(pr.CaseStudies()); got != "New, Old" {
		t.Errorf("principle lists case studies %q, want newest first: New, Old", got)
	}
	pl := site.Page("/pledges/two-way-pledge/")
	if got := urls(pl.Signatories); got != "/signatories/b/, /signatories/a/" {
		t.Errorf("pledge lists signatories %q, want newest signature first", got)
	}
	if got := titles(site.Page("/signatories/a/").Pledges); got != "Two-way pledge" {
		t.Errorf("signatory's pledges = %q", got)
	}
	if c := site.Page("/case-studies/new/"); !c.Consent().Equal(time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("consent date = %v", c.Consent())
	}
}

func TestDraftsLeftOutUnlessAsked(t *testing.T) {
	files := map[string]string{
		"case-studies/wip.md": "---\ntitle: Work in progress\nsummary: x\ndate: 2024-01-01\nanonymised: true\ndraft: true\nprinciples: [equal-voice]\n---\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	if site.Page("/case-studies/wip/") != nil {
		t.Error("a draft was published without --drafts")
	}
	if n := len(site.Page("/principles/equal-voice/").CaseStudies()); n != 0 {
		t.Errorf("the principle lists %d case studies from drafts", n)
	}
	site, _ = loadFiles(files, Options{Drafts: true})
	if site.Page("/case-studies/wip/") == nil {
		t.Error("--drafts left the draft out")
	}
}

func TestDraftStillChecked(t *testing.T) {
	// A draft with a mistake is reported even when it is left out, so it
	// does not surprise its editor on the day it is published.
	_, diags := loadFiles(map[string]string{"about.md": "---\ntitle: A\nsummary: x\ndraft: true\nwieght: 1\n---\n"}, Options{})
	if len(diags) != 1 || diags[0].Pos.String() != "content/about.md:5:1" {
		t.Fatalf("got %v", diags)
	}
}

func TestHiddenFilesAndAssets(t *testing.T) {
	files := map[string]string{
		".git/config.md":       "not a page",
		"about.md~":            "backup",
		"signatories/logo.svg": "<svg/>",
		"signatories/b.md":     "---\n" + validSignatory + "logo: logo.svg\nlogo_alt: Brightwater logo\n---\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) > 0 {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	if strings.Join(site.Assets, ",") != "signatories/logo.svg" {
		t.Errorf("assets = %v, want only the logo", site.Assets)
	}
	if got := site.Page("/signatories/b/").Logo; got != "/signatories/logo.svg" {
		t.Errorf("logo = %q, want the path beside the page", got)
	}
}

func titles(ps []*Page) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Title)
	}
	return strings.Join(s, ", ")
}

func urls(ps []*Page) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.URL)
	}
	return strings.Join(s, ", ")
}

func TestNoContentFolder(t *testing.T) {
	sub, _ := fs.Sub(fstest.MapFS{"site.yaml": {Data: []byte("title: x\n")}}, "content")
	_, diags := Load(sub, Options{Dir: "content"})
	if len(diags) != 1 || diags[0].String() != "content:1:1: error: there is no content folder; make a folder called content beside site.yaml, with one Markdown file for each page, or point -s at the site folder" {
		t.Errorf("got %v", diags)
	}
}

// A page bigger than MaxFileSize is refused with its size, and the site
// around it still loads; a page just under the limit is read whole.
func TestOversizedPageIsRefused(t *testing.T) {
	page := "---\ntitle: Big\nsummary: A long page.\n---\n"
	justUnder := page + strings.Repeat("word ", (MaxFileSize-len(page))/5)
	files := map[string]string{
		"huge.md":  page + strings.Repeat("word ", MaxFileSize/5+1),
		"large.md": justUnder,
		"about.md": "---\ntitle: About\nsummary: Who we are.\n---\nHello.\n",
	}
	site, diags := loadFiles(files, Options{})
	if len(diags) != 1 || diags[0].Pos.String() != "content/huge.md:1:1" || !strings.Contains(diags[0].Problem, "more than the 4 MB a page may be") {
		t.Fatalf("got %v, want one problem saying content/huge.md is too big", diags)
	}
	if site.Page("/about/") == nil {
		t.Error("the other pages were not loaded")
	}
	if p := site.Page("/large/"); p == nil || len(p.Body) != len(justUnder)-len(page) {
		t.Errorf("the page just under the limit was not read whole")
	}
}
