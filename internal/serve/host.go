package serve

import (
	"net"
	"strings"
)

// allowedHost reports whether a request's Host may be answered. On a
// loopback address the preview answers only to "localhost" and to IP
// addresses: a web page on the internet could otherwise point a name of its
// own at 127.0.0.1 (DNS rebinding) and read the preview, drafts included,
// from the editor's browser. When the editor chose to listen on another
// address (--addr 0.0.0.0:1313, to preview on a phone), any host is
// answered, as they asked.
func (s *Server) allowedHost(host string) bool {
	if !s.loopbackOnly {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if net.ParseIP(host) != nil {
		return true
	}
	host = strings.ToLower(host)
	return host == "localhost" || strings.HasSuffix(host, ".localhost")
}

// isLoopback reports whether addr (host:port) listens on loopback only.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
