package site

import (
	"io"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/render"
)

// checkBodies checks every page's body when the front matter has errors and
// nothing can be rendered: the body rules, and the links that can be judged
// without the output (to other Markdown files, and addresses that are not
// allowed), so an editor learns every problem in one run. A link to a file
// that exists but has errors of its own is not reported again: fixing that
// file fixes the link.
func checkBodies(cfg *config.Config, pages *content.Site, known diag.List) diag.List {
	withErrors := map[string]bool{}
	for _, d := range known {
		if d.Severity == diag.Error {
			withErrors[d.File] = true
		}
	}
	rs := &render.Site{Config: cfg, Content: pages}
	b := &builder{rs: rs, renderer: &renderer{rs: rs, md: markdown.New()}, index: newLinkIndex(pages)}
	var diags diag.List
	for _, p := range pages.Pages {
		body, changed := pages.Body(p)
		if changed != nil {
			diags = append(diags, *changed)
			continue
		}
		// A body read on demand is held only while it is checked.
		onDemand := p.Body == nil
		p.Body = body
		diags = append(diags, b.checkBody(p, withErrors)...)
		if onDemand {
			p.Body = nil
		}
	}
	return diags
}

// checkBody is checkBodies for one page.
func (b *builder) checkBody(p *content.Page, withErrors map[string]bool) diag.List {
	var diags diag.List
	links := &pageLinks{index: b.index, rs: b.rs, page: p}
	report, err := b.renderer.md.Convert(p.Body, io.Discard, links)
	if r, ok := err.(*markdown.Refusal); ok {
		diags.Errorf(bodyPos(p, r.Pos), r.Fix, "%s", r.Problem)
		return diags
	}
	if err != nil {
		return nil // reported when the page is rendered
	}
	return b.bodyProblems(p, report, withErrors)
}

// bodyProblems are the problems of one converted body: links whose target
// does not exist (except to a file in skip, which has errors of its own)
// and the editor checks of package check.
func (b *builder) bodyProblems(p *content.Page, report *markdown.Report, skip map[string]bool) diag.List {
	var diags diag.List
	for _, l := range append(report.Links, report.Images...) {
		if l.Broken != nil && !skip[l.Broken.File] {
			diags.Errorf(bodyPos(p, l.Pos), l.Broken.Fix, "%s", l.Broken.What)
		}
	}
	return append(diags, check.Page(p, report, check.Options{ReadingAge: b.rs.Config.ReadingAge, SiteDomain: b.rs.Config.BaseURL.Hostname()})...)
}
