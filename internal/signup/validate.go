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

// validate reads the pages the rows would become with package content, as
// a build reads them, beside the site's pledges (so the pledges they name
// are checked too), and checks their text with package check. Each
// problem is reported at the row and column its line came from; a row
// with an error is marked Invalid and nothing is written for it.
func (b *builder) validate(plan *Plan, drafts []*draft, cfg *config.Config) {
	mem := fstest.MapFS{}
	for _, p := range b.pledges {
		if data, err := fs.ReadFile(b.src, p.File); err == nil {
			mem[strings.TrimPrefix(p.File, "content/")] = &fstest.MapFile{Data: data}
		}
	}
	byFile := map[string]int{} // the page's name in diagnostics -> item
	for i, it := range plan.Items {
		d := drafts[i]
		var name string
		switch {
		case it.Action == Create, it.Action == Update:
			name = strings.TrimPrefix(it.File, "content/")
		case it.Action == Invalid && d.text != nil && d.bodyLine > 0:
			// Every problem in one run: a row with an empty name still
			// has its other answers checked, under a name of its own.
			name = fmt.Sprintf("signatories/row-%d.md", it.Row)
		default:
			continue
		}
		mem[name] = &fstest.MapFile{Data: d.text}
		byFile["content/"+name] = i
	}
	if len(byFile) == 0 {
		return
	}
	site, diags := content.Load(mem, content.Options{Dir: "content", Languages: cfg.OtherLanguages()})
	diags = append(diags, check.Site(site, check.Options{ReadingAge: cfg.ReadingAge})...)
	conv := markdown.New()
	for _, p := range site.Pages {
		i, ok := byFile[p.File]
		if !ok || plan.Items[i].Action == Update {
			continue // an update leaves the page's text as it was
		}
		report, err := conv.Convert(p.Body, io.Discard, nil)
		if err == nil {
			diags = append(diags, check.Page(p, report, check.Options{ReadingAge: cfg.ReadingAge})...)
		}
	}
	for _, d := range diags {
		i, ok := byFile[d.File]
		if !ok {
			continue // a pledge's own problem: check reports it
		}
		mapped, keep := b.place(d, drafts[i], plan.Items[i].Action == Update)
		if !keep {
			continue
		}
		plan.Diags = append(plan.Diags, mapped)
		if mapped.Severity == diag.Error {
			plan.Items[i].Action = Invalid
		}
	}
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
