package check

import (
	"bytes"
	"html"
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
// the text back to the body, so a sentence can be pointed at.
type block struct {
	text []byte
	runs []srcRun // in order of textStart
	pos  markdown.Pos
}

// srcRun maps a stretch of a block's text back to the body. Text copied
// from the body maps byte for byte; text the checks put in (a space for a
// line break, "code" for a code span) maps to one place. Runs rather than
// one offset a byte keep the checks' memory small on large sites.
type srcRun struct {
	textStart, srcStart int
	spread              bool
}

// srcAt is the body offset of text[i].
func (b *block) srcAt(i int) int {
	k := sort.Search(len(b.runs), func(k int) bool { return b.runs[k].textStart > i }) - 1
	if k < 0 {
		return 0
	}
	r := b.runs[k]
	if r.spread {
		return r.srcStart + i - r.textStart
	}
	return r.srcStart
}

// proseBlocks returns the paragraphs and list items of a Markdown body: the
// text a reader reads as sentences. Headings, tables, code and raw HTML are
// left out, and so are images (their alt text is not part of the prose).
// doc is the body as the page was parsed for rendering; when it is nil the
// body is parsed here.
func proseBlocks(body []byte, ix *lineIndex, doc ast.Node) []block {
	if doc == nil {
		doc = proseParser.Parse(text.NewReader(body))
	}
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
// Typographic quotes, which the renderer's parser turns into entities,
// count as the one character they show.
func collect(n ast.Node, body []byte, ix *lineIndex) block {
	var b block
	start := -1
	add := func(s []byte, at int, spread bool) {
		if start < 0 {
			start = at
		}
		b.runs = append(b.runs, srcRun{textStart: len(b.text), srcStart: at, spread: spread})
		b.text = append(b.text, s...)
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
				add(space, last, false)
			}
		case *ast.String:
			v := t.Value
			if bytes.IndexByte(v, '&') >= 0 {
				v = []byte(html.UnescapeString(string(v)))
			}
			add(v, last, false)
		case *ast.CodeSpan:
			at := last
			if fc, ok := t.FirstChild().(*ast.Text); ok {
				at = fc.Segment.Start
			}
			add(codeWord, at, false)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			add(linkWord, last, false)
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

var (
	space    = []byte(" ")
	codeWord = []byte("code")
	linkWord = []byte("link")
)

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
