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
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sync"

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
	// walkers and writers keep each worker's scratch memory from page to
	// page: a build converts thousands of pages, and allocating these
	// afresh for each one showed in its profile.
	walkers sync.Pool // *walker
	writers sync.Pool // *bufio.Writer
}

// New builds the converter. Call it once per build, not per page.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer),
		goldmark.WithParserOptions(
			// Ahead of every parser of goldmark's and its extensions': the
			// lowest number goes first.
			parser.WithInlineParsers(util.Prioritized(guard{}, 0)),
			parser.WithParagraphTransformers(util.Prioritized(definitionGuard{}, 0)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 100)),
		),
	)
	return &Converter{md: md}
}

// Convert renders src to w. links decides where each link points; it may be
// nil, in which case links are left as written. A body of one of the
// shapes the parser cannot read in reasonable time is refused with a
// *Refusal, and nothing is written.
func (c *Converter) Convert(src []byte, w io.Writer, links LinkResolver) (report *Report, err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case *Refusal:
			r.place(src)
			report, err = nil, r
		default:
			// No body may stop the build: a fault in the parser is
			// this page's error.
			report, err = nil, fmt.Errorf("the Markdown could not be read because of a fault in coproduce: %v; please report it", r)
		}
	}()
	if r := countMarks(src); r != nil {
		panic(r) // placed, and returned, like the parser's refusals
	}
	report = &Report{src: src}
	doc := c.md.Parser().Parse(text.NewReader(src))
	// Heading ids, link targets and the report are done in one walk over
	// the tree between parsing and rendering, rather than as one goldmark
	// AST transformer and one collector each walking it.
	wk, _ := c.walkers.Get().(*walker)
	if wk == nil {
		wk = &walker{}
	}
	wk.run(doc, report, links)
	c.walkers.Put(wk)
	report.Doc = doc

	// goldmark wraps any writer that is not already buffered in a new
	// 4 KB bufio.Writer per call; a pooled one writes the same bytes.
	bw, ok := w.(util.BufWriter)
	if !ok {
		pooled, _ := c.writers.Get().(*bufio.Writer)
		if pooled == nil {
			pooled = bufio.NewWriter(w)
		} else {
			pooled.Reset(w)
		}
		defer func() {
			pooled.Reset(nil) // drop w, and anything unflushed after an error
			c.writers.Put(pooled)
		}()
		bw = pooled
	}
	if err := c.md.Renderer().Render(bw, src, doc); err != nil {
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
