package main

import (
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the server can write while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The promise of init: "cd DIR && coproduce serve" shows the new site at
// once, with no problems reported.
func TestInitThenServeShowsTheSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-site")
	var out, errOut lockedBuffer
	if code := run([]string{"init", dir}, &env{stdout: &out, stderr: &errOut}); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, errOut.String())
	}

	stop := make(chan struct{})
	done := make(chan int)
	var serveOut lockedBuffer
	go func() {
		done <- run([]string{"serve", "-s", dir, "--addr", "127.0.0.1:0"}, &env{stdout: &serveOut, stderr: &errOut, interrupt: stop})
	}()
	defer func() {
		close(stop)
		if code := <-done; code != exitOK {
			t.Errorf("serve: exit %d: %s", code, errOut.String())
		}
	}()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		base = addr.FindString(serveOut.String())
	}
	if base == "" {
		t.Fatalf("serve never said where it listens; stdout %q, stderr %q", serveOut.String(), errOut.String())
	}
	for _, path := range []string{"", "start-here/", "signatories/example-organisation/"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<h1") {
			t.Errorf("GET /%s: %s, want a page", path, resp.Status)
		}
	}
	if s := errOut.String(); s != "" {
		t.Errorf("serve reported problems with the new site:\n%s", s)
	}
}
