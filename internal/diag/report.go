package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// ManyWarnings is how many warnings a report lists one by one before it
// sums them up by kind: beyond this, a list of warnings buries the errors
// and nobody reads it.
const ManyWarnings = 10

// kindsShown and placesShown keep a summary of warnings to a screenful
// whatever the size of the site.
const (
	kindsShown  = 12
	placesShown = 3
)

// ErrorsFirst returns the list sorted with every error before any warning,
// each part in file, line and column order.
func (l List) ErrorsFirst() List {
	out := make(List, 0, len(l))
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	errs := out
	for _, d := range l {
		if d.Severity != Error {
			out = append(out, d)
		}
	}
	errs.Sort()
	out[len(errs):].Sort()
	return out
}

// Report is how a command prints a list of problems.
type Report struct {
	// AllWarnings lists every warning; otherwise warnings beyond
	// ManyWarnings are summed up by kind.
	AllWarnings bool
	// ListAll is the command that lists every warning, named in the
	// summary, such as "coproduce check".
	ListAll string
	// ShowRules ends every line with the name of its rule, such as
	// [link-text], as "coproduce check" does; summary lines always show it.
	ShowRules bool
}

// line is one diagnostic as a report prints it.
func (r Report) line(d Diagnostic) string {
	if r.ShowRules {
		return WithRule(d)
	}
	return d.String()
}

// WithRule is the diagnostic's line with the name of its rule at the end,
// in brackets, as compilers show theirs.
func WithRule(d Diagnostic) string {
	return d.String() + " [" + d.RuleName() + "]"
}

// Write prints the errors in full, then the warnings (in full, or summed
// up by kind when there are many), then the count line.
func (r Report) Write(w io.Writer, l List) error {
	if len(l) == 0 {
		return nil
	}
	sorted := l.ErrorsFirst()
	var b strings.Builder
	nErr := l.Count(Error)
	for _, d := range sorted[:nErr] {
		b.WriteString(r.line(d))
		b.WriteByte('\n')
	}
	warnings := sorted[nErr:]
	if r.AllWarnings || len(warnings) <= ManyWarnings {
		for _, d := range warnings {
			b.WriteString(r.line(d))
			b.WriteByte('\n')
		}
	} else {
		writeWarningSummary(&b, warnings, r.ListAll)
	}
	b.WriteString(l.Summary())
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// kindGroup is the warnings of one kind, in report order.
type kindGroup struct {
	key   string
	items List
}

// writeWarningSummary prints, for each kind of warning, how many there are,
// the first in full and the places of the next few.
func writeWarningSummary(b *strings.Builder, warnings List, listAll string) {
	groups := groupByKind(warnings)
	if listAll == "" {
		listAll = "coproduce check"
	}
	fmt.Fprintf(b, "%s, of %s. The first of each kind is below. To list them all, run: %s (or add --rule and the name in brackets to list one kind)\n",
		plural(len(warnings), "warning"), plural(len(groups), "kind"), listAll)
	for i, g := range groups {
		if i == kindsShown {
			rest := 0
			for _, g := range groups[i:] {
				rest += len(g.items)
			}
			fmt.Fprintf(b, "  and %s of %s more\n", plural(rest, "warning"), plural(len(groups)-i, "kind"))
			break
		}
		fmt.Fprintf(b, "%d× %s\n", len(g.items), WithRule(g.items[0]))
		if len(g.items) > 1 {
			var places []string
			for _, d := range g.items[1:min(len(g.items), placesShown+1)] {
				places = append(places, d.Pos.String())
			}
			more := ""
			if n := len(g.items) - 1 - len(places); n > 0 {
				more = fmt.Sprintf(" and %d more", n)
			}
			fmt.Fprintf(b, "   also at %s%s\n", strings.Join(places, ", "), more)
		}
	}
}

// groupByKind puts diagnostics of the same kind together, the largest
// group first. Two diagnostics are of one kind when their problems differ
// only in quoted text and numbers, such as the heading "A" and the
// heading "B" skipping a level.
func groupByKind(l List) []kindGroup {
	index := map[string]int{}
	var groups []kindGroup
	for _, d := range l {
		k := Kind(d.Problem)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, kindGroup{key: k})
		}
		groups[i].items = append(groups[i].items, d)
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].items) > len(groups[j].items) })
	return groups
}

// Kind is the problem with its particulars taken out: quoted text becomes
// "…" and every number #.
func Kind(problem string) string {
	var b strings.Builder
	quoted := false
	lastDigit := false
	for _, r := range problem {
		switch {
		case r == '"' || r == '“' || r == '”':
			if !quoted {
				b.WriteString(`"…"`)
			}
			quoted = !quoted
			lastDigit = false
		case quoted:
		case unicode.IsDigit(r):
			if !lastDigit {
				b.WriteByte('#')
			}
			lastDigit = true
		default:
			if lastDigit && (r == '.' || r == ',') {
				continue // 1,234 and 7.5 are one number
			}
			lastDigit = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// WriteGitHub prints the list as GitHub Actions workflow commands, errors
// first, so each problem shows on its own line of the file in a pull
// request or commit, and in the log as one line:
//
//	::error file=content/a.md,line=5,col=9,title=coproduce error [rule]::what is wrong; what to do
//
// The title names the rule, for "coproduce check --rule".
func WriteGitHub(w io.Writer, l List) error {
	var b strings.Builder
	for _, d := range l.ErrorsFirst() {
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", d.Severity,
			githubProperty(d.File), max(d.Line, 1), max(d.Col, 1), githubProperty("coproduce "+d.Severity.String()+" ["+d.RuleName()+"]"),
			githubMessage(strings.TrimPrefix(d.String(), d.Pos.String()+": "+d.Severity.String()+": ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubMessage escapes what GitHub reads specially in a message.
func githubMessage(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a property value, where , and : also end it.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
