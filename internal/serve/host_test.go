package serve

import "testing"

func TestOnlyLocalHostNamesOnLoopback(t *testing.T) {
	s := &Server{loopbackOnly: true}
	for host, want := range map[string]bool{
		"127.0.0.1:1313":         true,
		"localhost:1313":         true,
		"LOCALHOST":              true,
		"preview.localhost:80":   true,
		"[::1]:1313":             true,
		"evil.example:1313":      false, // a name pointed at 127.0.0.1 by DNS rebinding
		"evil.example":           false,
		"localhost.evil.example": false,
	} {
		if got := s.allowedHost(host); got != want {
			t.Errorf("allowedHost(%q) = %v, want %v", host, got, want)
		}
	}
	open := &Server{loopbackOnly: false}
	if !open.allowedHost("laptop.lan:1313") {
		t.Error("a server the editor opened to the network refused a host name")
	}
	for addr, want := range map[string]bool{"127.0.0.1:1313": true, "[::1]:0": true, "localhost:1": true, "0.0.0.0:1313": false, "[::]:1313": false} {
		if got := isLoopback(addr); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}
