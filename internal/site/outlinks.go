package site

import (
	"bytes"
	"hash/maphash"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/htmllinks"
)

// Every address in every file the build writes is checked, not only those
// an editor wrote in Markdown: the links a template makes (a badge, a
// filter page, a translation), the feed, the sitemap and the HTML a
// signatory copies onto its own website. Each written file is read for
// addresses as it is written; once all are written, each address inside
// the site must name a file that was.

// outputLinks collects the addresses inside the site that written files
// point to.
type outputLinks struct {
	base string // the base path, such as /co/
	abs  string // the base URL, such as https://example.org/co/, or ""

	mu   sync.Mutex
	uses map[string]linkUse // target file -> where it was first linked from
	// promised, when set (a final build), tells the files written or
	// sure to be (recorder.promised): an address that names one passes
	// the check at the end whatever comes after, so it is not kept until
	// then. Only addresses of files nobody claimed wait.
	promised func(file string) bool
	known    promisedMemo // some targets found promised, when promised is set
}

// linkUse is where a target was first linked from, and how many files do.
type linkUse struct {
	from  string // the file that links, as written
	addr  string // the address as written there
	count int
}

func newOutputLinks(base, abs string) *outputLinks {
	return &outputLinks{base: base, abs: abs, uses: map[string]linkUse{}}
}

// addressEnds are the bytes that end a full address found in text.
const addressEnds = "\"'<> \t\r\n&)]},"

// scan reads one written file for addresses inside the site.
func (o *outputLinks) scan(name string, data []byte) {
	// found are the address, target pairs that wait for the check at the
	// end. In a final build most pass at once (settled) and are not kept:
	// collecting them all and dropping those after was a thirtieth of
	// what a build allocates.
	var found []string
	add := func(addr string) {
		target, ok := o.target(name, addr)
		if ok && (o.promised == nil || !o.settled(name, target)) {
			found = append(found, addr, target)
		}
	}
	switch path.Ext(name) {
	case ".html":
		htmllinks.Each(data, func(_, addr string) { add(addr) })
	case ".xml", ".json", ".txt", ".svg", ".csv":
	default:
		return
	}
	// Full addresses of the site in text: the sitemap, the feed, the
	// sharing tags and the HTML a signatory copies onto its own site.
	if o.abs != "" {
		for rest := data; ; {
			i := bytes.Index(rest, []byte(o.abs))
			if i < 0 {
				break
			}
			rest = rest[i:]
			end := bytes.IndexAny(rest, addressEnds)
			if end < 0 {
				end = len(rest)
			}
			add(string(rest[:end]))
			rest = rest[end:]
		}
	}
	if len(found) == 0 {
		return
	}
	o.mu.Lock()
	for i := 0; i < len(found); i += 2 {
		u := o.uses[found[i+1]]
		if u.count == 0 || name < u.from {
			u.from, u.addr = name, found[i]
		}
		u.count++
		o.uses[found[i+1]] = u
	}
	o.mu.Unlock()
}

// settled reports whether a target found in the file name, in a final
// build, already passes the check at the end: it is name itself, which is
// being written, or a file promised.
// Each page links to itself a few times and to the same thirty pages of
// the menu and footer as every other page; those are known from a small
// memo, so a build of 100,000 signatories does not look up six million
// addresses among 220,000 files claimed, nor keep every page's link to
// itself until the end.
func (o *outputLinks) settled(name, target string) bool {
	if namesFile(target, name) || o.known.has(target) {
		return true
	}
	if reaches(target, o.promised) {
		o.known.add(target)
		return true
	}
	return false
}

// namesFile reports whether target, a path inside the site, is the file
// file, as fileForURL finds it. It reports false where that is not
// plain from the two strings, which only costs the longer way.
func namesFile(target, file string) bool {
	if len(target) == 0 || target[0] != '/' {
		return false
	}
	rest := target[1:]
	if !strings.HasSuffix(target, "/") {
		return file == rest
	}
	if target != "/" && path.Clean(target) != target[:len(target)-1] {
		return false
	}
	const index = "index.html"
	return len(file) == len(rest)+len(index) && strings.HasPrefix(file, rest) && strings.HasSuffix(file, index)
}

// promisedMemo holds some targets found promised, each in a slot chosen
// by its hash, the last found in each slot. The addresses every page has
// are found again on every page, so they are nearly always there, and
// found without making their file's name again (fileForURL) to look it
// up among every file claimed. It is safe for the rendering workers to
// use at once.
type promisedMemo struct {
	slots [4096]atomic.Pointer[string]
}

func (m *promisedMemo) slot(target string) *atomic.Pointer[string] {
	// maphash reads the address eight or sixteen bytes at a time, with
	// the processor's AES instructions where there are some; hashing it
	// a byte at a time was most of the memo's cost.
	return &m.slots[maphash.String(memoSeed, target)%uint64(len(m.slots))]
}

var memoSeed = maphash.MakeSeed()

func (m *promisedMemo) has(target string) bool {
	p := m.slot(target).Load()
	return p != nil && *p == target
}

func (m *promisedMemo) add(target string) {
	m.slot(target).Store(&target)
}

// target turns an address written in the file from into the file inside
// the output it needs, or reports that the address leads outside the site.
// "#ZgotmplZ" is what html/template writes in place of an address it
// refused as unsafe, so it is a target that never exists.
func (o *outputLinks) target(from, addr string) (string, bool) {
	if addr == "" || strings.HasPrefix(addr, "#") && addr != "#ZgotmplZ" {
		return "", false
	}
	if addr == "#ZgotmplZ" {
		return addr, true
	}
	if o.abs != "" && strings.HasPrefix(addr, o.abs) {
		addr = o.base + addr[len(o.abs):]
	} else if hasScheme(addr) || strings.HasPrefix(addr, "//") {
		return "", false
	}
	if i := strings.IndexAny(addr, "?#"); i >= 0 {
		addr = addr[:i]
	}
	if addr == "" {
		return "", false
	}
	if !strings.HasPrefix(addr, "/") {
		addr = path.Join(o.base+path.Dir(from), addr) + trailingSlash(addr)
	}
	if p, err := url.PathUnescape(addr); err == nil {
		addr = p
	}
	if !strings.HasPrefix(addr, o.base) && addr+"/" != o.base {
		return outside + addr, true // outside the site's folder on its host
	}
	rest := strings.TrimPrefix(addr, strings.TrimSuffix(o.base, "/"))
	if rest == "" {
		rest = "/"
	}
	return rest, true
}

// outside marks a target outside the site's folder on its host.
const outside = "outside:"

func trailingSlash(addr string) string {
	if strings.HasSuffix(addr, "/") && addr != "/" {
		return "/"
	}
	return ""
}

// hasScheme reports whether an address starts with a scheme, such as
// https: or mailto:.
func hasScheme(addr string) bool {
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case c == ':':
			return i > 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}

// check reports each target that no written file answers, once, at the
// file that links to it first, with the template that made that file.
// Targets in skip are left out: the Markdown link check has reported
// those at the place the editor wrote them.
func (o *outputLinks) check(exists func(string) bool, skip map[string]bool, madeBy func(file string) string, diags *diag.List) {
	targets := make([]string, 0, len(o.uses))
	for t := range o.uses {
		if !skip[t] && !skip[strings.TrimSuffix(t, "/")] {
			targets = append(targets, t)
		}
	}
	sort.Strings(targets)
	for _, t := range targets {
		if reaches(t, exists) {
			continue
		}
		u := o.uses[t]
		others := ""
		if u.count > 1 {
			others = " (and " + plural(u.count-1, "one more link", strconv.Itoa(u.count-1)+" more links") + ")"
		}
		page := o.base + strings.TrimSuffix(u.from, "index.html")
		switch {
		case t == "#ZgotmplZ":
			diags.Errorf(diag.Pos{File: madeBy(u.from)}, "check the values the template shows there: a web address must start with https://, http://, mailto: or tel:",
				"the page %s has a link the template refused as unsafe%s", page, others)
		case strings.HasPrefix(t, outside):
			diags.Errorf(diag.Pos{File: madeBy(u.from)}, "make the address with relURL or absURL, so it carries the site's base path",
				"the page %s links to %s, which is outside this site's folder%s", page, u.addr, others)
		default:
			diags.Errorf(diag.Pos{File: madeBy(u.from)}, "link only to pages and files the site has; if the template made this link, change the template",
				"the page %s links to %s, which the build does not write%s", page, u.addr, others)
		}
	}
}

// reaches reports whether target, a file inside the site, is one that
// exists.
func reaches(target string, exists func(string) bool) bool {
	return target != "#ZgotmplZ" && strings.HasPrefix(target, "/") && (exists(fileForURL(target)) || exists(fileForURL(target+"/")))
}

// checkOutputLinks checks every address the written files point to. It
// leaves out the links written in Markdown, which checkLinks reports where
// the editor wrote them.
func (b *builder) checkOutputLinks(out *recorder, diags *diag.List) {
	if out.links == nil {
		return
	}
	out.links.check(b.index.written(out), b.index.markdownTargets(), b.madeBy, diags)
}

// markdownTargets are the targets of the links written in Markdown, which
// checkLinks (or the Markdown converter) reports at the editor's line.
func (x *linkIndex) markdownTargets() map[string]bool {
	return linkTargets(x.reported, x.pending)
}

// linkTargets are the targets of links, and the targets reported, without
// a trailing slash: what the check of output links leaves out.
func linkTargets(reported []string, links ...[]pendingLink) map[string]bool {
	targets := make(map[string]bool, len(reported))
	for _, ls := range links {
		for _, l := range ls {
			targets[strings.TrimSuffix(l.target, "/")] = true
		}
	}
	for _, t := range reported {
		targets[strings.TrimSuffix(t, "/")] = true
	}
	return targets
}

// madeBy names the template file that wrote an output file, or the file
// itself when no template did, so a broken link a template made is
// reported where it can be fixed.
func (b *builder) madeBy(file string) string {
	source := func(names ...string) string {
		for _, n := range names {
			if b.renderer != nil && b.renderer.tpl != nil && b.renderer.tpl.Has(n) && b.theme != nil {
				return b.theme.Source(n)
			}
		}
		return file
	}
	// A page's own file is found by its address: a theme that breaks a
	// link on every signatory's page has 100,000 of them to report, and
	// going through every page for each cost the square of that.
	if p := pageOfFile(b.rs.Content, file); p != nil {
		return source(templateNames(p)...)
	}
	for _, l := range b.listings() {
		if indexFile(l.URL) == file {
			if l.Value != nil {
				return source("signatories-filter.html")
			}
			return source("signatories-list.html", "list.html")
		}
	}
	switch file {
	case "404.html":
		return source("404.html")
	case "accessibility/index.html":
		return source("accessibility.html")
	}
	return file
}
