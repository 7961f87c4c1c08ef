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
// included. Anything else changed, and the build runs whole, hard-linking
// the files whose bytes did not change (publish.Dir).

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

// contentSums are the SHA-256 sums of the pages the content loader read,
// by their names under content/: inputsOf takes them rather than read
// every page a second time. They are the bytes the build is made from: a
// page whose file changes after it was loaded is an error when its body
// is read to be rendered (content.Site.Body).
type contentSums struct {
	mu   sync.Mutex
	sums map[string][sha256.Size]byte
}

// read is content.Options.Read.
func (c *contentSums) read(name string, data []byte) {
	sum := sha256.Sum256(data)
	c.mu.Lock()
	c.sums[name] = sum
	c.mu.Unlock()
}

// sum is the sum of the file name, a path in the site folder, if the
// loader read it.
func (c *contentSums) sum(name string) ([sha256.Size]byte, bool) {
	rest, ok := strings.CutPrefix(name, sitefiles.ContentDir+"/")
	if !ok || c == nil {
		return [sha256.Size]byte{}, false
	}
	sum, ok := c.sums[rest]
	return sum, ok
}

// inputsOf fingerprints everything a build's output is made from, or
// returns "" when some of it cannot be read (the build then runs whole,
// and reports the problem itself). known gives the sums of the files
// already read, which it does not read again.
func inputsOf(opts Options, known func(name string) ([sha256.Size]byte, bool)) string {
	tool := programSum()
	if tool == "" {
		return ""
	}
	h := sha256.New()
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
	fmt.Fprintf(h, "tool %s\nbase-url %q\ndrafts %t\nday %s\n", tool, base, opts.Drafts, day)

	var names []string
	if _, err := fs.Stat(opts.Source, sitefiles.ConfigFile); err == nil {
		names = append(names, sitefiles.ConfigFile)
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
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			return ""
		}
	}
	sums := make([][sha256.Size]byte, len(names))
	err := parallel.For(workers(opts.Workers), len(names), func(_, i int) error {
		if sum, ok := known(names[i]); ok {
			sums[i] = sum
			return nil
		}
		data, err := fs.ReadFile(opts.Source, names[i])
		sums[i] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		return ""
	}
	for i, name := range names {
		fmt.Fprintf(h, "%q %x\n", name, sums[i])
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
