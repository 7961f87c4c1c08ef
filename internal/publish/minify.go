package publish

import (
	"bytes"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// mediaTypes maps the file extensions that are minified to their types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".json": "application/json",
	".xml":  "text/xml",
}

// Minifier shrinks files by type. One is made per build and shared.
type Minifier struct {
	m     *minify.M // every type in mediaTypes
	pages *minify.M // HTML pages: the same, but SVG inside a page is left as written
	// copies are buffers for the copy of a file the minifier reads (see
	// minifyCopy), kept from file to file. A sync.Pool would be emptied
	// by every collection, which comes every few pages in a build.
	copies chan []byte
}

// NewMinifier sets up minifiers for every type in mediaTypes. HTML keeps
// its <html>, <head> and <body> tags, end tags and quotes so the output stays
// valid for the Nu HTML Checker and readable in "view source".
//
// An SVG drawn inside a page (the QR code on every signatory's page) is
// written by our own code as compact as it gets; passing it through the
// SVG minifier again took a tenth of a 10,000-signatory build.
func NewMinifier() *Minifier {
	text := func() *minify.M {
		m := minify.New()
		m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
		m.AddFunc("text/css", css.Minify)
		m.AddFunc("application/javascript", js.Minify)
		m.AddFunc("application/json", json.Minify)
		return m
	}
	m, pages := text(), text()
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m, pages: pages, copies: make(chan []byte, 16)}
}

// Bytes minifies data by the extension of name. A file the minifier cannot
// read is written as it was: a publishable file matters more than bytes.
func (mf *Minifier) Bytes(name string, data []byte) []byte {
	if _, ok := mediaTypes[path.Ext(name)]; !ok {
		return data
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	mf.Into(&buf, name, data)
	return buf.Bytes()
}

// Into appends data, minified by the extension of name, to dst. A worker
// that keeps its dst from page to page minifies without allocating a new
// buffer each time.
func (mf *Minifier) Into(dst *bytes.Buffer, name string, data []byte) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		dst.Write(data)
		return
	}
	if mt == "text/html" {
		// A page may hold pieces minified ahead (see Span).
		if entityHeavy(mt, data) || !mf.intoHTML(dst, data) {
			dst.Write(Unmarked(data))
		}
		return
	}
	if entityHeavy(mt, data) {
		dst.Write(data)
		return
	}
	if !mf.minifyCopy(mf.m, mt, dst, data) {
		dst.Write(data)
	}
}

// entityBudget bounds the work of the minifier's one slow step: it
// shortens an entity such as &amp; or &ldquo; by moving every byte after
// it, so a page's cost grows with its entities times its size. A 4 MB
// page of curly quotes would take hours; under this budget, a few tens of
// milliseconds. Generated pages stay far below it.
const entityBudget = 1 << 28

// entityHeavy reports whether data has so many entities for its size
// that minifying it would take too long. Such a file is published as it
// was written: it is as valid, only larger.
func entityHeavy(mt string, data []byte) bool {
	switch mt {
	case "text/html", "image/svg+xml", "text/xml":
	default:
		return false // their minifiers read no entities
	}
	return bytes.Count(data, []byte("&"))*len(data) > entityBudget
}

// Minified wraps an output so every file is minified on its way in.
func Minified(out Output, mf *Minifier) Output { return minified{out, mf} }

type minified struct {
	out Output
	mf  *Minifier
}

// WriteFile minifies data into a buffer lent for the call: an output
// never keeps what it is given. The files written this way (the
// directory's pages, badges, feeds) are many and some large; a buffer
// made for each, with the one each was rendered into, was about 200 MB
// of the 2.4 GB a 10,000-signatory build allocated.
func (m minified) WriteFile(name string, data []byte) error {
	if _, ok := mediaTypes[path.Ext(name)]; !ok {
		return m.out.WriteFile(name, data)
	}
	buf := Buffers.Get()
	defer Buffers.Put(buf)
	m.mf.Into(buf, name, data)
	return m.out.WriteFile(name, buf.Bytes())
}
