package site

import (
	"io/fs"
	"slices"
	"sync"
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

// A build is one list of steps, run top to bottom: read site.yaml, read and
// check the content, open the theme, claim every output, load the
// templates, then render, copy and write, and check every link. A whole
// build runs each step on everything. The live preview runs the same steps
// with the change since its last good build: each step then redoes only
// what the change touches, and takes the rest from that build. There is no
// second list of steps to keep in line with this one.

// pass is one run of the steps.
type pass struct {
	opts Options
	res  *Result

	// For an update of the live preview: the last good build, and the
	// content files (paths under content/) saved since. prev is nil for a
	// whole build.
	prev    *builder
	changed []string

	// What the steps make, in order.
	cfg      *config.Config
	th       *theme.Theme
	minifier *publish.Minifier
	out      *recorder
	b        *builder
	checked  diag.List // what check said of the content, kept by the preview for its next update
	work     plan      // what to render and remove
	release  func()    // undoes the memory limit set for a whole build

	// For a whole build into a folder, the fingerprint of its inputs
	// (reuse.go): begun before anything is read, finished with the sums
	// of the pages the loader read, then whole.
	early  *earlyInputs
	inputs string
}

// step is one named step. It returns false when the build must stop.
type step struct {
	name string
	run  func() bool
}

func (p *pass) steps() []step {
	return []step{
		{"fingerprint the inputs but the pages", p.startInputs},
		{"read site.yaml", p.readConfig},
		{"read the content", p.readContent},
		{"keep an earlier build of the same inputs", p.reuseEarlier},
		{"check the content", p.checkContent},
		{"open the theme", p.openTheme},
		{"plan what to render", p.planWork},
		{"claim every output file", p.claimOutputs},
		{"load the templates", p.loadTemplates},
		{"write the theme's files", p.writeThemeFiles},
		{"render the directory's rows", p.renderRows},
		{"render the pages", p.renderPages},
		{"copy static/", p.copyStatic},
		{"copy the files beside the pages", p.copyContentFiles},
		{"write the site-wide files", p.writeSiteFiles},
		{"check every link", p.checkLinks},
	}
}

// run runs the steps until one says stop, and returns the result.
func (p *pass) run() *Result {
	for _, s := range p.steps() {
		if !s.run() {
			break
		}
	}
	if p.release != nil {
		p.release()
	}
	if p.out != nil {
		p.res.Files = p.out.Names()
	}
	p.res.Diags.Sort()
	return p.res
}

// whole reports whether the pass builds everything.
func (p *pass) whole() bool { return p.prev == nil }

func (p *pass) readConfig() bool {
	if !p.whole() {
		p.cfg = p.prev.rs.Config // site.yaml changes rebuild everything
		p.res.Config = p.cfg
		return true
	}
	cfg, diags := config.Load(p.opts.Source)
	p.res.Config, p.res.Diags = cfg, diags
	if p.opts.BaseURL != nil {
		cfg.BaseURL = p.opts.BaseURL
	}
	p.cfg = cfg
	return true
}

func (p *pass) readContent() bool {
	contentFS, err := fs.Sub(p.opts.Source, "content")
	if err != nil {
		p.res.Diags.Errorf(diag.Pos{File: "content"}, "make a folder called content with your pages in it", "could not open the content folder: %v", err)
		p.res.Site = &content.Site{}
		return true
	}
	// The day of the build goes to the loader, which also works out each
	// signatory's status for it with the site's renewal windows.
	opts := content.Options{Drafts: p.opts.Drafts, Dir: "content", Languages: p.cfg.OtherLanguages(), Now: p.today(), Workers: p.opts.Workers,
		Renewal: renewalOf(p.cfg), BodiesOnDemand: p.whole() && finalOutput(p.opts.Output)}
	if p.early != nil {
		opts.Read = p.early.pageRead
	}
	var site *content.Site
	var diags diag.List
	if p.whole() {
		site, diags = content.Load(contentFS, opts)
		p.release = limitMemory(len(site.Pages), opts.BodiesOnDemand)
	} else {
		site, diags = content.Reload(p.prev.rs.Content, contentFS, p.changed, opts)
	}
	p.res.Site = site
	p.res.Diags = append(p.res.Diags, diags...)
	return true
}

// startInputs begins the fingerprint of a whole build into a folder.
func (p *pass) startInputs() bool {
	if _, ok := p.opts.Output.(*publish.Dir); ok && p.whole() {
		p.early = startInputs(p.opts)
	}
	return true
}

// reuseEarlier finishes the fingerprint, and ends a whole build into a
// folder that holds an earlier build of the very same inputs (see
// reuse.go) with that build's report.
func (p *pass) reuseEarlier() bool {
	dir, ok := p.opts.Output.(*publish.Dir)
	if !ok || p.early == nil {
		return true
	}
	p.inputs = p.early.finish()
	p.early = nil // kept by no later step
	if res := reuseEarlier(dir, p.inputs); res != nil {
		p.res = res
		return false
	}
	return true
}

func (p *pass) checkContent() bool {
	site := p.res.Site
	if p.whole() || !site.SharesPages(p.prev.rs.Content) {
		p.checked = check.Site(site, check.Options{ReadingAge: p.cfg.ReadingAge})
	} else {
		// Pages changed in place, in their own facts and Markdown
		// alone: the other pages' problems are the last good build's.
		saved := site.ChangedInPlace()
		files := map[string]bool{}
		for _, pg := range saved {
			files[pg.File] = true
		}
		for _, d := range p.prev.checked {
			if !files[d.File] {
				p.checked = append(p.checked, d)
			}
		}
		p.checked = append(p.checked, check.Pages(site, saved)...)
	}
	p.res.Diags = append(p.res.Diags, p.checked...)
	return true
}

func (p *pass) openTheme() bool {
	if !p.whole() {
		prev := p.prev
		p.th, p.minifier = prev.theme, prev.minifier
		rs := *prev.rs
		rs.Content, rs.SignatoryRows = p.res.Site, nil
		p.out = newRecorder(p.opts.Output)
		p.b = &builder{rs: &rs, renderer: &renderer{rs: &rs, md: prev.renderer.md}, workers: prev.workers, minifier: p.minifier,
			theme: prev.theme, themeFiles: prev.themeFiles, static: prev.static, index: newLinkIndex(p.res.Site),
			reads: map[string]*render.Reads{}, rows: prev.rows, later: &laterPages{problems: map[string]diag.List{}, reads: map[string]*render.Reads{}},
			pagesLock: prev.pagesLock, checked: p.checked}
		return true
	}
	th, err := theme.Open(p.opts.Source, p.cfg.Theme)
	if err != nil {
		p.res.Diags.Errorf(diag.Pos{File: config.File, Line: 1, Col: 1}, "set theme: default, or add the theme under themes/", "%v", err)
		return false
	}
	p.th, p.minifier = th, publish.NewMinifier()
	themeFiles, assets, err := readThemeStatic(th, p.minifier)
	if err != nil {
		p.res.Diags.Errorf(diag.Pos{File: "themes/" + th.Name + "/static"}, "check the theme's static files", "could not read the theme's files: %v", err)
		return false
	}
	words, err := i18n.Load(th.Root, p.cfg.Language)
	if err != nil {
		p.res.Diags.Errorf(diag.Pos{File: "themes/" + th.Name + "/i18n"}, "check the theme's language files are valid YAML", "could not read the theme's words: %v", err)
		return false
	}
	rs := &render.Site{Config: p.cfg, Content: p.res.Site, Assets: assets, Now: today(p.opts.Now), Drafts: p.opts.Drafts, Strings: words}
	p.out = newRecorder(p.opts.Output)
	p.b = &builder{rs: rs, renderer: &renderer{rs: rs, md: markdown.New()}, workers: workers(p.opts.Workers), minifier: p.minifier,
		theme: th, themeFiles: themeFiles, static: listStatic(p.opts.Source, &p.res.Diags), index: newLinkIndex(p.res.Site)}
	if p.opts.preview {
		p.b.pagesLock, p.b.checked = &sync.RWMutex{}, p.checked
		p.b.reads = map[string]*render.Reads{}
		rs.KeepReads = true
	}
	return true
}

// claimOutputs claims every file before any is written, so two sources
// wanting one file are both named, and nothing is written.
func (p *pass) claimOutputs() bool {
	p.out.claims = p.claims()
	p.b.claims = p.out.claims
	if p.res.Diags.HasErrors() {
		// Whether the claims were made again or kept, nothing is
		// rendered: the pages' own problems are found here instead.
		p.res.Diags = append(p.res.Diags, checkBodies(p.cfg, p.res.Site, p.res.Diags)...) // every problem in one run
		return false
	}
	return true
}

// claims are the claims of the pass: the last good build's when no page,
// alias or file came or went and the site-wide files are the same, brought
// up to date when they can be, or made again.
func (p *pass) claims() *claims {
	if !p.whole() && !p.work.files && !p.work.moved {
		keep := !p.work.meta || p.work.sameFiles
		if !keep {
			p.b.declareFiles(p.b.generatedSteps(), p.prev)
			keep = slices.Equal(p.b.declared, p.prev.declared)
		}
		if keep {
			p.b.declared, p.b.declaredSteps = p.prev.declared, p.prev.declaredSteps
			return p.prev.claims
		}
	}
	if !p.whole() {
		if c, updated := p.b.updateClaims(p.prev, p.changed); updated {
			return c
		}
	}
	return p.b.claimOutputs(p.output().final(), &p.res.Diags)
}

func (p *pass) loadTemplates() bool {
	p.b.rs.UseRegisters(p.b.registers) // made when a page first shows the directory
	if p.whole() {
		tpl, tdiags := render.Load(p.th, render.Funcs(p.b.rs))
		p.res.Diags = append(p.res.Diags, tdiags...)
		p.b.renderer.tpl = tpl
	} else {
		// The templates are those of the last good build, as a change
		// to them rebuilds everything; they take this content's
		// functions.
		p.b.renderer.tpl = p.prev.renderer.tpl.Rebind(render.Funcs(p.b.rs))
	}
	if p.res.Diags.HasErrors() {
		return false
	}
	p.res.state = p.b
	p.out.links = newOutputLinks(p.cfg.BasePath(), siteAddress(p.b.rs))
	return true
}

// planWork decides what to render: every page for a whole build, the pages
// a change touches for the preview.
func (p *pass) planWork() bool {
	if p.whole() {
		p.work = plan{render: p.res.Site.Pages, meta: true}
		return true
	}
	p.work = planChange(p.prev, p.b, p.changed)
	p.work.files = !slices.Equal(p.prev.rs.Content.Assets, p.res.Site.Assets)
	if !p.work.moved && !p.work.files {
		p.b.index.shareNames(p.prev.index) // the same pages and files
	}
	if p.res.Site.SharesPages(p.prev.rs.Content) {
		p.b.index.sharePages(p.prev.index)
	}
	p.b.change = p.work.change
	return true
}

func (p *pass) writeThemeFiles() bool {
	if p.whole() {
		p.b.writeThemeStatic(p.output(), &p.res.Diags)
	}
	return true
}

// renderRows renders the rows of the directory before the pages in an
// update of the preview, so the directory's own page (signatories/_index.md)
// shows them rather than rendering its hundred rows again. A whole build
// renders them with the directory's other pages, so they are not held
// while every page renders: at 100,000 signatories they are 150 MB.
func (p *pass) renderRows() bool {
	if !p.whole() && p.work.meta {
		p.b.renderRows()
	}
	return true
}

func (p *pass) renderPages() bool {
	if p.whole() {
		p.b.renderPages(p.output(), &p.res.Diags)
	} else {
		p.b.renderList(p.output(), p.work.render, &p.res.Diags)
		for _, pg := range p.work.later {
			if err := p.b.renderPageLater(p.output(), pg); err != nil {
				p.res.Diags.Errorf(diag.Pos{File: pg.File, Line: 1, Col: 1}, "please report this, with the page, to the people who make coproduce", "the page could not be made: %v", err)
			}
		}
	}
	return true
}

func (p *pass) copyStatic() bool {
	if p.whole() {
		p.b.copyStatic(p.output(), p.opts.Source, &p.res.Diags)
	}
	return true
}

// copyContentFiles copies the files beside the pages: all of them, or
// those the change saved, noting those it deleted.
func (p *pass) copyContentFiles() bool {
	if p.whole() {
		copyContentAssets(p.output(), p.opts.Source, p.res.Site.Assets, &p.res.Diags)
		return true
	}
	now := set(p.res.Site.Assets)
	for _, a := range p.prev.rs.Content.Assets {
		if !now[a] {
			p.work.removes = append(p.work.removes, a)
		}
	}
	var changed []string
	for _, a := range p.res.Site.Assets {
		if underAny(a, p.changed) {
			changed = append(changed, a)
		}
	}
	copyContentAssets(p.output(), p.opts.Source, changed, &p.res.Diags)
	return true
}

// writeSiteFiles writes the files made from the site as a whole: always
// for a whole build, and for the preview when some front matter changed.
func (p *pass) writeSiteFiles() bool {
	if p.work.meta {
		p.b.generated = p.b.writeGeneratedRecorded(p.output(), &p.res.Diags)
		switch {
		case p.whole():
		case p.work.sameFiles:
			// The same site-wide files as the last good build's: the
			// save can have written only some of them again.
			p.b.generated = p.prev.generated
		default:
			// The update wrote only what the save changed; the rest of
			// what the steps make is kept from the last good build.
			p.b.generated = p.b.generatedFiles(p.b.generated)
		}
	} else {
		p.b.generated = p.prev.generated
	}
	if !p.whole() && p.work.meta && !p.work.sameFiles {
		now := set(p.b.generated)
		for _, n := range p.prev.generated {
			if !now[n] {
				p.work.removes = append(p.work.removes, n)
			}
		}
	}
	return true
}

// checkLinks checks every link of a whole build; for the preview, the
// links the change may have broken.
func (p *pass) checkLinks() bool {
	if p.whole() {
		p.b.index.checkLinks(p.b.index.written(p.out), &p.res.Diags)
		p.b.checkOutputLinks(p.out, &p.res.Diags)
		if !p.res.Diags.HasErrors() {
			p.out.keptPromises(&p.res.Diags) // what a failed build leaves unwritten is said already
		}
		return true
	}
	p.work.removes = slices.DeleteFunc(p.work.removes, p.out.Has)
	checkChangedLinks(p.prev, p.b, p.work, p.out, &p.res.Diags)
	return true
}

// output is where the pass writes.
func (p *pass) output() output { return output{rec: p.out, min: p.minifier} }

// today is the day of the build: the one it was asked for, the last good
// build's for the preview, or the clock's.
func (p *pass) today() time.Time {
	if p.opts.Now.IsZero() && !p.whole() {
		return p.prev.rs.Now
	}
	return today(p.opts.Now)
}
