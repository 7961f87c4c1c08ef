package check

import (
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// altMessages checks a page titled "Planning a drop-in" with the body
// and logo_alt given, and returns its alt text messages.
func altMessages(t *testing.T, body, logoAlt string) []string {
	t.Helper()
	p := &content.Page{File: "content/p.md", Title: "Planning a drop-in", BodyLine: 5, Body: []byte(body)}
	if logoAlt != "" {
		p.Logo, p.LogoAlt, p.LogoAltAt = "/signatories/riverside-logo.png", logoAlt, content.Place{Line: 3, Col: 11}
	}
	_, report, err := markdown.New().ConvertString(body)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range Page(p, report, Options{}) {
		if d.RuleName() == "alt-text" && d.Severity == diag.Warning {
			out = append(out, d.String())
		}
	}
	return out
}

func TestAltTextThatSaysNothing(t *testing.T) {
	says := func(alt, why string) string {
		return `content/p.md:5:1: warning: the alt text "` + alt + `" ` + why + `, so it does not tell blind readers what the picture shows; write what the picture shows and why it is there, in a short sentence, such as ![Six people planning a drop-in around a table](meeting.png)`
	}
	for body, want := range map[string]string{
		"![meeting.png](meeting.png)\n":        says("meeting.png", "is a file name"),
		"![IMG_2031.JPG](meeting.png)\n":       says("IMG_2031.JPG", "is a file name"),
		"![IMG_2031](meeting.png)\n":           says("IMG_2031", "is a file name"),
		"![Meeting](meeting.png)\n":            says("Meeting", "is a file name"),
		"![image](meeting.png)\n":              says("image", "is only a word for a picture"),
		"![Photo.](meeting.png)\n":             says("Photo.", "is only a word for a picture"),
		"![A picture](meeting.png)\n":          says("A picture", "is only a word for a picture"),
		"![graphic 2](meeting.png)\n":          says("graphic 2", "is only a word for a picture"),
		"![logo](meeting.png)\n":               says("logo", "is only a word for a picture"),
		"![icon](meeting.png)\n":               says("icon", "is only a word for a picture"),
		"![Llun](meeting.png)\n":               says("Llun", "is only a word for a picture"),
		"![delwedd](meeting.png)\n":            says("delwedd", "is only a word for a picture"),
		"![Planning a drop-in](meeting.png)\n": says("Planning a drop-in", "repeats the page's title"),
		// Alt text that says what the picture shows is fine, even when
		// it holds one of the words.
		"![Six people planning around a table](meeting.png)\n":    "",
		"![A photo of the new drop-in's front door](door.png)\n":  "",
		"![Chart of visits, which doubled in 2024](visits.png)\n": "",
		"![Photo 1990s: the first march](march.png)\n":            "",
		"![Team photo](team-photo.jpg)\n":                         `content/p.md:5:1: warning: the alt text "Team photo" is a file name, so it does not tell blind readers what the picture shows; write what the picture shows and why it is there, in a short sentence, such as ![Six people planning a drop-in around a table](team-photo.jpg)`,
		// No alt text at all is another message, an error.
		"![](meeting.png)\n": "",
	} {
		got := strings.Join(altMessages(t, body, ""), "\n")
		if got != want {
			t.Errorf("%q:\n got %q\nwant %q", body, got, want)
		}
	}
}

func TestLogoAltThatSaysNothing(t *testing.T) {
	for alt, want := range map[string]string{
		"logo":                    `content/p.md:3:11: warning: the logo_alt text "logo" is only a word for a picture, so it does not tell blind readers whose logo it is; write the organisation's name and the word logo, such as logo_alt: "Planning a drop-in logo"`,
		"riverside-logo.png":      `content/p.md:3:11: warning: the logo_alt text "riverside-logo.png" is a file name, so it does not tell blind readers whose logo it is; write the organisation's name and the word logo, such as logo_alt: "Planning a drop-in logo"`,
		"Planning a drop-in":      `content/p.md:3:11: warning: the logo_alt text "Planning a drop-in" repeats the page's title, so it does not tell blind readers whose logo it is; write the organisation's name and the word logo, such as logo_alt: "Planning a drop-in logo"`,
		"Riverside Trust logo":    "",
		"Planning a drop-in logo": "",
	} {
		if got := strings.Join(altMessages(t, "Text.\n", alt), "\n"); got != want {
			t.Errorf("logo_alt %q:\n got %q\nwant %q", alt, got, want)
		}
	}
}
