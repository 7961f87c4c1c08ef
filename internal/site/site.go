// Package site builds a whole site: it reads site.yaml and content/, checks
// them, renders every page with the theme, and writes the result to an
// output. Build reads top to bottom as the list of steps it takes.
//
// It promises that a build with any error writes nothing the caller should
// keep (the caller's output is discarded), that every URL written carries the
// base path, and that the same content gives byte-identical output however
// many workers render it.
//
// The package's parts, each with one job: pipeline.go is the list of
// steps, run by a whole build and by an update of the live preview alike;
// renderer.go makes a page's HTML; linkindex.go knows where links go and
// checks them; record.go is the output each step is handed and writes
// to, which refuses files nobody claimed (outputs.go). The live preview
// (Incremental) keeps a good build and runs the same steps with a change:
// affected.go and readers.go find what the change makes again, later.go
// makes after the reload what only shows a changed page.
package site

import (
	"github.com/coproduce/coproduce/internal/parallel"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/render"
)

// Options are the inputs of a build.
type Options struct {
	Source  fs.FS          // the site folder: site.yaml, content/, templates/, themes/
	Output  publish.Output // where the files go
	BaseURL *url.URL       // overrides base_url from site.yaml when set
	Drafts  bool           // include pages marked draft: true
	Now     time.Time      // the day of the build; zero means today
	Workers int            // pages rendered at once; zero means one per core

	// preview keeps what the live preview needs to update the build
	// (what each output read, the directory's rows); set by Incremental.
	preview bool
}

// Result tells what a build made, for the command line and the server.
type Result struct {
	Config *config.Config
	Site   *content.Site
	Files  []string // every file written, sorted
	Diags  diag.List

	// Reused says the output folder already held a build of the same
	// inputs, which was kept as it was; Site and Files are then empty, and
	// Diags is that build's report.
	Reused       bool
	pages, files int // a reused build's counts

	state *builder // what an Incremental rebuild starts from
}

// Build makes the whole site. It returns every problem found; when any is
// an error the output holds a partial build and must be thrown away.
//
// Into a publish.Dir holding an earlier build made from the same inputs,
// Build keeps that build instead (see reuse.go).
func Build(opts Options) *Result {
	p := &pass{opts: opts, res: &Result{}}
	res := p.run()
	if dir, ok := opts.Output.(*publish.Dir); ok && !res.Reused {
		rememberBuild(dir, p.inputs, res)
	}
	return res
}

// Counts are the number of pages built and files written, or kept.
func (r *Result) Counts() (pages, files int) {
	if r.Reused {
		return r.pages, r.files
	}
	if r.Site == nil {
		return 0, len(r.Files)
	}
	return len(r.Site.Pages), len(r.Files)
}

// siteAddress is the full address of the site's home page, such as
// https://example.org/co/, or "" when base_url gives no host.
func siteAddress(rs *render.Site) string {
	if abs := rs.AbsURL("/"); strings.Contains(abs, "://") {
		return abs
	}
	return ""
}

func today(now time.Time) time.Time {
	if now.IsZero() {
		now = time.Now()
	}
	return now
}

func workers(n int) int { return parallel.Workers(n) }

// renewalOf is site.yaml's renewal windows as the content loader takes them.
func renewalOf(cfg *config.Config) content.Renewal {
	return content.Renewal{DueWithin: cfg.Renewal.DueWithin, Grace: cfg.Renewal.Grace, Set: true}
}
