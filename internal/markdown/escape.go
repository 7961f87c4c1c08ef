package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// escapeHTML renders raw HTML written in Markdown as visible text. Editors
// see what they wrote, and a signatory's text can never carry a script.
type escapeHTML struct{}

func (escapeHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		w.Write(util.EscapeHTML(s.Value(src)))
	}
	return ast.WalkSkipChildren, nil
}

func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	block := n.(*ast.HTMLBlock)
	w.WriteString("<p>")
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		w.Write(util.EscapeHTML(s.Value(src)))
	}
	if block.HasClosure() {
		w.Write(util.EscapeHTML(block.ClosureLine.Value(src)))
	}
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
