package render

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/coproduce/coproduce/internal/diag"
)

// includeCycles finds templates that include themselves through
// {{template}}, directly or through others. text/template would follow
// such a loop a hundred thousand levels deep before giving up, taking
// seconds and hundreds of megabytes for every page, or stop the program
// when its stack runs out. {{template}} names are fixed when the theme
// is written, so the loop can be found before any page is rendered.
// (partialCached, whose name can be worked out as the page renders, is
// stopped as it runs instead: see MaxPartialDepth.)
func (ts *Templates) includeCycles() diag.List {
	var diags diag.List
	reported := map[string]bool{}
	names := make([]string, 0, len(ts.masters))
	for name := range ts.masters {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		set := ts.masters[name]
		for _, c := range findCycles(set) {
			pos := ts.nodePos(c.tree, c.node)
			if reported[pos.String()] {
				continue // every set holds the same partials
			}
			reported[pos.String()] = true
			diags = append(diags, diag.Diagnostic{
				Pos:      pos,
				Severity: diag.Error,
				Problem:  fmt.Sprintf("the template includes itself (%s), so a page using it would never finish", strings.Join(c.path, " → ")),
				Fix:      fmt.Sprintf("remove {{template %q}} here, or include a different template", c.path[len(c.path)-1]),
			})
		}
	}
	return diags
}

// cycle is a loop of {{template}} includes, closed by node in tree.
type cycle struct {
	path []string // from the first template round to itself
	tree *parse.Tree
	node *parse.TemplateNode
}

// findCycles walks the includes of every template of set, depth first,
// and returns each include that leads back to a template still being
// walked.
func findCycles(set *template.Template) []cycle {
	trees := map[string]*parse.Tree{}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			trees[t.Name()] = t.Tree
		}
	}
	names := make([]string, 0, len(trees))
	for name := range trees {
		names = append(names, name)
	}
	sort.Strings(names)
	const (
		unseen = iota
		walking
		done
	)
	state := map[string]int{}
	var stack []string
	var found []cycle
	var visit func(name string)
	visit = func(name string) {
		state[name] = walking
		stack = append(stack, name)
		tree := trees[name]
		for _, n := range includes(tree.Root) {
			if trees[n.Name] == nil {
				continue // a missing template is reported when it runs
			}
			switch state[n.Name] {
			case walking:
				from := len(stack) - 1
				for stack[from] != n.Name {
					from--
				}
				path := append(append([]string(nil), stack[from:]...), n.Name)
				found = append(found, cycle{path: path, tree: tree, node: n})
			case unseen:
				visit(n.Name)
			}
		}
		stack = stack[:len(stack)-1]
		state[name] = done
	}
	for _, name := range names {
		if state[name] == unseen {
			visit(name)
		}
	}
	return found
}

// includes lists the {{template}} actions under n, in the order written.
func includes(n parse.Node) []*parse.TemplateNode {
	var out []*parse.TemplateNode
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return
			}
			for _, c := range n.Nodes {
				walk(c)
			}
		case *parse.TemplateNode:
			out = append(out, n)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return out
}

// nodePos places a node of a parsed template in its file.
func (ts *Templates) nodePos(tree *parse.Tree, n parse.Node) diag.Pos {
	loc, _ := tree.ErrorContext(n) // "FILE:LINE:COL"
	parts := strings.Split(loc, ":")
	pos := diag.Pos{File: ts.source(tree.ParseName), Line: 1, Col: 1}
	if len(parts) >= 3 {
		pos.Line, _ = strconv.Atoi(parts[len(parts)-2])
		pos.Col, _ = strconv.Atoi(parts[len(parts)-1])
		pos.Col++ // counted from 0 by text/template
	}
	return pos
}
