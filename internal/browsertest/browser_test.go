package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// This file owns the one Chromium that all tests of the binary share, and
// the tabs the tests load pages in. Starting Chromium takes a second or two,
// so it starts once, on first use, and TestMain stops it.

// tabTimeout bounds opening a tab, and everything a test does with one page
// (load, checks, screenshots), so a page that never finishes loading fails
// its test instead of hanging the suite until go test's own timeout.
const tabTimeout = 2 * time.Minute

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "coproduce-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	stopBrowser()
	serversMu.Lock()
	for _, s := range servers {
		s.Close()
	}
	serversMu.Unlock()
	os.RemoveAll(dir)
	os.Exit(code)
}

// syncBuffer collects Chromium's output; the browser writes it from another
// goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
	output syncBuffer
}

// browserContext returns the context of the shared browser, starting it on
// first use.
func browserContext(t testing.TB) context.Context {
	t.Helper()
	requireChromium(t)
	browser.once.Do(startBrowser)
	if browser.err != nil {
		t.Fatalf("starting chromium: %v\nchromium said:\n%s", browser.err, browser.output.String())
	}
	return browser.ctx
}

func startBrowser() {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		// Containers and CI run as root, where Chromium's sandbox cannot start.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// The tests talk only to 127.0.0.1: keep the browser off the
		// network, which a CI machine does not have.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(workDir, "chromium-profile")),
		chromedp.WindowSize(1280, 800),
		chromedp.CombinedOutput(&browser.output),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.cancel = func() { cancelCtx(); cancelAlloc() }
	// The context of the first call must not have a deadline (the deadline
	// would stop the browser later), so a timer stops a start that hangs.
	timer := time.AfterFunc(2*time.Minute, cancelCtx)
	defer timer.Stop()
	if err := chromedp.Do(ctx); err != nil {
		browser.err = err
		browser.cancel()
	}
}

func stopBrowser() {
	if browser.cancel != nil {
		browser.cancel()
	}
}

// A tabSetup says how a tab emulates the visitor's device and settings.
type tabSetup struct {
	width, height int64  // viewport in CSS px; 1280x800 when zero
	colorScheme   string // "light" or "dark"; light when empty
	noScript      bool   // turn JavaScript off, as a visitor may
	bypassCSP     bool   // let injected scripts (axe-core) run under a strict CSP
}

// emulate applies the setup to a tab. It lasts across navigations, and may
// be applied again to change it (screenshots change the width, axe the
// colour scheme) without a reload.
func emulate(setup tabSetup) chromedp.Action[chromedp.Void] {
	if setup.width == 0 {
		setup.width, setup.height = 1280, 800
	}
	if setup.colorScheme == "" {
		setup.colorScheme = "light"
	}
	return chromedp.Steps(
		chromedp.EmulateViewport(setup.width, setup.height),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			// Set the scheme both ways, so the result never depends on
			// the machine's default.
			if _, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: setup.colorScheme}},
			}); err != nil {
				return err
			}
			// Each tab has its own window; without this a page in a
			// window that is not in front has no focus, and Tab does
			// nothing.
			if _, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: setup.noScript}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, cdppage.SetBypassCSP, cdppage.SetBypassCSPParams{Enabled: setup.bypassCSP})
			return err
		}),
	)
}

// openTab opens a tab in the shared browser with the setup applied, and
// returns its context and the func that closes it. The context has no
// deadline of its own (a deadline would close the tab); callers bound each
// use with withPageTimeout.
func openTab(t testing.TB, setup tabSetup) (context.Context, func()) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserContext(t))
	// The first call creates the tab; a timer stops it if that hangs.
	timer := time.AfterFunc(tabTimeout, cancel)
	err := chromedp.Do(ctx, emulate(setup))
	timer.Stop()
	if err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx, cancel
}

// newTab opens a tab for one test; it closes when the test ends.
func newTab(t testing.TB, setup tabSetup) context.Context {
	t.Helper()
	ctx, closeTab := openTab(t, setup)
	t.Cleanup(closeTab)
	return ctx
}

// A tabPool lends tabs with one setup to the parallel subtests of a test.
// Opening a tab costs about half a second, loading a page a tenth of that,
// so each test opens as many tabs as it runs pages at once (go test's
// -parallel, the number of CPUs) and loads its pages in them one by one.
type tabPool struct {
	setup tabSetup
	mu    sync.Mutex
	free  []context.Context
	close map[context.Context]func()
}

// newTabPool makes a pool whose tabs close when the test t, and so all its
// subtests, end.
func newTabPool(t *testing.T, setup tabSetup) *tabPool {
	p := &tabPool{setup: setup, close: map[context.Context]func(){}}
	t.Cleanup(func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, closeTab := range p.close {
			closeTab()
		}
	})
	return p
}

// tab lends a tab to the test t until t ends. A tab whose page timed out is
// closed instead of lent again, since it may still be busy.
func (p *tabPool) tab(t testing.TB) context.Context {
	t.Helper()
	p.mu.Lock()
	var tab context.Context
	if n := len(p.free); n > 0 {
		tab, p.free = p.free[n-1], p.free[:n-1]
	}
	p.mu.Unlock()
	if tab == nil {
		var closeTab func()
		tab, closeTab = openTab(t, p.setup)
		p.mu.Lock()
		p.close[tab] = closeTab
		p.mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(tab, tabTimeout)
	t.Cleanup(func() {
		timedOut := ctx.Err() != nil
		cancel()
		p.mu.Lock()
		defer p.mu.Unlock()
		if timedOut {
			p.close[tab]()
			delete(p.close, tab)
			return
		}
		p.free = append(p.free, tab)
	})
	return ctx
}

// openPage borrows a tab from the pool and loads the page in it. The
// returned context bounds everything the test does with the page.
func (p *tabPool) openPage(t testing.TB, s *site, pg page) context.Context {
	t.Helper()
	ctx := p.tab(t)
	loadPage(t, ctx, s, pg, !p.setup.noScript)
	return ctx
}

// loadPage loads the page in the tab and fails the test unless the server
// answers with the page's expected status. When scripts run, it waits for
// web fonts, so that layout and contrast are final.
func loadPage(t testing.TB, ctx context.Context, s *site, p page, scripts bool) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(s.url(p)))
	if err != nil {
		t.Fatalf("loading %s: %v", p.path, err)
	}
	if resp == nil || int(resp.Status) != p.status {
		var got int64
		if resp != nil {
			got = resp.Status
		}
		t.Fatalf("loading %s: status %d, want %d", p.path, got, p.status)
	}
	if scripts {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("waiting for fonts on %s: %v", p.path, err)
		}
	}
}

// eval runs a script in the page and decodes its result into T, failing the
// test on error.
func eval[T any](t testing.TB, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running a script in the page: %v", err)
	}
	return v
}
