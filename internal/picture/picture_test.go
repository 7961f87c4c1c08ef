package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// encoded returns a w by h picture in one of the kinds the standard
// library writes.
func encoded(t testing.TB, kind string, w, h int) []byte {
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var buf bytes.Buffer
	var err error
	switch kind {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// webpLossless is the header of a lossless WebP picture w by h, as far as
// a reader needs to find its size (no encoder for WebP is at hand).
func webpLossless(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("RIFF")
	binary.Write(&b, binary.LittleEndian, uint32(4+8+5))
	b.WriteString("WEBPVP8L")
	binary.Write(&b, binary.LittleEndian, uint32(5))
	b.WriteByte(0x2f)
	bits := uint32(w-1) | uint32(h-1)<<14
	binary.Write(&b, binary.LittleEndian, bits)
	return b.Bytes()
}

func TestSizesOfEveryKind(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want Size
	}{
		{"logo.png", encoded(t, "png", 1600, 800), Size{1600, 800}},
		{"photo.JPG", encoded(t, "jpeg", 640, 480), Size{640, 480}},
		{"photo.jpeg", encoded(t, "jpeg", 3, 5), Size{3, 5}},
		{"anim.gif", encoded(t, "gif", 120, 30), Size{120, 30}},
		{"phone.webp", webpLossless(400, 300), Size{400, 300}},
		// A JPEG saved with the wrong ending is still read: browsers
		// show it by what it holds.
		{"misnamed.png", encoded(t, "jpeg", 20, 10), Size{20, 10}},
		{"a.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"/>`), Size{120, 60}},
		// With only a viewBox, as large as fits in 300 by 150, as
		// browsers show it.
		{"b.svg", []byte(`<?xml version="1.0"?>` + "\n<!-- made by hand -->\n" + `<svg viewBox="0 0 30 15"></svg>`), Size{300, 150}},
		{"c.svg", []byte(`<svg width="100%" height="100%" viewBox="0,0,40,20"/>`), Size{300, 150}},
		{"square.svg", []byte(`<svg viewBox="0 0 10 10"/>`), Size{150, 150}},
		{"wide.svg", []byte(`<svg viewBox="0 0 1000 10"/>`), Size{300, 3}},
		{"d.svg", []byte(`<svg width="200px" viewBox="0 0 40 20"/>`), Size{200, 100}},
		{"e.svg", []byte(`<svg height="2in" viewBox="0 0 10 10"/>`), Size{192, 192}},
		{"f.svg", []byte(`<svg width="72pt" height="1.5e1"/>`), Size{96, 15}},
		{"g.svg", []byte(`<svg width="10em" height="5em" viewBox="0 0 100 50"/>`), Size{300, 150}},
	}
	for _, c := range cases {
		got, err := Read(c.name, bytes.NewReader(c.data))
		if err != nil || got != c.want {
			t.Errorf("%s: got %v, %v; want %v", c.name, got, err, c.want)
		}
	}
}

// A file whose size cannot be read gives no size and an error, never a
// guess and never a panic.
func TestUnreadablePicturesHaveNoSize(t *testing.T) {
	png := encoded(t, "png", 10, 10)
	cases := []struct{ name, data string }{
		{"empty.png", ""},
		{"cut.png", string(png[:12])},
		{"text.png", "this is not a picture at all"},
		{"zero.webp", string(webpLossless(1, 1)[:20])},
		{"nosize.svg", `<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`},
		{"relative.svg", `<svg width="50%" height="3em"/>`},
		{"flat.svg", `<svg viewBox="0 0 100 0"/>`},
		{"nan.svg", `<svg width="NaN" height="Inf" viewBox="0 0 NaN 1"/>`},
		{"broken.svg", `<svg width="10" height="10"`},
		{"html.svg", `<html><svg width="1" height="1"/></html>`},
		{"huge.svg", `<svg width="1e300" height="1e300"/>`},
		{"notes.txt", "hello"},
	}
	for _, c := range cases {
		got, err := Read(c.name, strings.NewReader(c.data))
		if err == nil || got != (Size{}) {
			t.Errorf("%s: got %v, %v; want no size and an error", c.name, got, err)
		}
	}
}

// A header claiming more pixels than any picture has is not believed: its
// width written into a page would make the page that wide.
func TestImpossibleSizesAreRefused(t *testing.T) {
	data := encoded(t, "png", 2, 2)
	// The width is at bytes 16 to 19 of a PNG; the checksum after the
	// header is not checked by DecodeConfig.
	binary.BigEndian.PutUint32(data[16:], 1<<30)
	if got, err := Read("x.png", bytes.NewReader(data)); err == nil {
		t.Errorf("a PNG 2^30 pixels wide: got %v, want an error", got)
	}
}

// Only the header is read, however large the picture.
func TestReadsOnlyTheHeader(t *testing.T) {
	data := encoded(t, "png", 2000, 2000)
	r := &countingReader{r: bytes.NewReader(data)}
	if _, err := Read("big.png", r); err != nil {
		t.Fatal(err)
	}
	if r.n > 1024 || r.n >= len(data) {
		t.Errorf("read %d bytes of a %d-byte PNG to find its size", r.n, len(data))
	}
}

type countingReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestFit(t *testing.T) {
	cases := []struct {
		s, want Size
		w, h    int
	}{
		{Size{1600, 800}, Size{192, 96}, 1024, 96},
		{Size{120, 120}, Size{96, 96}, 1024, 96},
		{Size{50, 20}, Size{50, 20}, 1024, 96}, // never enlarged
		{Size{4000, 100}, Size{1024, 26}, 1024, 96},
		{Size{3000, 2000}, Size{864, 576}, 864, 0},
		{Size{1, 5000}, Size{1, 96}, 1024, 96}, // at least a pixel
		{Size{}, Size{}, 1024, 96},
	}
	for _, c := range cases {
		if got := c.s.Fit(c.w, c.h); got != c.want {
			t.Errorf("%v.Fit(%d, %d) = %v, want %v", c.s, c.w, c.h, got, c.want)
		}
	}
}

// BenchmarkRead: reading a size costs its header, not its pixels. The
// pictures are 4000 by 3000, a phone's photo; bytes/op is what was read.
func BenchmarkRead(b *testing.B) {
	for _, kind := range []string{"png", "jpeg", "gif"} {
		data := encoded(b, kind, 4000, 3000)
		b.Run(kind, func(b *testing.B) {
			var read int
			for b.Loop() {
				r := &countingReader{r: bytes.NewReader(data)}
				if _, err := Read("x."+kind, r); err != nil {
					b.Fatal(err)
				}
				read = r.n
			}
			b.ReportMetric(float64(read), "bytes-read/op")
			b.ReportMetric(float64(len(data)), "file-bytes")
		})
	}
	svg := []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">` + strings.Repeat(`<path d="M0 0 L10 10 Z"/>`, 2000) + `</svg>`)
	b.Run("svg", func(b *testing.B) {
		for b.Loop() {
			if _, err := Read("x.svg", bytes.NewReader(svg)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
