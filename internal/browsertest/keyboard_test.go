package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// focusScript describes the focused element.
const focusScript = `(() => {
	const a = document.activeElement || document.body;
	const r = a.getBoundingClientRect();
	const target = document.getElementById('main-content');
	return {
		tag: a.tagName.toLowerCase(),
		href: a.getAttribute('href') || '',
		text: (a.innerText || a.textContent || '').replace(/\s+/g, ' ').trim(),
		inNav: !!a.closest('nav'),
		inHeader: !!a.closest('header'),
		onScreen: r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.right > 0 &&
			r.top < window.innerHeight && r.left < window.innerWidth,
		mainTarget: target ? target.tagName.toLowerCase() : '',
		lang: (a.closest('[lang]') || document.documentElement).lang || '',
		quickExit: a.classList.contains('quick-exit'),
	};
})()`

type focused struct {
	Tag        string `json:"tag"`
	Href       string `json:"href"`
	Text       string `json:"text"`
	InNav      bool   `json:"inNav"`
	InHeader   bool   `json:"inHeader"`
	OnScreen   bool   `json:"onScreen"`
	MainTarget string `json:"mainTarget"`
	Lang       string `json:"lang"`
	QuickExit  bool   `json:"quickExit"`
}

// isSkipLink reports whether the element is the skip link. Its words are
// "Skip to main content" on an English page; a page in another language
// (the Welsh pages of the example) says it in that language.
func (f focused) isSkipLink() bool {
	if f.Tag != "a" || f.Href != "#main-content" {
		return false
	}
	if f.Lang == "en" || strings.HasPrefix(f.Lang, "en-") {
		return f.Text == "Skip to main content"
	}
	return f.Text != ""
}

// TestKeyboardSkipLinkThenNav proves that a keyboard user, from a fresh page
// load, meets the skip link with the first Tab (and sees it, WCAG 2.4.7)
// and the header navigation with the second (the third on a page with the
// quick exit, which comes between them). Real key events are used, so the
// browser's own focus order is tested, not the DOM order.
func TestKeyboardSkipLinkThenNav(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{})
	for _, p := range s.pagesToTest() {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			t.Parallel()
			// A tab is reused, but each load is a new document, and
			// focus starts again from its top.
			ctx := tabs.openPage(t, s, p)
			tab := func() focused {
				t.Helper()
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
					t.Fatalf("pressing Tab: %v", err)
				}
				return eval[focused](t, ctx, focusScript)
			}

			first := tab()
			if !first.isSkipLink() {
				t.Errorf("keyboard: on %s the first Tab focuses <%s href=%q> %q, want the skip link <a href=\"#main-content\">Skip to main content</a> (in the page's language, here %q)",
					p.path, first.Tag, first.Href, first.Text, first.Lang)
			} else if !first.OnScreen {
				t.Errorf("keyboard: on %s the focused skip link is not visible on screen", p.path)
			}
			if first.MainTarget != "main" {
				t.Errorf("keyboard: on %s the skip link's target #main-content is <%s>, want <main id=\"main-content\">", p.path, first.MainTarget)
			}

			second := tab()
			if second.QuickExit {
				// A page with the quick exit puts it between the skip
				// link and the navigation (quickexit_test.go).
				second = tab()
			}
			if second.Tag != "a" || !second.InNav || !second.InHeader {
				t.Errorf("keyboard: on %s the second Tab focuses <%s href=%q> %q (in nav: %v, in header: %v), want a link in the header's <nav>",
					p.path, second.Tag, second.Href, second.Text, second.InNav, second.InHeader)
			}
		})
	}
}
