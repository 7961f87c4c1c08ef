// Package markdown turns page bodies into HTML with one goldmark instance
// built once and shared by every page and every worker.
//
// It promises: GitHub-flavoured tables, lists, task lists and strikethrough;
// an id on every heading so it can be linked to; typographic quotes and
// dashes; raw HTML shown as text, never passed through, so no page can
// inject a script; and links rewritten so they work wherever the site is
// hosted (a link to "other.md" becomes that page's URL, a link to "/path/"
// gains the site's base path). What it finds along the way (headings,
// links, images) is returned so the checks can report on it by line.
package markdown

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter renders Markdown. It is safe for use by many goroutines.
type Converter struct {
	md goldmark.Markdown
}

// New builds the converter. Call it once per build, not per page.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100), util.Prioritized(headingIDs{}, 200)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 100)),
		),
	)
	return &Converter{md: md}
}

// Convert renders src to w. links decides where each link points; it may be
// nil, in which case links are left as written.
func (c *Converter) Convert(src []byte, w io.Writer, links LinkResolver) (*Report, error) {
	report := &Report{src: src}
	ctx := parser.NewContext()
	ctx.Set(stateKey, &state{resolver: links, report: report})
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	report.collectHeadings(doc)
	report.Doc = doc
	if err := c.md.Renderer().Render(w, src, doc); err != nil {
		return report, err
	}
	return report, nil
}

// ConvertString is Convert into a string, for tests and small snippets.
func (c *Converter) ConvertString(src string) (string, *Report, error) {
	var buf bytes.Buffer
	r, err := c.Convert([]byte(src), &buf, nil)
	return buf.String(), r, err
}
