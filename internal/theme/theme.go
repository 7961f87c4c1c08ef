// Package theme finds the files a site is built with: the theme's templates
// and static files, with the site's own templates/ laid over them so that a
// file there replaces the theme's file of the same name.
package theme

import (
	"errors"
	"io/fs"
	"path"
	"sort"

	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

// Theme is a theme's files with a site's overrides on top.
type Theme struct {
	Name      string
	Templates fs.FS // the merged templates/
	Static    fs.FS // the theme's static/
	Root      fs.FS // the whole theme folder, for i18n/ and the like
}

// Open finds the theme called name. A folder themes/NAME/ in the site wins;
// "default" falls back to the copy built into the binary.
func Open(site fs.FS, name string) (*Theme, error) {
	var base fs.FS
	dir := path.Join("themes", name)
	if info, err := fs.Stat(site, dir); err == nil && info.IsDir() {
		sub, err := fs.Sub(site, dir)
		if err != nil {
			return nil, err
		}
		base = sub
	} else if name == "default" {
		base = defaulttheme.FS
	} else {
		return nil, errors.New("there is no theme called " + name)
	}
	tpl, err := fs.Sub(base, "templates")
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(base, "static")
	if err != nil {
		return nil, err
	}
	var overrides fs.FS
	if info, err := fs.Stat(site, "templates"); err == nil && info.IsDir() {
		overrides, _ = fs.Sub(site, "templates")
	}
	return &Theme{Name: name, Templates: layered{top: overrides, bottom: tpl}, Static: static, Root: base}, nil
}

// layered reads a file from top when it has it, else from bottom.
type layered struct{ top, bottom fs.FS }

func (l layered) Open(name string) (fs.File, error) {
	if l.top != nil {
		if f, err := l.top.Open(name); err == nil {
			return f, nil
		}
	}
	return l.bottom.Open(name)
}

// Files lists the template files in both layers, each name once, sorted.
func Files(t *Theme) ([]string, error) {
	l := t.Templates.(layered)
	seen := map[string]bool{}
	for _, layer := range []fs.FS{l.bottom, l.top} {
		if layer == nil {
			continue
		}
		err := fs.WalkDir(layer, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && path.Ext(p) == ".html" {
				seen[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// Source names the file a template came from, as an editor would find it:
// the site's own templates/ folder, or the theme.
func (t *Theme) Source(name string) string {
	l := t.Templates.(layered)
	if l.top != nil {
		if _, err := fs.Stat(l.top, name); err == nil {
			return path.Join("templates", name)
		}
	}
	return path.Join("themes", t.Name, "templates", name)
}
