package site

import (
	"strings"

	"github.com/coproduce/coproduce/internal/markdown"
)

// Picture implements markdown.PictureFinder: an image that resolved to a
// picture beside the pages gets the size the content loader read from the
// file's header, once per build (and again when the file is saved).
func (l *pageLinks) Picture(dest string) (markdown.Picture, bool) {
	pl, ok := l.internal[dest]
	if !ok || !pl.image {
		return markdown.Picture{}, false
	}
	name := strings.TrimPrefix(pl.target, "/")
	pic, ok := l.b.rs.Content.Pictures[name]
	if !ok || !pic.Size.Known() {
		return markdown.Picture{}, false
	}
	return markdown.Picture{File: "content/" + name, Width: pic.Size.Width, Height: pic.Size.Height, Bytes: pic.Bytes}, true
}
