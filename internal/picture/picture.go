// Package picture reads how many pixels wide and high a picture is from
// the first bytes of its file, and knows how large the default theme ever
// shows each kind of picture.
//
// It promises that reading a size costs one pass over the file's header,
// not a decoding of the picture (image.DecodeConfig for PNG, JPEG, GIF and
// WebP; the boxes before the picture data for AVIF; the root element's
// width, height and viewBox for SVG); that it
// never panics on any file; and that a file whose size cannot be read,
// whether damaged, empty or of another kind, gives an error and a zero
// Size, never a made-up one. Pages give a picture whose size is known its
// width and height, so the page does not move as the picture loads; the
// checks compare the size with the largest the theme shows it at ([Shown]).
package picture

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"path"
	"strings"

	// The decoders image.DecodeConfig may use, for the kinds of picture
	// browsers show. WebP is common from phones and web exports, and the
	// standard library has no reader for it.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Size is a picture's width and height in pixels. The zero Size means the
// size is not known.
type Size struct{ Width, Height int }

// Known reports whether both sides were read.
func (s Size) Known() bool { return s.Width > 0 && s.Height > 0 }

// Fit scales s down, keeping its shape, until it is at most maxWidth wide
// and maxHeight high; a limit of 0 or less is no limit. A picture smaller
// than the limits keeps its size: browsers never enlarge it either.
func (s Size) Fit(maxWidth, maxHeight int) Size {
	if !s.Known() {
		return Size{}
	}
	w, h := float64(s.Width), float64(s.Height)
	scale := 1.0
	if maxWidth > 0 && w > float64(maxWidth) {
		scale = float64(maxWidth) / w
	}
	if maxHeight > 0 && h*scale > float64(maxHeight) {
		scale = float64(maxHeight) / h
	}
	if scale == 1 {
		return s
	}
	return Size{Width: max(1, round(w*scale)), Height: max(1, round(h*scale))}
}

func round(f float64) int { return int(f + 0.5) }

// MaxSide is the most pixels a side may have. A header that claims more
// (JPEG and PNG allow billions) is damaged or made to mislead, and writing
// it into a page would make the page that wide.
const MaxSide = 1 << 16

// Kind says how a file's size is read: by its extension, as browsers are
// told what a file is by the extension the host sends it with.
func Kind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		return "png"
	case ".jpg", ".jpeg":
		return "jpeg"
	case ".gif":
		return "gif"
	case ".webp":
		return "webp"
	case ".svg":
		return "svg"
	case ".avif":
		return "avif"
	}
	return ""
}

// IsPicture reports whether name is a picture whose size Read can read.
func IsPicture(name string) bool { return Kind(name) != "" }

// ErrNotPicture is returned for a file whose name is not of a picture.
var ErrNotPicture = errors.New("not a kind of picture whose size can be read")

// Read reads the size of the picture name from r, which holds its file.
// It reads only as far as the size is written: the header of a PNG, GIF
// or WebP, the segments before the frame of a JPEG (with its Exif data:
// a photo stored on its side is measured as it is shown), and the opening
// tag of an SVG.
func Read(name string, r io.Reader) (Size, error) {
	var s Size
	var err error
	switch Kind(name) {
	case "":
		return Size{}, ErrNotPicture
	case "svg":
		s, err = readSVG(r)
	case "avif":
		s, err = readAVIF(r)
	default:
		// The decoder is chosen by the file's first bytes, not its name:
		// a JPEG saved as .png is still shown by browsers. What it reads
		// is kept, for a JPEG's Exif data, which comes before its size.
		var head bytes.Buffer
		var cfg image.Config
		var format string
		cfg, format, err = image.DecodeConfig(bufio.NewReaderSize(io.TeeReader(r, &head), 512))
		s = Size{cfg.Width, cfg.Height}
		if format == "jpeg" && exifTurnsSideways(head.Bytes()) {
			s.Width, s.Height = s.Height, s.Width
		}
	}
	if err != nil {
		return Size{}, err
	}
	if !s.Known() {
		return Size{}, fmt.Errorf("the picture says it is %d by %d pixels", s.Width, s.Height)
	}
	if s.Width > MaxSide || s.Height > MaxSide {
		return Size{}, fmt.Errorf("the picture says it is %d by %d pixels, more than any real picture", s.Width, s.Height)
	}
	return s, nil
}
