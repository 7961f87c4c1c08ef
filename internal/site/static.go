package site

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/theme"
)

// fingerprinted are the kinds of theme file published under a name with a
// hash of their content, so hosts can cache them for a year and a changed
// file still reaches every reader at once.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// copyThemeStatic minifies and writes the theme's static files, and returns
// the published path of each fingerprinted one by its plain name.
func copyThemeStatic(th *theme.Theme, out publish.Output, mf *publish.Minifier) (map[string]string, error) {
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
		return out.WriteFile(published, data)
	})
	return assets, err
}

// copyContentAssets copies images and other files kept beside the pages.
func (b *builder) copyContentAssets(source fs.FS, diags *diag.List) {
	for _, name := range b.rs.Content.Assets {
		data, err := fs.ReadFile(source, path.Join("content", name))
		if err != nil {
			problem, fix := diag.ReadProblem(err)
			diags.Errorf(diag.Pos{File: path.Join("content", name)}, fix, "%s", problem)
			continue
		}
		if err := b.out.WriteFile(name, data); err != nil {
			diags.Errorf(diag.Pos{File: path.Join("content", name)}, "check the output folder can be written", "could not copy the file: %v", err)
		}
	}
}
