package serve

import (
	"github.com/coproduce/coproduce/internal/site"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// contentTypes are set by extension so they do not depend on the
// machine's MIME tables.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".xml":         "application/xml; charset=utf-8",
	".json":        "application/json",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".webp":        "image/webp",
	".gif":         "image/gif",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".woff2":       "font/woff2",
	".webmanifest": "application/manifest+json",
}

func contentType(name string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	if path.Ext(name) == "" {
		return "text/plain; charset=utf-8" // _headers, _redirects
	}
	return "application/octet-stream"
}

// ServeHTTP serves the site from memory, the reload stream and script,
// and the error page while the content has errors.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	for _, h := range site.SecurityHeaders() {
		w.Header().Set(h[0], h[1])
	}
	if !s.allowedHost(r.Host) {
		http.Error(w, "this preview only answers to localhost or 127.0.0.1", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD are allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/__reload":
		s.hub.ServeHTTP(w, r)
		return
	case "/__reload.js":
		w.Header().Set("Content-Type", contentTypes[".js"])
		w.Write([]byte(clientScript))
		return
	case "/__reload.css":
		w.Header().Set("Content-Type", contentTypes[".css"])
		w.Write([]byte(overlayCSS))
		return
	}
	if !safePath(r) {
		http.Error(w, "this address points outside the site", http.StatusBadRequest)
		return
	}

	s.mu.RLock()
	base, errPage, warnings := s.base, s.errPage, s.warnings
	s.mu.RUnlock()

	p := r.URL.Path
	if base != "/" && (p == "/" || p+"/" == base) {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	if !strings.HasPrefix(p, base) {
		s.notFound(w, r, errPage, warnings)
		return
	}
	name := strings.TrimPrefix(p, base)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok := s.out.Get(name)
	if !ok && path.Ext(name) == "" {
		if s.out.Has(name + "/index.html") {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	if !ok {
		s.notFound(w, r, errPage, warnings)
		return
	}
	ct := contentType(name)
	w.Header().Set("Content-Type", ct)
	if strings.HasPrefix(ct, "text/html") {
		if errPage != nil {
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(errPage)
			return
		}
		data = inject(data, warnings.panel(name)+reloadTag)
	}
	w.Write(data)
}

// notFound answers with the site's 404.html, as a static host would.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, errPage []byte, warnings *warningSet) {
	w.Header().Set("Content-Type", contentTypes[".html"])
	if errPage != nil {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(errPage)
		return
	}
	page, ok := s.out.Get("404.html")
	if !ok {
		page = []byte("<!DOCTYPE html><html lang=\"en\"><head><title>Page not found</title></head><body><main><h1>Page not found</h1></main></body></html>")
	}
	w.WriteHeader(http.StatusNotFound)
	w.Write(inject(page, warnings.panel("")+reloadTag))
}

// safePath refuses any request whose path, raw or decoded, could climb out
// of the site: dot-dot segments (also percent-encoded), backslashes, NUL
// bytes and paths that are not absolute.
func safePath(r *http.Request) bool {
	raw := r.URL.EscapedPath()
	if r.RequestURI != "" && r.RequestURI != "*" {
		raw, _, _ = strings.Cut(r.RequestURI, "?")
	}
	for _, p := range []string{raw, r.URL.Path} {
		decoded, err := url.PathUnescape(p)
		if err != nil {
			return false
		}
		for _, v := range []string{p, decoded} {
			if !strings.HasPrefix(v, "/") || strings.ContainsAny(v, "\\\x00") || strings.HasPrefix(v, "//") {
				return false
			}
			for _, seg := range strings.Split(v, "/") {
				if seg == ".." || seg == "." {
					return false
				}
			}
		}
	}
	return true
}
