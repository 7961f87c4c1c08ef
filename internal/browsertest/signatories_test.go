package browsertest

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"
)

// The signatory directory in a real browser: with JavaScript, the search
// and filters answer as you type from the pieces of the index in
// signatories/index/ (internal/register/pieces.go); without it,
// the filter links lead to pre-built pages that list the same organisations.
// What is expected comes from signatories.json, the open data of the same
// build, so the three views of the register are checked against each other.

type openRecord struct {
	Slug   string `json:"slug"`
	Name   string `json:"name"`
	Region string `json:"region"`
	Status string `json:"status"`
}

func openData(t *testing.T, s *site) []openRecord {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, "signatories.json"))
	if err != nil {
		t.Fatalf("the build has no signatories.json: %v", err)
	}
	var d struct{ Signatories []openRecord }
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("signatories.json: %v", err)
	}
	// The open data lists former signatories too (lapsed or withdrawn);
	// the directory, its search and its filters list only current ones.
	var current []openRecord
	for _, r := range d.Signatories {
		if r.Status != "lapsed" && r.Status != "withdrawn" {
			current = append(current, r)
		}
	}
	if len(current) < 3 {
		t.Fatalf("the example site has %d current signatories; the test needs at least 3", len(current))
	}
	return current
}

// namesIn returns the sorted names of the signatories in a region.
func namesIn(recs []openRecord, region string) []string {
	var out []string
	for _, r := range recs {
		if r.Region == region {
			out = append(out, r.Name)
		}
	}
	slices.Sort(out)
	return out
}

// busiestRegion is the region most signatories share, so a filter on it
// has more than one result.
func busiestRegion(recs []openRecord) string {
	count := map[string]int{}
	best := ""
	for _, r := range recs {
		count[r.Region]++
		if r.Region != "" && (best == "" || count[r.Region] > count[best] || count[r.Region] == count[best] && r.Region < best) {
			best = r.Region
		}
	}
	return best
}

func directoryPage(s *site, sub string) page {
	return page{file: "signatories/" + sub + "index.html", kind: "list", path: s.prefix + "signatories/" + sub, status: http.StatusOK}
}

// shownNames lists the names in the visible list: the script's results
// when it shows them, else the pre-built list.
const shownNames = `(() => {
	const vis = el => el && !el.hidden && el.offsetParent !== null;
	const js = document.getElementById('search-results');
	const list = vis(js) ? js : document.querySelector('#directory-results:not([hidden]) .signatory-list');
	return list ? Array.from(list.querySelectorAll('.signatory-name')).map(a => a.textContent.trim()).sort() : [];
})()`

func TestSignatorySearchWithJavaScript(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	recs := openData(t, s)
	ctx := openSignatoryPage(t, s, directoryPage(s, ""), tabSetup{bypassCSP: true})
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("search-name"))); err != nil {
		t.Fatalf("the search box never appeared: %v", err)
	}

	// Type part of a name, as a visitor does.
	target := recs[len(recs)/2]
	word := strings.ToLower(strings.Fields(target.Name)[0])
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-name"), word)); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range recs {
		if hasWordStarting(r.Name, word) {
			want = append(want, r.Name)
		}
	}
	slices.Sort(want)
	waitForSearch(t, ctx)
	if got := eval[[]string](t, ctx, shownNames); !slices.Equal(got, want) {
		t.Errorf("searching for %q shows %q, want %q", word, got, want)
	}
	if hidden := eval[bool](t, ctx, `document.getElementById('directory-results').hidden`); !hidden {
		t.Errorf("while searching, the pre-built list should be hidden so only the matches show")
	}
	status := eval[string](t, ctx, `document.querySelector('.search-status').textContent`)
	if !strings.HasPrefix(status, "1 organisation matches") && len(want) == 1 {
		t.Errorf("the status says %q, want it to count 1 match", status)
	}

	// The form and results the script adds must meet the same bar as the
	// page, so axe runs on them while they show.
	checkAxeNow(t, ctx, "/signatories/ with a search typed")

	// Clear the name and filter by the busiest region instead.
	region := busiestRegion(recs)
	eval[bool](t, ctx, `(() => {
		const input = document.getElementById('search-name');
		input.value = '';
		input.dispatchEvent(new Event('input'));
		const sel = document.getElementById('search-region');
		sel.value = Array.from(sel.options).find(o => o.text.startsWith(`+jsString(region)+` + ' (')).value;
		sel.dispatchEvent(new Event('change'));
		return true;
	})()`)
	waitForSearch(t, ctx)
	if got, want := eval[[]string](t, ctx, shownNames), namesIn(recs, region); !slices.Equal(got, want) {
		t.Errorf("filtering by %s shows %q, want %q", region, got, want)
	}

	// A name no one has: say so, rather than show an empty space.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-name"), "zzqx")); err != nil {
		t.Fatal(err)
	}
	waitForSearch(t, ctx)
	if status := eval[string](t, ctx, `document.querySelector('.search-status').textContent`); !strings.HasPrefix(status, "No organisation matches") {
		t.Errorf("a search with no match says %q", status)
	}

	// Back to no search at all: the pre-built list returns.
	eval[bool](t, ctx, `(() => {
		const input = document.getElementById('search-name');
		input.value = '';
		input.dispatchEvent(new Event('input'));
		const sel = document.getElementById('search-region');
		sel.value = '';
		sel.dispatchEvent(new Event('change'));
		return true;
	})()`)
	if got := eval[[]string](t, ctx, shownNames); len(got) != len(recs) {
		t.Errorf("with the search cleared the directory shows %d organisations, want all %d", len(got), len(recs))
	}
}

func TestSignatoryFilterPageStartsWithItsFilterChosen(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	recs := openData(t, s)
	region := busiestRegion(recs)
	p := directoryPage(s, "region/"+slug(region)+"/")
	p.kind = "signatories-filter"
	ctx := openSignatoryPage(t, s, p, tabSetup{})
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("search-region"))); err != nil {
		t.Fatalf("the filters never appeared: %v", err)
	}
	chosen := eval[string](t, ctx, `(s => s.options[s.selectedIndex].text)(document.getElementById('search-region'))`)
	if !strings.HasPrefix(chosen, region+" (") {
		t.Errorf("on the %s filter page the region menu starts at %q", region, chosen)
	}
	if got, want := eval[[]string](t, ctx, shownNames), namesIn(recs, region); !slices.Equal(got, want) {
		t.Errorf("the %s filter page shows %q, want %q", region, got, want)
	}
}

func TestSignatoryFilterPagesWithoutJavaScript(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	recs := openData(t, s)
	region := busiestRegion(recs)
	ctx := openSignatoryPage(t, s, directoryPage(s, ""), tabSetup{noScript: true})
	if shown := eval[bool](t, ctx, `(el => el.offsetParent !== null)(document.getElementById('directory-search'))`); shown {
		t.Errorf("with no JavaScript the empty search box should stay hidden")
	}
	if got := eval[[]string](t, ctx, shownNames); len(got) != len(recs) {
		t.Errorf("with no JavaScript the directory lists %d organisations, want all %d", len(got), len(recs))
	}
	// Open the filters, then the region group, and follow the link, as a
	// reader does.
	link := `a[href$="/signatories/region/` + slug(region) + `/"]`
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//nav//details[summary[normalize-space()="Filter the list"]]/summary`)),
		chromedp.Click(chromedp.Search(`//details[summary[normalize-space()="Region"]]/summary`)),
		chromedp.WaitVisible(chromedp.CSS(link)),
		chromedp.Click(chromedp.CSS(link)),
		chromedp.WaitVisible(chromedp.CSS(`a[aria-current="page"]`+link[1:])),
	)
	if err != nil {
		t.Fatalf("following the %s filter link with no JavaScript: %v", region, err)
	}
	want := namesIn(recs, region)
	if got := eval[[]string](t, ctx, shownNames); !slices.Equal(got, want) {
		t.Errorf("the %s filter page lists %q, want %q", region, got, want)
	}
	h1 := eval[string](t, ctx, `document.querySelector('h1').textContent`)
	if !strings.Contains(h1, region) {
		t.Errorf("the filter page's heading %q does not name %s", h1, region)
	}
}

func TestSignatoryCopyButton(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	recs := openData(t, s)
	p := page{file: "signatories/" + recs[0].Slug + "/index.html", kind: "signatory", path: s.prefix + "signatories/" + recs[0].Slug + "/", status: http.StatusOK}
	ctx := openSignatoryPage(t, s, p, tabSetup{})
	err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(".copy-button")),
		chromedp.Click(chromedp.CSS(".copy-button")),
		chromedp.Poll[chromedp.Void](`document.querySelector('.copy-status').textContent !== ''`),
	)
	if err != nil {
		t.Fatalf("the copy button did nothing: %v", err)
	}
	status := eval[string](t, ctx, `document.querySelector('.copy-status').textContent`)
	// Headless Chromium may refuse the clipboard; then the script selects
	// the text and says how to copy it, which is also a right answer.
	if !strings.HasPrefix(status, "Copied") && !strings.HasPrefix(status, "The HTML is selected") {
		t.Errorf("after Copy the status says %q", status)
	}
}

// hasWordStarting reports whether a word of the name starts with the
// prefix, ignoring case: how the directory's search matches a name.
func hasWordStarting(name, prefix string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// waitForSearch waits until the search has looked through every piece of
// the index it needs, and its status says so.
func waitForSearch(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`(s => s !== '' && !/Searching|Still searching/.test(s))(document.querySelector('.search-status').textContent)`))
	if err != nil {
		t.Fatalf("the search never finished: %v (status %q)", err, eval[string](t, ctx, `document.querySelector('.search-status').textContent`))
	}
}

// slug is the URL form of a filter value, as the content model gives it.
func slug(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// openSignatoryPage opens a tab of its own, since these tests click and
// type, and loads the page in it, bounded by tabTimeout.
func openSignatoryPage(t *testing.T, s *site, p page, setup tabSetup) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(newTab(t, setup), tabTimeout)
	t.Cleanup(cancel)
	loadPage(t, ctx, s, p, !setup.noScript)
	return ctx
}

// checkAxeNow runs axe-core on the page as it is now, in the light scheme.
// The tab must bypass CSP, since axe is injected by the test.
func checkAxeNow(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	requireAxe(t)
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src+"\n;0")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	for _, v := range eval[[]axeViolation](t, ctx, axeRunScript) {
		t.Errorf("%s", formatViolation(v, where, "light"))
	}
}
