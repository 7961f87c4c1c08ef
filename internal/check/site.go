package check

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/scaffold"
)

// Site checks what no single page can show: two files whose addresses
// differ only in capital letters (they overwrite each other on Windows and
// macOS, and on most web hosts), and file names that make awkward addresses.
func Site(s *content.Site, opts Options) diag.List {
	var diags diag.List
	if s == nil {
		return diags
	}
	seen := make(map[string]*content.Page, len(s.Pages))
	for _, p := range s.Pages {
		key := strings.ToLower(p.URL)
		if other := seen[key]; other != nil && other.URL != p.URL {
			diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "rename one of them: use only lower-case letters, numbers and dashes in file names",
				"this page and %s have the same name apart from capital letters", other.File)
			continue
		}
		seen[key] = p
		diags = append(diags, ownNames(p)...)
	}
	return append(diags, checkLogos(s, s.Pages)...)
}

// Pages is what Site says of pages, for a site that Site found no error
// in and whose pages are at the same addresses since: the live preview's,
// after a save that changed pages in place (content.Site.Before). Two
// pages at addresses that differ only in capital letters were an error,
// so there are none; each page's other problems are its own.
func Pages(s *content.Site, pages []*content.Page) diag.List {
	var diags diag.List
	for _, p := range pages {
		diags = append(diags, ownNames(p)...)
	}
	return append(diags, checkLogos(s, pages)...)
}

// ownNames are the problems of what a page calls itself: a summary or
// website left as coproduce new wrote it, and a file name that makes an
// awkward address.
func ownNames(p *content.Page) diag.List {
	var diags diag.List
	for _, key := range scaffold.LeftAsWritten(p.Summary, p.Website) {
		at := p.At(p.SummaryAt)
		if key == "website" {
			at = p.At(p.WebsiteAt)
		}
		diags.Warnf(at, "write the real "+key+" in its place",
			"%s is still the example that coproduce new wrote", key)
	}
	if bad := awkwardName(p.File); bad != "" {
		diags.Warnf(diag.Pos{File: p.File, Line: 1, Col: 1}, fmt.Sprintf("rename the file to %s", suggestName(p.File)),
			"the file name has %s, which makes its web address hard to type and to share", bad)
	}
	return diags
}

// awkwardName says what is wrong with a file name as part of an address:
// spaces, capitals or other characters people cannot easily type.
func awkwardName(file string) string {
	base := strings.TrimSuffix(path.Base(file), ".md")
	if strings.Contains(base, " ") {
		return "a space in it"
	}
	for _, r := range base {
		switch {
		case unicode.IsUpper(r):
			return "capital letters"
		case r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'):
			return fmt.Sprintf("the character %q", r)
		}
	}
	return ""
}

// suggestName folds each part of the file name as "coproduce new" would,
// keeping _index and the .easy or language suffix.
func suggestName(file string) string {
	dir, base := path.Split(file)
	parts := strings.Split(strings.TrimSuffix(base, ".md"), ".")
	for i, part := range parts {
		if part != "_index" {
			if slug := scaffold.Slug(part); slug != "" {
				parts[i] = slug
			}
		}
	}
	return dir + strings.Join(parts, ".") + ".md"
}
