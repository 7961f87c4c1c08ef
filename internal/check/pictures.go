package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/picture"
)

// MaxLogoBytes is the most a logo should weigh. The logo is at the top of
// a signatory's page, and 200 KB takes a second to arrive on a "Fast 3G"
// mobile connection (1.6 Mbit/s), four on a slow one.
const MaxLogoBytes = 200 << 10

// Pictures are warned about, never refused: a heavy picture still shows,
// only slowly. Each warning names the file, its weight or pixels, where
// it is shown and the width to resize it to: Density times the widest it
// is shown at, so it stays sharp on a high-resolution screen, and said so
// in the message.

// checkLogos warns about a logo of one of pages that is heavier than
// MaxLogoBytes, or more than twice as wide as the sharpest it is ever
// shown (picture.LogoBox), at the logo: line of the page.
func checkLogos(s *content.Site, pages []*content.Page) diag.List {
	var diags diag.List
	seen := map[diag.Pos]bool{}
	for _, p := range pages {
		if p.Logo == "" || seen[p.LogoPos] {
			// A translation without a logo of its own shows its main
			// page's, written at the main page's line: one warning.
			continue
		}
		seen[p.LogoPos] = true
		name := strings.TrimPrefix(p.Logo, "/")
		pic, ok := s.Pictures[name]
		if !ok {
			continue // a missing logo is an error of its own
		}
		file := "content/" + name
		heavy := pic.Bytes > MaxLogoBytes
		shown := p.LogoShown()
		aim := shown.Width * picture.Density
		// An SVG is drawn sharp at any size; only its weight matters.
		raster := picture.Kind(name) != "svg" && pic.Size.Known()
		wide := raster && pic.Size.Width > 2*aim
		switch {
		case heavy && wide:
			diags.Warnf(p.LogoPos, resize(aim, pic),
				"the logo %s is %s and %s by %s pixels. The page shows it %s pixels wide at most, or %s on a sharp screen. So the page is slow to open",
				file, kilobytes(pic.Bytes), count(pic.Size.Width), count(pic.Size.Height), count(shown.Width), count(aim))
		case wide:
			diags.Warnf(p.LogoPos, resize(aim, pic),
				"the logo %s is %s pixels wide. The page shows it %s pixels wide at most, or %s on a sharp screen. So readers download far more than they see",
				file, count(pic.Size.Width), count(shown.Width), count(aim))
		case heavy:
			diags.Warnf(p.LogoPos, lighten(name, aim, pic),
				"the logo %s is %s. A logo should be %s at most, so the page opens fast on a phone",
				file, kilobytes(pic.Bytes), kilobytes(MaxLogoBytes))
		}
	}
	return diags
}

// checkPictures warns, at the picture in the page, about a picture more
// than twice as wide as the sharpest it is ever shown in a page's column
// (picture.ColumnWidth).
func checkPictures(images []markdown.Link, at func(markdown.Pos) diag.Pos, diags *messages) {
	for _, img := range images {
		pic := img.Picture
		if pic == nil || picture.Kind(pic.File) == "svg" {
			continue
		}
		shown := picture.Size{Width: pic.Width, Height: pic.Height}.Fit(picture.ColumnWidth, 0)
		aim := shown.Width * picture.Density
		if pic.Width <= 2*aim {
			continue
		}
		diags.Warnf(at(img.Pos), resize(aim, content.Picture{Size: picture.Size{Width: pic.Width, Height: pic.Height}, Bytes: pic.Bytes}),
			"the picture %s is %s pixels wide. Pages show it %s pixels wide at most, or %s on a sharp screen. So readers download far more than they see",
			pic.File, count(pic.Width), count(shown.Width), count(aim))
	}
}

// resize is the advice for a picture wider than aim: the width to make it
// and, roughly, what it will then weigh. A picture's weight goes with its
// number of pixels, so a picture half as wide weighs about a quarter; the
// estimate says "about" because how well a picture compresses varies.
func resize(aim int, pic content.Picture) string {
	fix := fmt.Sprintf("resize it to %s pixels wide in a picture editor", count(aim))
	if pic.Bytes > 0 && pic.Size.Width > 0 {
		ratio := float64(aim) / float64(pic.Size.Width)
		fix += fmt.Sprintf(", which should make it about %s", kilobytes(int64(float64(pic.Bytes)*ratio*ratio)))
	}
	return fix + ", and save it with the same name"
}

// lighten is the advice for a logo that is heavy but not too wide.
func lighten(name string, aim int, pic content.Picture) string {
	if picture.Kind(name) == "svg" {
		fix := "simplify the drawing and export it again as a plain SVG, or save it as a PNG"
		if aim > 0 {
			fix += " " + count(aim) + " pixels wide"
		}
		return fix
	}
	if pic.Size.Known() && pic.Size.Width > aim && aim > 0 {
		return resize(aim, pic)
	}
	return fmt.Sprintf("save it again with fewer colours, as a PNG for a drawing or a JPEG for a photo, to bring it under %s", kilobytes(MaxLogoBytes))
}

// kilobytes writes a weight as people see it in their file manager:
// "677 KB", "1.4 MB", never less than 1 KB.
func kilobytes(n int64) string {
	kb := (n + 512) >> 10
	if kb < 1 {
		kb = 1
	}
	if kb < 1024 {
		return count(int(kb)) + " KB"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// count writes a number with commas between thousands, as English does.
func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
