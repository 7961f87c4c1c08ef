package content

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// link resolves cross references and fills the lists each page shows:
// case study <-> principles, signatory <-> pledges, list pages, Easy Read
// twins and translations.
func (s *Site) link(diags *diag.List) {
	for _, p := range s.Pages {
		if p.Lang != "" || p.Variant != "" {
			s.linkTwin(p, diags)
			continue
		}
		switch p.Kind {
		case KindCaseStudy:
			p.own().Principles = s.resolve(p.PrincipleSlugs(), "principles", "principle", diags)
			for _, pr := range p.Principles() {
				pr.own().CaseStudies = append(pr.CaseStudies(), p)
			}
		case KindSignatory:
			p.Pledges = s.resolve(p.PledgeSlugs, "pledges", "pledge", diags)
			for _, pl := range p.Pledges {
				pl.Signatories = append(pl.Signatories, p)
			}
		}
	}
	for _, p := range s.Pages {
		// Listed in the same order as their section's own list: newest
		// first, not in the order of their file names.
		sortSection("case-studies", p.CaseStudies())
		sortSection("signatories", p.Signatories)
		switch p.Kind {
		case KindHome:
			// The home page shows sections through templates, not children.
		case KindList:
			p.own().Children = s.childrenOf(p)
		}
	}
	// A translated or Easy Read list shows its original's pages, each in
	// the list's language where it has a translation. Done last: the
	// originals' lists and translations are all known only now.
	for _, p := range s.Pages {
		if p.Original != nil && p.Kind == KindList {
			p.own().Children = InLanguage(p.Original.Children(), p.Lang)
		}
	}
	s.inheritFacts(diags)
	s.checkLogos(diags)
}

// resolve finds the pages named by refs in a section. Each name that is not
// a page there is reported at the place it was written.
func (s *Site) resolve(refs []Ref, section, what string, diags *diag.List) []*Page {
	var out []*Page
	for _, ref := range refs {
		target := s.byURL["/"+section+"/"+ref.Slug+"/"]
		if draft := s.draftFile(section + "/" + ref.Slug + ".md"); target == nil && draft != "" {
			diags.Errorf(ref.Pos, fmt.Sprintf("remove draft: true from %s when it is ready, or take %q out of this list until then; build with --drafts to preview both", draft, ref.Slug),
				"the %s %q is a draft, so it is not published and this page cannot link to it", what, ref.Slug)
			continue
		}
		if target == nil || target.Kind == KindList {
			var slugs []string
			for _, c := range s.bySection[section] {
				slugs = append(slugs, c.Slug)
			}
			fix := fmt.Sprintf("write the file name (without .md) of a %s in content/%s/", what, section)
			if near := diag.Nearest(ref.Slug, slugs); near != "" {
				fix = fmt.Sprintf("did you mean %q?", near)
			} else if len(slugs) > 0 {
				fix += ", such as " + strings.Join(slugs[:min(3, len(slugs))], ", ")
			}
			diags.Errorf(ref.Pos, fix, "there is no %s called %q", what, ref.Slug)
			continue
		}
		out = append(out, target)
	}
	return out
}

// childrenOf returns what a list page lists: its section's pages, or for a
// folder of plain pages, the pages directly inside that folder.
func (s *Site) childrenOf(list *Page) []*Page {
	if list.Lang != "" || list.Variant != "" {
		return nil
	}
	if _, ok := sectionKinds[list.Section]; ok && path.Dir(strings.TrimSuffix(list.URL, "/")) == "/" {
		return s.bySection[list.Section]
	}
	var out []*Page
	for _, p := range s.Pages {
		if p != list && !p.IsList() && p.Lang == "" && p.Variant == "" && path.Dir(strings.TrimSuffix(p.URL, "/"))+"/" == list.URL {
			out = append(out, p)
		}
	}
	sortSection(list.Section, out)
	return out
}

// InLanguage is pages with each replaced by its translation into lang,
// where it has one.
func InLanguage(pages []*Page, lang string) []*Page {
	if lang == "" {
		return pages
	}
	out := make([]*Page, len(pages))
	for i, c := range pages {
		out[i] = c
		for _, t := range c.Translations {
			if t.Lang == lang {
				out[i] = t
				break
			}
		}
	}
	return out
}

// linkTwin joins an Easy Read twin or a translation to its original page.
func (s *Site) linkTwin(p *Page, diags *diag.List) {
	url := p.URL
	if p.Lang != "" {
		url = strings.TrimPrefix(url, "/"+p.Lang)
	}
	if p.Variant == "easy" {
		url = strings.TrimSuffix(url, "easy-read/")
	}
	orig := s.byURL[url]
	if orig == nil {
		dir, base := path.Split(strings.TrimPrefix(p.File, s.dir+"/"))
		stem, _, _ := strings.Cut(base, ".")
		if draft := s.draftFile(dir + stem + ".md"); draft != "" {
			diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "remove draft: true from "+draft+" when it is ready, or add draft: true to this page too; build with --drafts to preview both",
				"the page this one belongs to, %s, is a draft, so this page would have no original to link to", draft)
			return
		}
		diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "add the page it belongs to, or check the file name", "this page has no original page at %s", url)
		return
	}
	p.Original = orig
	if p.Variant == "easy" && p.Lang == "" {
		orig.EasyRead = p
	} else if p.Lang != "" && p.Variant == "" {
		orig.Translations = append(orig.Translations, p)
	}
}

// checkLogos reports a logo whose picture is not in the site, and gives
// every logo its size.
func (s *Site) checkLogos(diags *diag.List) {
	var assets map[string]bool
	for _, p := range s.Pages {
		if p.Logo == "" {
			continue
		}
		// Set afresh on every read of the site: a page kept from the last
		// build gets its logo's new size when only the logo was saved.
		p.LogoSize = s.Pictures[strings.TrimPrefix(p.Logo, "/")].Size
		if assets == nil {
			assets = make(map[string]bool, len(s.Assets))
			for _, a := range s.Assets {
				assets["/"+a] = true
			}
		}
		if !assets[p.Logo] {
			fix := "put the picture in the same folder as this page, or check the spelling of its name"
			if near := nearestLogo(p.Logo, s.Assets); near != "" {
				fix = fmt.Sprintf("did you mean logo: %s? ", near) + fix
			}
			diags.Errorf(p.LogoPos, fix, "there is no picture at content%s", p.Logo)
		}
	}
}

// draftFile returns the file name of the draft at name (a path under the
// content folder, such as principles/x.md), or "" when it is no draft.
func (s *Site) draftFile(name string) string {
	file := displayName(s.dir, name)
	if i, ok := slices.BinarySearch(s.Drafts, file); ok {
		return s.Drafts[i]
	}
	return ""
}

// nearestLogo finds the picture beside the page whose name is closest to
// the logo's, for "did you mean".
func nearestLogo(logo string, assets []string) string {
	dir := path.Dir(strings.TrimPrefix(logo, "/"))
	var names []string
	for _, a := range assets {
		if path.Dir(a) == dir && slices.Contains(pictureTypes, strings.ToLower(path.Ext(a))) {
			names = append(names, path.Base(a))
		}
	}
	return diag.Nearest(path.Base(logo), names)
}
