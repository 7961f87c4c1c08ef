package site_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/qrcode"
)

// TestCertificateDrawsQRCodeOfPageAddress checks that a signatory's
// printed certificate carries, inline, the QR code of the page's full
// address, base path included, so a phone opens the page that was printed.
// internal/qrcode's tests read a drawing back module by module and compare
// it with rsc.io/qr's code; this one checks the page holds exactly the
// drawing of the right address, as the minifier leaves it.
func TestCertificateDrawsQRCodeOfPageAddress(t *testing.T) {
	for base, url := range map[string]string{
		"":                                  "https://example.org/signatories/kite/",
		"https://example.org/coproduction/": "https://example.org/coproduction/signatories/kite/",
	} {
		out := buildRegisterSite(t, base)
		page := get(t, out, "signatories/kite/index.html")
		got := regexp.MustCompile(`<p class="certificate-qr"><svg.*?</svg><span>([^<]*)</span></p>`).FindStringSubmatch(page)
		if got == nil {
			t.Fatalf("Kite's certificate has no inline QR code followed by its address:\n%s", page)
		}
		if got[1] != url {
			t.Errorf("the certificate prints the address %q under its code, want %q", got[1], url)
		}
		label := "QR code: scan it to open this page at " + url
		svg, err := qrcode.New().AppendSVG(nil, url, label)
		if err != nil {
			t.Fatal(err)
		}
		want := publish.NewMinifier().Bytes("index.html", []byte(`<!DOCTYPE html><html><head><title>t</title></head><body><p>`+string(svg)+`</p></body></html>`))
		want = regexp.MustCompile(`<svg.*</svg>`).Find(want)
		if !strings.Contains(got[0], string(want)) {
			t.Errorf("Kite's certificate (base %q) does not draw the code of %s named %q; it has\n%s\nwant\n%s", base, url, label, got[0], want)
		}
		for _, name := range out.Names() {
			if strings.HasSuffix(name, "qr.svg") {
				t.Errorf("the build wrote %s: the code is drawn in the page, a file for it is one more to write per signatory", name)
			}
		}
	}
}
