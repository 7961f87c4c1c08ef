package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// Pos is a place in the Markdown body, counted from 1.
type Pos struct{ Line, Col int }

// Report is what a page's body contains that the checks look at.
type Report struct {
	Headings []Heading
	Links    []Link // links, including bare URLs turned into links
	Images   []Link
	// Doc is the parsed body, so checks that read the text walk the same
	// tree the page was rendered from instead of parsing it again. It
	// refers into the body: drop the report with the page.
	Doc ast.Node

	src []byte
}

// Heading is one heading of the body and the id it can be linked by.
type Heading struct {
	Level int
	ID    string
	Text  string
	Pos   Pos
}

// Link is a link or an image as the editor wrote it.
type Link struct {
	Dest   string // as written
	URL    string // as written into the HTML
	Text   string // link text, or an image's alt text
	Image  bool
	Bare   bool     // a bare URL, linked automatically
	Broken *Problem // why the target does not exist, nil when it does
	// Picture is the file an image shows, when the resolver is a
	// PictureFinder that knows its size; nil otherwise.
	Picture *Picture `json:",omitempty"`
	Pos     Pos
}

// IDs returns the set of heading ids, the anchors other pages may link to.
func (r *Report) IDs() map[string]bool {
	ids := make(map[string]bool, len(r.Headings))
	for _, h := range r.Headings {
		ids[h.ID] = true
	}
	return ids
}

// posOf finds where a node starts: block nodes know their lines, inline
// nodes are placed by the first piece of text inside them, or else by the
// block they are in.
func (wk *walker) posOf(n ast.Node) Pos {
	offset := -1
	if n.Type() == ast.TypeBlock {
		offset = blockStart(n)
	} else {
		offset = firstText(n)
		for c := n.Parent(); offset < 0 && c != nil; c = c.Parent() {
			if c.Type() == ast.TypeBlock {
				offset = blockStart(c)
				break
			}
		}
	}
	src := wk.src
	if offset < 0 || offset > len(src) {
		return Pos{Line: 1, Col: 1}
	}
	switch n.(type) {
	case *ast.Link:
		offset = openingBracket(src, offset)
	case *ast.Image:
		if offset = openingBracket(src, offset); offset > 0 && src[offset-1] == '!' {
			offset--
		}
	}
	line, start := wk.lines.lineAt(src, offset)
	return Pos{Line: line, Col: offset - start + 1}
}

// blockStart is the offset of a block's first line, or -1.
func blockStart(n ast.Node) int {
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		return lines.At(0).Start
	}
	return -1
}

// firstText is the offset of the first piece of text inside an inline
// node, or -1. It looks through every child, not only first children: a
// link can open with a node that holds no text, such as the curly quote
// the typographer makes of ["a quote"](x.md).
func firstText(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if offset := firstText(c); offset >= 0 {
			return offset
		}
	}
	return -1
}

// lineCursor counts lines from the last place it was asked about rather
// than from the top of the page: the walk asks in document order, so the
// page is read once instead of once per heading and link. It keeps where
// its line starts too: looking back for the line's start from each link
// read a long line once per link on it.
type lineCursor struct {
	offset, line, start int // start is the offset of the line's first byte
}

// lineAt is the line, counted from 1, of the byte at offset in src, and
// the offset where that line starts.
func (lc *lineCursor) lineAt(src []byte, offset int) (line, start int) {
	if offset >= lc.offset {
		between := src[lc.offset:offset]
		if n := bytes.Count(between, newline); n > 0 {
			lc.line += n
			lc.start = lc.offset + bytes.LastIndexByte(between, '\n') + 1
		}
	} else {
		between := src[offset:lc.offset]
		if n := bytes.Count(between, newline); n > 0 {
			lc.line -= n
			// Back over a line break: rare, as the walk goes forward.
			lc.start = bytes.LastIndexByte(src[:offset], '\n') + 1
		}
	}
	lc.offset = offset
	return lc.line, lc.start
}

var newline = []byte("\n")

// openingBracket finds the "[" that opens a link's text, looking back from
// the link's first piece of text past any markup before it ("[`code`]",
// "[*word*]"). Without one on the same line it keeps offset.
func openingBracket(src []byte, offset int) int {
	for i := offset - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] == '[' {
			return i
		}
	}
	return offset
}
