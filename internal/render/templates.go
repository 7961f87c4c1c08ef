// Package render turns pages into HTML with html/template.
//
// A theme has a base layout (baseof.html) that defines the page around a
// "main" block, partials under partials/, and one template per kind of page
// (principle.html, signatory.html, list.html, ...) that defines "main".
// A page is rendered with the first of these that exists:
//
//	SECTION-list.html, list.html     for list pages (_index.md)
//	home.html                        for the home page
//	KIND.html, page.html             for every other page (report.html for a progress report)
//
// The directory's generated pages use signatories-list.html,
// signatories-filter.html and, for former signatories,
// signatories-former.html.
//
// Templates are parsed once per build and are safe to execute from many
// goroutines at once.
package render

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/theme"
)

// Templates are a theme's parsed templates, one set per page template.
type Templates struct {
	theme *theme.Theme
	// masters are the sets as parsed, by file name such as
	// "principle.html", and never executed: html/template cannot copy a
	// set once it has run, and each executor runs copies of its own.
	// Each holds only the templates its page can run (see onlyReachable).
	masters map[string]*template.Template
	// base is the master partials are rendered from on their own: the
	// first page's set by name as parsed, with every partial, so the
	// output never varies; the partials alone for a theme of partials
	// only.
	base *template.Template

	// funcs are the template functions Load was given; an executor wraps
	// those that reach other pages so they record what they read.
	funcs template.FuncMap

	// fast are the partials written in Go, those of fastPartials the
	// theme has as the default theme has them.
	fast     map[string]fastWriter
	fastRows map[string]fastRowWriter

	mu     sync.Mutex
	free   []*executor // executors not in use, kept for the life of the build
	cache  partialCache
	faults Faults
}

// MaxPartialDepth is how many partials a page may render inside each other
// through partialCached. A partial that includes itself forever would
// otherwise use up the program's stack and stop it; this many levels is
// far more than any theme needs.
const MaxPartialDepth = 32

// Load parses every template of t with funcs available to them.
func Load(t *theme.Theme, funcs template.FuncMap) (*Templates, diag.List) {
	var diags diag.List
	names, err := theme.Files(t)
	if err != nil {
		diags.Errorf(diag.Pos{File: "templates"}, "check that the templates folder can be read", "could not list the templates: %v", err)
		return nil, diags
	}
	ts := &Templates{theme: t, masters: map[string]*template.Template{}, funcs: funcs, fast: fastFor(t, fastPartials), fastRows: fastFor(t, fastRowPartials)}
	// partialCached and partialFast are bound to each executor (see
	// executor.recordingFuncs); these only let the templates parse.
	newSet := func() *template.Template {
		return template.New("").Funcs(funcs).Funcs(template.FuncMap{
			"partialCached": (*executor)(nil).partialCached,
			"partialFast":   (*executor)(nil).partialFast,
		})
	}
	base := newSet()
	var pages []string
	for _, name := range names {
		if name != "baseof.html" && !strings.HasPrefix(name, "partials/") {
			pages = append(pages, name)
			continue
		}
		if err := parseFile(base, t, name); err != nil {
			diags = append(diags, templateDiag(t, name, err))
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	for _, name := range pages {
		set, err := base.Clone()
		if err == nil {
			err = parseFile(set, t, name)
		}
		if err != nil {
			diags = append(diags, templateDiag(t, name, err))
			continue
		}
		ts.masters[name] = set
		if ts.base == nil {
			ts.base = set // names are sorted, so this is the first
		}
	}
	if ts.base == nil {
		ts.base = base // a theme of partials only
	}
	// A set that includes itself forever is reported like one that does
	// not parse; the build stops at either before rendering a page.
	if diags = append(diags, ts.includeCycles()...); diags.HasErrors() {
		return ts, diags
	}
	for name, set := range ts.masters {
		if small, err := onlyReachable(set, name, newSet()); err == nil {
			ts.masters[name] = small
		}
	}
	return ts, diags
}

// onlyReachable returns a copy of the master set with only the templates
// its page can run: the page's own, the layout and "main" when the page
// is rendered through them (see Execute), and every template those
// include with {{template}}, whose names are fixed in the theme.
// Partials rendered by name as the page runs (partialCached, partialFast)
// come from the executor's copy of base. Every executor copies every
// master it runs, and a copy of every partial for each kind of page was
// about 0.5 MB: at 10,000 signatories a fifth of what a build keeps, gone
// through by the collector each time it runs. The trees are shared with
// set, not copied: masters are never executed.
func onlyReachable(set *template.Template, name string, small *template.Template) (*template.Template, error) {
	keep := map[string]*parse.Tree{}
	var visit func(name string)
	visit = func(name string) {
		t := set.Lookup(name)
		if t == nil || t.Tree == nil || keep[name] != nil {
			return
		}
		keep[name] = t.Tree
		for _, n := range includes(t.Tree.Root) {
			visit(n.Name)
		}
	}
	visit(name)
	if set.Lookup("main") != nil && set.Lookup("baseof.html") != nil {
		visit("baseof.html")
		visit("main")
	}
	for n, tree := range keep {
		if _, err := small.AddParseTree(n, tree); err != nil {
			return nil, err
		}
	}
	return small, nil
}

func parseFile(set *template.Template, t *theme.Theme, name string) error {
	src, err := fs.ReadFile(t.Templates, name)
	if err != nil {
		return err
	}
	_, err = set.New(name).Parse(string(src))
	return err
}

var templateLineRE = regexp.MustCompile(`template: [^:]+:(\d+)(?::(\d+))?: (.*)`)

// templateDiag places a template error at its file and line.
func templateDiag(t *theme.Theme, name string, err error) diag.Diagnostic {
	d := diag.Diagnostic{
		Pos:      diag.Pos{File: t.Source(name), Line: 1, Col: 1},
		Severity: diag.Error,
		Problem:  "the template has a mistake: " + err.Error(),
		Fix:      "check the {{ }} tags on this line against the Go html/template rules",
	}
	if m := templateLineRE.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			d.Col, _ = strconv.Atoi(m[2])
		}
		d.Problem = "the template has a mistake: " + m[3]
	}
	return d
}

// Rebind returns the templates with funcs in place of the functions Load
// was given, for an update of the live preview. The theme has not changed
// since (a change to it rebuilds everything), so the parsed templates and
// the executors' copies of them are kept, which saves parsing and copying
// every template on every save; the functions, which close over the
// content, are new, and so are the cache of partials and the faults.
// ts must not be used after.
func (ts *Templates) Rebind(funcs template.FuncMap) *Templates {
	n := &Templates{theme: ts.theme, masters: ts.masters, base: ts.base, funcs: funcs, fast: ts.fast, fastRows: ts.fastRows}
	// The masters are never executed, so they can take new functions;
	// copies made from them from now on start with these.
	for _, m := range n.masters {
		m.Funcs(funcs)
	}
	n.base.Funcs(funcs)
	ts.mu.Lock()
	n.free, ts.free = ts.free, nil
	ts.mu.Unlock()
	for _, ex := range n.free {
		ex.ts = n
		for _, set := range ex.sets {
			// text/template looks a function up when it runs, so a
			// set that has run can take new ones.
			set.Funcs(funcs).Funcs(ex.recordingFuncs())
		}
	}
	return n
}

// Partial renders one partial, such as "partials/signatory-item.html",
// on its own, for a piece of HTML shown on many pages. It is written
// minified, marked for the page minifier to copy as it is (see
// publish.Span), where it can be minified on its own.
func (ts *Templates) Partial(w io.Writer, name string, data any) (err error) {
	ex := ts.get()
	defer ts.put(ex)
	defer stopped(&err, name)
	var out strings.Builder
	if row, ok := data.(map[string]any); !ok || ts.fastRows[name] == nil || !ts.fastRows[name](&out, ex, row) {
		out.Reset()
		if err := ex.partial(&out, name, data); err != nil {
			return ts.faultFrom(err)
		}
	}
	_, err = io.WriteString(w, publish.Span(out.String()))
	return err
}

// Has reports whether a page template exists.
func (ts *Templates) Has(name string) bool { return ts.masters[name] != nil }

// Execute renders the first of names that exists, as a whole page through
// baseof.html when the template defines "main", else on its own. A
// mistake in a template is returned as a *Fault placed in the template.
func (ts *Templates) Execute(w io.Writer, data any, names ...string) (err error) {
	for _, name := range names {
		if ts.masters[name] == nil {
			continue
		}
		ex := ts.get()
		defer ts.put(ex)
		defer stopped(&err, name)
		if d, ok := data.(*PageData); ok {
			// The page's lookups and the template's record into the
			// page's reads while it runs.
			ex.reads, d.ex = d.own, ex
			defer func() { d.ex = nil; d.own.Compact() }()
		}
		set := ex.set(name)
		if set.Lookup("main") != nil && set.Lookup("baseof.html") != nil {
			return ts.faultFrom(set.ExecuteTemplate(w, "baseof.html", data))
		}
		return ts.faultFrom(set.ExecuteTemplate(w, name, data))
	}
	return fmt.Errorf("the theme has none of the templates %s", strings.Join(names, ", "))
}

// stopped turns a panic while rendering into an error, so that no
// template, and no data it is given, can stop the whole build.
// text/template already turns a panicking function into an error; this
// catches what it lets through.
func stopped(err *error, name string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("rendering %s stopped with a fault in coproduce: %v; please report it", name, r)
	}
}

// executor runs templates for one page at a time, on one goroutine, with
// copies of the sets of its own. Its own copies let partialCached know how
// deep it is: a template function is not told which page called it, but
// an executor's partialCached is only ever called by its own page.
type executor struct {
	ts       *Templates
	sets     map[string]*template.Template // copied from the masters as they are needed
	partials *template.Template
	depth    int // partials being rendered inside each other now
	// reads is where what the template reads now is recorded: the page's
	// own, or a partial's while partialCached renders it; nil for a
	// partial rendered on its own.
	reads *Reads
}

// get takes an executor that is not in use, or makes one.
func (ts *Templates) get() *executor {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if n := len(ts.free); n > 0 {
		ex := ts.free[n-1]
		ts.free = ts.free[:n-1]
		return ex
	}
	return &executor{ts: ts, sets: map[string]*template.Template{}}
}

func (ts *Templates) put(ex *executor) {
	ex.depth, ex.reads = 0, nil
	ts.mu.Lock()
	ts.free = append(ts.free, ex)
	ts.mu.Unlock()
}

// set is the executor's copy of a master set, made on first use.
func (ex *executor) set(name string) *template.Template {
	if set := ex.sets[name]; set != nil {
		return set
	}
	master := ex.ts.masters[name]
	if name == "" {
		master = ex.ts.base
	}
	// Masters are never executed, so they can always be copied; the lock
	// keeps two executors from copying one at the same moment.
	ex.ts.mu.Lock()
	set, err := master.Clone()
	ex.ts.mu.Unlock()
	if err != nil {
		panic(err) // cannot happen: a master never runs
	}
	// The masters carry the functions of the newest Rebind; a copy takes
	// its own templates' functions, so a page the preview makes later
	// with an older set shows that set's content, not a newer save's.
	set.Funcs(ex.ts.funcs).Funcs(ex.recordingFuncs())
	ex.sets[name] = set
	return set
}

// partial renders a partial with the executor's copy of the partials.
func (ex *executor) partial(w io.Writer, name string, data any) error {
	if ex.partials == nil {
		ex.partials = ex.set("")
	}
	if ex.partials.Lookup(name) == nil {
		return fmt.Errorf("the theme has no template %s", name)
	}
	return ex.partials.ExecuteTemplate(w, name, data)
}
