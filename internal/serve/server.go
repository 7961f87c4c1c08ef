// Package serve is the development server behind "coproduce serve".
//
// It builds the site into memory (never into public/), serves it on
// loopback, watches content/, templates/, themes/ and site.yaml, and after
// each save rebuilds only what changed and tells the browser over
// Server-Sent Events (/__reload) to reload, or to swap the stylesheet when
// only CSS changed. While the content has errors it keeps serving the last
// good site behind an error page that lists every problem with its file,
// line, column, the offending line and the fix.
//
// It promises never to serve a file from outside the built site, to answer
// a missing page with the site's 404.html and status 404, and to end every
// stream and goroutine when the browser goes away or the server stops.
package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// Options configure a server.
type Options struct {
	Dir    string // the site folder
	Addr   string // host:port to listen on; "" means 127.0.0.1:1313
	Drafts bool   // show pages marked draft: true
	// Quiet is how long the watcher waits after the last event of a save
	// before rebuilding; zero means 30 ms.
	Quiet time.Duration
	// Log receives one line a rebuild; Errors receives the problems.
	Log, Errors io.Writer
	// Now is the day the site is built for; zero means today.
	Now time.Time
}

// Server is a running development server.
type Server struct {
	opts Options
	out  *publish.Memory
	inc  *site.Incremental
	hub  *hub
	// source is the site folder, confined so no link can read outside it.
	source fs.FS
	// loopbackOnly is true when the server listens on loopback only; it
	// then answers only to local host names (see allowedHost).
	loopbackOnly bool

	mu       sync.RWMutex
	diags    diag.List   // problems of the site as saved now
	errPage  []byte      // shown instead of pages while diags has errors
	warnings *warningSet // put into pages while diags has warnings
	base     string      // the base path, such as "/" or "/coproduction/"

	// Rebuilt, when set, is called after each rebuild (for tests).
	Rebuilt func(*site.Change)
}

// New builds the site once. The server serves even when that build has
// errors: the browser then shows them.
func New(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Quiet <= 0 {
		opts.Quiet = 30 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Errors == nil {
		opts.Errors = io.Discard
	}
	abs, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	opts.Dir = abs
	source, err := site.OpenSourceToWatch(abs)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, out: publish.NewMemory(), hub: newHub(), base: "/", source: source}
	s.inc = site.NewIncremental(site.Options{Source: source, Drafts: opts.Drafts, Now: opts.Now}, s.out)
	s.rebuild(nil)
	return s, nil
}

// Output is the in-memory site being served.
func (s *Server) Output() *publish.Memory { return s.out }

// Diags are the problems of the site as saved now.
func (s *Server) Diags() diag.List {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.diags
}

// rebuild brings the site up to date and tells the browsers.
func (s *Server) rebuild(changed []string) *site.Change {
	start := time.Now()
	ch := s.inc.Update(changed)
	listAll := s.listAll()
	wasBroken := s.show(ch.Diags, listAll)

	took := time.Since(start).Round(100 * time.Microsecond)
	if ch.Diags.HasErrors() {
		// Errors first and warnings summed up: a site with thousands of
		// warnings must not bury its one error in the terminal.
		diag.Report{ListAll: listAll}.Write(s.opts.Errors, ch.Diags)
		fmt.Fprintln(s.opts.Errors, "The preview shows the last good version until you fix the errors.")
	} else {
		what := fmt.Sprintf("%d pages", ch.Pages)
		if ch.Full {
			what = "the whole site (" + what + ")"
		}
		fmt.Fprintf(s.opts.Log, "Rebuilt %s in %v", what, took)
		if n := ch.Diags.Count(diag.Warning); n > 0 {
			fmt.Fprintf(s.opts.Log, ", %s", ch.Diags.Summary())
		}
		fmt.Fprintln(s.opts.Log)
	}
	if changed != nil {
		if !ch.Diags.HasErrors() && !wasBroken && onlyCSS(changed) {
			data, _ := json.Marshal(s.inc.Assets())
			s.hub.send(event{name: "css", data: string(data)})
		} else {
			s.hub.send(event{name: "reload", data: "{}"})
		}
	}
	if s.Rebuilt != nil {
		s.Rebuilt(ch)
	}
	return ch
}

// show makes diags the problems the browser shows, and reports whether the
// site had errors before.
func (s *Server) show(diags diag.List, listAll string) (wasBroken bool) {
	var errPage []byte
	var warnings *warningSet
	if diags.HasErrors() {
		errPage = renderErrorPage(s.source, diags, listAll)
	} else if len(diags) > 0 {
		warnings = newWarningSet(diags, listAll, s.inc.PageSources())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	wasBroken = s.diags.HasErrors()
	s.diags, s.errPage, s.warnings = diags, errPage, warnings
	s.base = s.inc.BasePath()
	return wasBroken
}

// listAll is the command that lists every problem of this site.
func (s *Server) listAll() string {
	if s.opts.Dir != "" && s.opts.Dir != "." {
		return "coproduce check -s " + s.opts.Dir
	}
	return "coproduce check"
}

// finish makes the directory pages the last rebuild left to be made after
// the reload (site.Incremental.Finish). In the rare case that they have
// problems of their own, it shows them and reloads the browsers; a save
// that comes first stops it through ctx.
func (s *Server) finish(ctx context.Context) {
	diags, done := s.inc.Finish(ctx)
	if !done {
		return
	}
	s.mu.RLock()
	same := slices.EqualFunc(s.diags, diags, func(a, b diag.Diagnostic) bool { return a.String() == b.String() })
	s.mu.RUnlock()
	if same {
		return
	}
	s.show(diags, s.listAll())
	diag.Report{ListAll: s.listAll()}.Write(s.opts.Errors, diags)
	s.hub.send(event{name: "reload", data: "{}"})
}

// finishAfter is how long the pages left for later wait after a rebuild
// before they are made: long enough for the browsers to ask for the page
// again and show it, and for an editor's next quick save, without the
// thousand pages of the directory taking the processor from them.
const finishAfter = 250 * time.Millisecond

// startFinishing runs finish beside the server, after finishAfter, and
// returns what stops it and waits until it has stopped.
func (s *Server) startFinishing(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		wait := time.NewTimer(finishAfter)
		defer wait.Stop()
		select {
		case <-ctx.Done():
			return
		case <-wait.C:
		}
		s.finish(ctx)
	}()
	return func() {
		cancel()
		<-done
	}
}

// onlyCSS reports whether every changed file is a stylesheet, so the
// browser can swap it without reloading the page.
func onlyCSS(changed []string) bool {
	for _, c := range changed {
		if !strings.HasSuffix(c, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

// Run listens, prints the address and serves until ctx is done, rebuilding
// on every save. It returns nil after a clean stop.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("could not listen on %s: %w; is another server running there? Choose another with --addr 127.0.0.1:1314", s.opts.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener the caller made.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.loopbackOnly = isLoopback(ln.Addr().String())
	if !s.loopbackOnly {
		fmt.Fprintf(s.opts.Errors, "coproduce serve: listening on %s, so other computers on the network can see the preview, drafts included\n", ln.Addr())
	}
	w, err := newWatcher(s.opts.Dir, s.opts.Quiet)
	if err != nil {
		ln.Close()
		return fmt.Errorf("could not watch %s for changes: %w", s.opts.Dir, err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); w.run(stop) }()
	go func() {
		defer wg.Done()
		// The pages a rebuild leaves for later are made between saves:
		// a save stops that, and it starts again after the save's rebuild.
		stopFinishing := func() {}
		defer func() { stopFinishing() }()
		for {
			select {
			case <-stop:
				return
			case batch := <-w.out:
				stopFinishing()
				s.rebuild(batch)
				stopFinishing = s.startFinishing(ctx)
			case err := <-w.errs:
				fmt.Fprintf(s.opts.Errors, "coproduce serve: watching for changes: %v\n", err)
			}
		}
	}()

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(s.opts.Log, "Serving %s at %s\nPress Ctrl-C to stop.\n", s.opts.Dir, s.URL(ln.Addr()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.hub.close()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	close(stop)
	wg.Wait()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// URL is the address of the site's home page on addr.
func (s *Server) URL(addr net.Addr) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return "http://" + addr.String() + s.base
}
