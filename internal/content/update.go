package content

import (
	"errors"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/picture"
)

// Reload returns the site as Load would read it after the files or folders
// named in changed (paths under fsys) were saved, created or deleted. Only
// those are read again; every other page is copied from old, so a save in a
// site of ten thousand pages costs one file's parse plus the cheap
// cross-referencing of the whole site.
//
// A save of Markdown bodies and pages' own facts alone changes those pages
// in place instead (reloadInPlace), and old with them: a caller that keeps
// old when the new site has errors calls Undo on the new site, and nothing
// may read old's pages while Reload runs. Any other save leaves old as it
// was.
//
// The diagnostics are those of the changed files and of cross-referencing;
// the problems of unchanged files were reported when they were read.
func Reload(old *Site, fsys fs.FS, changed []string, opts Options) (*Site, diag.List) {
	opts.Now = opts.today()
	if site, diags, ok := reloadInPlace(old, fsys, changed, opts); ok {
		return site, diags
	}
	var diags diag.List
	site := &Site{byURL: map[string]*Page{}, bySection: map[string][]*Page{}, Pictures: map[string]Picture{}, dir: opts.Dir}
	under := func(name string) bool {
		for _, c := range changed {
			if c == "." || name == c || strings.HasPrefix(name, c+"/") {
				return true
			}
		}
		return false
	}
	prefix := opts.Dir + "/" // made once: a concatenation in the loops was one allocation a page
	var kept []*Page
	for _, p := range old.Pages {
		if under(strings.TrimPrefix(p.File, prefix)) {
			continue
		}
		kept = append(kept, p)
	}
	for _, a := range old.Assets {
		if !under(a) {
			site.Assets = append(site.Assets, a)
			if pic, ok := old.Pictures[a]; ok {
				site.Pictures[a] = pic
			}
		}
	}
	for _, f := range old.Drafts {
		if !under(strings.TrimPrefix(f, prefix)) {
			site.Drafts = append(site.Drafts, f)
		}
	}
	seen := map[string]bool{}
	var toLoad []loadFile
	for _, c := range changed {
		err := fs.WalkDir(fsys, c, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil // deleted: already left out above
				}
				diags.Errorf(diag.Pos{File: displayName(opts.Dir, name)}, "check that the file or folder can be read", "could not read: %v", err)
				return nil
			}
			if seen[name] {
				return nil
			}
			seen[name] = true
			switch roleOf(name, d, opts, &diags) {
			case skipFolder:
				return fs.SkipDir
			case assetFile:
				site.Assets = append(site.Assets, name)
				if picture.IsPicture(name) {
					site.Pictures[name] = readPicture(fsys, name, opts, &diags)
				}
				return nil
			case skipEntry:
				return nil
			}
			toLoad = append(toLoad, loadFile{name: name})
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{File: displayName(opts.Dir, c)}, "check that the file or folder can be read", "could not read: %v", err)
		}
	}
	// Which pages keep where their keys are written depends on the files
	// beside them (translate.go): a page whose twin came or went is read
	// again, as Load would read it.
	all := append([]loadFile{}, toLoad...)
	for _, p := range kept {
		all = append(all, loadFile{name: strings.TrimPrefix(p.File, prefix)})
	}
	opts.twinned = twinned(all, opts.Languages)
	// The pages kept are copied in one block: ten thousand allocations
	// cost more than the copying, and make work for the collector.
	copies := make([]Page, 0, len(kept))
	for _, p := range kept {
		name := strings.TrimPrefix(p.File, prefix)
		if p.keepKeys != (p.IsTwin() || opts.twinned[name]) && !seen[name] {
			seen[name] = true
			toLoad = append(toLoad, loadFile{name: name})
			continue
		}
		copies = append(copies, *p)
		cp := &copies[len(copies)-1]
		cp.clearLinks()
		site.Pages = append(site.Pages, cp)
	}
	for _, f := range toLoad {
		if p := loadPage(new(Page), fsys, f.name, opts, &diags); p != nil && (!p.Draft || opts.Drafts) {
			site.Pages = append(site.Pages, p)
		} else if p != nil {
			site.Drafts = append(site.Drafts, p.File)
		}
	}
	sort.Strings(site.Assets)
	sort.Strings(site.Drafts)
	site.index(&diags)
	site.link(&diags)
	site.linkLifecycle(opts, &diags)
	site.dropEmptyOthers()
	return site, diags
}

// clearLinks empties what cross-referencing fills in, so that link can fill
// a copied page afresh; p, a copy made with *, first takes its own copy of
// what it shares with the page it was copied from. A field added to that
// part of Page must be cleared here too; TestReloadEqualsLoad fails
// otherwise.
func (p *Page) clearLinks() {
	p.ownCopy()
	p.Pledges, p.Signatories = nil, nil
	p.EasyRead, p.Original, p.Translations = nil, nil, nil
	p.Reports, p.Standing = nil, Standing{}
	if o := p.others; o != nil {
		o.Principles, o.CaseStudies, o.Children = nil, nil, nil
		o.Signatory, o.ReportPledge = nil, nil
	}
	// The signings are shared with the old page; a copy of its own is
	// filled afresh.
	p.Signings = slices.Clone(p.Signings)
	for i := range p.Signings {
		p.Signings[i].Pledge = nil
	}
}
