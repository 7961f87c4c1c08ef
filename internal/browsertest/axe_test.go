package browsertest

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets of shared/accessibility.md: WCAG 2.0, 2.1 and 2.2
// at levels A and AA, and axe's best practices.
const axeRunScript = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
}).then(r => r.violations.map(v => ({
	id: v.id,
	impact: v.impact || '',
	help: v.help,
	nodes: v.nodes.map(n => ({
		target: n.target.flat(Infinity).join(' >>> '),
		summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(),
	})),
})))`

// settleScript waits until the page has painted the new colour scheme and
// its transitions have ended (at most 2 s), so axe measures the final colours.
const settleScript = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
	.then(() => Promise.race([
		Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
		new Promise(r => setTimeout(r, 2000)),
	]))
	.then(() => true)`

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeSource is read once: the suite injects it into every page.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(axeScriptPath())
	return string(b), err
})

// TestAxe runs axe-core on every page type in the light and the dark colour
// scheme, and fails on any violation. At the end it logs which rules failed
// on how many pages, the short list to fix first.
func TestAxe(t *testing.T) {
	requireChromium(t)
	requireAxe(t)
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	s := rootSite(t)
	sum := newRuleSummary()
	t.Run("pages", func(t *testing.T) {
		// The theme may send a strict CSP; axe is injected by the test,
		// not by the page, so let it run.
		tabs := newTabPool(t, tabSetup{bypassCSP: true})
		for _, p := range s.pagesToTest() {
			t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
				t.Parallel()
				ctx := tabs.openPage(t, s, p)
				// Injecting axe costs more than running it, so both
				// schemes are checked in one document: the media
				// query switches without a reload.
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src+"\n;0")); err != nil {
					t.Fatalf("injecting axe-core: %v", err)
				}
				for _, scheme := range []string{"light", "dark"} {
					if err := chromedp.Do(ctx, emulate(tabSetup{colorScheme: scheme, bypassCSP: true})); err != nil {
						t.Fatalf("switching to the %s scheme: %v", scheme, err)
					}
					eval[bool](t, ctx, settleScript)
					for _, v := range eval[[]axeViolation](t, ctx, axeRunScript) {
						sum.add(v.ID, v.Help, scheme+" "+p.path)
						t.Errorf("%s", formatViolation(v, p.path, scheme))
					}
				}
			})
		}
	})
	sum.log(t, "axe-core")
}

func formatViolation(v axeViolation, path, scheme string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s\n    page %s [%s]", v.ID, v.Impact, v.Help, path, scheme)
	for i, n := range v.Nodes {
		if i == 10 {
			fmt.Fprintf(&b, "\n    ... and %d more elements", len(v.Nodes)-i)
			break
		}
		summary := n.Summary
		if len(summary) > 300 {
			summary = summary[:300] + "..."
		}
		fmt.Fprintf(&b, "\n    - %s\n      %s", n.Target, summary)
	}
	return b.String()
}

// ruleSummary counts, for each failed rule, the pages it failed on, so a
// run over forty pages ends with a short list instead of only a long log.
type ruleSummary struct {
	mu    sync.Mutex
	help  map[string]string
	pages map[string][]string
}

func newRuleSummary() *ruleSummary {
	return &ruleSummary{help: map[string]string{}, pages: map[string][]string{}}
}

func (r *ruleSummary) add(rule, help, where string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.help[rule] = help
	r.pages[rule] = append(r.pages[rule], where)
}

func (r *ruleSummary) log(t *testing.T, tool string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pages) == 0 {
		return
	}
	rules := make([]string, 0, len(r.pages))
	for rule := range r.pages {
		rules = append(rules, rule)
	}
	slices.Sort(rules)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rules failed:", tool, len(rules))
	for _, rule := range rules {
		fmt.Fprintf(&b, "\n  %-28s %3d pages  %s", rule, len(r.pages[rule]), r.help[rule])
	}
	t.Log(b.String())
}
