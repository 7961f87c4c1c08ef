package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// headingIDs gives every heading an id made from its text as a reader sees
// it, the way GitHub does: letters of every language are kept ("Pwy ŷm
// ni?" becomes pwy-ŷm-ni, not pwy-m-ni), and a link's address or an
// entity's spelling never leaks into the id. A repeated id gains -1, -2.
type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	seen := map[string]bool{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		base := slug(plainText(h, src))
		id := base
		for i := 1; seen[id]; i++ {
			id = base + "-" + strconv.Itoa(i)
		}
		seen[id] = true
		h.SetAttributeString("id", []byte(id))
		return ast.WalkSkipChildren, nil
	})
}

// slug lowercases text, keeps letters and digits, turns spaces, dashes and
// underscores into dashes and drops the rest.
func slug(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "heading"
	}
	return b.String()
}
