package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The Welsh directory's search box, written by directory.js, speaks Welsh:
// its words come from the page (data-words), not from the script. A search
// finds the Welsh signatory and links to its Welsh page; axe passes with
// the results showing.
func TestWelshDirectorySearchIsInWelsh(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	p := page{file: "cy/signatories/index.html", kind: "list", path: s.prefix + "cy/signatories/", status: http.StatusOK}
	ctx := openSignatoryPage(t, s, p, tabSetup{bypassCSP: true})
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("search-name"))); err != nil {
		t.Fatalf("the search box never appeared: %v", err)
	}
	for script, want := range map[string]string{
		`document.getElementById('search-heading').textContent`:             "Chwilio a hidlo",
		`document.querySelector('label[for=search-name]').textContent`:      "Enw'r sefydliad",
		`document.querySelector('#search-region option').textContent`:       "Y cyfan",
		`document.querySelector('label[for=search-region]').textContent`:    "Rhanbarth",
		`document.querySelector('.search-form').getAttribute('aria-label')`: "Llofnodwyr",
	} {
		if got := eval[string](t, ctx, script); got != want {
			t.Errorf("%s = %q, want %q", script, got, want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-name"), "kite")); err != nil {
		t.Fatal(err)
	}
	if status := eval[string](t, ctx, `document.querySelector('.search-status').textContent`); status != "Mae 1 sefydliad yn cyfateb." {
		t.Errorf("the status says %q, want it in Welsh", status)
	}
	link := eval[string](t, ctx, `document.querySelector('#search-results .signatory-name').getAttribute('href')`)
	if !strings.HasSuffix(link, "/cy/signatories/kite-youth-arts/") {
		t.Errorf("the Welsh signatory's result links to %q, want its Welsh page", link)
	}
	dates := eval[string](t, ctx, `document.querySelector('#search-results time').textContent`)
	if dates != "18 Mai 2026" {
		t.Errorf("the result's date is %q, want it in Welsh", dates)
	}
	checkAxeNow(t, ctx, "/cy/signatories/ with a search typed")
}
