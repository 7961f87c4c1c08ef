package signup

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/check"
	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// validate reads pages as a build reads them, with package content,
// beside the site's pledges (so the pledge a page names is checked too),
// and checks their text with package check. pages maps the name a page is
// read under to the draft it came from; withText says whether the text
// below the front matter is the import's to check. Each problem is
// reported at the row and column its line came from, and the rows that
// have an error are returned.
func (b *builder) validate(plan *Plan, drafts []*draft, pages map[string]int, withText bool, cfg *config.Config) map[int]bool {
	bad := map[int]bool{}
	if len(pages) == 0 {
		return bad
	}
	mem := fstest.MapFS{}
	for _, p := range b.pledges {
		if data, err := fs.ReadFile(b.src, p.File); err == nil {
			mem[strings.TrimPrefix(p.File, "content/")] = &fstest.MapFile{Data: data}
		}
	}
	byFile := map[string]int{} // the page's name in diagnostics -> draft
	for name, i := range pages {
		mem[name] = &fstest.MapFile{Data: drafts[i].text}
		byFile["content/"+name] = i
	}
	site, diags := content.Load(mem, content.Options{Dir: "content", Languages: cfg.OtherLanguages()})
	diags = append(diags, check.Site(site, check.Options{ReadingAge: cfg.ReadingAge})...)
	if withText {
		conv := markdown.New()
		for _, p := range site.Pages {
			if _, ok := byFile[p.File]; !ok {
				continue
			}
			if report, err := conv.Convert(p.Body, io.Discard, nil); err == nil {
				diags = append(diags, check.Page(p, report, check.Options{ReadingAge: cfg.ReadingAge})...)
			}
		}
	}
	for _, d := range diags {
		i, ok := byFile[d.File]
		if !ok {
			continue // a pledge's own problem: check reports it
		}
		mapped, keep := b.place(d, drafts[i], !withText)
		if !keep {
			continue
		}
		plan.Diags = append(plan.Diags, mapped)
		if mapped.Severity == diag.Error {
			bad[i] = true
		}
	}
	return bad
}

// rowPages names each row's page by its row, for validate: the page's
// problems do not depend on its file name, and a row is checked before
// it is known whether it makes a page or matches one already there.
func rowPages(drafts []*draft) map[int]string {
	out := map[int]string{}
	for i, d := range drafts {
		out[i] = fmt.Sprintf("signatories/row-%d.md", d.row.Num)
	}
	return out
}

// place moves a problem from the line of the page to the row and column of
// the export it came from. Problems the import has reported in its own
// words are dropped, and so are an updated page's problems on lines the
// update did not write, which are check's to report.
func (b *builder) place(d diag.Diagnostic, dr *draft, update bool) (diag.Diagnostic, bool) {
	if dr.quiet[d.Line] {
		return d, false
	}
	col, ok := dr.lines[d.Line]
	if !ok && !update && dr.descCol >= 0 && d.Line >= dr.bodyLine {
		col, ok = dr.descCol, true
	}
	out := diag.Diagnostic{Severity: d.Severity, Fix: d.Fix}
	switch {
	case ok:
		out.Pos = b.at(dr.row, col)
		out.Problem = b.label(col) + ": " + d.Problem
	case update:
		return d, false
	default:
		out.Pos = b.at(dr.row, 0)
		out.Problem = "the page for this row: " + d.Problem
	}
	return out, true
}
