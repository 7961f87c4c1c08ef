package markdown

import (
	"io"

	"github.com/yuin/goldmark/ast"
)

// ConvertKeepingLines is Convert for text written one sentence to a line,
// as Easy Read is: each line break inside a paragraph is kept as a line
// break (<br>) instead of running the lines together. A break straight
// after a picture that opens a paragraph is not kept, since the theme sets
// that picture beside the words rather than above them.
func (c *Converter) ConvertKeepingLines(src []byte, w io.Writer, links LinkResolver) (*Report, error) {
	return c.convert(src, w, links, true)
}

// keepLines turns the soft line breaks of every paragraph, and of every
// list item's text, into hard ones.
func keepLines(doc ast.Node) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock: // a TextBlock is a tight list item's text
		default:
			return ast.WalkContinue, nil
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok || !t.SoftLineBreak() || c.NextSibling() == nil || opensWithPicture(n, t) {
				continue
			}
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(true)
		}
		return ast.WalkSkipChildren, nil
	})
}

// opensWithPicture reports whether everything in the paragraph up to and
// including t is a picture and empty text: the line of a leading picture.
func opensWithPicture(p ast.Node, t *ast.Text) bool {
	sawImage := false
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *ast.Image:
			sawImage = true
		case *ast.Text:
			if n.Segment.Len() > 0 {
				return false
			}
		default:
			return false
		}
		if c == ast.Node(t) {
			return sawImage
		}
	}
	return false
}
