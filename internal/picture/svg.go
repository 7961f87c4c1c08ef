package picture

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// svgHeaderLimit is how far into an SVG file its root element is looked
// for. Drawing programs put it after at most a declaration, a comment and
// a DOCTYPE; a file with more before it is not worth reading on.
const svgHeaderLimit = 256 << 10

// readSVG reads the size an SVG picture is shown at, from its root
// element: width and height in pixels or another absolute unit, or, when
// one or both are missing or relative (a percentage, em), from the shape
// of its viewBox. Only the opening tag is read.
func readSVG(r io.Reader) (Size, error) {
	d := xml.NewDecoder(io.LimitReader(r, svgHeaderLimit))
	for {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				return Size{}, errors.New("the file has no <svg> element")
			}
			return Size{}, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "svg" {
			return Size{}, errors.New("the file does not start with an <svg> element")
		}
		return svgSize(start.Attr)
	}
}

// svgSize works out the size from the root element's attributes, as
// browsers do for a picture in an <img>.
func svgSize(attrs []xml.Attr) (Size, error) {
	var width, height, vw, vh float64
	for _, a := range attrs {
		if a.Name.Space != "" && a.Name.Space != "svg" {
			continue
		}
		switch a.Name.Local {
		case "width":
			width = svgLength(a.Value)
		case "height":
			height = svgLength(a.Value)
		case "viewBox":
			vw, vh = viewBox(a.Value)
		}
	}
	switch {
	case width > 0 && height > 0:
	case width > 0 && vw > 0 && vh > 0:
		height = width * vh / vw
	case height > 0 && vw > 0 && vh > 0:
		width = height * vw / vh
	case vw > 0 && vh > 0:
		// Only its shape is known. Browsers show such a picture as
		// large as fits in 300 by 150 pixels, the default size of a
		// picture (CSS Images 3, "default sizing algorithm"): so do we,
		// and the page looks as it did without the width and height.
		width, height = 300, 300*vh/vw
		if height > 150 {
			width, height = 150*vw/vh, 150
		}
	default:
		return Size{}, errors.New("the <svg> element has neither a width and height in pixels nor a viewBox")
	}
	if width > MaxSide || height > MaxSide {
		// Checked here too: rounding a huge float to int would overflow.
		return Size{}, errors.New("the <svg> element asks for more pixels than any real picture")
	}
	return Size{Width: round(width), Height: round(height)}, nil
}

// cssPixels is how many CSS pixels make one of each absolute unit.
var cssPixels = map[string]float64{
	"": 1, "px": 1,
	"in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6,
	"pt": 96.0 / 72, "pc": 16,
}

// svgLength is a length in CSS pixels, or 0 when it is relative (50%,
// 10em), auto, or not a length.
func svgLength(v string) float64 {
	v = strings.TrimSpace(v)
	i := len(v)
	// The unit is the letters at the end; "1e2" ends in a digit.
	for i > 0 && (v[i-1] >= 'a' && v[i-1] <= 'z' || v[i-1] >= 'A' && v[i-1] <= 'Z') {
		i--
	}
	scale, ok := cssPixels[strings.ToLower(v[i:])]
	if !ok {
		return 0
	}
	n, err := strconv.ParseFloat(v[:i], 64)
	if err != nil || !(n > 0) {
		return 0
	}
	return n * scale
}

// viewBox is the width and height of a viewBox: four numbers separated by
// spaces, commas or both. A box without a positive area gives zeros.
func viewBox(v string) (w, h float64) {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0
	}
	w, err1 := strconv.ParseFloat(f[2], 64)
	h, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || !(w > 0) || !(h > 0) {
		return 0, 0
	}
	return w, h
}
