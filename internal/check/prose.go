package check

import (
	"bytes"
	"sort"
	"unicode/utf8"

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
func proseBlocks(body []byte, ix *lineIndex) []block {
	doc := proseParser.Parse(text.NewReader(body))
	var out []block
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			if b := collect(n, body, ix); len(bytes.TrimSpace(b.text)) > 0 {
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
func collect(n ast.Node, body []byte, ix *lineIndex) block {
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
	b.pos = ix.pos(start)
	return b
}

// lineIndex finds the line and column of a byte offset of a body quickly,
// so a large page with many sentences is measured in linear time.
type lineIndex struct {
	body   []byte
	starts []int // offset of the first byte of each line
}

func newLineIndex(body []byte) *lineIndex {
	ix := &lineIndex{body: body, starts: []int{0}}
	for i, c := range body {
		if c == '\n' {
			ix.starts = append(ix.starts, i+1)
		}
	}
	return ix
}

// pos turns a byte offset into a line and column, the column counted in
// characters so it matches what an editor shows.
func (ix *lineIndex) pos(offset int) markdown.Pos {
	offset = min(max(offset, 0), len(ix.body))
	line := sort.SearchInts(ix.starts, offset+1) // lines starting at or before offset
	start := ix.starts[line-1]
	return markdown.Pos{Line: line, Col: utf8.RuneCount(ix.body[start:offset]) + 1}
}

// line returns the text of line n, counted from 1.
func (ix *lineIndex) line(n int) string {
	if n < 1 || n > len(ix.starts) {
		return ""
	}
	end := len(ix.body)
	if n < len(ix.starts) {
		end = ix.starts[n] - 1
	}
	return string(ix.body[ix.starts[n-1]:end])
}
