package site_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// pngOf and jpegOf are pictures w by h, noisy so their weight is like a
// real picture's.
func pngOf(t testing.TB, w, h int) string {
	var buf bytes.Buffer
	if err := png.Encode(&buf, noisy(w, h)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func jpegOf(t testing.TB, w, h int) string {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, noisy(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func noisy(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(1)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x)
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	return img
}

// pictureSite has pictures of every kind in a page's words and as logos,
// one of each sized well and one of each too large.
func pictureSite(t testing.TB) map[string]string {
	signatory := func(name, logo string) string {
		return "---\ntitle: " + name + "\nsummary: x\nwebsite: https://example.org/\nsigned: 2024-03-01\npledges: [two-way]\nlogo: " + logo + "\nlogo_alt: " + name + "\n---\n"
	}
	return map[string]string{
		"content/_index.md":          "---\ntitle: Home\nsummary: x\n---\nHello.\n",
		"content/pledges/two-way.md": "---\ntitle: Two-way\nsummary: x\ncommitments:\n  - We will listen.\n---\n",
		"content/principles/listen.md": "---\ntitle: Listen\nsummary: x\n---\n" +
			"![A panel of five people](panel.png)\n\n" +
			"![A photo of the group](photo.jpg)\n\n" +
			"![A drawing](drawing.svg)\n\n" +
			"![A damaged picture](damaged.png)\n\n" +
			"Text.\n\n![The whole team, from a phone](team.jpg)\n",
		"content/principles/panel.png":   pngOf(t, 600, 400),
		"content/principles/photo.jpg":   jpegOf(t, 300, 200),
		"content/principles/drawing.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>`,
		"content/principles/damaged.png": "\x89PNG\r\n\x1a\nnot really",
		"content/principles/team.jpg":    jpegOf(t, 4000, 3000),

		"content/signatories/wide.md":     signatory("Wide", "wide.png"),
		"content/signatories/wide.png":    pngOf(t, 1600, 800),
		"content/signatories/small.md":    signatory("Small", "small.png"),
		"content/signatories/small.png":   pngOf(t, 120, 60),
		"content/signatories/drawn.md":    signatory("Drawn", "drawn.svg"),
		"content/signatories/drawn.svg":   `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><circle cx="60" cy="60" r="50"/></svg>`,
		"content/signatories/damaged.md":  signatory("Damaged", "damaged.jpg"),
		"content/signatories/damaged.jpg": "\xff\xd8\xff garbage",
		"content/signatories/photo.md":    signatory("Photo", "photo.jpg"),
		"content/signatories/photo.jpg":   jpegOf(t, 180, 90),
	}
}

var imgTag = regexp.MustCompile(`<img [^>]*>`)

// imgs maps each <img> of a page by its src to its tag.
func imgs(page string) map[string]string {
	out := map[string]string{}
	for _, tag := range imgTag.FindAllString(page, -1) {
		src := regexp.MustCompile(`src="([^"]*)"`).FindStringSubmatch(tag)
		if src != nil {
			out[src[1]] = tag
		}
	}
	return out
}

// Every picture whose size can be read is written with it, so the page
// does not move as it loads: pictures in the words at their own size
// (the CSS makes them fit the column), logos at the size the theme shows
// them. A picture that cannot be read is shown without a size, and the
// build goes on.
func TestPicturesHaveTheirWidthAndHeight(t *testing.T) {
	res, out := build(pictureSite(t), "", false)
	if errs := errorLines(res); len(errs) > 0 {
		t.Fatal(errs)
	}
	page := imgs(get(t, out, "principles/listen/index.html"))
	for src, want := range map[string]string{
		"/principles/panel.png":   `width="600" height="400"`,
		"/principles/photo.jpg":   `width="300" height="200"`,
		"/principles/drawing.svg": `width="300" height="150"`, // only a viewBox: as browsers show it
		"/principles/team.jpg":    `width="4000" height="3000"`,
		"/principles/damaged.png": "",
	} {
		tag, ok := page[src]
		switch {
		case !ok:
			t.Errorf("no picture %s on the page", src)
		case want == "" && (strings.Contains(tag, "width=") || strings.Contains(tag, "height=")):
			t.Errorf("a damaged picture is given a size: %s", tag)
		case !strings.Contains(tag, want):
			t.Errorf("%s: want %s", tag, want)
		}
	}
	for slug, want := range map[string]string{
		"wide":    `width="192" height="96"`, // 1600 by 800, fitted to 96 high
		"small":   `width="120" height="60"`, // smaller than the box: its own size
		"drawn":   `width="96" height="96"`,
		"photo":   `width="180" height="90"`,
		"damaged": "",
	} {
		var logo string
		for src, tag := range imgs(get(t, out, "signatories/"+slug+"/index.html")) {
			if strings.Contains(tag, `class="logo"`) {
				logo = src + " " + tag
			}
		}
		switch {
		case logo == "":
			t.Errorf("%s: no logo on the page", slug)
		case want == "" && strings.Contains(logo, "width="):
			t.Errorf("%s: a damaged logo is given a size: %s", slug, logo)
		case !strings.Contains(logo, want):
			t.Errorf("%s: %s, want %s", slug, logo, want)
		}
	}
}

// check warns about a logo over 200 KB and a picture more than twice as
// wide as the sharpest it is shown, naming the file, where it is used,
// what it weighs or measures, and the width to make it; never about one
// sized well; and never with an error, since the picture still shows.
func TestOversizedPicturesAreWarnedAbout(t *testing.T) {
	files := pictureSite(t)
	files["content/signatories/heavy.md"] = "---\ntitle: Heavy\nsummary: x\nwebsite: https://example.org/\nsigned: 2024-03-01\npledges: [two-way]\nlogo: heavy.png\nlogo_alt: Heavy\n---\n"
	// About 300 KB of noise, but no wider than the 1,920 pixels a logo
	// 10 times as wide as high is sharp at.
	files["content/signatories/heavy.png"] = pngOf(t, 1000, 100)
	res, _ := build(files, "", false)
	var got []string
	for _, d := range res.Diags {
		if strings.Contains(d.Problem, "pixels") || strings.Contains(d.Problem, " KB") {
			if d.Severity != diag.Warning {
				t.Errorf("not a warning: %s", d)
			}
			got = append(got, d.String())
		}
	}
	want := []string{
		`content/principles/listen.md:15:1: warning: the picture content/principles/team.jpg is 4,000 pixels wide. Pages show it 864 pixels wide at most, or 1,728 on a sharp screen. So readers download far more than they see; resize it to 1,728 pixels wide in a picture editor, which should make it about 1.\d MB, and save it with the same name`,
		`content/signatories/heavy.md:7:7: warning: the logo content/signatories/heavy.png is 29\d KB. A logo should be 200 KB at most, so the page opens fast on a phone; save it again with fewer colours, as a PNG for a drawing or a JPEG for a photo, to bring it under 200 KB`,
		// The 1600 by 800 logo is shown 96 high, so 192 wide, and 384 on
		// a high-resolution screen.
		`content/signatories/wide.md:7:7: warning: the logo content/signatories/wide.png is 3.7 MB and 1,600 by 800 pixels. The page shows it 192 pixels wide at most, or 384 on a sharp screen. So the page is slow to open; resize it to 384 pixels wide in a picture editor, which should make it about 2\d\d KB, and save it with the same name`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !regexp.MustCompile("^(" + want[i] + ")$").MatchString(got[i]) {
			t.Errorf("got:\n%s\nwant:\n%s", got[i], want[i])
		}
	}
}

// After a picture is saved at another size, the live preview shows the
// pages with it at the new size, and its warnings are about the new file,
// as a clean build would.
func TestPreviewFollowsAPictureResized(t *testing.T) {
	files := pictureSite(t)
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	now := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)
	out := publish.NewMemory()
	inc := site.NewIncremental(site.Options{Source: fsys, Now: now, Workers: 2}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	// The editor resizes the too-wide logo and photo, and swaps the
	// drawing for a taller one, saving only the pictures.
	fsys["content/signatories/wide.png"] = &fstest.MapFile{Data: []byte(pngOf(t, 384, 192))}
	fsys["content/principles/team.jpg"] = &fstest.MapFile{Data: []byte(jpegOf(t, 1600, 1200))}
	fsys["content/principles/drawing.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="30" height="90"/>`)}
	ch := inc.Update([]string{"content/signatories/wide.png", "content/principles/team.jpg", "content/principles/drawing.svg"})
	if ch.Full {
		t.Fatal("saving a picture rebuilt everything")
	}
	clean := publish.NewMemory()
	res := site.Build(site.Options{Source: fsys, Output: clean, Now: now, Workers: 1})
	for _, name := range []string{"signatories/wide/index.html", "principles/listen/index.html"} {
		got, _ := out.Get(name)
		want, _ := clean.Get(name)
		if !bytes.Equal(got, want) {
			t.Errorf("%s in the preview differs from a clean build:\npreview:\n%s\nbuild:\n%s", name, imgTag.FindAllString(string(got), -1), imgTag.FindAllString(string(want), -1))
		}
	}
	if tags := imgs(get(t, out, "principles/listen/index.html")); !strings.Contains(tags["/principles/drawing.svg"], `width="30" height="90"`) {
		t.Errorf("the drawing keeps its old size: %s", tags["/principles/drawing.svg"])
	}
	if got, want := diagStrings(ch.Diags), diagStrings(res.Diags); got != want {
		t.Errorf("the preview's problems differ from a clean build's:\npreview:\n%s\nbuild:\n%s", got, want)
	}
}

func diagStrings(l diag.List) string {
	var s []string
	for _, d := range l {
		s = append(s, d.String())
	}
	return strings.Join(s, "\n")
}

// A heavy SVG logo is warned about for its weight alone (it is drawn sharp
// at any width), and a translation showing its main page's logo does not
// repeat the warning.
func TestHeavySVGLogoWarnedOnce(t *testing.T) {
	files := pictureSite(t)
	files["site.yaml"] = "title: Pictures\nbase_url: https://example.org/\nlanguages: [en-GB, cy]\n"
	files["content/signatories/drawn.svg"] = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">` + strings.Repeat(`<path d="M0 0 L120 120 L0 120 Z" fill="#0d4f57"/>`, 5000) + `</svg>`
	files["content/signatories/drawn.cy.md"] = "---\ntitle: Drawn\nsummary: Sefydliad.\n---\n"
	res, out := build(files, "", false)
	if errs := errorLines(res); len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range res.Diags {
		if strings.Contains(d.Problem, "drawn.svg") {
			got = append(got, d.String())
		}
	}
	want := "content/signatories/drawn.md:7:7: warning: the logo content/signatories/drawn.svg is 2\\d\\d KB. A logo should be 200 KB at most, so the page opens fast on a phone; simplify the drawing and export it again as a plain SVG, or save it as a PNG 192 pixels wide"
	if len(got) != 1 || !regexp.MustCompile("^"+want+"$").MatchString(got[0]) {
		t.Errorf("got:\n%s\nwant one:\n%s", strings.Join(got, "\n"), want)
	}
	if logo := imgs(get(t, out, "cy/signatories/drawn/index.html"))["/signatories/drawn.svg"]; !strings.Contains(logo, `width="96" height="96"`) {
		t.Errorf("the translation's logo: %s", logo)
	}
}
