package render

import (
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/coproduce/coproduce/internal/diag"
)

// Fault is a mistake in a template that shows only when it runs, such as
// a field that does not exist or a partial that includes itself forever.
// It is placed at the template's own file and line, not at the page being
// rendered: the page is not where the editor or designer can fix it.
type Fault struct {
	Pos     diag.Pos // templates/FILE or themes/NAME/templates/FILE, with line and column
	Problem string
	Fix     string
}

func (f *Fault) Error() string { return f.Pos.String() + ": " + f.Problem }

// AsFault finds the template fault in err, or returns nil when err is
// not one (a missing template, a failed write).
func AsFault(err error) *Fault {
	var f *Fault
	if errors.As(err, &f) {
		return f
	}
	return nil
}

// execLocation is where text/template says an execution error happened:
// "template: FILE:LINE:COL: executing "NAME" at <ACTION>: PROBLEM". The
// first location is the innermost, since a partial's own error is turned
// into a Fault before the template that called it wraps it again.
var execLocation = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+): (?:executing "[^"]*" at <(.*?)>: )?`)

// faultFrom turns an error from executing a template into a Fault, when
// it is one. An error that already holds a Fault is that Fault: a partial
// several levels down is where the mistake is.
func (ts *Templates) faultFrom(err error) error {
	if err == nil {
		return nil
	}
	if f := AsFault(err); f != nil {
		return f
	}
	var escape *template.Error
	if errors.As(err, &escape) && escape.Name != "" {
		f := &Fault{
			Pos:     diag.Pos{File: ts.source(escape.Name), Line: max(escape.Line, 1), Col: 1},
			Problem: "the template cannot be made safe for HTML: " + escape.Description,
			Fix:     "check the {{ }} tags on this line: an action may not sit inside a tag's name, an attribute's name or an unclosed quote",
		}
		return f
	}
	var exec texttemplate.ExecError
	if !errors.As(err, &exec) {
		return err
	}
	msg := exec.Error()
	m := execLocation.FindStringSubmatch(msg)
	if m == nil {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	col++ // text/template counts columns from 0, editors from 1
	problem := strings.TrimPrefix(msg[len(m[0]):], "error calling partialCached: ")
	f := &Fault{
		Pos:     diag.Pos{File: ts.source(m[1]), Line: line, Col: col},
		Problem: "the template could not be run: " + problem,
		Fix:     "check the {{ }} tag here: the names of fields and functions, and the values passed to them",
	}
	if m[4] != "" {
		f.Problem = fmt.Sprintf("the template could not run {{%s}}: %s", m[4], problem)
	}
	var deep *tooDeep
	if errors.As(err, &deep) {
		f.Problem = deep.Error()
		f.Fix = "make the partial stop including itself, which would never finish: put the call inside an {{if}} that becomes false, or remove it"
	}
	return f
}

// source names the file a template came from.
func (ts *Templates) source(name string) string {
	if ts.theme == nil {
		return name
	}
	return ts.theme.Source(name)
}

// Faults gathers the template faults of many pages rendered at once, so
// that one mistake is reported once, at the template, however many pages
// use it. It is safe for use by many goroutines.
type Faults struct {
	mu    sync.Mutex
	byPos map[string]*seenFault
}

type seenFault struct {
	fault    Fault
	pages    []string
	reported bool // returned by Diags already: later pages add nothing
}

// Faults is where the build gathers the faults of these templates: one
// collector for the life of the templates, so a mistake that stops both
// the pages and the generated files is reported once.
func (ts *Templates) Faults() *Faults { return &ts.faults }

// Add records err for the page in file and reports whether it was a
// template fault; other errors are left for the caller to report.
func (fs *Faults) Add(file string, err error) bool {
	f := AsFault(err)
	if f == nil {
		return false
	}
	key := f.Pos.String() + "\x00" + f.Problem
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.byPos == nil {
		fs.byPos = map[string]*seenFault{}
	}
	s := fs.byPos[key]
	if s == nil {
		s = &seenFault{fault: *f}
		fs.byPos[key] = s
	}
	s.pages = append(s.pages, file)
	return true
}

// Diags returns one error for each fault not returned before, naming how
// many pages it stopped and the first of them, in the same words whatever
// order the pages were rendered in.
func (fs *Faults) Diags() diag.List {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	var diags diag.List
	for _, s := range fs.byPos {
		if s.reported {
			continue
		}
		s.reported = true
		sort.Strings(s.pages)
		which := "the page " + s.pages[0]
		if n := len(s.pages); n > 1 {
			which = fmt.Sprintf("%d pages, such as %s", n, s.pages[0])
		}
		diags = append(diags, diag.Diagnostic{
			Pos:      s.fault.Pos,
			Severity: diag.Error,
			Problem:  fmt.Sprintf("%s, so %s could not be made", s.fault.Problem, which),
			Fix:      s.fault.Fix,
		})
	}
	diags.Sort()
	return diags
}
