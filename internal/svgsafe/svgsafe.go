// Package svgsafe decides whether an SVG picture may be published as it
// is. An SVG file is a program as much as a picture: opened on its own, or
// through a link, it runs any script it holds with the rights of the site
// it is served from, and hosts such as GitHub Pages send no security
// headers to stop it. So every SVG under content/ (logos, pictures) is read
// here, and one that holds anything active is refused, with the line and
// column of each active part and what to do instead.
//
// # What is refused
//
//   - the elements script, foreignObject, iframe, embed, object, handler
//     and listener, in any namespace and any capitals;
//   - any attribute whose name starts with "on" (onload, onclick ...);
//   - set, animate and the other animation elements when they change an
//     address (attributeName href or xlink:href) or an event handler;
//   - an address in href, xlink:href, src, xml:base or a CSS url(...) that
//     leaves the picture: javascript:, vbscript:, data: (except pictures
//     of the PNG, JPEG, GIF and WebP kinds, which cannot run anything),
//     http:, https:, //host/ and any other scheme. Addresses inside the
//     picture (#gradient) and relative paths are kept;
//   - CSS in a style element or attribute that imports or loads anything
//     (@import, image-set, expression, -moz-binding, behavior) or hides
//     its words with \ escapes;
//   - a DOCTYPE that declares entities or has an internal subset (the
//     "billion laughs" and external-entity tricks), and processing
//     instructions other than <?xml ... ?> (an xml-stylesheet one loads a
//     style sheet from anywhere);
//   - a file that is not well-formed XML, larger than MaxSize, or with
//     elements nested more than MaxDepth deep.
//
// # Why refuse, not rewrite
//
// A sanitiser that rewrites the picture would publish something other
// than what the editor saw and checked, and a rewriter must be right about
// every trick to be safe; a refusal must only be right about what it lets
// through, and tells the editor exactly what to change (usually: export
// the picture again as a plain SVG, or as a PNG). Real logos and drawings
// have none of these parts.
//
// Check reads the file once with encoding/xml, so its time is linear in
// the size of the file; it never panics on any input.
package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest SVG file read. A logo or drawing is a few
// kilobytes; a bigger file is refused rather than slowing the build.
const MaxSize = 4 << 20

// MaxDepth is how deeply elements may be nested. Drawing programs nest
// groups a few dozen deep at most.
const MaxDepth = 256

// maxProblems stops a hostile file from printing thousands of lines.
const maxProblems = 20

// Problem is one active part of a picture, at its line and column counted
// in characters, with what is wrong and what to do.
type Problem struct {
	Line, Col    int
	Problem, Fix string
}

func (p Problem) String() string {
	return fmt.Sprintf("%d:%d: %s; %s", p.Line, p.Col, p.Problem, p.Fix)
}

const (
	fixExport  = "export the picture again as a plain SVG without scripts or links, or save it as a PNG"
	fixAddress = "keep only addresses inside the picture, such as url(#shade); put a picture it needs inside the file, or save it as a PNG"
)

// Check returns the active parts of an SVG file, in the order they are
// written; none means the picture is safe to publish as it is.
func Check(data []byte) []Problem {
	c := &checker{src: data}
	if len(data) > MaxSize {
		c.add(1, 1, fmt.Sprintf("the picture is more than the %d MB an SVG may be", MaxSize>>20),
			"make it smaller: save it again from the drawing program with fewer details, or as a PNG")
		return c.problems
	}
	c.lines = lineStarts(data)
	if !utf8.Valid(data) {
		c.addAt(invalidUTF8(data), "the picture has a character that is not UTF-8 text", "save the SVG as UTF-8 from the drawing program")
		return c.problems
	}
	c.run()
	return c.problems
}

type checker struct {
	src      []byte
	lines    []int // byte offset of the start of each line
	problems []Problem
}

func (c *checker) add(line, col int, problem, fix string) {
	if len(c.problems) < maxProblems {
		c.problems = append(c.problems, Problem{Line: line, Col: col, Problem: problem, Fix: fix})
	}
}

// addAt reports a problem at a byte offset in the file.
func (c *checker) addAt(offset int, problem, fix string) {
	line, col := c.pos(offset)
	c.add(line, col, problem, fix)
}

func (c *checker) run() {
	d := xml.NewDecoder(bytes.NewReader(c.src))
	d.Strict = true
	depth := 0
	var inStyle []bool // for each open element, whether it is <style>
	// The text of the open <style>, gathered from all its pieces: CSS reads
	// "@imp<![CDATA[ort]]>" or "@imp<!-- -->ort" as one @import.
	var style strings.Builder
	styleStart := -1
	openStyles := 0 // text inside an element inside a style still counts
	sawRoot := false
	for len(c.problems) < maxProblems {
		start := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.syntaxError(start, err)
			return
		}
		end := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			sawRoot = true
			depth++
			if depth > MaxDepth {
				c.addAt(start, fmt.Sprintf("the picture nests its parts more than %d deep", MaxDepth), "save it again from the drawing program, or as a PNG")
				return
			}
			c.element(t, start, end)
			isStyle := strings.EqualFold(t.Name.Local, "style")
			inStyle = append(inStyle, isStyle)
			if isStyle {
				openStyles++
			}
		case xml.EndElement:
			depth--
			if len(inStyle) > 0 {
				closed := inStyle[len(inStyle)-1]
				inStyle = inStyle[:len(inStyle)-1]
				if closed {
					openStyles--
				}
				if closed && openStyles == 0 {
					if styleStart >= 0 {
						at := styleStart
						c.css(style.String(), func() int { return at }, start, "the style")
					}
					style.Reset()
					styleStart = -1
				}
			}
		case xml.CharData:
			if openStyles > 0 {
				if styleStart < 0 {
					styleStart = start
				}
				style.Write(t)
			}
		case xml.ProcInst:
			if !strings.EqualFold(t.Target, "xml") {
				c.addAt(start, fmt.Sprintf("the picture has an instruction <?%s ...?>, which can load a style sheet from elsewhere", t.Target), fixExport)
			}
		case xml.Directive:
			c.directive(string(t), start)
		}
	}
	if !sawRoot && len(c.problems) == 0 {
		c.add(1, 1, "the file has no picture in it", "export the picture again as an SVG, or delete the file")
	}
}

// syntaxError reports a file the XML reader cannot read: browsers would
// show nothing, and a reader that gives up must not wave it through.
func (c *checker) syntaxError(start int, err error) {
	// The token that failed starts at start; the reader names the line
	// it gave up on, which is later when the token spans lines.
	line, col := c.pos(start)
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line > line {
		line, col = se.Line, 1
	}
	msg := err.Error()
	if se != nil {
		msg = se.Msg
	}
	if strings.Contains(msg, "CharsetReader") {
		// <?xml ... encoding="ISO-8859-1"?>: read as such, an address
		// could be spelt in bytes this check does not see.
		c.add(line, col, "the picture is saved in an older text encoding, not UTF-8", "save the SVG as UTF-8 from the drawing program")
		return
	}
	c.add(line, col, "the picture is not a well-formed SVG file ("+msg+")", "export it again from the drawing program as a plain SVG")
}

// activeElements are elements that run code or show another document.
var activeElements = map[string]string{
	"script":        "a script",
	"foreignobject": "a foreignObject, which can hold a web page with scripts",
	"iframe":        "an iframe, which shows another web page",
	"embed":         "an embed, which runs another file",
	"object":        "an object, which runs another file",
	"handler":       "an event handler",
	"listener":      "an event listener",
}

// animations are the elements that can change an attribute over time.
var animations = map[string]bool{"set": true, "animate": true, "animatemotion": true, "animatetransform": true, "animatecolor": true}

func (c *checker) element(t xml.StartElement, start, end int) {
	local := strings.ToLower(t.Name.Local)
	if what, ok := activeElements[local]; ok {
		c.addAt(start, "the picture has "+what+" in it", fixExport)
	}
	for _, a := range t.Attr {
		c.attribute(t, local, a, start, end)
	}
}

func (c *checker) attribute(t xml.StartElement, element string, a xml.Attr, start, end int) {
	name := strings.ToLower(a.Name.Local)
	if a.Name.Space == "xmlns" || (a.Name.Space == "" && name == "xmlns") {
		return // a namespace's name, never fetched
	}
	at := func() int { return start + attrOffset(c.src[start:end], a.Name.Local) }
	switch {
	case strings.HasPrefix(name, "on"):
		c.addAt(at(), fmt.Sprintf("the picture has an event handler, %s, which runs a script", a.Name.Local), fixExport)
	case animations[element] && name == "attributename":
		target := strings.ToLower(strings.TrimSpace(a.Value))
		target = target[strings.LastIndexByte(target, ':')+1:]
		if target == "href" || target == "src" || strings.HasPrefix(target, "on") {
			c.addAt(start, fmt.Sprintf("the picture has a <%s> that changes %s, which can turn a link into a script", t.Name.Local, strings.TrimSpace(a.Value)), fixExport)
		}
	case name == "href" || name == "src" || (name == "base" && a.Name.Space == "http://www.w3.org/XML/1998/namespace"):
		if why := badAddress(a.Value); why != "" {
			c.addAt(at(), fmt.Sprintf("the picture has %s in %s", why, a.Name.Local), fixAddress)
		}
	case name == "style":
		c.css(a.Value, at, end, "the style attribute")
	default:
		if strings.Contains(asciiLower(a.Value), "url(") {
			c.css(a.Value, at, end, a.Name.Local)
		}
	}
}

// cssRisks are the parts of CSS that load or run something.
var cssRisks = []struct{ word, what string }{
	{"@import", "an @import, which loads a style sheet from elsewhere"},
	{"image-set(", "an image-set(), which loads pictures from elsewhere"},
	{"expression(", "an expression(), which runs a script in old browsers"},
	{"-moz-binding", "a -moz-binding, which runs a script in old browsers"},
	{"behavior", "a behavior, which runs a script in old browsers"},
}

// css checks CSS text (a <style> element's or an attribute's) that starts
// at the byte offset at() of the file; the raw file up to end is searched
// to place each problem. The start is worked out only for a problem: in
// a tag of many attributes, finding each one's place would take time that
// grows with the square of the tag's length.
func (c *checker) css(text string, at func() int, end int, where string) {
	lower := asciiLower(text) // the same length as text, so offsets agree
	place := func(word string, nth int) int {
		start := at()
		raw := c.src[start:end]
		off := 0
		for ; nth >= 0; nth-- {
			i := indexFold(raw[off:], word)
			if i < 0 {
				return start
			}
			if nth > 0 {
				off += i + len(word)
			} else {
				off += i
			}
		}
		return start + off
	}
	if strings.Contains(text, "\\") {
		c.addAt(place("\\", 0), where+" uses \\ escapes, which can hide an address or a command", "write the CSS without \\ escapes, or export the picture again as a plain SVG")
		return
	}
	for _, r := range cssRisks {
		if strings.Contains(lower, r.word) {
			c.addAt(place(r.word, 0), where+" has "+r.what, fixExport)
		}
	}
	for i, nth := 0, 0; ; nth++ {
		j := strings.Index(lower[i:], "url(")
		if j < 0 {
			return
		}
		argStart := i + j + len("url(")
		argEnd := len(text)
		if k := strings.IndexByte(text[argStart:], ')'); k >= 0 {
			argEnd = argStart + k
		}
		arg := strings.Trim(strings.TrimSpace(text[argStart:argEnd]), `"'`)
		if why := badAddress(arg); why != "" {
			c.addAt(place("url(", nth), fmt.Sprintf("%s has %s in url(...)", where, why), fixAddress)
		}
		i = argStart
	}
}

// directive checks a <!...> declaration: a DOCTYPE may name the SVG DTD,
// but not declare entities of its own.
func (c *checker) directive(text string, start int) {
	upper := strings.ToUpper(text)
	if strings.Contains(upper, "ENTITY") || strings.Contains(text, "[") {
		c.addAt(start, "the picture declares entities in its DOCTYPE, which can make it huge or read other files", "delete the <!DOCTYPE ...> line, or export the picture again as a plain SVG")
	}
}
