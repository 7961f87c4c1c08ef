package site_test

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/coproduce/coproduce/internal/publish"
)

// tagRE finds start tags. Text and attribute values have "<" escaped, so
// an embed code shown on a page is not mistaken for a link.
var tagRE = regexp.MustCompile(`<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>`)

// attrRE finds the attributes of a tag that point at other files. The
// minifier keeps quotes, but unquoted values are read too.
var attrRE = regexp.MustCompile(`\s(href|src|srcset|poster|action)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)

// refreshRE finds the target of an alias page's meta refresh.
var refreshRE = regexp.MustCompile(`http-equiv="?refresh"?\s+content="[^"]*url=([^"]+)"`)

var idRE = regexp.MustCompile(`\sid="([^"]+)"`)

// brokenLinks walks every HTML file of out and returns one line for each
// internal href or src that does not resolve to a file in out: a folder
// URL must have its index.html, a #fragment must be an id on the target
// page. base is the site's base URL ("https://example.org/coproduction/");
// every internal URL must lie under its path.
func brokenLinks(out *publish.Memory, base string) (problems []string, checked int) {
	b, err := url.Parse(base)
	if err != nil {
		panic(err)
	}
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		data, _ := out.Get(file)
		for _, match := range idRE.FindAllStringSubmatch(string(data), -1) {
			m[html.UnescapeString(match[1])] = true
		}
		ids[file] = m
		return m
	}
	for _, file := range out.Names() {
		if path.Ext(file) != ".html" {
			continue
		}
		data, _ := out.Get(file)
		pageURL := b.Path + strings.TrimSuffix(file, "index.html")
		var refs []string
		var tags strings.Builder
		for _, tag := range tagRE.FindAllString(string(data), -1) {
			tags.WriteString(tag)
		}
		for _, m := range attrRE.FindAllStringSubmatch(tags.String(), -1) {
			v := html.UnescapeString(m[2] + m[3] + m[4])
			if m[1] == "srcset" {
				for _, part := range strings.Split(v, ",") {
					if f := strings.Fields(part); len(f) > 0 {
						refs = append(refs, f[0])
					}
				}
				continue
			}
			refs = append(refs, v)
		}
		for _, m := range refreshRE.FindAllStringSubmatch(string(data), -1) {
			refs = append(refs, html.UnescapeString(m[1]))
		}
		for _, ref := range refs {
			u, err := url.Parse(ref)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %q is not a URL", file, ref))
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				// Another site, mailto: or tel:, or a full address on the
				// site's own host, which may be another site there (a
				// signing form); the full addresses the build makes are
				// checked in sitemap.xml and feed.xml by absoluteLinks.
				continue
			}
			checked++
			target := u.Path
			if target == "" {
				target = pageURL
			} else if !strings.HasPrefix(target, "/") {
				target = path.Join(path.Dir(pageURL+"x"), target)
				if strings.HasSuffix(u.Path, "/") {
					target += "/"
				}
			}
			if !strings.HasPrefix(target, b.Path) {
				problems = append(problems, fmt.Sprintf("%s: %s is outside the base path %s", file, ref, b.Path))
				continue
			}
			name := strings.TrimPrefix(target, b.Path)
			if name == "" || strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			if _, ok := out.Get(name); !ok {
				problems = append(problems, fmt.Sprintf("%s: %s points at %s, which was not written", file, ref, name))
				continue
			}
			if u.Fragment != "" && path.Ext(name) == ".html" && !idsOf(name)[u.Fragment] {
				problems = append(problems, fmt.Sprintf("%s: %s points at #%s, which is no id in %s", file, ref, u.Fragment, name))
			}
		}
	}
	return problems, checked
}

var locRE = regexp.MustCompile(`<loc>([^<]+)</loc>|<link href="([^"]+)"`)

// absoluteLinks checks that every full address in sitemap.xml and
// feed.xml is under base and names a file that was written.
func absoluteLinks(out *publish.Memory, base string) (problems []string, checked int) {
	for _, file := range []string{"sitemap.xml", "feed.xml"} {
		data, _ := out.Get(file)
		for _, m := range locRE.FindAllStringSubmatch(string(data), -1) {
			ref := html.UnescapeString(m[1] + m[2])
			checked++
			if !strings.HasPrefix(ref, base) {
				problems = append(problems, fmt.Sprintf("%s: %s is not under %s", file, ref, base))
				continue
			}
			name := strings.TrimPrefix(ref, base)
			if name == "" || strings.HasSuffix(name, "/") {
				name += "index.html"
			}
			if _, ok := out.Get(name); !ok {
				problems = append(problems, fmt.Sprintf("%s: %s points at %s, which was not written", file, ref, name))
			}
		}
	}
	return problems, checked
}
