package serve

import (
	"context"
	"io/fs"
	"net"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

func TestRefusesPathsOutsideTheSite(t *testing.T) {
	r := start(t, 3, map[string]string{"secret.txt": "do not serve"})
	for _, p := range []string{"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/signatories/..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "//etc/passwd", "/./robots.txt"} {
		code, body := rawGet(t, r.base, p)
		if code == 200 || strings.Contains(body, "do not serve") {
			t.Errorf("GET %s: %d %q, want it refused", p, code, body)
		}
	}
}

// rawGet sends the path exactly as written, as a hostile client would.
func rawGet(t *testing.T, base, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET " + path + " HTTP/1.0\r\nHost: x\r\n\r\n"))
	var buf strings.Builder
	b := make([]byte, 4096)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		n, err := conn.Read(b)
		buf.Write(b[:n])
		if err != nil {
			break
		}
	}
	var code int
	resp := buf.String()
	if len(resp) > 12 {
		for _, c := range resp[9:12] {
			code = code*10 + int(c-'0')
		}
	}
	return code, resp
}

func TestContentTypesAnd404(t *testing.T) {
	r := start(t, 3, map[string]string{
		"content/files/a.png": "\x89PNG", "content/files/a.jpg": "jpg", "content/files/a.webp": "webp",
		"content/files/a.txt": "text", "content/files/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	})
	for path, want := range map[string]string{
		"/": "text/html", "/feed.xml": "application/xml", "/robots.txt": "text/plain", "/signatories.json": "application/json",
		"/files/a.png": "image/png", "/files/a.jpg": "image/jpeg", "/files/a.webp": "image/webp", "/files/a.txt": "text/plain",
		"/files/a.svg": "image/svg+xml", "/__reload.js": "text/javascript",
	} {
		resp, err := http.Get(r.base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, want) {
			t.Errorf("GET %s: %d %q, want 200 %s", path, resp.StatusCode, ct, want)
		}
		// The preview sends the published site's policy, so a page that
		// breaks under it breaks here first.
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: security headers missing (CSP %q)", path, csp)
		}
	}
	if code, body := r.get("/no/such/page/"); code != 404 || !strings.Contains(body, "<h1") {
		t.Errorf("a missing page: %d, want 404 with the site's 404.html", code)
	}
	for _, p := range r.srv.Output().Names() {
		if strings.HasSuffix(p, ".css") {
			resp, _ := http.Get(r.base + "/" + p)
			resp.Body.Close()
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
				t.Errorf("GET /%s: Content-Type %q", p, ct)
			}
		}
	}
	data, _ := r.srv.Output().Get("index.html")
	if strings.Contains(string(data), "__reload") {
		t.Errorf("the reload script was written into the built page, not only into the response")
	}
}

func TestSubPathBaseURL(t *testing.T) {
	r := start(t, 3, map[string]string{"site.yaml": "title: \"Sub\"\nbase_url: \"https://example.org/coproduction/\"\n"})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(r.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != "/coproduction/" {
		t.Errorf("GET /: %d to %q, want a redirect to /coproduction/", resp.StatusCode, loc)
	}
	code, body := r.get("/coproduction/")
	if code != 200 || !strings.Contains(body, `href="/coproduction/principles/"`) {
		t.Errorf("the home page under the base path: %d, links do not carry /coproduction/", code)
	}
	if code, _ := r.get("/coproduction/principles/"); code != 200 {
		t.Errorf("a section under the base path: %d", code)
	}
	if code, _ := r.get("/principles/"); code != 404 {
		t.Errorf("a page outside the base path: %d, want 404", code)
	}
}

func TestDraftsShowWithBanner(t *testing.T) {
	draft := "---\ntitle: \"Work in progress\"\nsummary: \"Not ready yet.\"\ndraft: true\n---\n\nSoon.\n"
	r := start(t, 3, map[string]string{"content/wip.md": draft})
	if code, _ := r.get("/wip/"); code != 404 {
		t.Errorf("a draft is served without --drafts: %d", code)
	}
	r2 := startIn(t, r.dir, true)
	code, body := r2.get("/wip/")
	if code != 200 || !strings.Contains(body, "Draft: not published") {
		t.Errorf("with --drafts, the draft page: %d, banner shown: %v", code, strings.Contains(body, "Draft: not published"))
	}
}

// A stylesheet change swaps the stylesheet in place: the browser gets a
// "css" event with the new fingerprinted link, not a reload.
func TestCSSChangeSwapsStylesheet(t *testing.T) {
	files := map[string]string{"site.yaml": "title: \"Mine\"\ntheme: mine\n"}
	fs.WalkDir(defaulttheme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(defaulttheme.FS, p)
			files["themes/mine/"+p] = string(data)
		}
		return nil
	})
	r := start(t, 3, files)
	if d := r.srv.Diags(); d.HasErrors() {
		t.Fatalf("the theme does not build: %v", d)
	}
	before := r.srv.inc.Assets()["style.css"]
	write(t, r.dir, "themes/mine/static/style.css", files["themes/mine/static/style.css"]+"\nbody { color: navy; }")
	ev := r.event("css")
	after := r.srv.inc.Assets()["style.css"]
	if before == after || !strings.Contains(ev.data, after) {
		t.Errorf("css event %q: want the new link %s (was %s)", ev.data, after, before)
	}
}

// A browser that goes away ends its stream and its goroutine.
func TestReloadStreamsEndWithTheBrowser(t *testing.T) {
	r := start(t, 3, nil)
	base := runtime.NumGoroutine()
	for range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", r.base+"/__reload", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		resp.Body.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for r.srv.hub.count() > 1 || runtime.NumGoroutine() > base+2 {
		if time.Now().After(deadline) {
			t.Fatalf("%d streams still open, %d goroutines (was %d)", r.srv.hub.count(), runtime.NumGoroutine(), base)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
