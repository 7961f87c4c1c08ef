package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitefiles"
)

// A build into a folder that holds an earlier build made from the very
// same inputs would write the very same bytes (the build promises the same
// output for the same content), so it keeps the earlier output instead and
// repeats the earlier build's report. What counts as the same inputs is
// deliberately broad: this program's own bytes, the options that change
// the output, the day, and every byte of every file under site.yaml,
// content/, static/, templates/ and themes/, editors' temporary files
// included (a page in a folder the loader skips, such as .git, counts by
// its name: see below). Anything else changed, and the build runs whole,
// hard-linking the files whose bytes did not change (publish.Dir).

// builtRecord is what a build keeps in its stamp to repeat its report
// when it is reused.
type builtRecord struct {
	Pages int          `json:"pages"`
	Files int          `json:"files"`
	Diags []recordDiag `json:"diags"`
}

// recordDiag is a diag.Diagnostic with its severity as a number, which
// reads back.
type recordDiag struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity int    `json:"severity"`
	Problem  string `json:"problem"`
	Fix      string `json:"fix"`
	Source   string `json:"source,omitempty"`
}

// reuseEarlier returns the earlier build's result when dir holds one made
// from inputs, and marks it to be kept; nil otherwise.
func reuseEarlier(dir *publish.Dir, inputs string) *Result {
	data, ok := dir.Unchanged(inputs)
	if !ok {
		return nil
	}
	var rec builtRecord
	if json.Unmarshal(data, &rec) != nil {
		return nil
	}
	res := &Result{Site: &content.Site{}, Reused: true, pages: rec.Pages, files: rec.Files}
	for _, d := range rec.Diags {
		res.Diags = append(res.Diags, diag.Diagnostic{Pos: diag.Pos{File: d.File, Line: d.Line, Col: d.Col}, Severity: diag.Severity(d.Severity), Problem: d.Problem, Fix: d.Fix, Source: d.Source})
	}
	dir.Keep()
	return res
}

// rememberBuild keeps with a finished build what a later reuse needs.
func rememberBuild(dir *publish.Dir, inputs string, res *Result) {
	if inputs == "" || res.Diags.HasErrors() {
		return
	}
	rec := builtRecord{Pages: len(res.Site.Pages), Files: len(res.Files)}
	for _, d := range res.Diags {
		rec.Diags = append(rec.Diags, recordDiag{File: d.File, Line: d.Line, Col: d.Col, Severity: int(d.Severity), Problem: d.Problem, Fix: d.Fix, Source: d.Source})
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return
	}
	dir.Remember(inputs, data)
}

// A build's fingerprint is begun before the build reads anything, and
// finished once the content is loaded. Every input but the pages is read
// for it first, so that an input changed while the build runs leaves the
// fingerprint older than the output, never newer: the next build then
// sees a change and runs again, where the other way round it would keep
// an output made from other inputs than it says. The pages are summed as
// the loader reads them (content.Options.Read), which is the very bytes
// the output is made from: a page whose file changes after it was loaded
// is an error when its body is read to be rendered (content.Site.Body).
// A page listed first that the loader did not read is not read later:
// it may have been away while the loader looked (an editor that saves by
// renaming, a git checkout) and be back by then, so that the output lacks
// a page the fingerprint would hold. It counts as "not read", which no
// page the next build reads can equal. (A page the loader never reads,
// one in a folder it skips, so counts by its name alone: it cannot change
// the output.)

// earlyInputs is a fingerprint begun: everything but the pages' bytes,
// and then the sums of the pages as the loader reads them.
type earlyInputs struct {
	head  string              // the program, the options and the day
	names []string            // every input file, in the order walked
	sums  [][sha256.Size]byte // names[i]'s sum; zero for a page, summed later
	pages []bool              // names[i] is a page under content/

	mu     sync.Mutex
	loaded map[string][sha256.Size]byte // pages the loader read, by their names under content/
}

// startInputs begins the fingerprint of everything a build's output is
// made from, or returns nil when some of it cannot be read (the build
// then runs whole, and reports the problem itself).
func startInputs(opts Options) *earlyInputs {
	tool := programSum()
	if tool == "" {
		return nil
	}
	now := today(opts.Now)
	base := ""
	if opts.BaseURL != nil {
		base = opts.BaseURL.String()
	}
	// A build on another day may give signatories another status, so the
	// day is an input; both the local and the UTC day, as dates are
	// compared in both.
	day := now.Format("2006-01-02 -0700") + " " + now.UTC().Format("2006-01-02")
	if !opts.Now.IsZero() {
		day = opts.Now.Format("2006-01-02T15:04:05.999999999Z07:00")
	}
	e := &earlyInputs{head: fmt.Sprintf("tool %s\nbase-url %q\ndrafts %t\nday %s\n", tool, base, opts.Drafts, day),
		loaded: map[string][sha256.Size]byte{}}
	if _, err := fs.Stat(opts.Source, sitefiles.ConfigFile); err == nil {
		e.names = append(e.names, sitefiles.ConfigFile)
	}
	for _, top := range []string{sitefiles.ContentDir, sitefiles.StaticDir, sitefiles.TemplateDir, sitefiles.ThemeDir} {
		err := fs.WalkDir(opts.Source, top, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if name == top && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if !d.IsDir() {
				e.names = append(e.names, name)
			}
			return nil
		})
		if err != nil {
			return nil
		}
	}
	e.sums = make([][sha256.Size]byte, len(e.names))
	e.pages = make([]bool, len(e.names))
	for i, name := range e.names {
		rest, ok := strings.CutPrefix(name, sitefiles.ContentDir+"/")
		e.pages[i] = ok && sitefiles.ClassifyContent(rest) == sitefiles.Page
	}
	err := parallel.For(workers(opts.Workers), len(e.names), func(_, i int) error {
		if e.pages[i] {
			return nil // summed as the loader reads it
		}
		data, err := fs.ReadFile(opts.Source, e.names[i])
		e.sums[i] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		return nil
	}
	return e
}

// pageRead is content.Options.Read: it sums a page as the loader reads it.
func (e *earlyInputs) pageRead(name string, data []byte) {
	sum := sha256.Sum256(data)
	e.mu.Lock()
	e.loaded[name] = sum
	e.mu.Unlock()
}

// unreadPage stands for the sum of a page the loader did not read.
var unreadPage = sha256.Sum256([]byte("a page the build did not read"))

// finish completes the fingerprint with the sums of the pages the loader
// read.
func (e *earlyInputs) finish() string {
	for i, name := range e.names {
		if e.pages[i] {
			sum, ok := e.loaded[strings.TrimPrefix(name, sitefiles.ContentDir+"/")]
			if !ok {
				sum = unreadPage
			}
			e.sums[i] = sum
		}
	}
	h := sha256.New()
	io.WriteString(h, e.head)
	for i, name := range e.names {
		fmt.Fprintf(h, "%q %x\n", name, e.sums[i])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// programSum is a hash of this program's own file: another version of
// coproduce may write other bytes from the same content.
var programSum = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
