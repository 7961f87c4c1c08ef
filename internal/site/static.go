package site

import (
	"errors"
	"sort"

	"crypto/sha256"
	"encoding/hex"
	"github.com/coproduce/coproduce/internal/sitefiles"
	"io/fs"
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/picture"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/svgsafe"
	"github.com/coproduce/coproduce/internal/theme"
)

// fingerprinted are the kinds of theme file published under a name with a
// hash of their content, so hosts can cache them for a year and a changed
// file still reaches every reader at once.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// themeFile is one of the theme's static files, minified and named as it
// is published.
type themeFile struct {
	name      string // as the theme names it, such as style.css
	published string // as it is published, such as style.1a2b3c4d.css
	source    string // where it comes from, for messages
	data      []byte
}

// readThemeStatic minifies the theme's static files and names each
// fingerprinted one with its hash. It returns the files and, by plain name,
// the published path of each fingerprinted one.
func readThemeStatic(th *theme.Theme, mf *publish.Minifier) ([]themeFile, map[string]string, error) {
	var files []themeFile
	assets := map[string]string{}
	err := fs.WalkDir(th.Static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(th.Static, name)
		if err != nil {
			return err
		}
		data = mf.Bytes(name, data)
		published := name
		if ext := path.Ext(name); fingerprinted[ext] {
			sum := sha256.Sum256(data)
			published = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
			assets[name] = "/" + published
		}
		files = append(files, themeFile{name: name, published: published, source: "themes/" + th.Name + "/static/" + name, data: data})
		return nil
	})
	return files, assets, err
}

// writeThemeStatic writes the theme's static files, already minified.
func (b *builder) writeThemeStatic(o output, diags *diag.List) {
	for _, f := range b.themeFiles {
		if err := o.rec.WriteFile(f.published, f.data); err != nil {
			diags.Errorf(diag.Pos{File: f.source}, "check the output folder can be written", "could not copy the theme's file: %v", err)
		}
	}
}

// staticDir holds the site's files that are copied exactly as they are,
// such as a search engine's verification file or CNAME.
const staticDir = sitefiles.StaticDir

// listStatic lists the files of the site's static/ folder, leaving out
// editors' temporary files. A site without the folder has none.
func listStatic(source fs.FS, diags *diag.List) []string {
	var names []string
	err := fs.WalkDir(source, staticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == staticDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			diags.Errorf(diag.Pos{File: name}, "check that the file or folder can be read", "could not read: %v", err)
			return nil
		}
		if d.IsDir() {
			if name != staticDir && sitefiles.SkipDir(name) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 || sitefiles.Classify(name) != sitefiles.Static {
			return nil
		}
		names = append(names, strings.TrimPrefix(name, staticDir+"/"))
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.Errorf(diag.Pos{File: staticDir}, "check that the folder can be read", "could not read the static folder: %v", err)
	}
	sort.Strings(names)
	return names
}

// copyStatic copies the site's static/ folder exactly, without minifying.
func (b *builder) copyStatic(o output, source fs.FS, diags *diag.List) {
	for _, name := range b.static {
		data, err := fs.ReadFile(source, staticDir+"/"+name)
		if err != nil {
			problem, fix := diag.ReadProblem(err)
			diags.Errorf(diag.Pos{File: staticDir + "/" + name}, fix, "%s", problem)
			continue
		}
		if err := o.rec.WriteFile(name, data); err != nil {
			diags.Errorf(diag.Pos{File: staticDir + "/" + name}, "check the output folder can be written", "could not copy the file: %v", err)
		}
	}
}

// copyContentAssets copies images and other files kept beside the pages:
// names, paths under content/.
func copyContentAssets(o output, source fs.FS, names []string, diags *diag.List) {
	for _, name := range names {
		data, err := fs.ReadFile(source, path.Join("content", name))
		if err != nil {
			problem, fix := diag.ReadProblem(err)
			diags.Errorf(diag.Pos{File: path.Join("content", name)}, fix, "%s", problem)
			continue
		}
		// The loader checked each SVG when it read the content, but the
		// file may have changed since: only bytes checked are published.
		// (One the loader found unsafe is reported already, and the
		// build fails.)
		if file := path.Join("content", name); picture.Kind(name) == "svg" && len(svgsafe.Check(data)) > 0 && !reportedAsError(*diags, file) {
			diags.Errorf(diag.Pos{File: file}, "check the picture again, and build again",
				"the picture changed while the site was built, and is not safe to publish as it is now")
			continue
		}
		if err := o.write(name, data); err != nil {
			diags.Errorf(diag.Pos{File: path.Join("content", name)}, "check the output folder can be written", "could not copy the file: %v", err)
		}
	}
}

// reportedAsError reports whether diags hold an error at file.
func reportedAsError(diags diag.List, file string) bool {
	for _, d := range diags {
		if d.File == file && d.Severity == diag.Error {
			return true
		}
	}
	return false
}
