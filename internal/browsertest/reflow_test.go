package browsertest

import (
	"strings"
	"testing"
)

// overflowScript measures horizontal scrolling and, when there is some,
// names the innermost elements that stick out past the viewport, which are
// the ones to fix.
const overflowScript = `(() => {
	const w = window.innerWidth;
	const sw = document.documentElement.scrollWidth;
	const wide = [];
	if (sw > w) {
		const out = el => el.getBoundingClientRect().right > w + 0.5;
		for (const el of document.body.querySelectorAll('*')) {
			if (!out(el) || [...el.children].some(out)) continue;
			let name = el.tagName.toLowerCase();
			if (el.id) name += '#' + el.id;
			for (const c of [...el.classList].slice(0, 2)) name += '.' + c;
			const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
			wide.push(name + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)' + (text ? ' "' + text + '"' : ''));
			if (wide.length === 8) break;
		}
	}
	return {innerWidth: w, scrollWidth: sw, wide};
})()`

// TestReflow320 proves WCAG 1.4.10: at 320 CSS px wide (1280 px at 400%
// zoom) no page scrolls sideways.
func TestReflow320(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{width: 320, height: 640})
	for _, p := range s.pagesToTest() {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			t.Parallel()
			ctx := tabs.openPage(t, s, p)
			r := eval[struct {
				InnerWidth  int      `json:"innerWidth"`
				ScrollWidth int      `json:"scrollWidth"`
				Wide        []string `json:"wide"`
			}](t, ctx, overflowScript)
			if r.ScrollWidth > r.InnerWidth {
				t.Errorf("reflow: %s scrolls sideways at 320 px: scrollWidth %d > innerWidth %d; elements past the edge:\n    %s",
					p.path, r.ScrollWidth, r.InnerWidth, strings.Join(r.Wide, "\n    "))
			}
		})
	}
}
