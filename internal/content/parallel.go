package content

import (
	"io/fs"
	"sort"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/parallel"
)

// loadFile is a Markdown file found by the walk, with where its problems
// go among the walk's own, so the report reads in the same order however
// many files are read at once.
type loadFile struct {
	name    string
	at      int  // len(diags) when the walk found the file
	picture bool // a picture to read the size of (and check, when SVG), not a page
	info    Picture
	page    *Page
	diags   diag.List
}

// loadPages reads and decodes files on every core: on a large site reading
// and parsing front matter one file after another would leave all but one
// core idle for the first part of every build. It returns walkDiags with
// each file's problems put back at the place the walk found the file, and
// adds the pages to site in walk order.
func loadPages(fsys fs.FS, files []loadFile, opts Options, walkDiags diag.List, site *Site) diag.List {
	// Every page is made in one allocation rather than one each. The
	// collector goes through all that a build keeps each time it runs,
	// and a hundred thousand pages scattered through the heap, between the
	// garbage that reading them left, cost it three times what one block
	// of them does (docs/performance.md, "One block of pages"). The block
	// lives as long as any page of it, so a file that fails to load and a
	// draft left out keep their place but nothing they held.
	pages := make([]Page, len(files)-countPictures(files))
	for i, next := 0, 0; i < len(files); i++ {
		if !files[i].picture {
			files[i].page, next = &pages[next], next+1
		}
	}
	parallel.For(opts.Workers, len(files), func(_, i int) error {
		f := &files[i]
		if f.picture {
			f.info = readPicture(fsys, f.name, opts, &f.diags)
			return nil
		}
		place := f.page
		if f.page = loadPage(place, fsys, f.name, opts, &f.diags); f.page == nil {
			*place = Page{}
		}
		return nil
	})

	var diags diag.List
	from := 0
	for _, f := range files {
		diags = append(diags, walkDiags[from:f.at]...)
		from = f.at
		diags = append(diags, f.diags...)
		if f.picture {
			site.Pictures[f.name] = f.info
		}
		if p := f.page; p != nil && (!p.Draft || opts.Drafts) {
			site.Pages = append(site.Pages, p)
		} else if p != nil {
			site.Drafts = append(site.Drafts, p.File)
			*p = Page{}
		}
	}
	sort.Strings(site.Drafts)
	return append(diags, walkDiags[from:]...)
}

func countPictures(files []loadFile) int {
	n := 0
	for _, f := range files {
		if f.picture {
			n++
		}
	}
	return n
}
