package browsertest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Pictures keep their place while they load: on a slow connection the
// page shows its words first, and a picture without a width and height
// arrives later and pushes everything below it down, as the reader is
// reading it or about to tap a link. These tests serve the example with
// every picture held back, as a slow connection does, and measure the
// page before and after the pictures arrive.

// pictureDelay holds back each picture: long enough for the page to be
// laid out and painted without it.
const pictureDelay = 700 * time.Millisecond

// styleDelay holds back each stylesheet a little, as a busy machine or a
// slow connection can: the HTML is then read before its styles, and the
// measure must start from the page as styled, not as first read (a CI
// run once failed that way).
const styleDelay = 250 * time.Millisecond

// stripSizeParam asks slowPictureServer for the page with the width and
// height taken off every picture, as the theme wrote it before, to show
// that the measure sees the shift they prevent.
const stripSizeParam = "without-sizes"

var (
	pictureFile = regexp.MustCompile(`(?i)\.(png|jpe?g|gif|webp|svg|avif)$`)
	imgSizeRe   = regexp.MustCompile(`(<img\b[^>]*?)\s(?:width|height)="?\d+"?`)
)

// slowPictureServer serves the site with each picture held back by
// pictureDelay, and each stylesheet by styleDelay.
func slowPictureServer(t *testing.T, s *site) *httptest.Server {
	files := siteHandler(s.dir, s.prefix)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Every load fetches its pictures again: one the browser kept
		// from an earlier test would arrive at once.
		w.Header().Set("Cache-Control", "no-store")
		delay := time.Duration(0)
		switch {
		case pictureFile.MatchString(r.URL.Path):
			delay = pictureDelay
		case strings.HasSuffix(r.URL.Path, ".css"):
			delay = styleDelay
		}
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		if _, strip := r.URL.Query()[stripSizeParam]; strip && strings.HasSuffix(r.URL.Path, "/") {
			body, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(strings.TrimPrefix(r.URL.Path, s.prefix)), "index.html"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			for imgSizeRe.Match(body) {
				body = imgSizeRe.ReplaceAll(body, []byte("$1"))
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// layoutWatch runs before the page's own scripts: it adds up the layout
// shifts the browser reports (the measure behind Core Web Vitals' CLS),
// and notes where each block of <main> is as soon as the HTML and its
// stylesheets are in, before any held-back picture has arrived.
const layoutWatch = `(() => {
	window.__shift = 0;
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
	}).observe({type: 'layout-shift', buffered: true});
	window.__places = () => [...document.querySelectorAll('main *:not(img)')].map(el => {
		const r = el.getBoundingClientRect();
		return Math.round((r.top + window.scrollY) * 10) / 10;
	});
	// The places are read once the stylesheets are in: the HTML can be
	// read before them on a busy machine, and a page laid out without
	// its styles is not what the reader sees (that move is no layout
	// shift). The pictures are held back far longer.
	document.addEventListener('DOMContentLoaded', () => {
		const sheets = [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.sheet ? null :
			new Promise(ready => { l.addEventListener('load', ready); l.addEventListener('error', ready); }));
		Promise.all(sheets).then(() => {
			window.__before = window.__places();
			window.__pending = [...document.images].filter(i => !i.complete).length;
		});
	});
})()`

// layoutResult, run once the page has loaded, says how far the blocks
// moved and how much the browser counted as shifting.
const layoutResult = `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
	const after = window.__places();
	let moved = 0;
	(window.__before || []).forEach((top, i) => { moved = Math.max(moved, Math.abs(after[i] - top)); });
	done({
		shift: window.__shift,
		moved: moved,
		pending: window.__pending || 0,
		images: document.images.length,
		loaded: [...document.images].every(i => i.complete && i.naturalWidth > 0),
		unsized: [...document.querySelectorAll('main img:not([width])')].map(i => i.getAttribute('src')),
	});
})))`

type layoutShift struct {
	Shift   float64  `json:"shift"`
	Moved   float64  `json:"moved"`
	Pending int      `json:"pending"`
	Images  int      `json:"images"`
	Loaded  bool     `json:"loaded"`
	Unsized []string `json:"unsized"`
}

// measureLoad opens url in a fresh tab with the watch in place, waits for
// the pictures, and returns what moved.
func measureLoad(t *testing.T, setup tabSetup, url string) layoutShift {
	t.Helper()
	ctx, cancel := context.WithTimeout(newTab(t, setup), tabTimeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: layoutWatch})
		return err
	}))
	if err != nil {
		t.Fatalf("adding the layout watch: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(url)); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	return eval[layoutShift](t, ctx, layoutResult)
}

// picturePages are the example's pages with pictures of each kind: a PNG
// logo, an SVG logo, a PNG drawing in a case study's words, and the SVG
// pictures of an Easy Read page.
func picturePages(t *testing.T, s *site) []page {
	want := []string{
		"signatories/riverside-mind-collective/index.html",
		"signatories/meadow-street-health/index.html",
		"case-studies/humankind-working-together/index.html",
		"pledges/two-way-pledge/easy-read/index.html",
	}
	var out []page
	for _, file := range want {
		found := false
		for _, p := range s.pages {
			if p.file == file {
				out, found = append(out, p), true
			}
		}
		if !found {
			t.Fatalf("pictures: the example has no page %s", file)
		}
	}
	return out
}

func TestPicturesDoNotShiftThePage(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	srv := slowPictureServer(t, s)
	for _, p := range picturePages(t, s) {
		for _, width := range []int64{320, 1280} {
			t.Run(p.name()+"/"+map[int64]string{320: "phone", 1280: "desktop"}[width], func(t *testing.T) {
				setup := tabSetup{width: width, height: 800, bypassCSP: true}
				got := measureLoad(t, setup, srv.URL+p.path)
				if got.Images == 0 || got.Pending == 0 || !got.Loaded {
					t.Fatalf("pictures: %s: %d pictures, %d still loading when the page was read, all loaded at the end: %v; the test measures nothing", p.path, got.Images, got.Pending, got.Loaded)
				}
				if len(got.Unsized) > 0 {
					t.Errorf("pictures: %s has pictures without a width and height: %v", p.path, got.Unsized)
				}
				t.Logf("%s at %d px: %d pictures held back; blocks moved %.1f px, layout shift %.4f", p.path, width, got.Pending, got.Moved, got.Shift)
				if got.Moved > 0.5 || got.Shift > 0 {
					t.Errorf("pictures: on %s at %d px, the page moved as its pictures loaded: blocks moved up to %.1f px, layout shift %.4f (want 0)", p.path, width, got.Moved, got.Shift)
				}
			})
		}
	}
}

// Without the width and height, the same pages move as their pictures
// arrive: the measure above would see it.
func TestPicturesWithoutSizesDoShift(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	srv := slowPictureServer(t, s)
	for _, p := range picturePages(t, s)[:3] {
		t.Run(p.name(), func(t *testing.T) {
			got := measureLoad(t, tabSetup{width: 320, height: 800, bypassCSP: true}, srv.URL+p.path+"?"+stripSizeParam)
			t.Logf("without sizes, %s at 320 px: blocks moved up to %.1f px, layout shift %.4f", p.path, got.Moved, got.Shift)
			if got.Moved < 10 {
				t.Errorf("pictures: without sizes, %s moved only %.1f px as its pictures loaded (layout shift %.4f); the test cannot tell a page that moves", p.path, got.Moved, got.Shift)
			}
		})
	}
}

// The pages with pictures pass axe-core and the Nu HTML Checker: the
// width and height are valid HTML, and every picture says what it shows.
func TestPicturePagesPassAxeAndNu(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	pages := picturePages(t, s)
	for _, p := range pages {
		t.Run(p.name(), func(t *testing.T) {
			ctx := openSignatoryPage(t, s, p, tabSetup{bypassCSP: true})
			checkAxeNow(t, ctx, p.path)
		})
	}
	requireVNU(t)
	args := []string{"-jar", vnuJarPath(), "--errors-only", "--also-check-css"}
	for _, p := range pages {
		args = append(args, filepath.Join(s.dir, filepath.FromSlash(p.file)))
	}
	css, _ := filepath.Glob(filepath.Join(s.dir, "style.*.css"))
	args = append(args, css...)
	cmd := exec.Command("java", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	done := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
	err := cmd.Run()
	done.Stop()
	if err != nil {
		t.Errorf("vnu: the pages with pictures have errors: %v\n%s", err, stderr.String())
	}
}
