package site

import (
	"strings"

	"github.com/coproduce/coproduce/internal/content"
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
	pic, ok := l.index.site.Pictures[name]
	if !ok || !pic.Size.Known() {
		return markdown.Picture{}, false
	}
	return markdown.Picture{File: "content/" + name, Width: pic.Size.Width, Height: pic.Size.Height, Bytes: pic.Bytes}, true
}

// showingChangedPictures lists the pages of now that show a picture under
// names (the files and folders saved, paths under content/) whose size or
// weight is not what the last good build read: a page with it as its logo,
// or with it in its body, found through the last build's links. Their
// <img> tags carry the old width and height, and the picture warnings at
// their lines are about the old file, so they are rendered again.
func showingChangedPictures(prev *builder, now *content.Site, names []string) []*content.Page {
	changed := map[string]bool{}
	for name, pic := range now.Pictures {
		if underAny(name, names) && prev.rs.Content.Pictures[name] != pic {
			changed[name] = true
		}
	}
	for name := range prev.rs.Content.Pictures {
		if _, ok := now.Pictures[name]; !ok && underAny(name, names) {
			changed[name] = true // deleted: its pages report it missing
		}
	}
	if len(changed) == 0 {
		return nil
	}
	var out []*content.Page
	for _, p := range now.Pages {
		if p.Logo != "" && changed[strings.TrimPrefix(p.Logo, "/")] {
			out = append(out, p)
			continue
		}
		for _, l := range prev.index.byPage[p.File] {
			if l.image && changed[strings.TrimPrefix(l.target, "/")] {
				out = append(out, p)
				break
			}
		}
	}
	return out
}
