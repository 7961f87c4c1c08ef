package browsertest

import (
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

// linksScript lists the resolved URL of every link and asset of the page:
// the properties (a.href, img.src...) are absolute, resolved by the browser
// exactly as a visitor's click or fetch would be. Resources that CSS loads
// (fonts, background images) come from the Resource Timing API. Same-page
// fragments are checked here, against the ids of the page.
const linksScript = `(() => {
	const urls = [];
	for (const el of document.querySelectorAll('a[href], link[href], script[src], img[src]')) {
		urls.push({url: el.href || el.src, tag: el.tagName.toLowerCase()});
	}
	for (const e of performance.getEntriesByType('resource')) urls.push({url: e.name, tag: 'resource'});
	const here = location.href.split('#')[0];
	const missingFragments = [];
	for (const a of document.querySelectorAll('a[href*="#"]')) {
		const [base, frag] = a.href.split('#');
		if (base === here && frag && !document.getElementById(decodeURIComponent(frag))) missingFragments.push('#' + frag);
	}
	return {urls, missingFragments};
})()`

// TestSubPath builds the site for https://example.org/coproduction/, serves
// it under /coproduction/, and proves that every same-site link and asset of
// every page type stays under /coproduction/ and answers 200. A theme that
// writes "/style.css" instead of the base path passes at the root of a host
// and fails here.
func TestSubPath(t *testing.T) {
	requireChromium(t)
	s := subPathSite(t)
	tabs := newTabPool(t, tabSetup{})
	status := newStatusCache()
	for _, p := range s.pagesToTest() {
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			t.Parallel()
			ctx := tabs.openPage(t, s, p)
			r := eval[struct {
				URLs []struct {
					URL string `json:"url"`
					Tag string `json:"tag"`
				} `json:"urls"`
				MissingFragments []string `json:"missingFragments"`
			}](t, ctx, linksScript)
			for _, f := range r.MissingFragments {
				t.Errorf("sub-path: %s links to %s, but no element has that id", p.path, f)
			}
			var seen []string
			for _, l := range r.URLs {
				u := s.localURL(l.URL)
				if u == "" {
					continue // another site, mailto: and the like
				}
				u, _, _ = strings.Cut(u, "#")
				// A link to the page itself (the skip link, say) was
				// checked by loading the page, with its own status.
				if u == s.url(p) || slices.Contains(seen, u) {
					continue
				}
				seen = append(seen, u)
				pu, err := url.Parse(u)
				if err != nil {
					t.Errorf("sub-path: %s has a <%s> URL that does not parse: %q", p.path, l.Tag, l.URL)
					continue
				}
				if !strings.HasPrefix(pu.Path, s.prefix) {
					t.Errorf("sub-path: %s has a <%s> pointing at %s, outside %s", p.path, l.Tag, pu.RequestURI(), s.prefix)
					continue
				}
				code, err := status.get(u)
				if err != nil {
					t.Errorf("sub-path: fetching %s (from %s): %v", pu.RequestURI(), p.path, err)
					continue
				}
				if code != 200 {
					t.Errorf("sub-path: %s has a <%s> pointing at %s, which answers %d", p.path, l.Tag, pu.RequestURI(), code)
				}
			}
		})
	}
}

// TestAliasPagesRedirect proves that every alias (an old URL kept working)
// is a page that redirects, with a meta refresh, to a page that exists under
// the sub-path.
func TestAliasPagesRedirect(t *testing.T) {
	s := subPathSite(t)
	for _, p := range s.pages {
		if p.redirect == "" {
			continue
		}
		base, err := url.Parse(s.url(p))
		if err != nil {
			t.Fatal(err)
		}
		ref, err := url.Parse(p.redirect)
		if err != nil {
			t.Errorf("alias: %s redirects to %q, which does not parse: %v", p.file, p.redirect, err)
			continue
		}
		target := s.localURL(base.ResolveReference(ref).String())
		if target == "" {
			t.Errorf("alias: %s redirects to %s, outside the site", p.file, p.redirect)
			continue
		}
		if tu, _ := url.Parse(target); !strings.HasPrefix(tu.Path, s.prefix) {
			t.Errorf("alias: %s redirects to %s, outside %s", p.file, p.redirect, s.prefix)
			continue
		}
		if status, err := fetchStatus(target); err != nil || status != 200 {
			t.Errorf("alias: %s redirects to %s, which answers %d (%v)", p.file, p.redirect, status, err)
		}
	}
}

// statusCache fetches each URL once, however many pages link to it.
type statusCache struct {
	mu   sync.Mutex
	code map[string]int
}

func newStatusCache() *statusCache { return &statusCache{code: map[string]int{}} }

func (c *statusCache) get(u string) (int, error) {
	c.mu.Lock()
	code, ok := c.code[u]
	c.mu.Unlock()
	if ok {
		return code, nil
	}
	code, err := fetchStatus(u)
	if err == nil {
		c.mu.Lock()
		c.code[u] = code
		c.mu.Unlock()
	}
	return code, err
}
