package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// LinkResolver decides where a link or image written in a page points.
// Resolve returns the URL to write into the HTML, or a problem when the
// target does not exist; the link is then kept as written and recorded in
// the report as broken.
type LinkResolver interface {
	Resolve(dest string, image bool) (url string, problem *Problem)
}

// Problem is why a link is broken and what the editor should write instead.
type Problem struct {
	What string
	Fix  string
	// File is the site file the link names, when it names one that is
	// missing, so a caller can tell it from other broken links.
	File string
}

type state struct {
	resolver LinkResolver
	report   *Report
}

var stateKey = parser.NewContextKey()

// linkTransformer rewrites link and image targets through the page's
// resolver and records every link and image for the checks.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*state)
	if st == nil {
		return
	}
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := n.(type) {
		case *ast.Link:
			node.Destination = st.visit(src, n, string(node.Destination), false)
		case *ast.Image:
			node.Destination = st.visit(src, n, string(node.Destination), true)
		case *ast.AutoLink:
			if node.AutoLinkType == ast.AutoLinkURL {
				st.report.Links = append(st.report.Links, Link{
					Dest: string(node.URL(src)), Text: string(node.Label(src)), Bare: true, Pos: st.report.posOf(n),
				})
			}
		}
		return ast.WalkContinue, nil
	})
}

func (st *state) visit(src []byte, n ast.Node, dest string, image bool) []byte {
	l := Link{Dest: dest, Text: plainText(n, src), Image: image, Pos: st.report.posOf(n)}
	out := dest
	if st.resolver != nil {
		url, problem := st.resolver.Resolve(dest, image)
		if problem == nil {
			out = url
		} else {
			l.Broken = problem
		}
	}
	l.URL = out
	if image {
		st.report.Images = append(st.report.Images, l)
	} else {
		st.report.Links = append(st.report.Links, l)
	}
	return []byte(out)
}
