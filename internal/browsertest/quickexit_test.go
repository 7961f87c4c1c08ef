package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The quick exit, for a reader who must hide what they are reading at once:
// always on screen, one Tab press after the skip link, and its Shift-key
// shortcut said in words, both on the page and to a screen reader.

// quickExitPages are the pages of the example that show the quick exit.
func quickExitPages(t *testing.T, s *site) []page {
	t.Helper()
	var out []page
	for _, p := range s.pagesToTest() {
		if b := readPage(t, s, p); strings.Contains(b, `class=quick-exit`) || strings.Contains(b, `class="quick-exit"`) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		t.Fatal("no page of the example shows the quick exit; the tests need one (quick_exit: true in a page's front matter)")
	}
	return out
}

// readPage returns the HTML file of a page.
func readPage(t *testing.T, s *site, p page) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(p.file)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// quickExitScript says where the quick exit is on screen and what it is
// described as.
const quickExitScript = `(() => {
	const a = document.querySelector('a.quick-exit');
	const r = a.getBoundingClientRect();
	const ids = (a.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
	const hint = document.getElementById('quick-exit-hint');
	const hr = hint ? hint.getBoundingClientRect() : null;
	return {
		inView: r.width >= 1 && r.height >= 1 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
		top: r.top, scrollY: window.scrollY,
		description: ids.map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim(),
		hintShown: !!hint && !hint.hidden && hr.width > 0 && hr.height > 0,
		hintText: hint ? hint.textContent.trim() : '',
	};
})()`

type quickExitState struct {
	InView      bool    `json:"inView"`
	Top         float64 `json:"top"`
	ScrollY     float64 `json:"scrollY"`
	Description string  `json:"description"`
	HintShown   bool    `json:"hintShown"`
	HintText    string  `json:"hintText"`
}

func TestQuickExitStaysOnScreenAt320(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{width: 320, height: 640})
	for _, p := range quickExitPages(t, s) {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			ctx := tabs.openPage(t, s, p)
			for _, y := range []string{"0", "600", "document.documentElement.scrollHeight"} {
				got := eval[quickExitState](t, ctx, `window.scrollTo(0, `+y+`), new Promise(r => requestAnimationFrame(() => r(`+quickExitScript+`)))`)
				if !got.InView {
					t.Errorf("quick exit: on %s at 320 px, scrolled to %.0f px, the quick exit is off screen (its top at %.0f px)", p.path, got.ScrollY, got.Top)
				}
			}
			got := eval[quickExitState](t, ctx, quickExitScript)
			if !got.HintShown || !strings.Contains(got.HintText, "Shift") {
				t.Errorf("quick exit: %s does not say on the page that pressing Shift three times leaves (hint shown: %v, %q)", p.path, got.HintShown, got.HintText)
			}
			if !strings.Contains(got.Description, "Shift") {
				t.Errorf("quick exit: the link's accessible description on %s is %q, want the Shift-key shortcut", p.path, got.Description)
			}
		})
	}
}

func TestQuickExitIsTheSecondTabStop(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{width: 320, height: 640})
	for _, p := range quickExitPages(t, s) {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			ctx := tabs.openPage(t, s, p)
			var stops []focused
			for range 2 {
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
					t.Fatalf("pressing Tab: %v", err)
				}
				stops = append(stops, eval[focused](t, ctx, focusScript))
			}
			if !stops[0].isSkipLink() {
				t.Errorf("quick exit: on %s the first Tab reaches %q, want the skip link", p.path, stops[0].Text)
			}
			if second := stops[1]; !second.QuickExit || !second.OnScreen {
				t.Errorf("quick exit: on %s the second Tab reaches <%s> %q (on screen: %v), want the quick exit", p.path, second.Tag, second.Text, second.OnScreen)
			}
		})
	}
}
