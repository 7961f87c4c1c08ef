package site

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/render"
)

// pageLinks resolves the links written in one page's Markdown.
type pageLinks struct {
	index *linkIndex
	rs    *render.Site
	page  *content.Page
	// internal maps a destination as written to the site path and
	// fragment it resolved to, to be checked once the build is written.
	internal map[string]pendingLink
}

// remember keeps a link to be checked. page tells that its target is a
// page found already, which needs no "did you mean": looking it up again
// among 110,000 pages' addresses, for every link, took 2 of the 5 seconds
// that resolving links took at 100,000 signatories.
func (l *pageLinks) remember(dest, target, fragment string, image, page bool) {
	if l.internal == nil {
		l.internal = map[string]pendingLink{}
	}
	suggest := ""
	if !page || image {
		suggest = l.index.suggestFor(target, image)
	}
	l.internal[dest] = pendingLink{target: target, fragment: fragment, image: image, suggest: suggest}
}

// pendingFrom lists the internal links of a converted page, each at the
// place it was written.
func (l *pageLinks) pendingFrom(report *markdown.Report) []pendingLink {
	var out []pendingLink
	for _, links := range [][]markdown.Link{report.Links, report.Images} {
		for _, link := range links {
			if pl, ok := l.internal[link.Dest]; ok && link.Broken == nil {
				pl.from = bodyPos(l.page, link.Pos)
				out = append(out, pl)
			}
		}
	}
	return out
}

var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true}

// Resolve implements markdown.LinkResolver. Links to other Markdown files
// become the URL of that page; paths from the site root gain the base path;
// an image beside the page is found in the page's own folder.
func (l *pageLinks) Resolve(dest string, image bool) (string, *markdown.Problem) {
	if strings.TrimSpace(dest) == "" {
		return "", &markdown.Problem{What: "the link has no address", Fix: "put the address between the brackets: [words](/principles/)"}
	}
	u, err := parseLink(dest)
	if err != nil {
		return "", &markdown.Problem{What: fmt.Sprintf("%q is not a web address", dest), Fix: "check the address for spaces or stray characters"}
	}
	if u.Scheme != "" {
		if !allowedSchemes[strings.ToLower(u.Scheme)] {
			return "", &markdown.Problem{What: fmt.Sprintf("links starting with %s: are not allowed", u.Scheme), Fix: "link to a web page with https:// or to an email address with mailto:"}
		}
		return dest, nil
	}
	if u.Host != "" {
		return dest, nil // a //host/path link
	}
	if u.Path == "" { // "#anchor" on this page
		l.remember(dest, l.page.URL, u.Fragment, false, true)
		return dest, nil
	}
	target, problem := l.target(u.Path, image)
	if problem != nil {
		return "", problem
	}
	l.remember(dest, target, u.Fragment, image, strings.HasSuffix(u.Path, ".md")) // target found the page
	out := l.rs.RelURL(target)
	if u.Fragment != "" {
		out += "#" + u.Fragment
	}
	return out, nil
}

// parseLink is url.Parse with a short way for the links most pages are
// made of, such as /principles/ or ../pledges/two-way.md#our-part: with
// no scheme, host, query, escapes or spaces, the path is everything before
// the first # and the fragment everything after it, as url.Parse would
// find. url.Parse was most of the cost of resolving a large site's links.
func parseLink(dest string) (*url.URL, error) {
	if strings.HasPrefix(dest, "//") || strings.ContainsAny(dest, ":?%\\ ") {
		return url.Parse(dest)
	}
	for i := 0; i < len(dest); i++ {
		if c := dest[i]; c < 0x21 || c >= 0x7f {
			return url.Parse(dest)
		}
	}
	p, fragment, _ := strings.Cut(dest, "#")
	return &url.URL{Path: p, Fragment: fragment}, nil
}

// target finds the site path a link's path points at.
func (l *pageLinks) target(p string, image bool) (string, *markdown.Problem) {
	contentDir := path.Dir(strings.TrimPrefix(l.page.File, "content/"))
	if strings.HasSuffix(p, ".md") {
		file := path.Clean(path.Join(contentDir, p))
		if strings.HasPrefix(p, "/") {
			file = path.Clean(strings.TrimPrefix(p, "/"))
		}
		if page := l.index.pageByFile("content/" + file); page != nil {
			return page.URL, nil
		}
		if slices.Contains(l.index.site.Drafts, "content/"+file) {
			return "", &markdown.Problem{
				What: fmt.Sprintf("the link points to content/%s, which is a draft and is not published", file),
				Fix:  "remove draft: true from that page when it is ready, or build with --drafts to preview both",
			}
		}
		fix := "check the file name, or link to a page that exists"
		_, files, _ := l.index.nameIndexes()
		if near := files.nearest("content/" + file); near != "" {
			// Written the way the editor wrote the link: only the
			// file's name changes.
			rel := path.Join(path.Dir(p), path.Base(near))
			fix = "did you mean " + rel + "? Check the file name, or link to a page that exists"
		}
		return "", &markdown.Problem{
			What: fmt.Sprintf("the link points to content/%s, which does not exist", file),
			Fix:  fix,
			File: "content/" + file,
		}
	}
	if strings.HasPrefix(p, "/") {
		return p, nil
	}
	if image || path.Ext(p) != "" {
		return "/" + path.Clean(path.Join(contentDir, p)), nil
	}
	return path.Clean(path.Join(l.page.URL, p)) + "/", nil
}

// missingHeading reports a link to a heading its page does not have,
// unless the theme puts that id on every page.
func missingHeading(l pendingLink, diags *diag.List) {
	if !templateAnchors[l.fragment] {
		diags.Errorf(l.from, "link to one of the page's headings, written in lower case with dashes, such as #questions-to-ask", "the page %s has no heading #%s", l.target, l.fragment)
	}
}

// hasAnchor reports whether ids, the headings of the page target, hold
// id. A page's few ids are searched in turn; a page of thousands, with
// thousands of links to them, gets a set, made once, so the check does
// not cost links times headings.
func hasAnchor(sets map[string]map[string]bool, target string, ids headings, id string) bool {
	set := sets[target]
	if set == nil {
		if ids.count() <= 64 {
			return ids.has(id)
		}
		set = map[string]bool{}
		for _, h := range ids.ids() {
			set[h] = true
		}
		sets[target] = set
	}
	return set[id]
}

// templateAnchors are ids the theme puts on every page.
var templateAnchors = map[string]bool{"main-content": true, "top": true}
