package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshots saves a full-page PNG of one page of each type at a phone
// width (320 px) and a desktop width (1280 px), and the desktop width in the
// dark scheme, to ROOT/.screenshots/KIND-WIDTH[-dark].png. Automated checks
// find about half of the problems; these are for the people who check the
// rest by eye. The test fails only when a screenshot cannot be taken.
func TestScreenshots(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	dir := filepath.Join(repoRoot(), ".screenshots")
	// Old shots of a kind that no longer exists would mislead.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct {
		width, height int64
		scheme        string
	}{{320, 640, "light"}, {1280, 800, "light"}, {1280, 800, "dark"}}
	for _, p := range s.onePerKind() {
		t.Run(p.kindName(), func(t *testing.T) {
			t.Parallel()
			ctx := newTab(t, tabSetup{})
			ctx, cancel := context.WithTimeout(ctx, tabTimeout)
			defer cancel()
			loadPage(t, ctx, s, p, true)
			for _, shot := range shots {
				// The new width and scheme apply without a reload.
				if err := chromedp.Do(ctx, emulate(tabSetup{width: shot.width, height: shot.height, colorScheme: shot.scheme})); err != nil {
					t.Fatalf("setting up the %d px %s screenshot: %v", shot.width, shot.scheme, err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatalf("screenshot of %s at %d px: %v", p.path, shot.width, err)
				}
				name := fmt.Sprintf("%s-%d.png", p.kindName(), shot.width)
				if shot.scheme == "dark" {
					name = fmt.Sprintf("%s-%d-dark.png", p.kindName(), shot.width)
				}
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	t.Logf("screenshots in %s", dir)
}
