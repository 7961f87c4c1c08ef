package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// LinkResolver decides where a link or image written in a page points.
// Resolve returns the URL to write into the HTML, or a problem when the
// target does not exist; the link is then kept as written and recorded in
// the report as broken.
type LinkResolver interface {
	Resolve(dest string, image bool) (url string, problem *Problem)
}

// PictureFinder is a LinkResolver that also knows the pictures its
// images point to. A picture it knows the size of is written with its
// width and height, so the page keeps its place while it loads, and the
// report carries the picture for the checks.
type PictureFinder interface {
	// Picture returns the picture an image's destination, as written,
	// resolved to, and false when it is not a picture of the site or its
	// size could not be read.
	Picture(dest string) (Picture, bool)
}

// Picture is a picture file an image shows.
type Picture struct {
	File          string // as the editor knows it, such as content/about/team.png
	Width, Height int    // in pixels
	Bytes         int64
}

// Problem is why a link is broken and what the editor should write instead.
type Problem struct {
	What string
	Fix  string
	// File is the site file the link names, when it names one that is
	// missing, so a caller can tell it from other broken links.
	File string
}

// link sends a link's or image's target through the page's resolver,
// records it for the checks and returns the target to write into the HTML.
func (wk *walker) link(n ast.Node, destination []byte, image bool) []byte {
	dest := string(destination)
	l := Link{Dest: dest, Text: wk.plainText(n), Image: image, Pos: wk.posOf(n)}
	out := destination
	l.URL = dest
	if wk.resolver != nil {
		url, problem := wk.resolver.Resolve(dest, image)
		switch {
		case problem != nil:
			l.Broken = problem
		case url != dest:
			// Most links on a generated site resolve to themselves; they
			// keep the bytes they were parsed into.
			l.URL, out = url, []byte(url)
		}
	}
	if image {
		if finder, ok := wk.resolver.(PictureFinder); ok && l.Broken == nil {
			if pic, ok := finder.Picture(dest); ok && pic.Width > 0 && pic.Height > 0 {
				l.Picture = &pic
				n.SetAttributeString("width", strconv.AppendInt(nil, int64(pic.Width), 10))
				n.SetAttributeString("height", strconv.AppendInt(nil, int64(pic.Height), 10))
			}
		}
		wk.images = append(wk.images, l)
	} else {
		wk.links = append(wk.links, l)
	}
	return out
}
