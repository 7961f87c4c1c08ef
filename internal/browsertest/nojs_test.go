package browsertest

import "testing"

// mainContentScript checks that <main> and its h1 are rendered and visible.
const mainContentScript = `(() => {
	const shown = el => {
		if (!el) return false;
		const r = el.getBoundingClientRect();
		const cs = getComputedStyle(el);
		return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.opacity !== '0' &&
			(el.checkVisibility ? el.checkVisibility({opacityProperty: true, visibilityProperty: true}) : true);
	};
	const main = document.querySelector('main');
	const h1 = main && main.querySelector('h1');
	return {main: !!main, mainShown: shown(main), h1: !!h1, h1Shown: shown(h1), h1Text: h1 ? h1.textContent.trim() : ''};
})()`

// TestNoJavaScript proves that every page type works when JavaScript fails
// or is turned off: the main content and its heading still show.
func TestNoJavaScript(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{noScript: true})
	for _, p := range s.pagesToTest() {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			t.Parallel()
			ctx := tabs.openPage(t, s, p)
			// The page's own scripts are off; the DevTools protocol still
			// evaluates this check.
			r := eval[struct {
				Main      bool   `json:"main"`
				MainShown bool   `json:"mainShown"`
				H1        bool   `json:"h1"`
				H1Shown   bool   `json:"h1Shown"`
				H1Text    string `json:"h1Text"`
			}](t, ctx, mainContentScript)
			switch {
			case !r.Main:
				t.Errorf("no JavaScript: %s has no <main>", p.path)
			case !r.MainShown:
				t.Errorf("no JavaScript: %s hides its <main> when scripts are off", p.path)
			case !r.H1:
				t.Errorf("no JavaScript: %s has no h1 inside <main>", p.path)
			case !r.H1Shown || r.H1Text == "":
				t.Errorf("no JavaScript: the h1 of %s is not visible when scripts are off", p.path)
			}
		})
	}
}
