package markdown

import (
	"bytes"
	"html"
	"slices"

	"github.com/yuin/goldmark/ast"
)

// walker does, in one pass over a parsed page, everything this package
// adds to goldmark: it gives headings their ids, sends links and images
// through the resolver, and fills the report. It keeps its buffers from
// page to page (see Converter.walkers); run leaves nothing of the page in
// them, so a pooled walker holds no page alive.
type walker struct {
	src      []byte
	report   *Report
	resolver LinkResolver
	lines    lineCursor

	headings    []Heading
	links       []Link
	images      []Link
	seen        map[string]bool // heading ids given so far
	next        map[string]int  // the last number given to a repeated heading id
	text, slugs []byte          // scratch for plainText and slug
}

func (wk *walker) run(doc ast.Node, r *Report, resolver LinkResolver) {
	wk.src, wk.report, wk.resolver = r.src, r, resolver
	wk.lines = lineCursor{line: 1}
	if wk.seen == nil {
		wk.seen = map[string]bool{}
	}
	if wk.next == nil {
		wk.next = map[string]int{}
	}
	wk.children(doc)
	// The report keeps exactly-sized copies; the scratch slices grow once
	// per worker instead of a few times per page.
	r.Headings = clip(wk.headings)
	r.Links = clip(wk.links)
	r.Images = clip(wk.images)

	clear(wk.headings)
	clear(wk.links)
	clear(wk.images)
	if len(wk.seen) > 256 {
		// clear costs as much as the map ever grew: a page with very many
		// headings should not slow every page after it.
		wk.seen = nil
	} else {
		clear(wk.seen)
	}
	if len(wk.next) > 256 {
		wk.next = nil
	} else {
		clear(wk.next)
	}
	wk.headings, wk.links, wk.images = wk.headings[:0], wk.links[:0], wk.images[:0]
	wk.src, wk.report, wk.resolver = nil, nil, nil
}

// clip copies s into a slice of its own, nil when empty as append would
// have left it.
func clip[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// children visits n's children in document order. A plain recursion
// instead of ast.Walk: it costs no closure call per node, and the tree
// is as deep as the Markdown's nesting, never deep enough to matter.
func (wk *walker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch node := c.(type) {
		case *ast.Text, *ast.String:
			continue // leaves, and the bulk of the tree
		case *ast.Heading:
			wk.heading(node)
		case *ast.Link:
			node.Destination = wk.link(node, node.Destination, false)
		case *ast.Image:
			node.Destination = wk.link(node, node.Destination, true)
		case *ast.AutoLink:
			if node.AutoLinkType == ast.AutoLinkURL {
				wk.links = append(wk.links, Link{
					Dest: string(node.URL(wk.src)), Text: string(node.Label(wk.src)), Bare: true, Pos: wk.posOf(node),
				})
			}
		}
		// Links inside headings, images inside links: everything nested
		// is visited too.
		wk.children(c)
	}
}

// plainText is the text inside a node as a reader sees it, without markup.
func (wk *walker) plainText(n ast.Node) string {
	wk.text = appendPlainText(wk.text[:0], n, wk.src)
	return string(bytes.TrimSpace(wk.text))
}

func appendPlainText(b []byte, n ast.Node, src []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b = appendUnescaped(b, t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = appendUnescaped(b, t.Value)
		default:
			b = appendPlainText(b, c, src)
		}
	}
	return b
}

// appendUnescaped appends s with its entities read: entities are kept raw
// in the tree, and "&amp;" reads as "&". Most text has none, and is
// appended without the string copies unescaping costs.
func appendUnescaped(b, s []byte) []byte {
	if bytes.IndexByte(s, '&') < 0 {
		return append(b, s...)
	}
	return append(b, html.UnescapeString(string(s))...)
}
