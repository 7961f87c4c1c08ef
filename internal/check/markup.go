package check

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// checkMarkup warns about what an editor wrote expecting it to work but
// which the page shows as plain text: HTML pasted into the Markdown, which
// is always shown as text for safety, and a link or picture whose address
// has a space in it, which Markdown does not read as a link at all.
func checkMarkup(body []byte, doc ast.Node, ix *lineIndex, at func(markdown.Pos) diag.Pos, diags *messages) {
	if doc == nil {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				rawHTML(body, seg.Start, ix, at, diags)
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				rawHTML(body, n.Lines().At(0).Start, ix, at, diags)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 && n.FirstChild() != nil {
			spacedLinks(body, n, ix, at, diags)
		}
		return ast.WalkContinue, nil
	})
}

// tagName matches the start of an HTML tag or comment.
var tagName = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9]*|!--)`)

// rawHTML warns about the HTML that starts at offset, with what Markdown
// to write instead.
func rawHTML(body []byte, offset int, ix *lineIndex, at func(markdown.Pos) diag.Pos, diags *messages) {
	if offset < 0 || offset >= len(body) {
		return
	}
	rest := body[offset:]
	if i := strings.IndexByte(string(rest[:min(len(rest), 200)]), '\n'); i >= 0 {
		rest = rest[:i]
	}
	m := tagName.FindSubmatch(rest)
	if m == nil {
		return
	}
	name := strings.ToLower(string(m[2]))
	shown := "<" + string(m[1]) + name + ">"
	if name == "!--" {
		shown = "<!-- -->"
	}
	diags.Warnf(at(ix.pos(offset)), htmlAdvice(name),
		"the HTML %s will show on the page as text, because HTML is not allowed in pages", shown)
}

// htmlAdvice says what to write in Markdown instead of an HTML tag.
func htmlAdvice(name string) string {
	switch name {
	case "b", "strong":
		return "for bold words, write **words** instead"
	case "i", "em":
		return "for words in italics, write *words* instead"
	case "a":
		return "for a link, write [the words to click](https://example.org/page) instead"
	case "img":
		return "for a picture, save it beside this page and write ![what the picture shows](file-name.png) instead"
	case "iframe", "embed", "object", "video", "audio", "script", "blockquote", "form":
		return "embed codes are not allowed; link to the video or post instead, such as [Watch the video on YouTube](https://www.youtube.com/watch?v=...)"
	case "br":
		return "to start a new line, leave an empty line between the two parts"
	case "p", "div":
		return "leave an empty line between paragraphs instead"
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "for a heading, write ## and the heading's words at the start of a line instead"
	case "ul", "ol", "li":
		return "for a list, start each item on its own line with - and a space instead"
	case "!--":
		return "delete the note, or keep it somewhere outside the page"
	case "span", "font", "u", "center", "small", "big", "mark":
		return "delete the tags and keep the words; the site's design sets colours and sizes for every page"
	}
	return "delete the tags and keep the words, or write it in Markdown"
}

// spacedLink finds what looks like a link or picture, [words](address) or
// ![words](address), whose address has a space, so Markdown left it as
// text. An address followed by a quoted title, (page.md "Title"), is a
// real link and not matched.
var spacedLink = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(([^()<>\n"']*\s[^()<>\n"']*)\)`)

// spacedLinks looks at the runs of plain text in the block n: a real link
// is a Link node, and code spans are left out.
func spacedLinks(body []byte, n ast.Node, ix *lineIndex, at func(markdown.Pos) diag.Pos, diags *messages) {
	start, end := -1, -1
	flush := func() {
		// Most runs of text have no "](" at all: looking for it first
		// spares them the regular expression, which was a twentieth of
		// a large site's build.
		if start >= 0 && end > start && end <= len(body) && bytes.Contains(body[start:end], []byte("](")) {
			for _, m := range spacedLink.FindAllSubmatchIndex(body[start:end], -1) {
				dest := strings.TrimSpace(string(body[start+m[6] : start+m[7]]))
				if dest == "" || !strings.ContainsAny(dest, " \t\n") {
					continue
				}
				pos := at(ix.pos(start + m[0]))
				if m[3] > m[2] { // a picture
					diags.Warnf(pos, "write the file name between < and >, such as !["+string(body[start+m[4]:start+m[5]])+"](<"+dest+">), or rename the file without spaces, such as "+strings.Join(strings.Fields(dest), "-"),
						"the picture %q has a space in its file name, so the page will show this as text instead of the picture", dest)
				} else {
					diags.Warnf(pos, "write the address between < and >, such as ["+string(body[start+m[4]:start+m[5]])+"](<"+dest+">), or rename the file without spaces",
						"the link to %q has a space in its address, so the page will show this as text instead of a link", dest)
				}
			}
		}
		start, end = -1, -1
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			flush()
			continue
		}
		seg := t.Segment
		if start < 0 || seg.Start > end+1 {
			flush()
			start = seg.Start
		}
		end = max(end, seg.Stop)
	}
	flush()
}
