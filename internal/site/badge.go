package site

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"

	"rsc.io/qr"

	"github.com/coproduce/coproduce/internal/register"
)

// writeBadges writes each signatory's badge and the QR code of its page,
// which the printed certificate shows. Both are files, not inline SVG, so
// the page needs no inline styles and the badge can be linked from
// anywhere. They are written as made: they are small and already compact.
func (b *builder) writeBadges() error {
	all := b.rs.Content.Section(register.Section)
	return b.parallel(len(all), func(i int) error {
		p := all[i]
		dir := strings.TrimPrefix(p.URL, "/")
		if err := b.raw.WriteFile(dir+"badge.svg", register.BadgeFor(p).SVG()); err != nil {
			return err
		}
		svg, err := qrSVG(b.rs.AbsURL(p.URL))
		if err != nil {
			return fmt.Errorf("the QR code of %s: %w", p.URL, err)
		}
		return b.raw.WriteFile(dir+"qr.svg", svg)
	})
}

// qrQuiet is the blank margin around a QR code, in modules: the standard
// asks for four so a reader can find the code's edges.
const qrQuiet = 4

// qrSVG draws a QR code of text as SVG, one path of dark runs per row, with
// crisp edges so it prints sharp at any size. Level M recovers from a
// smudge or a fold in the paper.
func qrSVG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, err
	}
	n := code.Size + 2*qrQuiet
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges">`+"\n", n*4, n*4, n, n)
	fmt.Fprintf(&buf, "<title id=\"qr-title\">QR code for %s</title>\n", html.EscapeString(text))
	fmt.Fprintf(&buf, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", n, n)
	// 10,000 signatories mean 10,000 codes: append numbers directly, as
	// fmt per run would take most of the time.
	d := append(buf.Bytes(), `<path fill="#000000" d="`...)
	for y := 0; y < code.Size; y++ {
		for x := 0; x < code.Size; {
			if !code.Black(x, y) {
				x++
				continue
			}
			start := x
			for x < code.Size && code.Black(x, y) {
				x++
			}
			run := int64(x - start)
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(start+qrQuiet), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y+qrQuiet), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, run, 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, run, 10)
			d = append(d, 'z')
		}
	}
	return append(d, "\"/>\n</svg>\n"...), nil
}
