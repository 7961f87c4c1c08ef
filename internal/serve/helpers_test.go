package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// testNow fixes the day, so a served page and a clean build agree.
var testNow = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

// running is a server on a loopback port with one browser's reload stream.
type running struct {
	t      testing.TB
	srv    *Server
	dir    string
	base   string // http://127.0.0.1:PORT
	events chan sse
	cancel context.CancelFunc
	done   chan error
}

type sse struct{ name, data string }

// start writes a small generated site into a temporary folder (plus any
// extra files) and serves it.
func start(t testing.TB, signatories int, extra map[string]string) *running {
	t.Helper()
	dir := t.TempDir()
	if err := sitegen.Write(dir, sitegen.Options{Signatories: signatories, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	for name, data := range extra {
		write(t, dir, name, data)
	}
	return startIn(t, dir, false)
}

func startIn(t testing.TB, dir string, drafts bool) *running {
	return startWith(t, Options{Dir: dir, Quiet: 20 * time.Millisecond, Drafts: drafts})
}

func startWith(t testing.TB, opts Options) *running {
	t.Helper()
	dir := opts.Dir
	opts.Addr, opts.Now = "127.0.0.1:0", testNow
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, srv: srv, dir: dir, base: "http://" + ln.Addr().String(), events: make(chan sse, 64), cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- srv.Serve(ctx, ln) }()
	if _, bench := t.(*testing.B); !bench {
		t.Cleanup(r.stop)
	}
	r.listen(ctx)
	return r
}

// listen opens the reload stream as a browser would and waits until the
// server has it.
func (r *running) listen(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, "GET", r.base+"/__reload", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		r.t.Fatalf("/__reload has Content-Type %q", ct)
	}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data = strings.TrimPrefix(line, "data: ")
			case line == "" && ev.name != "":
				r.events <- ev
				ev = sse{}
			}
		}
	}()
	for deadline := time.Now().Add(5 * time.Second); r.srv.hub.count() == 0; {
		if time.Now().After(deadline) {
			r.t.Fatal("the reload stream never opened")
		}
		time.Sleep(time.Millisecond)
	}
}

func (r *running) stop() {
	r.cancel()
	select {
	case err := <-r.done:
		if err != nil {
			r.t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		r.t.Error("the server did not stop within 10 s of being told to")
	}
}

// event waits for the next event from the reload stream.
func (r *running) event(want string) sse {
	r.t.Helper()
	select {
	case ev := <-r.events:
		if want != "" && ev.name != want {
			r.t.Fatalf("got event %q (%s), want %q", ev.name, ev.data, want)
		}
		return ev
	case <-time.After(20 * time.Second):
		r.t.Fatalf("no %q event within 20 s", want)
	}
	return sse{}
}

// saveAndWait writes a file, waits for the reload event, and fetches path
// until ok accepts it; a save may reach the watcher as more than one batch.
func (r *running) saveAndWait(name, data, path string, ok func(code int, body string) bool) (int, string) {
	r.t.Helper()
	if data == "" {
		if err := os.RemoveAll(filepath.Join(r.dir, name)); err != nil {
			r.t.Fatal(err)
		}
	} else {
		write(r.t, r.dir, name, data)
	}
	var code int
	var body string
	for range 5 {
		r.event("")
		code, body = r.get(path)
		if ok(code, body) {
			return code, body
		}
	}
	r.t.Fatalf("after saving %s, GET %s gave %d:\n%.2000s", name, path, code, body)
	return 0, ""
}

func (r *running) get(path string) (int, string) {
	r.t.Helper()
	resp, err := http.Get(r.base + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func write(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lineOf is the line number of the first line of text containing s.
func lineOf(text, s string) int {
	for i, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	return 0
}

// renameSave saves like vim with backupcopy=no: rename the old file away,
// write a new one, remove the backup.
func renameSave(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.Rename(p, p+"~"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(p + "~")
	os.Remove(filepath.Join(filepath.Dir(p), "4913"))
}
