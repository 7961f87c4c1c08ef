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
// escapes them where it is not (an attribute, a <title>); no page text
// holds a NUL byte, since html/template and the Markdown converter replace
// it.
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
	if t, _, ok := tagAt([]byte(strings.TrimLeft(html, " \t\r\n\f"))); !ok || t.closing {
		return html // text first: how its white space goes depends on the page
	}
	var raw rawState
	if raw.read([]byte(html)); !raw.clear() || raw.raw {
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
// minifier reading text (see rawState).
func piecesCopyable(data []byte) bool {
	var outside rawState
	rest := data
	for {
		i := bytes.Index(rest, []byte(spanStart))
		text := rest
		if i >= 0 {
			text = rest[:i]
		}
		if bytes.Contains(text, []byte(spanMark)) {
			return false // an end mark with no start, or a mark of another kind
		}
		if i < 0 {
			return true
		}
		if outside.read(text); !outside.clear() {
			return false
		}
		rest = rest[i+len(spanStart):]
		j := bytes.Index(rest, []byte(spanEnd))
		if j < 0 || bytes.Contains(rest[:j], []byte(spanMark)) {
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

// rawTags are elements whose content the minifier does not read as
// ordinary HTML (it keeps it, or hands it to another minifier, or its
// lexer reads it as plain text), and <template>.
var rawTags = map[string]bool{
	"pre": true, "textarea": true, "script": true, "style": true, "title": true, "iframe": true,
	"noembed": true, "noframes": true, "noscript": true, "plaintext": true, "xmp": true,
	"math": true, "svg": true, "template": true,
}

// standsAlone reports whether minified HTML begins with a block element's
// start tag, ends with a block element's end tag, and holds no comment and
// no raw element: then the minifier treats its edges alike wherever it
// stands.
func standsAlone(min []byte) bool {
	first, _, ok := tagAt(min)
	if !ok || first.closing || !blockTags[first.name] {
		return false
	}
	i := bytes.LastIndex(min, []byte("</"))
	if i < 0 {
		return false
	}
	last, n, ok := tagAt(min[i:])
	if !ok || !last.closing || !blockTags[last.name] || i+n+1 != len(min) || min[len(min)-1] != '>' {
		return false
	}
	var s rawState // the end tag is one, not words inside another tag
	s.read(min[:i])
	return s.clear() && !s.raw
}

// tag is the name of a start or end tag, in lower case.
type tag struct {
	name    string
	closing bool
}

// tagAt reads the tag that b starts with, "<name" or "</name", and
// returns it with the length of what it read, up to the end of the name.
func tagAt(b []byte) (tag, int, bool) {
	if len(b) < 2 || b[0] != '<' {
		return tag{}, 0, false
	}
	i := 1
	var t tag
	if b[i] == '/' {
		t.closing = true
		i++
	}
	j := i
	lower := true
	for ; j < len(b); j++ {
		c := b[j]
		if c >= 'A' && c <= 'Z' {
			lower = false
		} else if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && j > i) {
			break
		}
	}
	if j == i || j < len(b) && !nameEnds(b[j]) {
		return tag{}, 0, false // not a name the lexer reads the same way
	}
	if lower {
		t.name = knownTag(b[i:j])
	} else {
		t.name = knownTag(bytes.ToLower(b[i:j]))
	}
	return t, j, true
}

// nameEnds reports whether c ends a tag's name.
func nameEnds(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
}

// knownTag is name as a string when it is in blockTags or rawTags, else
// "": the tags that matter here are found without making a string of
// every tag of a page.
func knownTag(name []byte) string {
	if s, ok := tagNames[string(name)]; ok {
		return s
	}
	return ""
}

var tagNames = func() map[string]string {
	m := map[string]string{}
	for _, set := range []map[string]bool{blockTags, rawTags} {
		for name := range set {
			m[name] = name
		}
	}
	return m
}()

// rawState follows HTML the way the minifier's lexer reads it, far
// enough to tell whether, where it stops, the lexer would be reading text
// outside any comment or raw element (see rawTags), or would carry on
// reading a tag, a comment or raw text into what comes next. It errs to
// carrying on: a quote inside a tag counts as opening a value, and a tag
// written inside a script counts too, which only costs minifying that page
// whole.
type rawState struct {
	in    lexState
	quote byte // the quote that ends the value, inQuote
	// name is the raw element whose tag is being read, or "", and closing
	// whether it is an end tag.
	name    string
	closing bool
	open    map[string]bool // raw elements open
	raw     bool            // any raw element at all
}

type lexState int

const (
	inText    lexState = iota
	inTag              // from "<name" to ">"
	inQuote            // a quoted value inside a tag
	inComment          // from "<!--" to "-->"
	inBogus            // "<!", "<?" or "</" not followed by a name, to ">"
)

func (s *rawState) read(b []byte) {
	for len(b) > 0 {
		switch s.in {
		case inComment:
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return
			}
			s.in, b = inText, b[end+3:]
		case inBogus:
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				return
			}
			s.in, b = inText, b[end+1:]
		case inQuote:
			end := bytes.IndexByte(b, s.quote)
			if end < 0 {
				return
			}
			s.in, b = inTag, b[end+1:]
		case inTag:
			end := bytes.IndexAny(b, "\"'>")
			if end < 0 {
				return
			}
			if c := b[end]; c != '>' {
				s.in, s.quote, b = inQuote, c, b[end+1:]
				continue
			}
			s.in, b = inText, b[end+1:]
			if s.name != "" {
				if s.open == nil {
					s.open = map[string]bool{}
				}
				s.open[s.name], s.raw = !s.closing, true
			}
		default:
			i := bytes.IndexByte(b, '<')
			if i < 0 || i+1 >= len(b) {
				if i >= 0 {
					s.in = inTag // a "<" at the very end: what follows decides
				}
				return
			}
			b = b[i:]
			switch c := b[1] | 0x20; {
			case bytes.HasPrefix(b, []byte("<!--")):
				s.in, b = inComment, b[4:]
			case b[1] == '!' || b[1] == '?':
				s.in, b = inBogus, b[2:]
			case b[1] == '/' && (len(b) < 3 || b[2]|0x20 < 'a' || b[2]|0x20 > 'z'):
				if len(b) < 3 {
					s.in = inTag
					return
				}
				s.in, b = inBogus, b[2:]
			case b[1] == '/' || c >= 'a' && c <= 'z':
				s.name, s.closing = "", b[1] == '/'
				n := 1
				if mayBeRaw(b) {
					var t tag
					t, n, _ = tagAt(b)
					if rawTags[t.name] {
						s.name = t.name
					}
				}
				s.in, b = inTag, b[n:]
			default:
				b = b[1:] // a "<" that starts no tag is text
			}
		}
	}
}

// mayBeRaw reports whether the tag b starts with may be one of rawTags,
// by its first letter: most tags of a page are not, and are passed over
// without reading their names.
func mayBeRaw(b []byte) bool {
	i := 1
	if i < len(b) && b[i] == '/' {
		i++
	}
	if i >= len(b) {
		return false
	}
	switch b[i] | 0x20 { // lower case
	case 'i', 'm', 'n', 'p', 's', 't', 'x':
		return true
	}
	return false
}

// clear reports whether the lexer would be reading text outside any
// comment or raw element.
func (s *rawState) clear() bool {
	if s.in != inText {
		return false
	}
	for _, open := range s.open {
		if open {
			return false
		}
	}
	return true
}
