package publish

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
)

// Pieces of HTML that many pages share (the navigation, the footer, a
// directory row shown on six listings) can be minified once, where they
// are made, rather than again inside every page. Span minifies such a
// piece and marks it; the page minifier (Into) then copies a marked piece
// as it is and minifies only the HTML around it, one stretch at a time.
//
// That gives the same bytes as minifying the whole page when a piece
// begins with the start tag of a block element and ends with the end tag
// of one, and nothing around it leaves the minifier inside <pre>, a
// comment or an element whose text it does not read as HTML (<script>,
// <textarea>, <svg> and the like): the minifier then drops the white space
// at the edges of the piece, and at the edges of the stretches beside it,
// whether it stops there or reads on. Span marks only such pieces, and a
// page where the text around a piece does not pass is minified whole.
//
// The marks are HTML comments with a NUL byte inside: html/template copies
// them into a page only where the piece is shown as HTML, and strips or
// escapes them where it is not (an attribute, a <title>). Editors' text
// cannot forge one: html/template and the Markdown converter escape its
// "<". A piece a theme shows inside <pre> is copied minified, its white
// space collapsed (docs/themes.md says so).
const (
	spanStart = "<!--\x00[-->"
	spanEnd   = "<!--\x00]-->"
)

// spanMark is what both marks begin with.
const spanMark = "<!--\x00"

// spanMinifier minifies the pieces Span is given. Minifiers hold no state
// between files, so one for the whole program gives the same bytes as the
// build's own.
var spanMinifier = sync.OnceValue(NewMinifier)

// Span returns html minified and marked for Into to copy as it is, or html
// as it was when it cannot be minified apart from the page it goes into
// (see above). html may hold pieces marked by Span itself: they are
// copied into the result.
func Span(html string) string {
	if name, ok := startTag([]byte(strings.TrimLeft(html, " \t\r\n\f"))); !ok || name == "" {
		return html // text first: how its white space goes depends on the page
	}
	var raw scanner
	if raw.read([]byte(html)); !raw.clear() || raw.sawRaw {
		return html // what follows it would be read as part of it
	}
	var buf bytes.Buffer
	buf.Grow(len(spanStart) + len(html) + len(spanEnd))
	buf.WriteString(spanStart)
	if !spanMinifier().intoHTML(&buf, []byte(html)) {
		return html
	}
	min := buf.Bytes()[len(spanStart):]
	if !standsAlone(min) {
		return html
	}
	buf.WriteString(spanEnd)
	return buf.String()
}

// Unmarked is data with the marks of Span taken out, for a file written
// as it was.
func Unmarked(data []byte) []byte {
	if !bytes.Contains(data, []byte(spanMark)) {
		return data
	}
	out := bytes.ReplaceAll(data, []byte(spanStart), nil)
	return bytes.ReplaceAll(out, []byte(spanEnd), nil)
}

// intoHTML appends the HTML page data, minified, to dst, copying the
// pieces marked by Span as they are. It reports false, with dst as it
// was, when the minifier could not read the page.
func (mf *Minifier) intoHTML(dst *bytes.Buffer, data []byte) bool {
	start := dst.Len()
	if bytes.Contains(data, []byte(spanMark)) && piecesCopyable(data) {
		ok := true
		rest := data
		for ok && len(rest) > 0 {
			i := bytes.Index(rest, []byte(spanStart))
			text := rest
			if i >= 0 {
				text = rest[:i]
			}
			if len(text) > 0 {
				ok = mf.minifyCopy(mf.pages, "text/html", dst, text)
			}
			if i < 0 {
				break
			}
			rest = rest[i+len(spanStart):]
			j := bytes.Index(rest, []byte(spanEnd))
			dst.Write(rest[:j])
			rest = rest[j+len(spanEnd):]
		}
		if ok {
			return true
		}
		dst.Truncate(start) // perhaps a stretch cut off from the rest of its page
	}
	// No marks, marks not as Span writes them, or a piece where its edges
	// depend on the page: the page is minified whole, the pieces already
	// minified inside it.
	if !mf.minifyCopy(mf.pages, "text/html", dst, Unmarked(data)) {
		dst.Truncate(start)
		return false
	}
	return true
}

// piecesCopyable reports whether data's marks pair up as Span writes them
// and every marked piece stands where the HTML before it leaves the
// minifier reading text (see scanner).
func piecesCopyable(data []byte) bool {
	var outside scanner
	rest := data
	for {
		i := bytes.Index(rest, []byte(spanMark))
		if i < 0 {
			return true
		}
		if !bytes.HasPrefix(rest[i:], []byte(spanStart)) {
			return false // an end mark with no start, or a mark of another kind
		}
		if outside.read(rest[:i]); !outside.clear() {
			return false
		}
		rest = rest[i+len(spanStart):]
		j := bytes.Index(rest, []byte(spanMark))
		if j < 0 || !bytes.HasPrefix(rest[j:], []byte(spanEnd)) {
			return false
		}
		rest = rest[j+len(spanEnd):]
	}
}

// maxKeptCopy is the largest buffer minifyCopy keeps for the next file:
// several times the largest generated page.
const maxKeptCopy = 256 << 10

// minifyCopy appends data, minified by m as type mt, to dst. The minifier
// shortens text where it reads it, so it is given a copy: the caller's
// bytes stay as they were, for a page minified again whole or a file
// written as it was when the minifier cannot read it.
func (mf *Minifier) minifyCopy(m *minify.M, mt string, dst *bytes.Buffer, data []byte) bool {
	var b []byte
	select {
	case b = <-mf.copies:
	default:
	}
	// One byte spare: the lexer puts a NUL after the text it reads.
	b = append(slices.Grow(b[:0], len(data)+1), data...)
	defer func() {
		if cap(b) > maxKeptCopy {
			return // a large file's copy is not kept for the pages after it
		}
		select {
		case mf.copies <- b:
		default:
		}
	}()
	start := dst.Len()
	// A bytes.Buffer, unlike a bytes.Reader, lets the minifier read the
	// copy in place instead of copying it again.
	if err := m.Minify(mt, dst, bytes.NewBuffer(b)); err != nil {
		dst.Truncate(start)
		return false
	}
	return true
}

// blockTags are elements the minifier drops white space next to. It is a
// part of the list tdewolff/minify keeps (its blockTag trait): the
// elements a shared piece of a page is likely to be.
var blockTags = map[string]bool{
	"article": true, "aside": true, "blockquote": true, "dd": true, "details": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "tr": true, "ul": true,
}

// rawText are the elements whose content the minifier's lexer reads as
// text up to their end tag, not as HTML. (It reads <svg>, <math> and <xml>
// its own way: see scanner.xml.)
var rawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
	"plaintext": true,
}

// standsAlone reports whether minified HTML begins with a block element's
// start tag and ends with a block element's end tag: then the minifier
// treats its edges alike wherever it stands.
func standsAlone(min []byte) bool {
	if first, ok := startTag(min); !ok || !blockTags[first] {
		return false
	}
	i := bytes.LastIndex(min, []byte("</"))
	if i < 0 || min[len(min)-1] != '>' {
		return false
	}
	last, ok := tagName(min[i+2:])
	if !ok || !blockTags[lowerName(last)] || i+2+len(last)+1 != len(min) {
		return false
	}
	var s scanner // the end tag is one, not words inside another tag
	s.read(min[:i])
	return s.clear()
}

// startTag is the name of the start tag b begins with, in lower case, and
// whether b begins with one.
func startTag(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '<' || !isLetter(b[1]) {
		return "", false
	}
	name, ok := tagName(b[1:])
	return lowerName(name), ok
}

// tagName reads the name at the start of b: letters and digits, ended
// where the minifier's lexer ends it, by white space, ">" or "/>". ok is
// false when the name ends otherwise, or b does.
func tagName(b []byte) (name []byte, ok bool) {
	n := 0
	for n < len(b) && (isLetter(b[n]) || n > 0 && b[n] >= '0' && b[n] <= '9') {
		n++
	}
	if n == 0 || n == len(b) {
		return nil, false
	}
	switch c := b[n]; c {
	case ' ', '\t', '\n', '\r', '\f', '>':
	case '/':
		if n+1 >= len(b) || b[n+1] != '>' {
			return nil, false
		}
	default:
		return nil, false
	}
	return b[:n], true
}

// lowerName is name in lower case, for names of up to 16 letters and
// digits, or "".
func lowerName(name []byte) string {
	var lower [16]byte
	if len(name) > len(lower) {
		return ""
	}
	for i, c := range name {
		lower[i] = c | 0x20 // letters and digits only: this lowers the letters
	}
	return string(lower[:len(name)])
}

// special is the name of an element the scanner must follow ("pre", one
// of rawText, "svg", "math" or "xml") in lower case, or "" for any other.
// Most tags of a page are passed over by their first letter.
func special(name []byte) string {
	switch name[0] | 0x20 {
	case 'i', 'm', 'p', 's', 't', 'x':
	default:
		return ""
	}
	for _, s := range specialNames {
		if len(s) == len(name) && bytes.EqualFold(name, []byte(s)) {
			return s
		}
	}
	return ""
}

var specialNames = []string{"pre", "script", "style", "textarea", "title", "xmp", "iframe", "plaintext", "svg", "math", "xml"}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// scanner follows HTML as the minifier's lexer reads it, far enough to
// tell whether, where it stops, the lexer would be reading text outside
// any <pre>, or would carry on reading a tag, a comment or raw text into
// what comes next. It knows the plain HTML that templates and the
// Markdown converter write; anything else (a quote inside a tag that no
// "=" comes before, "<?", a comment that ends "--!>", a "<" at the very
// end) makes it give up, and the page is minified whole.
type scanner struct {
	state scanState
	quote byte   // inValue: the quote that ends it
	tag   string // inTag: the start tag being read, as tagName gives it
	raw   string // inRaw: the element whose end tag ends its text
	pre   int    // <pre> elements open
	// nested counts the elements named raw open inside an inXML one, and
	// xmlQuote is whether a '"' has opened a quote there.
	nested   int
	xmlQuote bool
	weird    bool // something outside what it knows: never clear again
	sawRaw   bool // a raw-text element or a <pre> was read
}

type scanState int

const (
	inText    scanState = iota
	inTag               // a start tag's attributes, up to ">"
	inValue             // a quoted attribute value
	inComment           // "<!--" to "-->"
	inDoctype           // "<!DOCTYPE" to ">"
	inRaw               // a raw-text element's content, up to its end tag
	inXML               // an <svg>, <math> or <xml> element after its name
)

func (s *scanner) read(b []byte) {
	for len(b) > 0 && !s.weird {
		switch s.state {
		case inText:
			b = s.text(b)
		case inTag:
			b = s.attributes(b)
		case inValue:
			i := bytes.IndexByte(b, s.quote)
			if i < 0 {
				return
			}
			s.state, b = inTag, b[i+1:]
		case inComment:
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				if bytes.Contains(b, []byte("--!")) {
					s.weird = true
				}
				return
			}
			if bytes.Contains(b[:i], []byte("--!")) || i > 0 && b[i-1] == '!' {
				s.weird = true // a comment the lexer may end elsewhere
				return
			}
			s.state, b = inText, b[i+3:]
		case inDoctype:
			i := bytes.IndexAny(b, "<>\"'")
			if i < 0 {
				return
			}
			if b[i] != '>' {
				s.weird = true
				return
			}
			s.state, b = inText, b[i+1:]
		case inRaw:
			b = s.rawText(b)
		case inXML:
			b = s.xml(b)
		}
	}
}

// text reads text up to and including the next tag's name.
func (s *scanner) text(b []byte) []byte {
	i := bytes.IndexByte(b, '<')
	if i < 0 {
		return nil
	}
	b = b[i:]
	if len(b) < 3 {
		s.weird = true // "<" or "</" at the very end: what follows decides
		return nil
	}
	switch c := b[1]; {
	case isLetter(c):
		raw, ok := tagName(b[1:])
		if !ok {
			s.weird = true
			return nil
		}
		name, n := special(raw), len(raw)
		s.state, s.tag = inTag, name
		if name == "svg" || name == "math" || name == "xml" {
			// The lexer reads the rest of the tag and the element to its
			// end tag as XML (see xml).
			s.state, s.raw, s.sawRaw, s.nested, s.xmlQuote = inXML, name, true, 0, false
		}
		return b[1+n:]
	case c == '/':
		name, ok := tagName(b[2:])
		if !ok || b[2+len(name)] == '/' {
			s.weird = true
			return nil
		}
		rest := b[2+len(name):]
		for len(rest) > 0 && isSpace(rest[0]) {
			rest = rest[1:]
		}
		if len(rest) == 0 || rest[0] != '>' {
			s.weird = true
			return nil
		}
		if s.pre > 0 && special(name) == "pre" {
			s.pre--
		}
		return rest[1:]
	case c == '!':
		if bytes.HasPrefix(b, []byte("<!--")) {
			if bytes.HasPrefix(b[4:], []byte(">")) || bytes.HasPrefix(b[4:], []byte("->")) {
				s.weird = true // ended at once, a way the lexer may not read
				return nil
			}
			s.state = inComment
			return b[4:]
		}
		if !isLetter(b[2]) {
			s.weird = true
			return nil
		}
		s.state = inDoctype
		return b[2:]
	case c == '?':
		s.weird = true
		return nil
	}
	return b[1:] // a "<" that starts no tag is text
}

// attributes reads a start tag's attributes up to its ">".
func (s *scanner) attributes(b []byte) []byte {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '>':
			s.state = inText
			switch {
			case s.tag == "pre":
				s.pre++
				s.sawRaw = true
			case s.tag != "" && rawText[s.tag]:
				s.state, s.raw, s.sawRaw = inRaw, s.tag, true
			}
			return b[i+1:]
		case '/':
			if i+1 < len(b) && b[i+1] == '>' && s.tag == "" {
				continue // a self-closing tag
			}
			s.weird = true
			return nil
		case '=':
			j := i + 1
			for j < len(b) && isSpace(b[j]) {
				j++
			}
			if j == len(b) {
				s.weird = true
				return nil
			}
			if q := b[j]; q == '"' || q == '\'' {
				s.state, s.quote = inValue, q
				return b[j+1:]
			}
			for ; j < len(b) && !isSpace(b[j]) && b[j] != '>'; j++ {
				switch b[j] {
				case '"', '\'', '<', '=', '`':
					s.weird = true // an unquoted value the lexer may end elsewhere
					return nil
				}
			}
			i = j - 1
		case '"', '\'', '<':
			s.weird = true
			return nil
		}
	}
	return nil
}

// rawText reads a raw-text element's content up to its end tag, which the
// text state then reads.
func (s *scanner) rawText(b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return nil
		}
		b = b[i:]
		if len(b) < len(s.raw)+3 {
			s.weird = true
			return nil
		}
		switch {
		case s.raw == "plaintext":
			s.weird = true // it never ends
			return nil
		case b[1] == '/' && bytes.EqualFold(b[2:2+len(s.raw)], []byte(s.raw)) && !isLetter(b[2+len(s.raw)]):
			s.state = inText
			return b
		case s.raw == "script" && bytes.HasPrefix(b, []byte("<!--")):
			s.weird = true // the lexer reads script comments its own way
			return nil
		case bytes.EqualFold(b[1:1+len(s.raw)], []byte(s.raw)):
			s.weird = true // nested <svg>, which the lexer counts
			return nil
		}
		b = b[1:]
	}
}

// xml reads an <svg>, <math> or <xml> element as the lexer does: from after
// its name to the ">" of the end tag with the same name that closes it,
// counting the ones inside, with any "<" between double quotes passed
// over.
func (s *scanner) xml(b []byte) []byte {
	for i := 0; i < len(b); i++ {
		// From "<" to "<", counting the quotes between.
		next := bytes.IndexByte(b[i:], '<')
		if next < 0 {
			next = len(b) - i
		}
		if bytes.Count(b[i:i+next], []byte{'"'})%2 == 1 {
			s.xmlQuote = !s.xmlQuote
		}
		i += next
		if i == len(b) {
			return nil
		}
		if s.xmlQuote {
			continue
		}
		j := i + 1
		end := j < len(b) && b[j] == '/'
		if end {
			j++
		}
		k := j
		for k < len(b) && isLetter(b[k]) {
			k++
		}
		if k == len(b) {
			s.weird = true // cut off where the lexer reads on
			return nil
		}
		if !end && b[k] == '/' || !bytes.EqualFold(b[j:k], []byte(s.raw)) {
			i = k - 1
			continue
		}
		if !end {
			s.nested++
		} else if s.nested > 0 {
			s.nested--
		} else {
			gt := bytes.IndexByte(b[k:], '>')
			if gt < 0 {
				s.weird = true
				return nil
			}
			s.state = inText
			return b[k+gt+1:]
		}
		i = k - 1
	}
	return nil
}

// clear reports whether the lexer would be reading text outside any <pre>.
func (s *scanner) clear() bool { return s.state == inText && s.pre == 0 && !s.weird }
