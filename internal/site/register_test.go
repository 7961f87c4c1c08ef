package site_test

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// registerSite is a small site with what the register shows: two pledges,
// a renamed signatory, one past its review date, one with a logo and its
// own commitments, and a case study that shows a principle.
var registerSite = map[string]string{
	"site.yaml": `title: Register test
base_url: https://example.org/
signing:
  how: Fill in the form and we will add you within two weeks.
  contact: pledge@example.org
  form: https://forms.example.org/sign-the-pledge
`,
	"content/signatories/_index.md": "---\ntitle: Signatories\nsummary: Who has signed.\n---\n\nEvery organisation that signed.\n",
	"content/pledges/two-way.md":    "---\ntitle: The two-way pledge\nsummary: A promise both ways.\ncommitments: [We will listen., We will pay people.]\n---\n\nAbout the pledge.\n",
	"content/pledges/fair-pay.md":   "---\ntitle: Fair pay pledge\nsummary: Pay for time.\ncommitments: [We will pay on the day.]\n---\n\nAbout fair pay.\n",
	"content/signatories/old-org.md": `---
title: Brightwater Housing
summary: A housing trust in Bristol.
website: https://brightwater.example.org/
signed: 2023-03-14
review: 2026-11-01
pledges: [two-way]
sector: Housing
region: Bristol
size: large
---

Brightwater runs homes.
`,
	"content/signatories/kite.md": `---
title: Kite Youth Arts
summary: An arts charity in Bristol.
website: https://kite.example.org/
signed: 2026-05-18
review: 2029-05-18
pledges: [two-way, fair-pay]
sector: Youth work
region: Bristol
size: small
aliases: [/signatories/kite-arts/]
logo: kite.svg
logo_alt: Kite Youth Arts logo
commitments: [We will let young people choose the artists.]
---

Kite runs arts projects.
`,
	"content/signatories/kite.svg":          `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`,
	"content/principles/relationships.md":   "---\ntitle: Relationships\nsummary: Trust takes time.\nweight: 1\n---\n\nBuild trust.\n",
	"content/case-studies/peer-research.md": "---\ntitle: Peer research\nsummary: People did the research.\ndate: 2025-01-01\nprinciples: [relationships]\nanonymised: true\n---\n\nA story.\n",
}

func buildRegisterSite(t *testing.T, base string) *publish.Memory {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range registerSite {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	opts := site.Options{Source: fsys, Output: publish.NewMemory(), Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	if base != "" {
		u, _ := url.Parse(base)
		opts.BaseURL = u
	}
	res := site.Build(opts)
	for _, d := range res.Diags {
		if d.Severity == 0 {
			t.Errorf("%s", d)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return opts.Output.(*publish.Memory)
}

func get(t *testing.T, out *publish.Memory, name string) string {
	t.Helper()
	data, ok := out.Get(name)
	if !ok {
		t.Fatalf("the build wrote no %s", name)
	}
	return string(data)
}

// text is the page's HTML with tags dropped, spaces squeezed and entities
// decoded: what a reader sees, for phrases that cross tags.
func text(s string) string {
	s = regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

func wantAll(t *testing.T, name, page string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(page, w) {
			t.Errorf("%s has no %s", name, w)
		}
	}
}

func TestSignatoryPage(t *testing.T) {
	out := buildRegisterSite(t, "")
	page := get(t, out, "signatories/old-org/index.html")
	wantAll(t, "the page of a signatory past its review date", page,
		`<article class="certificate">`,
		`<time datetime="2023-03-14">14 March 2023</time>`,
		`Due for review since November 2026`,
		`<a href="https://brightwater.example.org/">`,
		`<a href="/pledges/two-way/">The two-way pledge</a>`,
		`<a href="/signatories/region/bristol/">Bristol</a>`,
		`role="img" aria-label="QR code: scan it to open this page at https://example.org/signatories/old-org/"`,
		`<label class="snippet-label" for="link-snippet">`,
		`readonly`,
		`<img src="/signatories/old-org/badge.svg" alt="Brightwater Housing signed The two-way pledge in 2023; its renewal is overdue"`,
	)
	snippet := regexp.MustCompile(`(?s)<textarea[^>]*id="link-snippet"[^>]*>(.*?)</textarea>`).FindStringSubmatch(page)
	if snippet == nil {
		t.Fatalf("the link box has no textarea with the snippet")
	}
	wantSnippet := `<a href="https://example.org/signatories/old-org/"><img src="https://example.org/signatories/old-org/badge.svg" alt="Brightwater Housing signed The two-way pledge in 2023; its renewal is overdue"`
	if got := html.UnescapeString(snippet[1]); !strings.HasPrefix(got, wantSnippet) {
		t.Errorf("the snippet to copy is\n%s\nwant it to start\n%s", got, wantSnippet)
	}

	kite := get(t, out, "signatories/kite/index.html")
	wantAll(t, "the page of a signatory with a logo", kite,
		`<img class="logo" src="/signatories/kite.svg" alt="Kite Youth Arts logo" width="96" height="96">`,
		`We will let young people choose the artists.`,
		`<a href="/pledges/fair-pay/">Fair pay pledge</a>`,
		`Next review due in May 2029`,
	)
	if strings.Contains(kite, "Due for review since") {
		t.Errorf("a signatory whose review is in 2029 is shown as due for review")
	}
}

func TestSignatoryPageSharing(t *testing.T) {
	out := buildRegisterSite(t, "")
	page := get(t, out, "signatories/kite/index.html")
	wantAll(t, "the signatory page's head", page,
		`<meta property="og:title" content="Kite Youth Arts">`,
		`<meta property="og:url" content="https://example.org/signatories/kite/">`,
		`<meta name="twitter:card" content="summary">`,
		`<link rel="canonical" href="https://example.org/signatories/kite/">`,
	)
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the signatory page has no JSON-LD")
	}
	var ld struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("the JSON-LD does not parse: %v\n%s", err, m[1])
	}
	types := map[string]int{}
	for _, n := range ld.Graph {
		types[n["@type"].(string)]++
		if n["@type"] == "Organization" && (n["name"] != "Kite Youth Arts" || n["url"] != "https://kite.example.org/") {
			t.Errorf("the Organization is %v", n)
		}
	}
	if types["Organization"] != 1 || types["AgreeAction"] != 2 {
		t.Errorf("the JSON-LD has %v, want one Organization and an AgreeAction for each of its two pledges", types)
	}
}

func TestPledgePage(t *testing.T) {
	out := buildRegisterSite(t, "")
	page := get(t, out, "pledges/two-way/index.html")
	seen := text(page)
	wantAll(t, "the pledge page", seen,
		"We will listen.", "2 organisations have signed this pledge.",
		"How to sign", "Fill in the form and we will add you within two weeks.",
	)
	wantAll(t, "the pledge page", page, `href="https://forms.example.org/sign-the-pledge"`, `href="mailto:pledge@example.org"`)
	kite, bright := strings.Index(page, "Kite Youth Arts"), strings.Index(page, "Brightwater Housing")
	if kite < 0 || bright < 0 || kite > bright {
		t.Errorf("the pledge page should list the newest signatory (Kite, 2026) before Brightwater (2023)")
	}
	if fair := text(get(t, out, "pledges/fair-pay/index.html")); !strings.Contains(fair, "1 organisation has signed this pledge.") {
		t.Errorf("the fair pay pledge page does not say one organisation signed")
	}
}

func TestDirectoryAndFilterPagesWithoutJavaScript(t *testing.T) {
	out := buildRegisterSite(t, "")
	dir := get(t, out, "signatories/index.html")
	wantAll(t, "the directory", dir,
		`Every organisation that signed.`,
		`<a href="/signatories/region/bristol/">Bristol (2)</a>`,
		`<a href="/signatories/sector/housing/">Housing (1)</a>`,
		`<a href="/signatories/size/small/">Small (1)</a>`,
		`<a href="/signatories/year/2026/">2026 (1)</a>`,
		`<a href="/signatories/pledge/fair-pay/">Fair pay pledge (1)</a>`,
		`data-index="/signatories/index.json"`,
		`<a href="/signatories.csv">`,
	)
	housing := get(t, out, "signatories/sector/housing/index.html")
	wantAll(t, "the housing filter", housing, `<body data-kind="signatories-filter">`, `<h1>Signatories by sector: Housing</h1>`, `href="/signatories/old-org/"`)
	if strings.Contains(housing, `class="signatory-name" href="/signatories/kite/"`) {
		t.Errorf("the housing filter lists Kite Youth Arts, a youth work charity")
	}
}

func TestRedirectsCarryTheBasePath(t *testing.T) {
	out := buildRegisterSite(t, "https://example.org/coproduction/")
	rules := get(t, out, "_redirects")
	if want := "/coproduction/signatories/kite-arts/ /coproduction/signatories/kite/ 301\n"; !strings.Contains(rules, want) {
		t.Errorf("_redirects has no rule %q:\n%s", want, rules)
	}
	alias := get(t, out, "signatories/kite-arts/index.html")
	if !strings.Contains(alias, `url=/coproduction/signatories/kite/`) {
		t.Errorf("the alias page does not redirect inside the base path:\n%s", alias)
	}
	dir := get(t, out, "signatories/index.html")
	wantAll(t, "the directory under a base path", dir, `data-index="/coproduction/signatories/index.json"`, `<a href="/coproduction/signatories/region/bristol/">`)
}

func TestFeedAnnouncesNewSignatories(t *testing.T) {
	out := buildRegisterSite(t, "")
	feed := get(t, out, "feed.xml")
	wantAll(t, "the Atom feed", feed, "<title>Kite Youth Arts has signed</title>", "https://example.org/signatories/kite/")
}

func TestPrinciplesAndCaseStudiesLinkBothWays(t *testing.T) {
	out := buildRegisterSite(t, "")
	principle := get(t, out, "principles/relationships/index.html")
	if !strings.Contains(principle, `href="/case-studies/peer-research/"`) {
		t.Errorf("the principle page does not list the case study that shows it")
	}
	study := get(t, out, "case-studies/peer-research/index.html")
	if !strings.Contains(study, `href="/principles/relationships/"`) {
		t.Errorf("the case study does not link back to its principle")
	}
}

func TestBadgeFileOfSmallSite(t *testing.T) {
	out := buildRegisterSite(t, "")
	badge := get(t, out, "signatories/kite/badge.svg")
	wantAll(t, "Kite's badge", badge, `role="img"`, "<title", "Kite Youth Arts signed The two-way pledge and Fair pay pledge in 2026", "Signed 2026")
}
