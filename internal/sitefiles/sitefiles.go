// Package sitefiles decides, from a path alone, what a file in a site
// folder is for. The full build, the preview's incremental update and the
// file watcher all ask it, so they can never disagree about which files
// count: an editor's temporary file is never published and never triggers
// a rebuild, a page saved under the wrong ending is never copied as a plain
// file, and a file that could run in a reader's browser is never published
// from content/.
package sitefiles

import (
	"path"
	"strings"
)

// Class is what a file is for.
type Class int

const (
	// Unrelated files are outside the folders a site is built from
	// (README.md, .git/, public/): the build neither reads nor watches them.
	Unrelated Class = iota
	// EditorTemp files are an editor's temporary, backup, lock or hidden
	// files. They may hold half-saved drafts, so they are never read,
	// published or watched.
	EditorTemp
	// Config is site.yaml.
	Config
	// Page is a Markdown page under content/.
	Page
	// MisnamedPage is a page saved under the wrong ending (notes.md.txt,
	// notes.MD): an error, never published as a plain file.
	MisnamedPage
	// Asset is a file kept beside the pages (a picture, a PDF) that is
	// published at the same place. SVG pictures are checked first.
	Asset
	// Active is a file under content/ that a browser would run or style
	// the site with (HTML, JavaScript, CSS). It is never published: a
	// contributor could otherwise script the site from its own origin.
	Active
	// Static is a file under static/, copied to the output as it is.
	Static
	// Template is a file under templates/, which overrides the theme's.
	Template
	// Theme is a file under themes/.
	Theme
)

// Folders a site is built from, and the one file.
const (
	ConfigFile  = "site.yaml"
	ContentDir  = "content"
	StaticDir   = "static"
	TemplateDir = "templates"
	ThemeDir    = "themes"
)

// Classify says what the file at rel, a slash-separated path from the site
// folder such as "content/about.md", is for. A path inside a hidden or
// temporary folder is EditorTemp, like the folder.
func Classify(rel string) Class {
	rel = path.Clean(rel)
	if rel == ConfigFile {
		return Config
	}
	top, rest, _ := strings.Cut(rel, "/")
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		if top == StaticDir && hostFiles[part] {
			continue
		}
		if IsEditorTemp(part) || i == len(parts)-1 && allDigits(part) {
			switch top {
			case ContentDir, StaticDir, TemplateDir, ThemeDir:
				return EditorTemp
			}
			return Unrelated
		}
	}
	switch top {
	case ContentDir:
		if rest == "" {
			return Unrelated // the folder itself
		}
		return classifyContent(rest)
	case StaticDir:
		if rest == "" {
			return Unrelated
		}
		return Static
	case TemplateDir:
		return Template
	case ThemeDir:
		return Theme
	}
	return Unrelated
}

// hostFiles are hidden names that web hosts and browsers look for, which a
// site may publish from static/ (never from content/, where a contributor
// could change how the server behaves): security.txt and its kin under
// .well-known/, Apache's .htaccess, GitHub Pages' .nojekyll.
var hostFiles = map[string]bool{".well-known": true, ".htaccess": true, ".nojekyll": true}

// ClassifyContent is Classify for a path inside content/, such as
// "principles/listen.md".
func ClassifyContent(name string) Class {
	return Classify(ContentDir + "/" + name)
}

func classifyContent(name string) Class {
	if strings.HasSuffix(name, ".md") {
		return Page
	}
	if _, ok := MisnamedPageFix(name); ok {
		return MisnamedPage
	}
	if activeEndings[strings.ToLower(path.Ext(name))] {
		return Active
	}
	return Asset
}

// activeEndings are the file endings a browser runs, or renders as a page
// that can run scripts, when they are served from the site's own address.
var activeEndings = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".xht": true, ".shtml": true,
	".js": true, ".mjs": true, ".cjs": true,
	".css": true,
	".xml": true, ".xsl": true, ".xslt": true,
	".swf": true, ".wasm": true,
	".php": true, ".phtml": true, ".asp": true, ".aspx": true, ".jsp": true, ".cgi": true,
	".svgz": true, // a compressed SVG cannot be checked for scripts
}

// MisnamedPageFix reports whether a file is a page saved under the wrong
// ending (notes.MD, notes.md.txt, notes.markdown), and the name it should
// have.
func MisnamedPageFix(name string) (string, bool) {
	base := path.Base(name)
	lower := strings.ToLower(base)
	for _, ending := range []string{".md", ".markdown", ".mdown"} {
		if i := strings.LastIndex(lower, ending); i > 0 && (i+len(ending) == len(lower) || lower[i+len(ending)] == '.') {
			return base[:i] + ".md", true
		}
	}
	return "", false
}

// IsEditorTemp reports whether one part of a path names an editor's
// temporary, backup, lock or hidden file or folder: names starting with a
// dot (vim's .page.md.swp, emacs's .#page.md lock, .git, .DS_Store), ending
// in "~" (backups), emacs's #page.md# autosaves, JetBrains'
// page.md___jb_tmp___ and ___jb_old___, and the endings of swap, temporary
// and unfinished download files. Classify also counts a file (not a
// folder) whose name is all digits, such as vim's 4913 test file.
func IsEditorTemp(name string) bool {
	switch {
	case name == "", name == ".", name == "..":
		return false
	case strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"):
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.Contains(name, "___jb_"):
		return true
	}
	lower := strings.ToLower(name)
	for _, ending := range tempEndings {
		if strings.HasSuffix(lower, ending) {
			return true
		}
	}
	return false
}

var tempEndings = []string{
	".swp", ".swx", ".swo", ".swn", // vim
	".tmp", ".temp", ".bak", ".orig", ".rej",
	".crdownload", ".part", ".partial", ".download", // browsers
	".kate-swp", ".autosave",
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// SkipDir reports whether a folder at rel, a slash-separated path from the
// site folder, is one no build reads from: a hidden or temporary folder,
// or a folder inside one. The folders of a site (content/news/2024) may
// have names a file of that name would be skipped for.
func SkipDir(rel string) bool {
	rel = path.Clean(rel)
	top, _, _ := strings.Cut(rel, "/")
	for _, part := range strings.Split(rel, "/") {
		if top == StaticDir && hostFiles[part] {
			continue
		}
		if IsEditorTemp(part) {
			return true
		}
	}
	return false
}
