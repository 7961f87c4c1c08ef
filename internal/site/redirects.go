package site

import (
	"net/url"
	"slices"
	"strings"
)

// writeRedirects writes _redirects, the file Netlify and Cloudflare Pages
// read to answer old addresses with a real 301, which search engines and
// link checkers follow better than the alias pages' meta refresh. The rules
// carry the base path, so a site in a sub-folder redirects inside it. A site
// that keeps its own static/_redirects is left to manage its own rules.
func (b *builder) writeRedirects(o output) error {
	if len(b.redirectsFiles()) == 0 {
		return nil
	}
	type rule struct{ from, to string }
	var rules []rule
	for _, p := range b.rs.Content.Pages {
		for _, a := range p.Aliases {
			rules = append(rules, rule{escapePath(b.rs.RelURL(a)), escapePath(b.rs.RelURL(p.URL))})
		}
	}
	slices.SortFunc(rules, func(x, y rule) int { return strings.Compare(x.from, y.from) })
	var sb strings.Builder
	sb.WriteString("# Old addresses of renamed pages, from the aliases in their front matter.\n")
	sb.WriteString("# Written by coproduce: edit the aliases, not this file.\n")
	for _, r := range rules {
		sb.WriteString(r.from + " " + r.to + " 301\n")
	}
	return o.rec.WriteFile("_redirects", []byte(sb.String()))
}

// redirectsFiles is _redirects, unless the site keeps its own in static/
// (or, as older sites do, in content/).
func (b *builder) redirectsFiles() []string {
	if slices.Contains(b.rs.Content.Assets, "_redirects") || slices.Contains(b.static, "_redirects") {
		return nil
	}
	return []string{"_redirects"}
}

// escapePath percent-encodes a path, since a space would split a rule.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
