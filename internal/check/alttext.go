package check

import (
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// genericAlt are single words that name a picture without saying what it
// shows, in English and in Welsh. A screen reader already says "image",
// so alt text of "image" or "llun" tells a blind reader nothing.
var genericAlt = map[string]bool{
	"image": true, "images": true, "img": true, "photo": true, "photos": true, "photograph": true,
	"picture": true, "pictures": true, "pic": true, "logo": true, "graphic": true, "graphics": true,
	"icon": true, "illustration": true, "screenshot": true, "banner": true, "diagram": true, "chart": true,
	"placeholder": true, "alt": true, "alt text": true, "untitled": true, "file": true,
	// Welsh: delwedd (image), llun (picture, photo), ffotograff, graffeg,
	// eicon, arwyddlun (emblem), diagram, siart.
	"delwedd": true, "delweddau": true, "llun": true, "lluniau": true, "ffotograff": true, "ffoto": true,
	"graffeg": true, "eicon": true, "arwyddlun": true, "siart": true,
}

// pictureFileName matches alt text that is the name of a picture file,
// as "meeting.png", or a camera's name for one, as "IMG_2031".
var pictureFileName = regexp.MustCompile(`(?i)^[^\s/]*\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$|^(img|dsc|dscn|dcim|pxl|photo|image|screenshot)[ _-]?\d+\w*$`)

// emptyAlt says why alt text says nothing, or "" when it says something.
// title is the page's title: alt text that repeats it adds nothing to the
// heading a reader has just heard.
func emptyAlt(alt, dest, title string) string {
	trimmed := strings.TrimSpace(alt)
	if trimmed == "" {
		return "" // no alt text at all is its own error
	}
	if pictureFileName.MatchString(trimmed) || dest != "" && sameName(trimmed, path.Base(dest)) {
		return "is a file name"
	}
	words := strings.Fields(strings.ToLower(strings.TrimFunc(trimmed, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})))
	// "An image", "the logo", "y llun" and "photo 2" are one generic word.
	if len(words) > 1 && (words[0] == "a" || words[0] == "an" || words[0] == "the" || words[0] == "y" || words[0] == "yr" || words[0] == "our" || words[0] == "ein") {
		words = words[1:]
	}
	if len(words) == 2 && strings.Trim(words[1], "0123456789") == "" {
		words = words[:1]
	}
	if len(words) == 1 && genericAlt[words[0]] || strings.Join(words, " ") == "alt text" {
		return "is only a word for a picture"
	}
	if title != "" && normaliseLinkText(trimmed) == normaliseLinkText(title) {
		return "repeats the page's title"
	}
	return ""
}

// sameName reports whether alt is the file's name, with or without its
// ending, dashes and underscores read as spaces: "Team photo" for
// team-photo.jpg.
func sameName(alt, file string) bool {
	plain := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(s))), " ")
	}
	return plain(alt) == plain(file) || plain(alt) == plain(strings.TrimSuffix(file, path.Ext(file)))
}

// checkAltText warns about alt text that says nothing, in the body's
// pictures and in logo_alt.
func checkAltText(p *content.Page, images []markdown.Link, at func(markdown.Pos) diag.Pos, diags *messages) {
	for _, img := range images {
		if why := emptyAlt(img.Text, img.Dest, p.Title); why != "" {
			diags.Warnf(at(img.Pos), "write what the picture shows and why it is there, in a short sentence, such as ![Six people planning a drop-in around a table]("+img.Dest+")",
				"the alt text %q %s, so it does not tell blind readers what the picture shows", strings.TrimSpace(img.Text), why)
		}
	}
	if p.Logo != "" || p.LogoAlt != "" {
		if why := emptyAlt(p.LogoAlt, p.Logo, p.Title); why != "" {
			example := "Riverside Trust logo"
			if p.Title != "" {
				example = p.Title + " logo"
			}
			diags.Warnf(p.At(p.LogoAltAt), "write the organisation's name and the word logo, such as logo_alt: \""+example+"\"",
				"the logo_alt text %q %s, so it does not tell blind readers whose logo it is", p.LogoAlt, why)
		}
	}
}
