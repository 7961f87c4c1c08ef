package site

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// The live preview must be the build: after any sequence of saves, every
// file it serves equals a clean build of the files as they are, byte for
// byte, and the problems it shows equal a clean check's. The differential
// test makes random sequences of the edits editors make and compares after
// each one.

// editor makes random edits to a site in memory.
type editor struct {
	fsys fstest.MapFS
	r    *rand.Rand
	n    int // a counter for new names
}

// edit makes one random edit and returns what it did and the paths it
// changed, as the watcher would report them.
func (e *editor) edit() (string, []string) {
	edits := []func() (string, []string){
		e.bodyEdit, e.bodyEdit, e.bodyEdit, e.frontMatterEdit, e.frontMatterEdit, e.frontMatterEdit,
		e.newPage, e.deletePage, e.renamePage, e.translation, e.easyRead, e.alias,
		e.template, e.siteYAML, e.picture, e.brokenSave, e.linkEdit, e.temporaryFile,
	}
	return edits[e.r.IntN(len(edits))]()
}

func (e *editor) write(name, data string) {
	e.fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
}

// pages lists the Markdown files under content/, sorted, optionally only
// those whose path matches.
func (e *editor) pages(match string) []string {
	var out []string
	for name := range e.fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") && strings.Contains(name, match) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func (e *editor) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[e.r.IntN(len(list))]
}

// leaf picks a page that is not a list page, a twin or a translation.
func (e *editor) leaf(match string) string {
	var out []string
	for _, p := range e.pages(match) {
		if base := path.Base(p); base != "_index.md" && strings.Count(base, ".") == 1 {
			out = append(out, p)
		}
	}
	return e.pick(out)
}

var words = []string{"listen", "share", "power", "people", "service", "trust", "plan", "change", "work", "voice", "time", "pay"}

func (e *editor) sentence() string {
	n := 4 + e.r.IntN(6)
	var w []string
	for range n {
		w = append(w, words[e.r.IntN(len(words))])
	}
	s := strings.Join(w, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (e *editor) bodyEdit() (string, []string) {
	p := e.pick(e.pages(""))
	if p == "" {
		return e.newPage()
	}
	front, _ := splitPage(string(e.fsys[p].Data))
	e.write(p, front+"\n"+e.sentence()+"\n\n## "+words[e.r.IntN(len(words))]+"\n\n"+e.sentence()+"\n")
	return "body of " + p, []string{p}
}

// splitPage splits a page at the end of its front matter.
func splitPage(page string) (front, body string) {
	if i := strings.Index(page[3:], "\n---\n"); strings.HasPrefix(page, "---\n") && i >= 0 {
		return page[:3+i+5], page[3+i+5:]
	}
	return page, ""
}

var keyLine = regexp.MustCompile(`(?m)^(title|summary|website|region|sector|size|review|weight|principles|pledges): .*$`)

func (e *editor) frontMatterEdit() (string, []string) {
	p := e.pick(e.pages(""))
	if p == "" {
		return e.newPage()
	}
	front, body := splitPage(string(e.fsys[p].Data))
	lines := keyLine.FindAllString(front, -1)
	if len(lines) == 0 {
		return e.bodyEdit()
	}
	line := e.pick(lines)
	key, _, _ := strings.Cut(line, ":")
	var value string
	switch key {
	case "title":
		value = strconv.Quote(e.sentence())
	case "summary":
		// Now and then the example "coproduce new" writes, which check
		// warns about, so its warning comes and goes with own facts.
		value = strconv.Quote(e.pick([]string{e.sentence(), e.sentence(), "Write one plain sentence about this organisation."}))
	case "website":
		value = e.pick([]string{"https://example.org/", fmt.Sprintf("https://org-%d.example.net/", e.r.IntN(50))})
	case "region":
		value = e.pick([]string{"Bristol", "Birmingham", "Nottingham", "Cardiff", "Leeds"})
	case "sector":
		value = e.pick([]string{"Housing", "Health", "Arts", "Justice"})
	case "size":
		value = e.pick([]string{"micro", "small", "medium", "large"})
	case "review":
		value = e.pick([]string{"2025-01-01", "2027-06-30", "2026-05-01"})
	case "weight":
		value = strconv.Itoa(e.r.IntN(20))
	case "principles":
		value = "[" + strings.Join(e.slugs("content/principles/", 1+e.r.IntN(2)), ", ") + "]"
	case "pledges":
		value = "[" + strings.Join(e.slugs("content/pledges/", 1+e.r.IntN(2)), ", ") + "]"
	}
	e.write(p, strings.Replace(front, line, key+": "+value, 1)+body)
	return key + " of " + p, []string{p}
}

// slugs picks up to n slugs of the pages in a section.
func (e *editor) slugs(dir string, n int) []string {
	var out []string
	for _, p := range e.pages(dir) {
		if base := path.Base(p); base != "_index.md" && strings.Count(base, ".") == 1 {
			out = append(out, strings.TrimSuffix(base, ".md"))
		}
	}
	e.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	if len(out) > n {
		out = out[:n]
	}
	if len(out) == 0 {
		out = []string{"two-way-pledge"}
	}
	return out
}

func (e *editor) newPage() (string, []string) {
	e.n++
	var name, page string
	switch e.r.IntN(4) {
	case 0:
		name = fmt.Sprintf("content/signatories/new-org-%d.md", e.n)
		page = fmt.Sprintf("---\ntitle: New Org %d\nsummary: %s\nwebsite: https://new-%d.example.org/\nsigned: 2024-03-0%d\npledges: [%s]\nregion: Bristol\nsector: Arts\n---\n%s\n",
			e.n, e.sentence(), e.n, 1+e.n%9, strings.Join(e.slugs("content/pledges/", 1), ", "), e.sentence())
	case 1:
		name = fmt.Sprintf("content/principles/new-principle-%d.md", e.n)
		page = fmt.Sprintf("---\ntitle: New principle %d\nsummary: %s\n---\n%s\n", e.n, e.sentence(), e.sentence())
	case 2:
		name = fmt.Sprintf("content/case-studies/new-story-%d.md", e.n)
		page = fmt.Sprintf("---\ntitle: New story %d\nsummary: %s\ndate: 2024-05-0%d\nprinciples: [%s]\nanonymised: true\n---\n%s\n", e.n, e.sentence(), 1+e.n%9, strings.Join(e.slugs("content/principles/", 1), ", "), e.sentence())
	default:
		name = fmt.Sprintf("content/guides/page-%d.md", e.n)
		page = fmt.Sprintf("---\ntitle: Guide %d\nsummary: %s\n---\n%s\n", e.n, e.sentence(), e.sentence())
	}
	e.write(name, page)
	return "new " + name, []string{name}
}

func (e *editor) deletePage() (string, []string) {
	p := e.leaf("")
	if p == "" || len(e.pages("content/pledges/")) < 3 && strings.HasPrefix(p, "content/pledges/") {
		return e.bodyEdit()
	}
	delete(e.fsys, p)
	return "delete " + p, []string{p}
}

func (e *editor) renamePage() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	e.n++
	to := strings.TrimSuffix(p, ".md") + fmt.Sprintf("-renamed-%d.md", e.n)
	e.fsys[to] = e.fsys[p]
	delete(e.fsys, p)
	return "rename " + p + " to " + to, []string{p, to}
}

func (e *editor) translation() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	to := strings.TrimSuffix(p, ".md") + ".cy.md"
	if _, ok := e.fsys[to]; ok {
		delete(e.fsys, to)
		return "delete translation " + to, []string{to}
	}
	front, _ := splitPage(string(e.fsys[p].Data))
	front = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(front, "title: Tudalen "+strconv.Itoa(e.r.IntN(100)))
	e.write(to, front+"\nMae hon yn dudalen yn Gymraeg.\n")
	return "translate " + p, []string{to}
}

func (e *editor) easyRead() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	to := strings.TrimSuffix(p, ".md") + ".easy.md"
	if _, ok := e.fsys[to]; ok {
		delete(e.fsys, to)
		return "delete easy read " + to, []string{to}
	}
	front, _ := splitPage(string(e.fsys[p].Data))
	e.write(to, front+"\nThis page is easy to read.\n\nWe listen to you.\n")
	return "easy read of " + p, []string{to}
}

func (e *editor) alias() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	front, body := splitPage(string(e.fsys[p].Data))
	if strings.Contains(front, "\naliases:") {
		front = regexp.MustCompile(`(?m)^aliases: .*\n`).ReplaceAllString(front, "")
	} else {
		e.n++
		front = strings.Replace(front, "\ntitle:", fmt.Sprintf("\naliases: [/old-address-%d/]\ntitle:", e.n), 1)
	}
	e.write(p, front+body)
	return "alias on " + p, []string{p}
}

// templates are overrides a site might keep in templates/: each replaces
// a partial every page shows.
var templates = []struct{ name, text string }{
	// Every page lists every page's title, read through .Site.Content.
	{"templates/partials/page-heading.html", `<div class="page-heading"><h1>{{.Page.Title}}</h1>{{with .Page.Summary}}<p class="lead">{{.}}</p>{{end}}</div>` +
		`<ul>{{range .Site.Content.Pages}}<li>{{.Title}}</li>{{end}}</ul>`},
	// Every page shows the titles of the principles, through section.
	{"templates/partials/page-heading.html", `<div class="page-heading"><h1>{{.Page.Title}}</h1></div><p>{{range section "principles"}}{{.Title}} {{end}}</p>`},
	{"templates/page.html", `{{define "main"}}{{template "partials/page-heading.html" .}}<p>Edited.</p>{{template "partials/body.html" .}}{{end}}`},
	// The footer, which the theme keeps with partialCached, shows the
	// case studies through the list page's own children, and a link
	// only while a page exists: the pages sharing the cached footer
	// must follow what it read.
	{"templates/partials/footer.html", `<footer class="site-footer">{{with page "/case-studies/"}}<p>{{range .Children}}{{.Title}} {{end}}</p>{{end}}` +
		`{{if hasPage "/about/"}}<p><a href="{{relURL "/about/"}}">About</a></p>{{end}}</footer>`},
	{"templates/partials/footer.html", ""},
	{"templates/partials/page-heading.html", ""}, // back to the theme's
	{"templates/page.html", ""},
}

func (e *editor) template() (string, []string) {
	t := templates[e.r.IntN(len(templates))]
	if t.text == "" {
		delete(e.fsys, t.name)
	} else {
		e.write(t.name, t.text)
	}
	return t.name, []string{t.name}
}

func (e *editor) siteYAML() (string, []string) {
	data := string(e.fsys["site.yaml"].Data)
	data = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(data, "title: "+strconv.Quote("Site "+strconv.Itoa(e.r.IntN(1000))))
	e.write("site.yaml", data)
	return "site.yaml title", []string{"site.yaml"}
}

func (e *editor) picture() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	pic := path.Join(path.Dir(p), "picture.svg")
	if _, ok := e.fsys[pic]; ok && e.r.IntN(2) == 0 {
		// Take the picture out of every page first, then the file.
		var changed []string
		for _, q := range e.pages(path.Dir(p) + "/") {
			if data := string(e.fsys[q].Data); strings.Contains(data, "(picture.svg)") {
				e.write(q, strings.ReplaceAll(data, "![A drawing](picture.svg)", ""))
				changed = append(changed, q)
			}
		}
		delete(e.fsys, pic)
		return "remove " + pic, append(changed, pic)
	}
	// Its size changes from save to save, and the pages showing it write
	// the size into their <img>.
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 10 10"><circle cx="5" cy="5" r="%d"/></svg>`,
		10*(1+e.r.IntN(60)), 10*(1+e.r.IntN(40)), 1+e.r.IntN(4))
	if _, ok := e.fsys[pic]; ok && e.r.IntN(2) == 0 {
		e.write(pic, svg) // the picture alone, resized
		return "resize " + pic, []string{pic}
	}
	e.write(pic, svg)
	e.write(p, string(e.fsys[p].Data)+"\n![A drawing](picture.svg)\n")
	return "picture in " + p, []string{pic, p}
}

// brokenSave saves a mistake; the next edit of the same page usually fixes
// it, as an editor would.
func (e *editor) brokenSave() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	data := string(e.fsys[p].Data)
	switch e.r.IntN(3) {
	case 0:
		data = strings.Replace(data, "title:", "title", 1)
	case 1:
		data += "\n[a broken link](no-such-page.md)\n"
	default:
		data = strings.Replace(data, "summary:", "summary: \"unclosed", 1)
	}
	e.write(p, data)
	return "broken save of " + p, []string{p}
}

func (e *editor) linkEdit() (string, []string) {
	from, to := e.leaf(""), e.leaf("")
	if from == "" || to == "" {
		return e.newPage()
	}
	rel := "/" + strings.TrimPrefix(to, "content/")
	e.write(from, string(e.fsys[from].Data)+"\nSee [another page]("+rel+").\n")
	return "link from " + from + " to " + to, []string{from}
}

func (e *editor) temporaryFile() (string, []string) {
	p := e.leaf("")
	if p == "" {
		return e.newPage()
	}
	tmp := path.Join(path.Dir(p), "#"+path.Base(p)+"#")
	if _, ok := e.fsys[tmp]; ok {
		delete(e.fsys, tmp)
	} else {
		e.write(tmp, "half-saved draft")
	}
	return "temporary file " + tmp, []string{tmp}
}

// runDifferential applies n random edits from seed to a small generated
// site and compares the preview with a clean build after each.
func runDifferential(t *testing.T, seed uint64, n int) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 12, Seed: seed, BodyBytes: 400})
	fsys["site.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(fsys["site.yaml"].Data), "languages: [en-GB, cy]\n"...)}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: fsys, Now: now, Workers: 2}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	e := &editor{fsys: fsys, r: rand.New(rand.NewPCG(seed, seed^0x5eed))}
	var history []string
	var full, partial, broken int
	defer func() {
		t.Logf("seed %d: %d edits: %d full rebuilds, %d updates, %d with errors", seed, n, full, partial, broken)
	}()
	lastGood := snapshot(out)
	good := maps.Clone(fsys) // the files at the last save without errors
	broke := false
	for i := range n {
		var what string
		var changed []string
		if broke && e.r.IntN(5) > 0 {
			// An editor who sees an error fixes it, most often by putting
			// back what was there.
			what = "undo"
			for name, f := range fsys {
				if g, ok := good[name]; !ok || g != f {
					changed = append(changed, name)
				}
			}
			for name := range good {
				if _, ok := fsys[name]; !ok {
					changed = append(changed, name)
				}
			}
			sort.Strings(changed)
			for _, name := range changed {
				if g, ok := good[name]; ok {
					fsys[name] = g
				} else {
					delete(fsys, name)
				}
			}
		} else {
			what, changed = e.edit()
		}
		history = append(history, what)
		ch := inc.Update(changed)
		switch {
		case ch.Diags.HasErrors():
			broken++
			if os.Getenv("DEBUG_EDITS") != "" {
				for _, d := range ch.Diags {
					if d.Severity == diag.Error {
						t.Logf("%s: %s", what, d)
						break
					}
				}
			}
		case ch.Full:
			full++
		default:
			partial++
		}
		if !ch.Diags.HasErrors() && e.r.IntN(4) == 0 {
			// The next save comes before the pages left for later are
			// made: they are checked with the next save's.
			history[len(history)-1] += " (next save before Finish)"
			good, broke, lastGood = maps.Clone(fsys), false, nil
			continue
		}
		if !ch.Diags.HasErrors() {
			// The pages the save changed but did not show are made
			// after the reload; the problems are complete once they are.
			problems, done := inc.Finish(context.Background())
			if !done {
				t.Fatal("Finish stopped with nothing to stop it")
			}
			ch.Diags = problems
		}
		clean := publish.NewMemory()
		res := Build(Options{Source: fsys, Output: clean, Now: now, Workers: 1})
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("seed %d, edit %d (%s): %s\nedits so far:\n  %s", seed, i+1, what, fmt.Sprintf(format, args...), strings.Join(history, "\n  "))
		}
		got, want := diagLines(ch.Diags), diagLines(res.Diags)
		if got != want {
			fail("the preview's problems differ from a clean build's:\npreview:\n%s\nbuild:\n%s", got, want)
		}
		if d := inc.b.index.targetsDiffer(); d != "" {
			fail("the preview's index of links by address is not its links: %s", d)
		}
		broke = res.Diags.HasErrors()
		if broke {
			if lastGood == nil {
				continue // the last good save was not compared
			}
			if d := diffOutputs(out, lastGood); d != "" {
				fail("a save with errors changed the preview: %s", d)
			}
			continue
		}
		if d := diffOutputs(out, snapshot(clean)); d != "" {
			fail("the preview differs from a clean build: %s", d)
		}
		lastGood = snapshot(out)
		good = maps.Clone(fsys)
	}
}

// diagLines prints problems as check does, sorted.
func diagLines(l diag.List) string {
	l = slices.Clone(l)
	l.Sort()
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func snapshot(m *publish.Memory) map[string][]byte {
	out := map[string][]byte{}
	for _, n := range m.Names() {
		data, _ := m.Get(n)
		out[n] = data
	}
	return out
}

// diffOutputs describes the first difference between out and want.
func diffOutputs(out *publish.Memory, want map[string][]byte) string {
	got := snapshot(out)
	var names []string
	for n := range got {
		names = append(names, n)
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	names = slices.Compact(names)
	for _, n := range names {
		a, inGot := got[n]
		b, inWant := want[n]
		switch {
		case !inWant:
			return "extra file " + n
		case !inGot:
			return "missing file " + n
		case !bytes.Equal(a, b):
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			return fmt.Sprintf("%s differs at byte %d:\n got  %q\n want %q", n, i, a[max(0, i-100):min(len(a), i+100)], b[max(0, i-100):min(len(b), i+100)])
		}
	}
	return ""
}

// TestPreviewIsTheBuild runs random edits with a fixed budget. Set
// COPRODUCE_EDITS to run more, such as 2000, and COPRODUCE_SEED for
// another sequence.
func TestPreviewIsTheBuild(t *testing.T) {
	n, seed := 60, uint64(1)
	if testing.Short() {
		n = 20
	}
	if s := os.Getenv("COPRODUCE_EDITS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if s := os.Getenv("COPRODUCE_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	runDifferential(t, seed, n)
}

// FuzzPreviewIsTheBuild tries other sequences of edits.
func FuzzPreviewIsTheBuild(f *testing.F) {
	for _, seed := range []uint64{2, 3, 5, 8} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		runDifferential(t, seed, 12)
	})
}
