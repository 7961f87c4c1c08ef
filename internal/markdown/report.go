package markdown

import (
	"bytes"
	"html"
	"strings"

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
	Pos    Pos
}

// IDs returns the set of heading ids, the anchors other pages may link to.
func (r *Report) IDs() map[string]bool {
	ids := make(map[string]bool, len(r.Headings))
	for _, h := range r.Headings {
		ids[h.ID] = true
	}
	return ids
}

func (r *Report) collectHeadings(doc ast.Node) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			idBytes, _ := id.([]byte)
			r.Headings = append(r.Headings, Heading{Level: h.Level, ID: string(idBytes), Text: plainText(h, r.src), Pos: r.posOf(h)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// posOf finds where a node starts: block nodes know their lines, inline
// nodes are placed by their first piece of text.
func (r *Report) posOf(n ast.Node) Pos {
	offset := -1
	for c := n; c != nil && offset < 0; {
		if c.Type() == ast.TypeBlock {
			if lines := c.Lines(); lines != nil && lines.Len() > 0 {
				offset = lines.At(0).Start
			}
			break
		}
		if t, ok := c.(*ast.Text); ok {
			offset = t.Segment.Start
			break
		}
		if c.FirstChild() != nil {
			c = c.FirstChild()
			continue
		}
		c = c.Parent()
		if c != nil && c.Type() == ast.TypeBlock {
			if lines := c.Lines(); lines != nil && lines.Len() > 0 {
				offset = lines.At(0).Start
			}
			break
		}
	}
	if offset < 0 || offset > len(r.src) {
		return Pos{Line: 1, Col: 1}
	}
	switch n.(type) {
	case *ast.Link:
		offset = openingBracket(r.src, offset)
	case *ast.Image:
		if offset = openingBracket(r.src, offset); offset > 0 && r.src[offset-1] == '!' {
			offset--
		}
	}
	before := r.src[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := offset - bytes.LastIndexByte(before, '\n')
	return Pos{Line: line, Col: col}
}

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

// plainText is the text inside a node, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			// Entities are kept raw in the tree: "&amp;" reads as "&".
			b.WriteString(html.UnescapeString(string(t.Segment.Value(src))))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(t.Value)))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
