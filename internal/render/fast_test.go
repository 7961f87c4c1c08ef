package render

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/sitegen"
	"github.com/coproduce/coproduce/internal/theme"
)

// generatedSite loads a generated site of n signatories with the theme
// as site (a folder of the generated files, plus any extra files) has it.
func generatedSite(t testing.TB, n int, extra map[string]string) (*Site, *Templates) {
	t.Helper()
	dir := t.TempDir()
	if err := sitegen.Write(dir, sitegen.Options{Signatories: n}); err != nil {
		t.Fatal(err)
	}
	for name, text := range extra {
		if err := os.MkdirAll(dir+"/"+name[:strings.LastIndex(name, "/")], 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dir+"/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := os.DirFS(dir)
	cfg, diags := config.Load(src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	contentFS, _ := fs.Sub(src, "content")
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	site, diags := content.Load(contentFS, content.Options{Dir: "content", Languages: cfg.OtherLanguages(), Now: now})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	th, err := theme.Open(src, cfg.Theme)
	if err != nil {
		t.Fatal(err)
	}
	words, err := i18n.Load(th.Root, cfg.Language)
	if err != nil {
		t.Fatal(err)
	}
	s := &Site{Config: cfg, Content: site, Now: now, Strings: words, Assets: map[string]string{"directory.js": "/directory.0123abcd.js"}}
	ts, diags := Load(th, Funcs(s))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return s, ts
}

// variants are signatory pages in every state the fast partials write
// differently, made from one generated page: each status, levels, a
// review due, passed or not set, a main-language page's facts, and values
// html/template escapes or an address it would encode.
func variants(s *Site, p *content.Page) []*content.Page {
	var out []*content.Page
	add := func(change func(q *content.Page)) {
		q := *p
		change(&q)
		out = append(out, &q)
	}
	add(func(q *content.Page) {})
	for _, status := range []content.Status{content.Active, content.Due, content.Overdue, content.Lapsed, content.Withdrawn} {
		add(func(q *content.Page) { q.Standing.Status = status })
	}
	if len(p.Signings) > 0 {
		add(func(q *content.Page) {
			q.Signings = append([]content.Signing(nil), p.Signings...)
			q.Signings[0].Level = "Leading & <Learning> 'one' \"two\" +3"
			q.Signings = append(q.Signings, content.Signing{Pledge: p.Signings[0].Pledge, Level: "Starting"})
		})
		add(func(q *content.Page) {
			q.Standing.Status = content.Lapsed
			q.Signings = append([]content.Signing(nil), p.Signings...)
			q.Signings[0].Level = "Leading"
		})
	}
	var other *content.Page // a page to stand for a pledge or a report
	for _, o := range s.Content.Pages {
		if o.Kind == content.KindCaseStudy {
			other = o
			break
		}
	}
	add(func(q *content.Page) {
		q.Standing.Status, q.Standing.Withdrawn = content.Withdrawn, s.Now.AddDate(0, -2, 0)
		q.WithdrawnReason = "We closed & <merged> with \"another\" +1"
	})
	add(func(q *content.Page) {
		q.Standing.Status, q.Standing.Lapsed = content.Lapsed, s.Now.AddDate(0, -3, 0)
		q.Renewed = []time.Time{s.Now.AddDate(-2, 0, 0), s.Now.AddDate(-1, 0, 0)}
	})
	add(func(q *content.Page) {
		q.Renewed = []time.Time{s.Now.AddDate(-1, 0, 0)}
		q.Signings = []content.Signing{
			{Pledge: other, Level: "Leading", Signed: s.Now.AddDate(-1, 2, 0), Steps: []content.LevelStep{{Level: "Starting <1>", Date: s.Now.AddDate(-1, 3, 0)}, {Level: "Leading", Date: s.Now.AddDate(0, -1, 0)}}},
			{Level: "Alone", Steps: []content.LevelStep{{Level: "Alone & apart", Date: s.Now.AddDate(0, -2, 0)}}},
		}
		report := *other
		report.Title, report.Summary = "Our year & <what> we did", "We did 'things' +more"
		plain := *other
		plain.Summary = ""
		q.Reports = []*content.Page{&report, &plain}
	})
	add(func(q *content.Page) {
		q.Reports = []*content.Page{other}
		bad := *other
		bad.URL = "/reports/a b/"
		q.Reports = append(q.Reports, &bad)
	})
	add(func(q *content.Page) { q.Standing.Review = s.Now.AddDate(0, -1, 0) })
	add(func(q *content.Page) { q.Standing.Review = s.Now.AddDate(1, 0, 0) })
	add(func(q *content.Page) { q.Standing.Review, q.Review = time.Time{}, time.Time{} })
	add(func(q *content.Page) {
		q.Title = "Smith & Sons <Ltd> 'the' \"best\" +1 \x00 Café"
		q.Sector, q.Region, q.Size = "Arts & <crafts>", "Ynys Môn 'n' \"s\"", "small"
	})
	add(func(q *content.Page) {
		q.Standing.Status = content.Withdrawn
		q.Sector, q.Region, q.Size = "Arts & <crafts>", "", "large"
	})
	add(func(q *content.Page) { q.Standing.Status, q.Sector, q.Region, q.Size = content.Lapsed, "", "", "" })
	add(func(q *content.Page) { q.Title, q.Summary = "", "" })
	add(func(q *content.Page) { q.Summary = "Fair & \"square\" <pay> +1 'here'" })
	add(func(q *content.Page) { q.Website = "https://example.org/a?b=1&c=2" })
	add(func(q *content.Page) { q.Website = "javascript:alert(1)" })
	add(func(q *content.Page) { q.Website = "" })
	add(func(q *content.Page) { q.Website = "https://example.org/ca fé/%41" })
	// The certificate: a long name, many commitments, a logo and a
	// version signed.
	add(func(q *content.Page) {
		q.Title = "The Very Long Named Community Interest Company of Bristol & Bath <Ltd>"
		q.Commitments = []string{"One", "Two & <three>", "Four", "Five 'five'", "Six +6"}
		q.Logo, q.LogoAlt = "/logos/our-logo.png", "Our logo: a \"door\" & <key>"
		q.LogoSize.Width, q.LogoSize.Height = 400, 200
	})
	add(func(q *content.Page) { q.Logo, q.LogoAlt = "/logos/odd logo.png", "Odd" })
	add(func(q *content.Page) { q.Logo, q.LogoAlt = "javascript:alert(1)", "Bad" })
	if len(p.Signings) > 0 {
		add(func(q *content.Page) {
			q.Signings = append([]content.Signing(nil), p.Signings...)
			q.Signings[0].Version = "2.0"
		})
	}
	return out
}

// The partials written in Go write what their templates write, for
// every signatory of a generated site and in every state above.
func TestFastPartialsWriteWhatTheTemplatesWrite(t *testing.T) {
	s, ts := generatedSite(t, 60, nil)
	if len(ts.fast) != len(fastPartials) || len(ts.fastRows) != len(fastRowPartials) {
		t.Fatalf("the default theme's partials are not all written in Go: %d of %d", len(ts.fast), len(fastPartials))
	}
	ex := ts.get()
	defer ts.put(ex)
	fast, checked := 0, 0
	var written strings.Builder // all the Go code wrote
	for _, p := range s.Content.Pages {
		pages := []*content.Page{p}
		if checked == 0 && p.Kind == content.KindSignatory {
			pages = variants(s, p)
		}
		for i, q := range pages {
			d := NewPageData(s, q, "")
			for name, w := range fastPartials {
				if name != "share" && q.Kind != content.KindSignatory {
					continue // the signatory's own partials
				}
				var want bytes.Buffer
				var got strings.Builder
				if err := ex.partial(&want, name, d); err != nil {
					// A state no content leads to (a level signed
					// without a pledge, among the made-up variants
					// after the first): the template fails, and so
					// must the page. A generated page never fails.
					if i == 0 {
						t.Fatalf("%s of %s: %v", name, q.URL, err)
					}
					if w(&got, ex, d) {
						t.Errorf("%s of %s: Go writes what the template fails on (%v)", name, q.URL, err)
					}
					continue
				}
				if !w(&got, ex, d) {
					continue // left to the template
				}
				fast++
				written.WriteString(got.String())
				if got.String() != want.String() {
					t.Errorf("%s of %s (%q, %s) from byte %d:\nGo writes\n%s\nthe template writes\n%s", name, q.URL, q.Title, q.Standing.Status,
						firstDifference(got.String(), want.String()), got.String(), want.String())
				}
				// And as the page calls it.
				html, err := ex.partialFast(name, d)
				if err != nil || string(html) != want.String() {
					t.Errorf("partialFast %s of %s: %v\n%s", name, q.URL, err, html)
				}
			}
			if q.Kind == content.KindSignatory {
				checked++
				// Its row in the directory, in every language's listing.
				for _, lang := range append([]string{s.Config.Language, "cy"}, s.Config.OtherLanguages()...) {
					for name, w := range fastRowPartials {
						data := map[string]any{"Page": q, "Lang": lang}
						var want bytes.Buffer
						var got strings.Builder
						if err := ex.partial(&want, name, data); err != nil {
							t.Fatal(err)
						}
						if !w(&got, ex, data) {
							continue
						}
						fast++
						written.WriteString(got.String())
						if got.String() != want.String() {
							t.Errorf("%s of %s in %s:\nGo writes\n%s\nthe template writes\n%s", name, q.URL, lang, got.String(), want.String())
						}
					}
				}
			}
		}
	}
	if checked < 60 || fast < checked {
		t.Fatalf("checked %d signatories, %d partials written in Go", checked, fast)
	}
	// Every kind of event, status and fact was among them.
	for _, want := range []string{"status-withdrawn", "status-lapsed", "status-overdue", "status-due", "status-active",
		"Our year &amp; &lt;what&gt; we did", "Starting &lt;1&gt;", "Alone &amp; apart", `class="reports"`,
		`class="review-due"`, "Arts &amp; &lt;crafts&gt;", "<textarea", "&#43;1",
		`class="signatory-item"`, ` hreflang="`, "certificate-long-name", "certificate-many",
		`<img class="logo" src="/logos/our-logo.png" alt="Our logo: a &#34;door&#34; &amp; &lt;key&gt;" width=`, "Two &amp; &lt;three&gt;", `class="status-lapsed"`,
		`<meta property="og:description" content="Fair &amp; &#34;square&#34; &lt;pay&gt; &#43;1 &#39;here&#39;">`, "application/ld+json"} {
		if !strings.Contains(written.String(), want) {
			t.Errorf("no partial written in Go shows %q", want)
		}
	}
}

// A site that changes one of these partials sees its change: the Go code
// writes only the default theme's own.
func TestAChangedPartialIsNotWrittenInGo(t *testing.T) {
	s, ts := generatedSite(t, 5, map[string]string{
		"templates/partials/signatory-link.html": `<p class="mine">{{.Page.Title}}</p>`,
		"templates/partials/signatory-item.html": `<li class="my-row">{{.Page.Title}}</li>`,
	})
	if ts.fast["partials/signatory-link.html"] != nil || ts.fast["partials/signatory-facts.html"] == nil || ts.fastRows["partials/signatory-item.html"] != nil {
		t.Fatalf("partials written in Go: %v, %v", ts.fast, ts.fastRows)
	}
	for _, p := range s.Content.Pages {
		if p.Kind != content.KindSignatory {
			continue
		}
		var out bytes.Buffer
		if err := ts.Execute(&out, NewPageData(s, p, ""), "signatory.html"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), `<p class="mine">`) || strings.Contains(out.String(), `class="link-box"`) {
			t.Fatalf("the page does not show the site's own partial:\n%s", out.String())
		}
		var row bytes.Buffer
		if err := ts.Partial(&row, "partials/signatory-item.html", map[string]any{"Page": p, "Lang": s.Config.Language}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(row.String(), `<li class="my-row">`) {
			t.Fatalf("the row is not the site's own: %s", row.String())
		}
		return
	}
	t.Fatal("no signatory")
}

// A partial that calls itself through partialFast is a fault of the
// template, not a crash.
func TestPartialFastCallingItselfStops(t *testing.T) {
	ts, diags, s := loadTheme(t, map[string]string{
		"page.html":          `{{partialFast "partials/loop.html" .}}`,
		"partials/loop.html": `<p>{{partialFast "partials/loop.html" .}}</p>`,
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var out bytes.Buffer
	err := ts.Execute(&out, NewPageData(s, s.Content.Page("/principles/trust/"), ""), "page.html")
	if err == nil || !strings.Contains(err.Error(), "inside itself") {
		t.Fatalf("err = %v", err)
	}
}

// firstDifference is where a and b first differ.
func firstDifference(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
