package browsertest

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A signatory's page prints as a one-page certificate. These tests print
// every signatory of the example, and one made to be as hard to fit as
// possible (a 120-character name and ten commitments of its own), to PDF
// on A4 paper, as a reader's "Print" or "Save as PDF" does.

// A4 in inches, as Page.printToPDF takes it.
const a4Width, a4Height = 8.27, 11.69

// pdfPageRe finds the page objects of a PDF: "/Type /Page", not "/Pages".
var pdfPageRe = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// printToPDF prints the page in the tab on A4 with the sheet's own
// margins (the theme's @page rule) and returns the PDF.
func printToPDF(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	yes, zero := true, 0.0
	pdf, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, cdppage.PrintToPDF, cdppage.PrintToPDFParams{
			PaperWidth: a4Width, PaperHeight: a4Height, PreferCSSPageSize: &yes,
			MarginTop: &zero, MarginBottom: &zero, MarginLeft: &zero, MarginRight: &zero,
		})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	}))
	if err != nil {
		t.Fatalf("printing to PDF: %v", err)
	}
	return pdf
}

// certificateFitScript, run with print styles on and the viewport as wide
// as an A4 sheet inside the theme's margins, reports whether the name, the
// QR code and the address lie inside the certificate's frame, and whether
// the frame cuts anything off.
const certificateFitScript = `(() => {
	const cert = document.querySelector('.certificate');
	if (!cert) return {found: false};
	const box = cert.getBoundingClientRect();
	const inside = sel => {
		const el = cert.querySelector(sel);
		if (!el) return sel + ' is missing';
		const r = el.getBoundingClientRect();
		if (r.width < 1 || r.height < 1) return sel + ' is not shown';
		if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5)
			return sel + ' sticks out of the certificate (' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' px, frame ' + Math.round(box.top) + '..' + Math.round(box.bottom) + ' px)';
		return '';
	};
	return {
		found: true,
		height: box.height,
		clipped: cert.scrollHeight > cert.clientHeight + 1,
		problems: ['h1', '.certificate-qr svg', '.certificate-qr span'].map(inside).filter(Boolean),
	};
})()`

// cssPxPerInch converts the sheet to CSS px.
const cssPxPerInch = 96

func TestCertificatePrintsOnOnePage(t *testing.T) {
	requireChromium(t)
	s, err := worstBuild()
	if err != nil {
		t.Fatal(err)
	}
	var signatories []page
	sawWorst := false
	for _, p := range s.pages {
		if p.kind == "signatory" && p.redirect == "" && !strings.Contains(p.file, "/cy/") {
			signatories = append(signatories, p)
			sawWorst = sawWorst || strings.Contains(p.file, worstSignatorySlug)
		}
	}
	if !sawWorst || len(signatories) < 2 {
		t.Fatalf("the site has %d signatory pages and the worst case is there: %v", len(signatories), sawWorst)
	}
	// The theme's @page margin is 1.5 cm on each side.
	printable := (a4Height - 2*1.5/2.54) * cssPxPerInch
	printableWidth := (a4Width - 2*1.5/2.54) * cssPxPerInch
	for _, p := range signatories {
		t.Run(p.name(), func(t *testing.T) {
			ctx := openSignatoryPage(t, s, p, tabSetup{})
			pdf := printToPDF(t, ctx)
			if n := len(pdfPageRe.FindAll(pdf, -1)); n != 1 {
				t.Errorf("print: %s prints on %d A4 pages, want exactly 1", p.path, n)
			}
			// Lay the page out as the printer does and look inside.
			err := chromedp.Do(ctx, chromedp.Steps(
				chromedp.EmulateViewport(int64(printableWidth), int64(printable)),
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}),
			))
			if err != nil {
				t.Fatal(err)
			}
			r := eval[struct {
				Found    bool     `json:"found"`
				Height   float64  `json:"height"`
				Clipped  bool     `json:"clipped"`
				Problems []string `json:"problems"`
			}](t, ctx, certificateFitScript)
			if !r.Found {
				t.Fatalf("print: %s has no .certificate", p.path)
			}
			for _, pr := range r.Problems {
				t.Errorf("print: on %s %s", p.path, pr)
			}
			if r.Clipped {
				t.Errorf("print: the certificate of %s cuts off part of its text", p.path)
			}
			if r.Height > printable+0.5 {
				t.Errorf("print: the certificate of %s is %.0f px high, more than the %.0f px of an A4 sheet inside its margins", p.path, r.Height, printable)
			}
			t.Logf("%s: certificate %.0f of %.0f px", p.path, r.Height, printable)
		})
	}
}
