package site

import (
	"bytes"
	"html/template"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/render"
)

// renderer makes a page's HTML: its Markdown converted, with its links
// resolved by the caller's pageLinks, and its template run. It writes
// nothing and keeps nothing: the caller decides where the page goes,
// now or later, and what to remember of it.
type renderer struct {
	rs  *render.Site
	tpl *render.Templates
	md  *markdown.Converter
}

// convertBody converts a page's Markdown into body, resolving its links
// with res. The report is nil when the page could not be converted, with
// the problem saying why.
func (r *renderer) convertBody(p *content.Page, body *bytes.Buffer, res *pageLinks) (*markdown.Report, diag.List) {
	var diags diag.List
	body.Reset()
	convert := r.md.Convert
	if p.Variant == "easy" {
		convert = r.md.ConvertKeepingLines // Easy Read is one sentence to a line
	}
	report, err := convert(p.Body, body, res)
	if r, ok := err.(*markdown.Refusal); ok {
		diags.Errorf(bodyPos(p, r.Pos), r.Fix, "%s", r.Problem)
		return nil, diags
	}
	if err != nil {
		diags.Errorf(diag.Pos{File: p.File, Line: p.BodyLine}, "check the Markdown of the page", "the page could not be converted: %v", err)
		return nil, diags
	}
	return report, nil
}

// executePage runs a page's template with its converted body into buf.
// When the template fails it returns the problem, or an empty list when
// the fault was recorded in faults.
func (r *renderer) executePage(p *content.Page, body, buf *bytes.Buffer, faults *render.Faults) (*render.PageData, diag.List) {
	buf.Reset()
	data := render.NewPageData(r.rs, p, template.HTML(body.String()))
	if err := r.tpl.Execute(buf, data, templateNames(p)...); err != nil {
		if faults.Add(p.File, err) {
			return nil, diag.List{}
		}
		var diags diag.List
		diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "check the theme's template for this kind of page", "the page could not be rendered: %v", err)
		return nil, diags
	}
	return data, nil
}

// executeSpecial runs the template tmpl into buf for a page with no
// Markdown file of its own, such as the 404 page or one of the directory's.
func (r *renderer) executeSpecial(buf *bytes.Buffer, tmpl, kind string, p *content.Page) (*render.PageData, error) {
	data := render.NewPageData(r.rs, p, "")
	data.Kind = kind
	if err := r.tpl.Execute(buf, data, tmpl); err != nil {
		return nil, err
	}
	return data, nil
}
