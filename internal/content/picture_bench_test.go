package content

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadLogoSizes is the cost of reading every logo's size when the
// site is read: 2,000 signatories on disk, each with a 384 by 192 PNG logo
// (about 40 KB), against the same files saved under a name that is not a
// picture, which are listed but not opened. The difference is the cost of
// opening each logo and reading its header.
func BenchmarkLoadLogoSizes(b *testing.B) {
	const n = 2000
	img := image.NewNRGBA(image.Rect(0, 0, 384, 192))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7 % 251)
	}
	var logo bytes.Buffer
	if err := png.Encode(&logo, img); err != nil {
		b.Fatal(err)
	}
	for _, ext := range []string{"png", "dat"} {
		dir := b.TempDir()
		write := func(name string, data []byte) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		for name, text := range baseFiles {
			write(name, []byte(text))
		}
		for i := range n {
			write(fmt.Sprintf("signatories/org-%d.md", i), []byte("---\n"+validSignatory+"---\n"))
			write(fmt.Sprintf("signatories/org-%d-logo.%s", i, ext), logo.Bytes())
		}
		name := map[string]string{"png": "logos read", "dat": "same files not read"}[ext]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, diags := Load(os.DirFS(dir), Options{Dir: "content"}); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "µs/signatory")
		})
	}
}
