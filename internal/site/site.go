// Package site builds a whole site: it reads site.yaml and content/, checks
// them, renders every page with the theme, and writes the result to an
// output. Build reads top to bottom as the list of steps it takes.
//
// It promises that a build with any error writes nothing the caller should
// keep (the caller's output is discarded), that every URL written carries the
// base path, and that the same content gives byte-identical output however
// many workers render it.
package site

import (
	"io/fs"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/render"
	"github.com/coproduce/coproduce/internal/theme"
)

// Options are the inputs of a build.
type Options struct {
	Source  fs.FS          // the site folder: site.yaml, content/, templates/, themes/
	Output  publish.Output // where the files go
	BaseURL *url.URL       // overrides base_url from site.yaml when set
	Drafts  bool           // include pages marked draft: true
	Now     time.Time      // the day of the build; zero means today
	Workers int            // pages rendered at once; zero means one per core
}

// Result tells what a build made, for the command line and the server.
type Result struct {
	Config *config.Config
	Site   *content.Site
	Files  []string // every file written, sorted
	Diags  diag.List

	state     *builder // what an Incremental rebuild starts from
	generated []string // the files writeGenerated wrote, for Incremental
}

// Build makes the whole site. It returns every problem found; when any is
// an error the output holds a partial build and must be thrown away.
func Build(opts Options) *Result {
	res := &Result{}
	fail := func() *Result { res.Diags.Sort(); return res }

	cfg, diags := config.Load(opts.Source)
	res.Config, res.Diags = cfg, diags
	if opts.BaseURL != nil {
		cfg.BaseURL = opts.BaseURL
	}

	pages := loadContent(opts, cfg, &res.Diags)
	res.Site = pages
	defer limitMemory(len(pages.Pages))()
	res.Diags = append(res.Diags, check.Site(pages, check.Options{ReadingAge: cfg.ReadingAge})...)

	th, err := theme.Open(opts.Source, cfg.Theme)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: config.File, Line: 1, Col: 1}, "set theme: default, or add the theme under themes/", "%v", err)
		return fail()
	}
	minifier := publish.NewMinifier()
	themeFiles, assets, err := readThemeStatic(th, minifier)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: "themes/" + th.Name + "/static"}, "check the theme's static files", "could not read the theme's files: %v", err)
		return fail()
	}
	words, err := i18n.Load(th.Root, cfg.Language)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: "themes/" + th.Name + "/i18n"}, "check the theme's language files are valid YAML", "could not read the theme's words: %v", err)
		return fail()
	}
	rs := &render.Site{Config: cfg, Content: pages, Assets: assets, Now: today(opts.Now), Drafts: opts.Drafts, Strings: words}

	// Every file to be written is claimed before any is, so two sources
	// wanting one file are both named, and nothing is written.
	out := newRecorder(opts.Output)
	b := &builder{rs: rs, out: publish.Minified(out, minifier), raw: out, md: markdown.New(), workers: workers(opts.Workers), minifier: minifier,
		theme: th, themeFiles: themeFiles, static: listStatic(opts.Source, &res.Diags)}
	out.claims = b.claimOutputs(&res.Diags)
	if res.Diags.HasErrors() {
		res.Diags = append(res.Diags, checkBodies(cfg, pages, res.Diags)...) // every problem in one run
		return fail()
	}

	tpl, tdiags := render.Load(th, render.Funcs(rs))
	res.Diags = append(res.Diags, tdiags...)
	if res.Diags.HasErrors() {
		return fail()
	}
	b.tpl = tpl
	res.state = b
	out.links = newOutputLinks(cfg.BasePath(), siteAddress(rs))
	b.writeThemeStatic(&res.Diags)
	b.renderPages(&res.Diags)
	b.copyStatic(opts.Source, &res.Diags)
	b.copyContentAssets(opts.Source, &res.Diags)
	res.generated = b.writeGeneratedRecorded(&res.Diags)
	b.checkLinks(out, &res.Diags)
	b.checkOutputLinks(out, &res.Diags)

	res.Files = out.Names()
	return fail()
}

// siteAddress is the full address of the site's home page, such as
// https://example.org/co/, or "" when base_url gives no host.
func siteAddress(rs *render.Site) string {
	if abs := rs.AbsURL("/"); strings.Contains(abs, "://") {
		return abs
	}
	return ""
}

// loadContent reads content/, telling the loader about the site's languages.
func loadContent(opts Options, cfg *config.Config, diags *diag.List) *content.Site {
	contentFS, err := fs.Sub(opts.Source, "content")
	if err != nil {
		diags.Errorf(diag.Pos{File: "content"}, "make a folder called content with your pages in it", "could not open the content folder: %v", err)
		return &content.Site{}
	}
	site, cdiags := content.Load(contentFS, content.Options{Drafts: opts.Drafts, Dir: "content", Languages: cfg.OtherLanguages(),
		Today: today(opts.Now), Renewal: renewalOf(cfg)})
	*diags = append(*diags, cdiags...)
	return site
}

func today(now time.Time) time.Time {
	if now.IsZero() {
		now = time.Now()
	}
	return now
}

func workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// renewalOf is site.yaml's renewal windows as the content loader takes them.
func renewalOf(cfg *config.Config) content.Renewal {
	return content.Renewal{DueWithin: cfg.Renewal.DueWithin, Grace: cfg.Renewal.Grace, Set: true}
}
