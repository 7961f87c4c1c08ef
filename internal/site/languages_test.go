package site_test

import (
	"regexp"
	"strings"
	"testing"
)

// A small site in English and Welsh, with an Easy Read twin, a page with a
// content note and the quick exit, and a page with no Welsh version.
var languageSite = map[string]string{
	"site.yaml":                        "title: Cydweithio\nbase_url: https://example.org/co/\nlanguages: [en-GB, cy]\nquick_exit:\n  url: https://www.bbc.co.uk/weather\n",
	"content/_index.md":                "---\ntitle: Working together\nsummary: Home.\n---\nHello.\n",
	"content/_index.cy.md":             "---\ntitle: Cydweithio\nsummary: Hafan.\n---\nHelo.\n",
	"content/principles/_index.md":     "---\ntitle: Principles\nsummary: All of them.\n---\n",
	"content/principles/trust.md":      "---\ntitle: Trust\nsummary: Trust takes time.\n---\nTrust takes time.\n",
	"content/principles/trust.cy.md":   "---\ntitle: Ymddiriedaeth\nsummary: Mae ymddiriedaeth yn cymryd amser.\n---\nMae'n cymryd amser.\n",
	"content/principles/trust.easy.md": "---\ntitle: \"Trust: Easy Read\"\nsummary: Trust takes time.\n---\n![A clock](clock.svg)\nTrust takes **time**.\n",
	"content/principles/clock.svg":     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><title>A clock</title></svg>",
	"content/principles/money.md":      "---\ntitle: Money\nsummary: Pay people for their time.\n---\nPay people.\n",
	"content/case-studies/_index.md":   "---\ntitle: Case studies\nsummary: Stories.\n---\n",
	"content/case-studies/shelter.md":  "---\ntitle: A night shelter\nsummary: A shelter changed its rules.\ndate: 2024-05-01\nanonymised: true\nprinciples: [trust]\ncontent_note: mentions of rough sleeping\nquick_exit: true\n---\nThe story.\n",
}

// hreflangs returns the language alternates a page declares, lang -> href.
func hreflangs(page string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<link rel="?alternate"? hreflang="?([^" >]+)"? href="?([^" >]+)"?`).FindAllStringSubmatch(page, -1) {
		out[m[1]] = m[2]
	}
	return out
}

func TestTranslationsLinkBothWays(t *testing.T) {
	res, out := build(languageSite, "", false)
	if lines := errorLines(res); len(lines) > 0 {
		t.Fatalf("the site has errors: %q", lines)
	}
	want := map[string]string{"en-GB": "https://example.org/co/principles/trust/", "cy": "https://example.org/co/cy/principles/trust/"}
	for _, file := range []string{"principles/trust/index.html", "cy/principles/trust/index.html"} {
		page := get(t, out, file)
		got := hreflangs(page)
		for lang, href := range want {
			if got[lang] != href {
				t.Errorf("%s: hreflang %s = %q, want %q", file, lang, got[lang], href)
			}
		}
	}
	welsh := get(t, out, "cy/principles/trust/index.html")
	if !strings.Contains(welsh, `<html lang="cy"`) {
		t.Errorf("the Welsh page is not marked lang=cy")
	}
	if !strings.Contains(welsh, "Neidio i'r prif gynnwys") && !strings.Contains(welsh, "Neidio i&#39;r prif gynnwys") {
		t.Errorf("the Welsh page's skip link is not in Welsh")
	}
	if !strings.Contains(welsh, `href="/co/principles/trust/"`) {
		t.Errorf("the Welsh page does not link to its English version")
	}
	if !strings.Contains(get(t, out, "principles/trust/index.html"), `href="/co/cy/principles/trust/"`) {
		t.Errorf("the English page does not link to its Welsh version")
	}
}

func TestMissingTranslationFallsBackWithANote(t *testing.T) {
	_, out := build(languageSite, "", false)
	english := get(t, out, "principles/money/index.html")
	if len(hreflangs(english)) != 0 {
		t.Errorf("a page with no translation declares alternates: %v", hreflangs(english))
	}
	if strings.Contains(english, "/cy/principles/money/") {
		t.Errorf("the page links to a Welsh version that does not exist")
	}
	if !strings.Contains(english, "Nid yw&#39;r dudalen hon ar gael yn Gymraeg eto") && !strings.Contains(english, "Nid yw'r dudalen hon ar gael yn Gymraeg eto") {
		t.Errorf("the page does not say, in Welsh, that it has no Welsh version")
	}
	// From a Welsh page, a link to a page with no Welsh version goes to the
	// English page and says so, never to a Welsh address that is missing.
	welsh := get(t, out, "cy/principles/trust/index.html")
	if !regexp.MustCompile(`href="/co/principles/"[^>]*hreflang="en-GB"`).MatchString(welsh) {
		t.Errorf("the Welsh page's link to the English-only principles list is not marked hreflang=en-GB")
	}
	if strings.Contains(welsh, `href="/co/cy/principles/"`) {
		t.Errorf("the Welsh page links to a Welsh list that does not exist")
	}
}

func TestEasyReadLinksBothWays(t *testing.T) {
	_, out := build(languageSite, "", false)
	standard := get(t, out, "principles/trust/index.html")
	easy := get(t, out, "principles/trust/easy-read/index.html")
	if !regexp.MustCompile(`<a href="/co/principles/trust/easy-read/"[^>]*>[^<]*Easy Read`).MatchString(standard) {
		t.Errorf("the standard page has no Easy Read link")
	}
	if !regexp.MustCompile(`<a href="/co/principles/trust/"[^>]*>[^<]*[Ss]tandard`).MatchString(easy) {
		t.Errorf("the Easy Read page has no link back to the standard page")
	}
	if !strings.Contains(easy, `src="/co/principles/clock.svg"`) || !strings.Contains(easy, `alt="A clock"`) {
		t.Errorf("the Easy Read picture is missing or has lost its alt text")
	}
}

func TestContentNoteInListsAndFeed(t *testing.T) {
	_, out := build(languageSite, "", false)
	story := get(t, out, "case-studies/shelter/index.html")
	if !regexp.MustCompile(`(?s)<details[^>]*>\s*<summary[^>]*>.{0,200}?mentions of rough sleeping.{0,40}?</summary>`).MatchString(story) {
		t.Errorf("the story is not behind a <details> naming the topic")
	}
	for _, file := range []string{"case-studies/index.html", "principles/trust/index.html"} {
		if !strings.Contains(get(t, out, file), "mentions of rough sleeping") {
			t.Errorf("%s lists the story without its content note", file)
		}
	}
	feed := get(t, out, "feed.xml")
	if !strings.Contains(feed, "Content note: mentions of rough sleeping") {
		t.Errorf("the feed entry has no content note")
	}
	if strings.Contains(feed, "The story.") {
		t.Errorf("the feed carries the story itself, not just the note")
	}
}

func TestQuickExit(t *testing.T) {
	_, out := build(languageSite, "", false)
	story := get(t, out, "case-studies/shelter/index.html")
	if !regexp.MustCompile(`<a class="quick-exit" href="https://www.bbc.co.uk/weather"`).MatchString(story) {
		t.Errorf("the page that asks for it has no quick exit link")
	}
	if !strings.Contains(story, "quick-exit.") {
		t.Errorf("the quick exit script is not loaded")
	}
	if strings.Contains(get(t, out, "principles/money/index.html"), `class="quick-exit"`) {
		t.Errorf("a page that did not ask for it has the quick exit")
	}
	everywhere := map[string]string{}
	for k, v := range languageSite {
		everywhere[k] = v
	}
	everywhere["site.yaml"] = strings.Replace(languageSite["site.yaml"], "quick_exit:\n", "quick_exit:\n  everywhere: true\n", 1)
	_, out = build(everywhere, "", false)
	if !strings.Contains(get(t, out, "principles/money/index.html"), `class="quick-exit"`) {
		t.Errorf("with everywhere: true, a page has no quick exit")
	}
}

// A Welsh list lists the section's pages, their Welsh versions where there
// are some, and a Welsh story shows its content note and date in Welsh,
// like the rest of the page.
func TestWelshCardsInWelsh(t *testing.T) {
	files := map[string]string{}
	for k, v := range languageSite {
		files[k] = v
	}
	files["content/case-studies/_index.cy.md"] = "---\ntitle: Straeon\nsummary: Straeon.\n---\n"
	files["content/principles/_index.cy.md"] = "---\ntitle: Egwyddorion\nsummary: Pob un.\n---\n"
	files["content/case-studies/shelter.cy.md"] = "---\ntitle: Lloches nos\nsummary: Newidiodd lloches ei rheolau.\ndate: 2024-05-01\nanonymised: true\nprinciples: [trust]\ncontent_note: sôn am gysgu allan\n---\nY stori.\n"
	res, out := build(files, "", false)
	if lines := errorLines(res); len(lines) > 0 {
		t.Fatalf("the site has errors: %q", lines)
	}
	list := get(t, out, "cy/case-studies/index.html")
	for _, want := range []string{"<strong>Nodyn cynnwys:</strong> sôn am gysgu allan", ">1 Mai 2024</time>", "1 dudalen yn yr adran hon", `href="/co/cy/case-studies/shelter/"`} {
		if !strings.Contains(list, want) {
			t.Errorf("the Welsh list does not have %q:\n%s", want, list)
		}
	}
	// Money has no Welsh version: its card says it is in English.
	principles := get(t, out, "cy/principles/index.html")
	for _, want := range []string{
		`<li class="card"><h3 class="card-title"><a href="/co/cy/principles/trust/">Ymddiriedaeth</a>`,
		`<li class="card" lang="en-GB"><h3 class="card-title"><a href="/co/principles/money/" hreflang="en-GB">Money</a>`,
	} {
		if !strings.Contains(principles, want) {
			t.Errorf("the Welsh principles list does not have %q", want)
		}
	}
	// The Welsh home page lists the principles the same way, under the
	// Welsh principles page's title.
	home := get(t, out, "cy/index.html")
	for _, want := range []string{
		`<h2 id="principles-heading">Egwyddorion</h2>`,
		`<a href="/co/cy/principles/trust/">Ymddiriedaeth</a>`,
		`<li class="card" lang="en-GB"><h3 class="card-title"><a href="/co/principles/money/" hreflang="en-GB">Money</a>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the Welsh home page does not have %q", want)
		}
	}
	english := get(t, out, "case-studies/index.html")
	for _, want := range []string{"<strong>Content note:</strong> mentions of rough sleeping", ">1 May 2024</time>", "1 page in this section", `href="/co/case-studies/shelter/"`} {
		if !strings.Contains(english, want) {
			t.Errorf("the English list does not have %q", want)
		}
	}
}
