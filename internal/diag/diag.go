// Package diag holds the problems the tool finds in a site, with the place
// each one is at and advice an editor can act on.
//
// Every message reads as one line:
//
//	FILE:LINE:COL: error: what is wrong; what to do
//
// FILE is relative to the site folder, so an editor can open it directly.
// Each problem belongs to a named rule (rules.go), which "coproduce check"
// shows and "coproduce check --rule NAME" lists alone.
// Lists sort by file, then line, then column, so the output of two runs over
// the same content is the same.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops a build.
type Severity int

const (
	// Error stops a build: nothing is published until it is fixed.
	Error Severity = iota
	// Warning is printed but the site is still built.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning" in JSON reports.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Pos is a place in a file. Line and Col count from 1; 0 means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

func (p Pos) String() string {
	line, col := p.Line, p.Col
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return fmt.Sprintf("%s:%d:%d", p.File, line, col)
}

// Diagnostic is one problem: where it is, what is wrong and how to fix it.
type Diagnostic struct {
	Pos
	Severity Severity `json:"severity"`
	// Problem says what is wrong, in plain words.
	Problem string `json:"problem"`
	// Fix says what to write instead.
	Fix string `json:"fix"`
	// Source is the offending line of the file, when known, so the live
	// preview can show it.
	Source string `json:"source,omitempty"`
	// Rule names the kind of problem, for "coproduce check --rule"; when
	// empty, RuleName finds it from the problem and the file.
	Rule string `json:"rule,omitempty"`
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Problem)
	if d.Fix != "" {
		b.WriteString("; ")
		b.WriteString(d.Fix)
	}
	return b.String()
}

// List collects diagnostics from every step of a build.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, fix, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Problem: fmt.Sprintf(format, args...), Fix: fix})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, fix, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Problem: fmt.Sprintf(format, args...), Fix: fix})
}

// HasErrors reports whether any diagnostic stops the build.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns how many diagnostics have severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders the list by file, line, column, then severity and text, so
// reports are stable.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Problem < b.Problem
	})
}

// Summary is the closing line of a report, such as "2 errors, 1 warning".
func (l List) Summary() string {
	return plural(l.Count(Error), "error") + ", " + plural(l.Count(Warning), "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Error makes a List usable as an error value: one diagnostic a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// ReadProblem words an error from reading a site file for an editor. A
// symbolic link that leads outside the site folder is named as such: the
// tool refuses to read through it, so that nothing outside the site can
// be published by mistake.
func ReadProblem(err error) (problem, fix string) {
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return "the file is a link to a file outside the site folder, which is never read or published",
			"copy the file itself into the site folder instead of linking to it"
	}
	return fmt.Sprintf("could not read the file: %v", err), "check that the file can be read, and is not a link to itself"
}
