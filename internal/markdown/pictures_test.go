package markdown

import (
	"strings"
	"testing"
)

// finder resolves every image to itself and knows the sizes of some.
type finder map[string]Picture

func (f finder) Resolve(dest string, image bool) (string, *Problem) { return dest, nil }

func (f finder) Picture(dest string) (Picture, bool) {
	p, ok := f[dest]
	return p, ok
}

// A picture whose size the resolver knows is written with its width and
// height, and reported with them; one it does not know is written as
// before.
func TestPicturesGetTheirSize(t *testing.T) {
	c := New()
	var b strings.Builder
	pics := finder{"a.png": {File: "content/a.png", Width: 640, Height: 480, Bytes: 9000}}
	report, err := c.Convert([]byte("![A](a.png) and ![B](b.png) and [a link](a.png)\n"), &b, pics)
	if err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if !strings.Contains(html, `<img src="a.png" alt="A" width="640" height="480">`) {
		t.Errorf("the known picture has no size: %s", html)
	}
	if !strings.Contains(html, `<img src="b.png" alt="B">`) {
		t.Errorf("the unknown picture: %s", html)
	}
	if len(report.Images) != 2 || report.Images[0].Picture == nil || report.Images[0].Picture.Width != 640 || report.Images[1].Picture != nil {
		t.Errorf("report: %+v", report.Images)
	}
	if strings.Contains(html, `href="a.png" width`) {
		t.Errorf("a link got a size: %s", html)
	}
}
