package check

import (
	"bytes"
	"html"
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
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
// body is parsed here. The blocks live in sc, until its next use.
func proseBlocks(body []byte, ix *lineIndex, doc ast.Node, sc *scratch) []block {
	if doc == nil {
		doc = proseParser.Parse(text.NewReader(body))
	}
	sc.text, sc.runs, sc.spans = sc.text[:0], sc.runs[:0], sc.spans[:0]
	c := collector{sc: sc, body: body}
	c.blocks(doc)
	// Only now that text and runs have stopped growing can the blocks
	// point into them.
	sc.blocks = sc.blocks[:0]
	for _, s := range sc.spans {
		sc.blocks = append(sc.blocks, block{
			text: sc.text[s.text:s.textEnd:s.textEnd],
			runs: sc.runs[s.runs:s.runsEnd:s.runsEnd],
			pos:  ix.pos(s.start),
		})
	}
	return sc.blocks
}

// collector gathers the text of a body's blocks into its scratch. It walks
// the tree itself rather than through ast.Walk, whose callbacks would be
// closures allocated for every block.
type collector struct {
	sc   *scratch
	body []byte
	// Of the block being collected:
	from  int // where its text starts in sc.text
	start int // body offset of its first text, -1 before any
	last  int // end of the last text copied from the body
}

// blocks finds the prose blocks under n, in document order, as ast.Walk
// would visit them.
func (c *collector) blocks(n ast.Node) {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindTextBlock:
		c.block(n)
		return
	case ast.KindHeading, ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, extast.KindTable:
		return
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.blocks(ch)
	}
}

// block gathers the words of one block, and keeps it if it has any.
func (c *collector) block(n ast.Node) {
	sc := c.sc
	c.from, c.start, c.last = len(sc.text), -1, 0
	runs := len(sc.runs)
	c.inline(n)
	if len(bytes.TrimSpace(sc.text[c.from:])) == 0 {
		sc.text, sc.runs = sc.text[:c.from], sc.runs[:runs]
		return
	}
	sc.spans = append(sc.spans, span{text: c.from, textEnd: len(sc.text), runs: runs, runsEnd: len(sc.runs), start: max(c.start, 0)})
}

// inline collects n and its children. A code span or a bare address
// stands for one word, since a reader takes it in at a glance or skips it.
// Typographic quotes, which the renderer's parser turns into entities,
// count as the one character they show.
func (c *collector) inline(n ast.Node) {
	switch t := n.(type) {
	case *ast.Text:
		c.add(t.Segment.Value(c.body), t.Segment.Start, true)
		c.last = t.Segment.Stop
		if t.SoftLineBreak() || t.HardLineBreak() {
			c.add(space, c.last, false)
		}
	case *ast.String:
		c.run(c.last, false)
		c.sc.text = appendUnescaped(c.sc.text, t.Value)
	case *ast.CodeSpan:
		at := c.last
		if fc, ok := t.FirstChild().(*ast.Text); ok {
			at = fc.Segment.Start
		}
		c.add(codeWord, at, false)
		return
	case *ast.AutoLink:
		c.add(linkWord, c.last, false)
		return
	case *ast.Image, *ast.RawHTML:
		return
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		c.inline(ch)
	}
}

// add appends s to the block's text, mapped to body offset at.
func (c *collector) add(s []byte, at int, spread bool) {
	c.run(at, spread)
	c.sc.text = append(c.sc.text, s...)
}

// run starts a stretch of text mapped to body offset at.
func (c *collector) run(at int, spread bool) {
	if c.start < 0 {
		c.start = at
	}
	c.sc.runs = append(c.sc.runs, srcRun{textStart: len(c.sc.text) - c.from, srcStart: at, spread: spread})
}

// typographerEntities are what the renderer's typographer writes for
// quotes, dashes and ellipses, with the characters they show, so the
// common case needs no call to html.UnescapeString and no allocation.
var typographerEntities = func() map[string]string {
	m := map[string]string{}
	for _, e := range []string{"&lsquo;", "&rsquo;", "&ldquo;", "&rdquo;", "&ndash;", "&mdash;", "&hellip;", "&laquo;", "&raquo;"} {
		m[e] = html.UnescapeString(e)
	}
	return m
}()

// appendUnescaped appends v to text with its HTML entities resolved.
func appendUnescaped(text, v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 {
		return append(text, v...)
	}
	if s, ok := typographerEntities[string(v)]; ok {
		return append(text, s...)
	}
	return append(text, html.UnescapeString(string(v))...)
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
	// The last place pos was asked about, to count the characters of a
	// long line from there rather than from the line's start each time.
	lastOffset, lastLine, lastCol int
}

// reset indexes body, reusing the memory of the last body indexed.
func (ix *lineIndex) reset(body []byte) {
	ix.body, ix.starts = body, append(ix.starts[:0], 0)
	ix.lastOffset, ix.lastLine, ix.lastCol = 0, 1, 1
	for i := 0; ; {
		n := bytes.IndexByte(body[i:], '\n')
		if n < 0 {
			return
		}
		i += n + 1
		ix.starts = append(ix.starts, i)
	}
}

// pos turns a byte offset into a line and column, the column counted in
// characters so it matches what an editor shows.
func (ix *lineIndex) pos(offset int) markdown.Pos {
	offset = min(max(offset, 0), len(ix.body))
	line := sort.SearchInts(ix.starts, offset+1) // lines starting at or before offset
	start, col := ix.starts[line-1], 1
	if line == ix.lastLine && offset >= ix.lastOffset {
		start, col = ix.lastOffset, ix.lastCol
	}
	col += utf8.RuneCount(ix.body[start:offset])
	ix.lastOffset, ix.lastLine, ix.lastCol = offset, line, col
	return markdown.Pos{Line: line, Col: col}
}

// lineBytes returns the text of line n, counted from 1, without a copy.
func (ix *lineIndex) lineBytes(n int) []byte {
	if n < 1 || n > len(ix.starts) {
		return nil
	}
	end := len(ix.body)
	if n < len(ix.starts) {
		end = ix.starts[n] - 1
	}
	return ix.body[ix.starts[n-1]:end]
}

// maxSourceBytes is the most of a line a message carries for the live
// preview to show. A page can be one line of megabytes, with thousands of
// messages on it: each holding a copy of the whole line once took
// gigabytes.
const maxSourceBytes = 1000

// sourceLine is the start of line n as a message shows it: the whole line
// when it is short, else its first maxSourceBytes bytes and "…".
func (ix *lineIndex) sourceLine(n int) string {
	b := ix.lineBytes(n)
	if len(b) <= maxSourceBytes {
		return string(b)
	}
	cut := maxSourceBytes
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut-- // never in the middle of a character
	}
	return string(b[:cut]) + " …"
}
