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

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/theme"
)

// Templates are a theme's parsed templates, one set per page template.
type Templates struct {
	sets map[string]*template.Template // by file name, such as "principle.html"
	// partials is the set partials are rendered from on their own. Every
	// set holds the same partials; the first by name is used, so the
	// output never varies.
	partials *template.Template
	cache    partialCache
}

// Load parses every template of t with funcs available to them.
func Load(t *theme.Theme, funcs template.FuncMap) (*Templates, diag.List) {
	var diags diag.List
	names, err := theme.Files(t)
	if err != nil {
		diags.Errorf(diag.Pos{File: "templates"}, "check that the templates folder can be read", "could not list the templates: %v", err)
		return nil, diags
	}
	ts := &Templates{sets: map[string]*template.Template{}}
	base := template.New("").Funcs(funcs).Funcs(template.FuncMap{"partialCached": ts.partialCached})
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
		ts.sets[name] = set
		if ts.partials == nil {
			ts.partials = set // names are sorted, so this is the first
		}
	}
	if ts.partials == nil {
		ts.partials = base // a theme of partials only; nothing clones base now
	}
	return ts, diags
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

// Partial renders one partial, such as "partials/signatory-item.html",
// on its own.
func (ts *Templates) Partial(w io.Writer, name string, data any) error {
	if ts.partials == nil || ts.partials.Lookup(name) == nil {
		return fmt.Errorf("the theme has no template %s", name)
	}
	return ts.partials.ExecuteTemplate(w, name, data)
}

// Has reports whether a page template exists.
func (ts *Templates) Has(name string) bool { return ts.sets[name] != nil }

// Execute renders the first of names that exists, as a whole page through
// baseof.html when the template defines "main", else on its own.
func (ts *Templates) Execute(w io.Writer, data any, names ...string) error {
	for _, name := range names {
		set := ts.sets[name]
		if set == nil {
			continue
		}
		if set.Lookup("main") != nil && set.Lookup("baseof.html") != nil {
			return set.ExecuteTemplate(w, "baseof.html", data)
		}
		return set.ExecuteTemplate(w, name, data)
	}
	return fmt.Errorf("the theme has none of the templates %s", strings.Join(names, ", "))
}
