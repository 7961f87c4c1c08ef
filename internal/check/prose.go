package check

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/coproduce/coproduce/internal/markdown"
)

// proseParser reads bodies for the plain English checks. It is built once
// and only read afterwards; goldmark parsers are safe for concurrent use.
var proseParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

// block is the running text of one paragraph or list item, with a map from
// each byte of the text back to the body, so a sentence can be pointed at.
type block struct {
	text []byte
	src  []int // src[i] is the body offset of text[i]
	pos  markdown.Pos
}

// proseBlocks returns the paragraphs and list items of a Markdown body: the
// text a reader reads as sentences. Headings, tables, code and raw HTML are
// left out, and so are images (their alt text is not part of the prose).
func proseBlocks(body []byte) []block {
	doc := proseParser.Parse(text.NewReader(body))
	var out []block
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			if b := collect(n, body); len(bytes.TrimSpace(b.text)) > 0 {
				out = append(out, b)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindHeading, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if n.Kind().String() == "Table" {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// collect gathers the words of one block. A code span or a bare address
// stands for one word, since a reader takes it in at a glance or skips it.
func collect(n ast.Node, body []byte) block {
	var b block
	start := -1
	add := func(s []byte, at int, spread bool) {
		if start < 0 {
			start = at
		}
		for i := range s {
			b.text = append(b.text, s[i])
			if spread {
				b.src = append(b.src, at+i)
			} else {
				b.src = append(b.src, at)
			}
		}
	}
	last := 0
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			add(t.Segment.Value(body), t.Segment.Start, true)
			last = t.Segment.Stop
			if t.SoftLineBreak() || t.HardLineBreak() {
				add([]byte(" "), last, false)
			}
		case *ast.String:
			add(t.Value, last, false)
		case *ast.CodeSpan:
			at := last
			if fc, ok := t.FirstChild().(*ast.Text); ok {
				at = fc.Segment.Start
			}
			add([]byte("code"), at, false)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			add([]byte("link"), last, false)
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		start = 0
	}
	b.pos = posAt(body, start)
	return b
}

// posAt turns a byte offset of the body into a line and column, the column
// counted in characters so it matches what an editor shows.
func posAt(body []byte, offset int) markdown.Pos {
	offset = min(max(offset, 0), len(body))
	before := body[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return markdown.Pos{Line: line, Col: len([]rune(string(before[lineStart:]))) + 1}
}
