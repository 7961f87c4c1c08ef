package qrcode

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"rsc.io/qr"

	"github.com/coproduce/coproduce/internal/publish"
)

// texts cover the three encodings and versions from 1 to past 7, where a
// code starts to carry its version number in its corners.
var texts = []string{
	"https://example.org/coproduction/signatories/kite-youth-arts/",
	"0123456789",
	"HTTPS://EXAMPLE.ORG/A",
	"https://example.org/signatories/" + strings.Repeat("a-very-long-organisation-name-", 8),
	"",
}

// TestDrawsEveryModule reads the drawn strokes back into a grid and
// compares it with rsc.io/qr's own code of the same text, module by
// module, so a phone scans exactly what qr.Encode would have encoded. It
// reads the drawing again after the HTML minifier, which rewrites path
// data, as a page's code reaches the reader through it.
func TestDrawsEveryModule(t *testing.T) {
	d := New()
	mf := publish.NewMinifier()
	for _, text := range texts {
		svg, err := d.AppendSVG(nil, text, "QR code")
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		want, err := qr.Encode(text, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		page := mf.Bytes("index.html", []byte("<!DOCTYPE html><html><head><title>t</title></head><body><p>"+string(svg)+"</p></body></html>"))
		minified := regexp.MustCompile(`<svg.*</svg>`).Find(page)
		for name, drawing := range map[string][]byte{"as drawn": svg, "minified": minified} {
			got := readModules(t, drawing)
			if len(got) != want.Size+2*quiet {
				t.Fatalf("%q %s: the drawing is %d modules wide, want %d", text, name, len(got), want.Size+2*quiet)
			}
			for y := range got {
				for x := range got {
					if got[y][x] != want.Black(x-quiet, y-quiet) {
						t.Fatalf("%q %s: module (%d, %d) is drawn %v, the code has it %v\n%s", text, name, x-quiet, y-quiet, got[y][x], !got[y][x], drawing)
					}
				}
			}
		}
	}
}

// readModules parses an SVG drawn by AppendSVG, or the minifier's version
// of it, into a grid of dark modules, quiet zone included.
func readModules(t *testing.T, svg []byte) [][]bool {
	t.Helper()
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Path    struct {
			Stroke string `xml:"stroke,attr"`
			D      string `xml:"d,attr"`
		} `xml:"path"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("the code is not well-formed SVG: %v\n%s", err, svg)
	}
	var n int
	if _, err := fmt.Sscanf(doc.ViewBox, "0 0 %d %d", &n, &n); err != nil {
		t.Fatalf("viewBox %q: %v", doc.ViewBox, err)
	}
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	if doc.Path.Stroke == "" || doc.Path.D == "" {
		t.Fatalf("the code has no stroked path of dark modules:\n%s", svg)
	}
	// The path is moves (M, m) and horizontal lines (H, h); a line from x0
	// to x1 at height y+0.5 darkens modules x0 to x1-1 of row y.
	var x, y float64
	for _, cmd := range regexp.MustCompile(`[A-Za-z][^A-Za-z]*`).FindAllString(doc.Path.D, -1) {
		var args []float64
		for _, s := range regexp.MustCompile(`[-+]?(\d+\.?\d*|\.\d+)`).FindAllString(cmd[1:], -1) {
			f, _ := strconv.ParseFloat(s, 64)
			args = append(args, f)
		}
		switch {
		case cmd[0] == 'M' && len(args) == 2:
			x, y = args[0], args[1]
		case cmd[0] == 'm' && len(args) == 2:
			x, y = x+args[0], y+args[1]
		case (cmd[0] == 'H' || cmd[0] == 'h') && len(args) >= 1:
			for _, a := range args {
				to := a
				if cmd[0] == 'h' {
					to += x
				}
				row := int(y)
				if y-float64(row) != 0.5 || row < 0 || row >= n || to < x {
					t.Fatalf("the line %q is not along the middle of a row, left to right", cmd)
				}
				for i := int(x); i < int(to); i++ {
					grid[row][i] = true
				}
				x = to
			}
		default:
			t.Fatalf("the path has %q, which a code drawn of rows does not need", cmd)
		}
	}
	return grid
}

func TestNamesItselfWithoutStyleOrID(t *testing.T) {
	const label = `QR code: scan it to open this page at https://example.org/a?b=1&c="2"`
	svg, err := New().AppendSVG(nil, "https://example.org/", label)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Role      string `xml:"role,attr"`
		AriaLabel string `xml:"aria-label,attr"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Role != "img" || doc.AriaLabel != label {
		t.Errorf("role %q, aria-label %q; want img and %q", doc.Role, doc.AriaLabel, label)
	}
	for _, banned := range []string{"style=", " id=", "<script"} {
		if strings.Contains(string(svg), banned) {
			t.Errorf("the code has %q, which a strict Content-Security-Policy or a second code on the page would break on:\n%s", banned, svg)
		}
	}
}

func TestTooLongIsAnErrorNotAPanic(t *testing.T) {
	if _, err := New().HTML(strings.Repeat("x", 3000), "QR code"); err == nil {
		t.Error("a 3,000-byte text drew a code; no QR code holds that much")
	}
}

// TestSharedBetweenGoroutines draws codes of many versions from many
// goroutines with one Drawer, as a build's page workers do, and compares
// each with a code drawn alone. Run with -race to check the shared plans.
func TestSharedBetweenGoroutines(t *testing.T) {
	alone := map[string]string{}
	for i := range 40 {
		text := fmt.Sprintf("https://example.org/signatories/%s/", strings.Repeat("x", i*7))
		svg, err := New().AppendSVG(nil, text, "QR code")
		if err != nil {
			t.Fatal(err)
		}
		alone[text] = string(svg)
	}
	d := New()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for text, want := range alone {
				got, err := d.AppendSVG(nil, text, "QR code")
				if err != nil || string(got) != want {
					t.Errorf("%q drawn with a shared Drawer differs from one drawn alone (err %v)", text, err)
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkDraw draws the code of a signatory's address. rsc.io-qr is the
// cost of qr.Encode alone, which the site used before: it builds the
// version's layout for every code.
func BenchmarkDraw(b *testing.B) {
	const url = "https://example.org/coproduction/signatories/kite-youth-arts/"
	b.Run("drawer", func(b *testing.B) {
		d := New()
		var buf []byte
		b.ReportAllocs()
		for b.Loop() {
			var err error
			if buf, err = d.AppendSVG(buf[:0], url, "QR code: scan it to open this page at "+url); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(buf)), "svg-bytes")
	})
	// HTML, as a signatory's page draws it: what it allocates is what the
	// page pays.
	b.Run("html", func(b *testing.B) {
		d := New()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := d.HTML(url, "QR code: scan it to open this page at "+url); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rsc.io-qr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := qr.Encode(url, qr.M); err != nil {
				b.Fatal(err)
			}
		}
	})
}
