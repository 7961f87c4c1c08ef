package content

import (
	"io/fs"
	"path"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/sitefiles"
)

// fileRole is what Load and Reload do with one entry of content/.
type fileRole int

const (
	skipEntry  fileRole = iota // not part of the site: a folder, a temporary file, or a refused one
	skipFolder                 // a hidden or temporary folder: nothing inside it is read
	pageFile                   // a Markdown page to load
	assetFile                  // a file to publish beside the pages
)

// roleOf decides, through the classifier the build, the preview and the
// watcher all share, what becomes of one file or folder under content/.
// Files that must not be published are reported here, once, whichever of
// Load and Reload reads them.
func roleOf(name string, d fs.DirEntry, opts Options, diags *diag.List) fileRole {
	if name == "." {
		return skipEntry
	}
	if d.IsDir() {
		if sitefiles.SkipDir(sitefiles.ContentDir + "/" + name) {
			return skipFolder
		}
		return skipEntry
	}
	if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
		return skipEntry
	}
	file := diag.Pos{File: displayName(opts.Dir, name), Line: 1, Col: 1}
	switch sitefiles.ClassifyContent(name) {
	case sitefiles.Page:
		return pageFile
	case sitefiles.Asset:
		return assetFile
	case sitefiles.MisnamedPage:
		// Never copied as a file: a draft saved as notes.md.txt would
		// otherwise be published word for word.
		fixed, _ := sitefiles.MisnamedPageFix(name)
		diags.Errorf(file, "rename it to "+fixed,
			"this page is saved as %s, so it is not built as a page and would be published as a plain file", path.Base(name))
	case sitefiles.Active:
		diags.Errorf(file, "write the page in Markdown instead (a file ending in .md); a file that must be copied exactly, such as a search engine's verification file, goes in the folder static/ beside content/",
			"%s files in content/ are not published, because code in them could run on the site from its own address", activeKind(name))
	}
	return skipEntry
}

// activeKind names the kind of an active file in words an editor knows.
func activeKind(name string) string {
	switch path.Ext(name) {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".HTML", ".HTM":
		return "HTML"
	case ".js", ".mjs", ".cjs", ".JS":
		return "JavaScript"
	case ".css", ".CSS":
		return "CSS"
	}
	return path.Ext(name)
}
