package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// This file builds the CLI and the example site, serves the output, and finds
// the pages to test. Everything is built once per test binary and shared.

// subPathBaseURL is the base URL of the second build. A sub-path catches the
// links and assets that a theme writes as "/x" instead of under the base path,
// which work at the root of a host and break everywhere else.
const subPathBaseURL = "https://example.org/coproduction/"

// maxPagesPerKind caps the pages of one kind that the browser tests load. The
// example site is small enough that every page is tested; the cap keeps the
// suite fast if a site has hundreds of pages of one kind.
const maxPagesPerKind = 12

// notFoundPath is a URL path, below a site's prefix, that no build writes. The
// 404 page is loaded through it, as a visitor meets it: a deep URL that does
// not exist, served with status 404.
const notFoundPath = "no-such-page/checked-by-browsertest/"

// A site is one build of the example content, served over HTTP.
type site struct {
	name    string // "root" or "sub-path", for messages
	dir     string // the output directory
	prefix  string // the URL path the site is served under: "/" or "/coproduction/"
	baseURL string // the base URL it was built for; links to it are links into this site
	server  *httptest.Server
	pages   []page // every HTML file of the output, sorted by file
}

// A page is one HTML file of a site's output.
type page struct {
	file     string // slash-separated path relative to the output directory
	kind     string // the data-kind of <body>; "" when there is none
	lang     string // the lang of <html>, such as "cy"
	redirect string // for an alias page, the URL that its meta refresh sends to
	path     string // the URL path that serves it, with the site's prefix
	status   int    // the status the server answers with: 404 for the 404 page
}

// name is the page's short name in test names and messages.
func (p page) name() string {
	switch n := strings.TrimSuffix(p.file, "index.html"); n {
	case "":
		return "index"
	default:
		return strings.TrimSuffix(strings.TrimSuffix(n, "/"), ".html")
	}
}

// kindName is the page's kind for test names and file names.
func (p page) kindName() string {
	if p.kind == "" {
		return "no-kind"
	}
	return p.kind
}

// url is the absolute URL of the page on the test server.
func (s *site) url(p page) string { return s.server.URL + p.path }

var (
	// workDir is a temporary directory for the binary, the builds and the
	// browser profile. TestMain makes it and removes it.
	workDir string

	serversMu sync.Mutex
	servers   []*httptest.Server
)

// repoRoot is the directory of go.mod, found by walking up from the package
// directory, where go test runs the tests.
var repoRoot = sync.OnceValue(func() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("browsertest: no go.mod above the working directory")
		}
		dir = parent
	}
})

// cliBinary builds ./cmd/coproduce, the real CLI, into workDir.
var cliBinary = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(workDir, "coproduce")
	if _, err := run(5*time.Minute, repoRoot(), "go", "build", "-o", bin, "./cmd/coproduce"); err != nil {
		return "", fmt.Errorf("building the CLI: %w", err)
	}
	return bin, nil
})

// rootBuild is the example site built as a site owner builds it, with the
// base URL of site.yaml, and served at the root of the test server.
var rootBuild = sync.OnceValues(func() (*site, error) {
	return buildAndServe("root", configuredBaseURL())
})

// subPathBuild is the example site built for subPathBaseURL, and served
// under its path.
var subPathBuild = sync.OnceValues(func() (*site, error) {
	return buildAndServe("sub-path", subPathBaseURL, "--base-url", subPathBaseURL)
})

func rootSite(t testing.TB) *site {
	t.Helper()
	s, err := rootBuild()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func subPathSite(t testing.TB) *site {
	t.Helper()
	s, err := subPathBuild()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func buildAndServe(name, baseURL string, flags ...string) (*site, error) {
	bin, err := cliBinary()
	if err != nil {
		return nil, err
	}
	out := filepath.Join(workDir, name)
	args := append([]string{"build", "-s", repoRoot(), "-o", out}, flags...)
	if _, err := run(2*time.Minute, repoRoot(), bin, args...); err != nil {
		return nil, fmt.Errorf("building the %s site: %w", name, err)
	}
	prefix := "/"
	if i := strings.Index(strings.TrimPrefix(strings.TrimPrefix(baseURL, "https://"), "http://"), "/"); i >= 0 {
		prefix = strings.TrimPrefix(strings.TrimPrefix(baseURL, "https://"), "http://")[i:]
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	s := &site{name: name, dir: out, prefix: prefix, baseURL: baseURL}
	if s.pages, err = findPages(out, prefix); err != nil {
		return nil, err
	}
	if len(s.pages) == 0 {
		return nil, fmt.Errorf("the %s build wrote no HTML file into %s", name, out)
	}
	s.server = httptest.NewServer(siteHandler(out, prefix))
	serversMu.Lock()
	servers = append(servers, s.server)
	serversMu.Unlock()
	return s, nil
}

// run runs a command with a time limit and returns its combined output; the
// error holds the output, so a failed build shows its diagnostics.
func run(limit time.Duration, dir, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return out, nil
}

// configuredBaseURL reads base_url from site.yaml, so that absolute links to
// the site's own address can be checked against the local server. It is a
// plain read of one key, to keep this package free of the generator's code.
func configuredBaseURL() string {
	b, err := os.ReadFile(filepath.Join(repoRoot(), "site.yaml"))
	if err != nil {
		return "/"
	}
	m := regexp.MustCompile(`(?m)^base_url:\s*["']?([^"'\s#]+)`).FindSubmatch(b)
	if m == nil {
		return "/"
	}
	u := string(m[1])
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// siteHandler serves the output directory under prefix as a static host
// does: index.html for a directory, and 404.html with status 404 for anything
// missing (including directories without an index, which a static host does
// not list).
func siteHandler(dir, prefix string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			_, err = os.Stat(filepath.Join(name, "index.html"))
		}
		if err != nil {
			serveNotFound(w, dir)
			return
		}
		files.ServeHTTP(w, r)
	})
	return http.StripPrefix(strings.TrimSuffix(prefix, "/"), inner)
}

func serveNotFound(w http.ResponseWriter, dir string) {
	body, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.Error(w, "404 page not found (and the build wrote no 404.html)", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(body)
}

var (
	// bodyKindRe reads data-kind from <body>, quoted or not, because a
	// minifier may drop the quotes.
	bodyKindRe = regexp.MustCompile(`(?is)<body\b[^>]*?\sdata-kind\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	// htmlLangRe reads the lang of <html>, quoted or not.
	htmlLangRe = regexp.MustCompile(`(?is)<html\b[^>]*?\slang\s*=\s*["']?([^"'\s>]+)`)
	metaTagRe  = regexp.MustCompile(`(?is)<meta\b[^>]*>`)
	refreshRe  = regexp.MustCompile(`(?is)\shttp-equiv\s*=\s*["']?refresh\b`)
	contentRe  = regexp.MustCompile(`(?is)\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	refreshURL = regexp.MustCompile(`(?i)^\s*\d*\s*[;,]\s*url\s*=\s*['"]?([^'"]*)`)
)

// findPages lists every HTML file of the output with its kind and URL.
func findPages(dir, prefix string) ([]page, error) {
	var pages []page
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, name)
		p := page{file: filepath.ToSlash(rel), status: http.StatusOK}
		if m := bodyKindRe.FindSubmatch(b); m != nil {
			p.kind = string(m[1]) + string(m[2]) + string(m[3])
		}
		if m := htmlLangRe.FindSubmatch(b); m != nil {
			p.lang = string(m[1])
		}
		p.redirect = metaRefreshTarget(b)
		switch {
		case p.file == "404.html":
			p.path, p.status = prefix+notFoundPath, http.StatusNotFound
		case p.file == "index.html":
			p.path = prefix
		case strings.HasSuffix(p.file, "/index.html"):
			p.path = prefix + strings.TrimSuffix(p.file, "index.html")
		default:
			p.path = prefix + p.file
		}
		pages = append(pages, p)
		return nil
	})
	slices.SortFunc(pages, func(a, b page) int { return strings.Compare(a.file, b.file) })
	return pages, err
}

// metaRefreshTarget returns the URL of a <meta http-equiv="refresh">, the way
// an alias page redirects on a static host, or "".
func metaRefreshTarget(html []byte) string {
	for _, tag := range metaTagRe.FindAll(html, -1) {
		if !refreshRe.Match(tag) {
			continue
		}
		c := contentRe.FindSubmatch(tag)
		if c == nil {
			continue
		}
		content := string(c[1]) + string(c[2]) + string(c[3])
		if m := refreshURL.FindStringSubmatch(content); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// pagesToTest returns the pages the browser tests load: every page that is
// not an alias redirect (a browser would leave it at once), capped at
// maxPagesPerKind per kind and language and spread over those pages, so
// a Welsh page of each kind is tested as its English one is.
func (s *site) pagesToTest() []page {
	byKind := map[string][]page{}
	var kinds []string
	for _, p := range s.pages {
		if p.redirect != "" {
			continue
		}
		key := p.kind + " " + p.lang
		if _, ok := byKind[key]; !ok {
			kinds = append(kinds, key)
		}
		byKind[key] = append(byKind[key], p)
	}
	slices.Sort(kinds)
	var out []page
	for _, k := range kinds {
		ps := byKind[k]
		if len(ps) <= maxPagesPerKind {
			out = append(out, ps...)
			continue
		}
		for i := range maxPagesPerKind {
			out = append(out, ps[i*len(ps)/maxPagesPerKind])
		}
	}
	return out
}

// onePerKind returns one page of each kind, for the checks that need one
// example of each page type: the one nearest the top of the site, so the
// main-language page rather than a translation (/cy/principles/x/).
func (s *site) onePerKind() []page {
	best := map[string]page{}
	var kinds []string
	depth := func(p page) int { return strings.Count(p.file, "/") }
	for _, p := range s.pagesToTest() {
		b, ok := best[p.kind]
		if !ok {
			kinds = append(kinds, p.kind)
		}
		if !ok || depth(p) < depth(b) {
			best[p.kind] = p
		}
	}
	out := make([]page, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, best[k])
	}
	return out
}

// localURL maps a URL into this site onto the test server: an absolute URL
// that starts with the site's base URL (a theme may write canonical or feed
// links that way) becomes the same path on the test server. It returns "" for
// a URL outside the site.
func (s *site) localURL(u string) string {
	switch {
	case strings.HasPrefix(u, s.server.URL+"/"):
		return u
	case strings.HasPrefix(s.baseURL, "http") && strings.HasPrefix(u, s.baseURL):
		return s.server.URL + s.prefix + strings.TrimPrefix(u, s.baseURL)
	}
	return ""
}

// fetchStatus fetches a URL without following redirects: the site's own
// links must point at the final URL (with its trailing slash), not at one
// that redirects.
func fetchStatus(u string) (int, error) {
	client := &http.Client{
		Timeout:       10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
