package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// template is one message the tool can print to an editor, as written in
// its source: a problem, the fix, or both, with the placeholders filled.
type template struct {
	at   string // file:line of the source
	text string
}

// placeholder fills a verb or a value worked out at run time with a
// plausible one, so the message reads as an editor would see it.
func placeholder(verb byte) string {
	switch verb {
	case 'd':
		return "3"
	case 'q':
		return `"Our aims"`
	}
	return "summary"
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// fill replaces the verbs of a format with plausible values.
func fill(format string) string {
	return verb.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return "%"
		}
		return placeholder(v[len(v)-1])
	})
}

// textOf is the text a message expression makes: string literals, joined
// with +, fmt.Sprintf of a literal format, and a plausible value for
// anything worked out at run time. ok is false when none of it is
// written in the source.
func textOf(e ast.Expr) (s string, ok bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return placeholder('d'), false
		}
		v, err := strconv.Unquote(e.Value)
		return v, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return placeholder('s'), false
		}
		a, okA := textOf(e.X)
		b, okB := textOf(e.Y)
		return a + b, okA || okB
	case *ast.ParenExpr:
		return textOf(e.X)
	case *ast.CallExpr:
		if sel, isSel := e.Fun.(*ast.SelectorExpr); isSel && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
			if f, ok := textOf(e.Args[0]); ok {
				return f, true
			}
		}
	}
	return placeholder('s'), false
}

// messageTemplates finds every message in the tool's own source: the
// problem and fix given to Errorf, Warnf and fail, the Problem and Fix of
// a Diagnostic written out, and the text a function returns as a problem,
// a fix or advice.
func messageTemplates(t *testing.T) []template {
	t.Helper()
	var out []template
	fset := token.NewFileSet()
	for _, root := range []string{"../../internal", "../../cmd"} {
		err := filepath.WalkDir(root, func(file string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(file, ".go") || strings.HasSuffix(file, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, file, nil, 0)
			if err != nil {
				return err
			}
			add := func(n ast.Node, parts ...ast.Expr) {
				var texts []string
				written := false
				for _, p := range parts {
					if p == nil {
						continue
					}
					s, ok := textOf(p)
					written = written || ok
					if strings.TrimSpace(s) != "" {
						texts = append(texts, s)
					}
				}
				if written {
					out = append(out, template{at: fset.Position(n.Pos()).String(), text: fill(strings.Join(texts, "; "))})
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.SelectorExpr:
						if x, ok := fn.X.(*ast.Ident); ok && (x.Name == "fmt" || x.Name == "errors") {
							return true
						}
						name = fn.Sel.Name
					case *ast.Ident:
						name = fn.Name
					}
					if (name == "Errorf" || name == "Warnf" || name == "fail") && len(n.Args) >= 3 {
						add(n, n.Args[2], n.Args[1])
					}
				case *ast.CompositeLit:
					var problem, fix ast.Expr
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok {
								switch k.Name {
								case "Problem":
									problem = kv.Value
								case "Fix":
									fix = kv.Value
								}
							}
						}
					}
					if problem != nil || fix != nil {
						add(n, problem, fix)
					}
				case *ast.AssignStmt:
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) && isMessageName(id.Name) {
							add(n, n.Rhs[i])
						}
					}
				case *ast.FuncDecl:
					if n.Body == nil || !returnsMessage(n) {
						return true
					}
					ast.Inspect(n.Body, func(m ast.Node) bool {
						if r, ok := m.(*ast.ReturnStmt); ok {
							var parts []ast.Expr
							for _, e := range r.Results {
								if _, isLit := e.(*ast.BasicLit); isLit || isStringy(e) {
									parts = append(parts, e)
								}
							}
							add(r, parts...)
						}
						return true
					})
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func isMessageName(name string) bool {
	switch strings.ToLower(name) {
	case "fix", "problem", "advice", "what", "msg":
		return true
	}
	return false
}

func isStringy(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD
	case *ast.CallExpr:
		sel, ok := e.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Sprintf"
	}
	return false
}

// returnsMessage reports whether a function gives a message's words: its
// results are named problem or fix, or its name says so.
func returnsMessage(fn *ast.FuncDecl) bool {
	name := fn.Name.Name
	if strings.HasSuffix(name, "Problem") || strings.HasSuffix(name, "Fix") || strings.HasSuffix(name, "Advice") || name == "Problem" || name == "Fix" {
		return true
	}
	if fn.Type.Results != nil {
		for _, r := range fn.Type.Results.List {
			for _, n := range r.Names {
				if isMessageName(n.Name) {
					return true
				}
			}
		}
	}
	return false
}

// literal are the parts of a message an editor types or looks for rather
// than reads as words: file names, keys with their colon, Markdown,
// addresses and numbers.
var literal = regexp.MustCompile("(?:[^\\s\"“”]*[/\\\\.:\\[\\]()_=#*<>@{}~|`0-9][^\\s\"“”]*)")

// readable is the message as the reading-age check takes it: the things
// to type are code, one short word each, as in a page; the problem and
// the fix are two sentences, as an editor reads them.
func readable(msg string) string {
	msg = strings.ReplaceAll(msg, "`", "'")
	words := strings.Fields(msg)
	for i, w := range words {
		core := strings.TrimRight(w, ",;.?!")
		if literal.MatchString(core) && strings.IndexFunc(core, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' }) >= 0 {
			words[i] = "`" + core + "`" + w[len(core):]
		}
	}
	// The problem and the fix, and a fix's alternatives, are separate
	// statements: the semicolon between them is read as a full stop.
	parts := strings.Split(strings.Join(words, " "), "; ")
	for i, p := range parts {
		parts[i] = capitalFirst(p)
	}
	return strings.Join(parts, ". ")
}

// TestMessagesAreInPlainEnglish reads every message the tool can print to
// an editor with the project's own plain English checks, at the site's
// default target. One message is far shorter than the formula needs (a
// page of fewer than MinWordsForAge words is given no age), so the
// messages of each source file are read together as one page, as an
// editor meets them, and so are all of them; each sentence is held to
// MaxSentenceWords on its own.
func TestMessagesAreInPlainEnglish(t *testing.T) {
	templates := messageTemplates(t)
	if len(templates) < 250 {
		t.Fatalf("found only %d messages in the source; the search is broken", len(templates))
	}
	// The search finds the messages written in each of the ways the
	// source writes them.
	for _, want := range []string{
		"the case study is anonymised, but this email address could show who it is about",           // a method's return
		`the alt text "Our aims" summary, so it does not tell blind readers what the picture shows`, // Warnf with a format
		"the file is empty; add front matter between two --- lines",                                 // Errorf with literals
		"this paragraph has more than 3 [ brackets that are not closed",                             // a Diagnostic's fields
	} {
		found := false
		for _, tm := range templates {
			found = found || strings.Contains(tm.text, want)
		}
		if !found {
			t.Errorf("the search did not find the message %q", want)
		}
	}

	byFile := map[string][]string{}
	var files, all []string
	for _, tm := range templates {
		text := readable(tm.text)
		for _, l := range Measure([]byte(text + "\n")).Long {
			t.Errorf("%s: a sentence of %d words, more than %d:\n\t%s", tm.at, l.Words, MaxSentenceWords, tm.text)
		}
		file := strings.SplitN(tm.at, ":", 2)[0]
		if byFile[file] == nil {
			files = append(files, file)
		}
		byFile[file] = append(byFile[file], text)
		all = append(all, text)
	}
	sort.Strings(files)
	measured := 0
	for _, file := range files {
		p := Measure([]byte(strings.Join(byFile[file], "\n\n") + "\n"))
		if p.Words < MinWordsForAge {
			continue
		}
		measured++
		if age := p.ReadingAge(); age > DefaultReadingAge {
			t.Errorf("the messages of %s read at age %d, above the target of %d; use shorter sentences and everyday words:\n\t%s",
				file, age, DefaultReadingAge, strings.Join(byFile[file], "\n\t"))
		}
	}
	if measured < 10 {
		t.Errorf("only %d source files have enough words of messages to measure", measured)
	}
	if age := Measure([]byte(strings.Join(all, "\n\n") + "\n")).ReadingAge(); age > DefaultReadingAge {
		t.Errorf("all the messages together read at age %d, above the target of %d", age, DefaultReadingAge)
	}
}
