package site

import (
	"encoding/xml"
	"regexp"
	"strconv"
	"testing"

	"rsc.io/qr"
)

// TestQRSVGDrawsEveryModule reads the drawn runs back into a grid and
// compares it with the code, so a scanner sees exactly what was encoded.
func TestQRSVGDrawsEveryModule(t *testing.T) {
	const url = "https://example.org/coproduction/signatories/kite-youth-arts/"
	svg, err := qrSVG(url)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Role  string `xml:"role,attr"`
		Title string `xml:"title"`
		Path  struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("the QR code is not well-formed SVG: %v", err)
	}
	if doc.Role != "img" || doc.Title != "QR code for "+url {
		t.Errorf("the QR code has role %q and title %q", doc.Role, doc.Title)
	}
	code, _ := qr.Encode(url, qr.M)
	drawn := map[[2]int]bool{}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(doc.Path.D, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		for i := range n {
			drawn[[2]int{x + i - qrQuiet, y - qrQuiet}] = true
		}
	}
	for y := range code.Size {
		for x := range code.Size {
			if drawn[[2]int{x, y}] != code.Black(x, y) {
				t.Fatalf("module (%d, %d) is drawn %v, but the code has it %v", x, y, drawn[[2]int{x, y}], code.Black(x, y))
			}
		}
	}
}
