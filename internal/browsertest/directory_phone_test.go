package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The signatory directory on a phone: the list starts within the first
// screen at 320 px, with JavaScript and without; one way to filter shows
// at a time; every group of filters starts closed; and a filter that no
// signatory has a value for is not offered at all.

// firstItemTop is how far down the page, in CSS px, the first organisation
// of the visible list starts.
const directoryPhoneScript = `(() => {
	const shown = el => !!el && el.checkVisibility();
	const items = [...document.querySelectorAll('.signatory-item')].filter(shown);
	const first = items[0];
	const links = document.querySelector('.directory-filters');
	const form = document.getElementById('directory-search');
	return {
		firstItemTop: first ? first.getBoundingClientRect().top + window.scrollY : -1,
		linksShown: shown(links),
		formFilters: !!form && shown(form) && !!form.querySelector('select'),
		open: [...document.querySelectorAll('details')].filter(d => d.open && d.closest('.directory')).map(d => d.querySelector('summary').textContent.trim()),
		emptyMenus: [...document.querySelectorAll('.directory select')].filter(s => s.options.length <= 1).map(s => s.id),
		emptyGroups: [...document.querySelectorAll('.directory details')].filter(d => !d.querySelector('a, select, input')).map(d => d.querySelector('summary').textContent.trim()),
		sizeOffered: !!document.getElementById('search-size') || [...document.querySelectorAll('.directory summary')].some(s => s.textContent.trim() === 'Size'),
	};
})()`

type directoryPhone struct {
	FirstItemTop float64  `json:"firstItemTop"`
	LinksShown   bool     `json:"linksShown"`
	FormFilters  bool     `json:"formFilters"`
	Open         []string `json:"open"`
	EmptyMenus   []string `json:"emptyMenus"`
	EmptyGroups  []string `json:"emptyGroups"`
	SizeOffered  bool     `json:"sizeOffered"`
}

// maxFirstItemTop is how far down the first organisation may start at 320
// px: within the first screen of a small phone.
const maxFirstItemTop = 700

func TestDirectoryOnAPhone(t *testing.T) {
	requireChromium(t)
	sites := map[string]func() (*site, error){
		"example": func() (*site, error) { return rootBuild() },
		"big":     bigBuild,
	}
	for _, name := range []string{"example", "big"} {
		for _, script := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/javascript=%v", name, script), func(t *testing.T) {
				s, err := sites[name]()
				if err != nil {
					t.Fatal(err)
				}
				ctx := openSignatoryPage(t, s, directoryPage(s, ""), tabSetup{width: 320, height: 640, noScript: !script})
				if script {
					waitForSearchForm(t, ctx)
				}
				r := eval[directoryPhone](t, ctx, directoryPhoneScript)
				t.Logf("first organisation at %.0f px", r.FirstItemTop)
				if r.FirstItemTop < 0 || r.FirstItemTop > maxFirstItemTop {
					t.Errorf("directory: at 320 px the first organisation starts %.0f px down the page, want within %d px", r.FirstItemTop, maxFirstItemTop)
				}
				if r.LinksShown && r.FormFilters {
					t.Errorf("directory: the filter links and the filter form show at once; show one")
				}
				if !r.LinksShown && !r.FormFilters {
					t.Errorf("directory: neither the filter links nor the filter form show")
				}
				if len(r.Open) > 0 {
					t.Errorf("directory: filter groups %q start open; they should start closed", r.Open)
				}
				if len(r.EmptyMenus) > 0 || len(r.EmptyGroups) > 0 {
					t.Errorf("directory: filters with nothing to choose: menus %q, groups %q", r.EmptyMenus, r.EmptyGroups)
				}
				if name == "big" {
					// Numbers carry the language's thousands separator.
					if h := eval[string](t, ctx, `document.getElementById('results-heading').textContent`); !strings.HasPrefix(h, "10,000 organisations") {
						t.Errorf("directory: the list's heading says %q, want 10,000 organisations with a thousands separator", h)
					}
				}
			})
		}
	}
}

func TestDirectoryOffersNoEmptyFilter(t *testing.T) {
	requireChromium(t)
	s, err := noSizeBuild()
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range []bool{true, false} {
		t.Run(fmt.Sprintf("javascript=%v", script), func(t *testing.T) {
			ctx := openSignatoryPage(t, s, directoryPage(s, ""), tabSetup{noScript: !script})
			if script {
				waitForSearchForm(t, ctx)
			}
			r := eval[directoryPhone](t, ctx, directoryPhoneScript)
			if r.SizeOffered {
				t.Errorf("directory: no signatory gives its size, yet the directory offers a Size filter")
			}
			if len(r.EmptyMenus) > 0 || len(r.EmptyGroups) > 0 {
				t.Errorf("directory: filters with nothing to choose: menus %q, groups %q", r.EmptyMenus, r.EmptyGroups)
			}
		})
	}
}

// waitForSearchForm waits until the directory's script has made its form
// ready.
func waitForSearchForm(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("search-name"))); err != nil {
		t.Fatalf("the search box never appeared: %v", err)
	}
}
