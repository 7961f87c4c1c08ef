// Package qrcode draws QR codes as inline SVG for HTML pages, such as the
// code on a signatory's printed certificate that leads back to its page.
//
// It promises codes that any phone reads: the smallest version that holds
// the text, error correction level M (a smudge or a fold in the paper
// still scans), mask 0, the same choices as rsc.io/qr's Encode, and a
// quiet zone of four blank modules. The SVG needs no style attribute, so
// it passes a Content-Security-Policy without 'unsafe-inline', and it
// names itself for screen readers with aria-label, so it needs no id that
// could clash with another on the page.
//
// Building the layout of a version (which module holds which bit) costs
// about 30 KB of allocation; a Drawer builds it once per version and
// shares it between goroutines, so a site of 10,000 signatories pays for
// it once, not 10,000 times.
package qrcode

import (
	"errors"
	"html"
	"html/template"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"rsc.io/qr/coding"
)

// quiet is the blank margin around a code, in modules: the standard asks
// for four so a reader can find the code's edges.
const quiet = 4

// level M recovers from about 15% of the code being unreadable.
const level = coding.M

// A Drawer draws QR codes. Its methods are safe to call from many
// goroutines at once. Make one with New and keep it for a build.
type Drawer struct {
	plans [coding.MaxVersion + 1]plan
}

// plan is the layout of one version, built the first time a text needs
// it. A coding.Plan is only read when encoding (Plan.Encode keeps its
// working bits and error correction in locals), so one can serve every
// goroutine.
type plan struct {
	once sync.Once
	p    *coding.Plan
	err  error
}

// New returns a Drawer with no layouts built yet.
func New() *Drawer { return &Drawer{} }

// HTML draws a code of text as an <svg> element for a template, with
// label as its accessible name, for example
// "QR code: scan it to open this page at https://example.org/signatories/kite/".
func (d *Drawer) HTML(text, label string) (template.HTML, error) {
	svg, err := d.AppendSVG(nil, text, label)
	if err != nil || len(svg) == 0 {
		return "", err
	}
	// The drawing becomes the string without a copy: nothing else holds
	// its bytes, and nothing writes to them again. A copy was a fifth of
	// what drawing a code allocated, on every signatory's page.
	return template.HTML(unsafe.String(&svg[0], len(svg))), nil
}

// AppendSVG appends an <svg> element drawing a code of text to dst. The
// element is 120 CSS pixels square unless a style sheet sizes it; the
// drawing scales to any size without blurring. Each row of dark modules
// is one stroke a module wide, so the code of a web address is about 2 KB.
func (d *Drawer) AppendSVG(dst []byte, text, label string) ([]byte, error) {
	code, err := d.encode(text)
	if err != nil {
		return dst, err
	}
	n := int64(code.Size + 2*quiet)
	// Room for the whole drawing at once, rather than copies as it grows:
	// the path takes about two bytes a module.
	dst = slices.Grow(dst, 256+len(label)+2*code.Size*code.Size)
	dst = append(dst, `<svg width="120" height="120" viewBox="0 0 `...)
	dst = strconv.AppendInt(dst, n, 10)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, n, 10)
	dst = append(dst, `" role="img" aria-label="`...)
	dst = append(dst, html.EscapeString(label)...)
	// crispEdges keeps neighbouring modules from blurring into each other
	// when the code is drawn at a size that is not a whole number of
	// device pixels per module.
	dst = append(dst, `" shape-rendering="crispEdges"><rect width="`...)
	dst = strconv.AppendInt(dst, n, 10)
	dst = append(dst, `" height="`...)
	dst = strconv.AppendInt(dst, n, 10)
	dst = append(dst, `" fill="#fff"/><path stroke="#000" d="`...)
	dst = appendPath(dst, code)
	return append(dst, `"/></svg>`...), nil
}

// appendPath appends the path data of the code's dark modules: for each
// run of dark modules in a row, a move to its start and a horizontal line
// across it, stroked a module wide along the middle of the row. Moves
// after the first are relative, which keeps numbers short and leaves an
// HTML minifier little to rewrite.
func appendPath(dst []byte, code *coding.Code) []byte {
	px, py := 0, 0 // the pen, in modules from the code's top left corner
	first := true
	for y := range code.Size {
		row := code.Bitmap[y*code.Stride:]
		for x := 0; x < code.Size; {
			if row[x>>3]&(0x80>>(x&7)) == 0 {
				x++
				continue
			}
			start := x
			for x < code.Size && row[x>>3]&(0x80>>(x&7)) != 0 {
				x++
			}
			if first {
				dst = append(dst, 'M')
				dst = strconv.AppendInt(dst, int64(start+quiet), 10)
				dst = append(dst, ' ')
				dst = strconv.AppendInt(dst, int64(y+quiet), 10)
				dst = append(dst, ".5"...)
				first = false
			} else {
				dst = append(dst, 'm')
				dst = strconv.AppendInt(dst, int64(start-px), 10)
				dst = append(dst, ' ')
				dst = strconv.AppendInt(dst, int64(y-py), 10)
			}
			dst = append(dst, 'h')
			dst = strconv.AppendInt(dst, int64(x-start), 10)
			px, py = x, y
		}
	}
	return dst
}

// errTooLong is returned for a text no version of the code can hold, at
// level M about 2,300 bytes: far more than any web address.
var errTooLong = errors.New("the text is too long for a QR code: a code holds at most about 2,300 characters")

// encode mirrors rsc.io/qr's Encode: the most compact of the three
// encodings the text fits, and the smallest version that holds it.
func (d *Drawer) encode(text string) (*coding.Code, error) {
	var enc coding.Encoding
	switch {
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	v := coding.Version(coding.MinVersion)
	for enc.Bits(v) > v.DataBytes(level)*8 {
		if v++; v > coding.MaxVersion {
			return nil, errTooLong
		}
	}
	pl := &d.plans[v]
	pl.once.Do(func() { pl.p, pl.err = coding.NewPlan(v, level, 0) })
	if pl.err != nil {
		return nil, pl.err
	}
	return pl.p.Encode(enc)
}
