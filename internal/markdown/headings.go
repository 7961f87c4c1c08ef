package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// heading gives h an id made from its text as a reader sees it, the way
// GitHub does: letters of every language are kept ("Pwy ŷm ni?" becomes
// pwy-ŷm-ni, not pwy-m-ni), and a link's address or an entity's spelling
// never leaks into the id. A repeated id gains -1, -2.
func (wk *walker) heading(h *ast.Heading) {
	text := wk.plainText(h)
	wk.slugs = appendSlug(wk.slugs[:0], text)
	base := string(wk.slugs)
	id := base
	if wk.seen[id] {
		// Each base remembers the last number it gave, so a page of ten
		// thousand identical headings tries each number once rather
		// than counting up from 1 for every heading.
		i := wk.next[base]
		for {
			i++
			id = base + "-" + strconv.Itoa(i)
			if !wk.seen[id] {
				break
			}
		}
		wk.next[base] = i
	}
	wk.seen[id] = true
	// A string renders the same as []byte and costs one allocation less.
	h.SetAttributeString("id", id)
	wk.headings = append(wk.headings, Heading{Level: h.Level, ID: id, Text: text, Pos: wk.posOf(h)})
}

// appendSlug appends text lowercased, keeping letters and digits, turning
// spaces, dashes and underscores into dashes and dropping the rest.
func appendSlug(b []byte, text string) []byte {
	start := len(b)
	for _, r := range strings.TrimSpace(text) {
		if r < utf8.RuneSelf {
			// The same answers as the unicode calls below, without them.
			switch c := byte(r); {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b = append(b, c)
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case c == ' ', c == '-', c == '_', '\t' <= c && c <= '\r':
				b = append(b, '-')
			}
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		case unicode.IsSpace(r):
			b = append(b, '-')
		}
	}
	if len(b) == start {
		return append(b, "heading"...)
	}
	return b
}
