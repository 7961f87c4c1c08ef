package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
)

// MaxFileSize is the largest Markdown file read. Bigger files are refused
// with a message rather than slowing every build.
const MaxFileSize = 4 << 20

// splitFile is a Markdown file cut into its front matter and its body.
type splitFile struct {
	matter     *yaml.Node // the front matter mapping, nil when absent
	lineOffset int        // add to front matter lines to get file lines
	body       []byte
	bodyLine   int
}

// Normalize makes the text of a file safe to parse: it refuses invalid
// UTF-8 and invisible control characters such as NUL (naming the place),
// and removes a byte-order mark and Windows line
// endings, which editors' tools add but which mean nothing to us.
func Normalize(file string, data []byte) ([]byte, *diag.Diagnostic) {
	// The mark is invisible in an editor, so it must not count as a column.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += size
		}
		return nil, &diag.Diagnostic{
			Pos: diag.Pos{File: file, Line: line, Col: col}, Severity: diag.Error,
			Problem: "the file has a character that is not UTF-8 text",
			Fix:     "save the file as UTF-8 in your editor, or retype the character at this place",
		}
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if line, col, c, ok := fields.FirstControl(data); ok {
		problem, fix := fields.ControlProblem(c)
		return nil, &diag.Diagnostic{Pos: diag.Pos{File: file, Line: line, Col: col}, Severity: diag.Error, Problem: problem, Fix: fix}
	}
	return data, nil
}

var yamlStarts = map[string]bool{"---": true, "---yaml": true}
var tomlStarts = map[string]string{"+++": "+++", "---toml": "---"}

// split reads the front matter of a normalized file. The file must open
// with a front matter block; a page without title and summary is no page.
func split(file string, data []byte, diags *diag.List) (splitFile, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "add front matter between two --- lines, with at least title: and summary:, then the text of the page", "the file is empty")
		return splitFile{}, false
	}
	startLine, first := firstLine(data)
	_, isTOML := tomlStarts[first]
	if !yamlStarts[first] && !isTOML && isDashLine(first) {
		problem, fix := dashProblem(first)
		diags.Errorf(diag.Pos{File: file, Line: startLine, Col: 1}, fix, "%s", problem)
		return splitFile{}, false
	}
	if !yamlStarts[first] && !isTOML {
		diags.Errorf(diag.Pos{File: file, Line: startLine, Col: 1}, "start the file with a line of three dashes (---), then title: and summary:, then another --- line", "the file has no front matter")
		return splitFile{}, false
	}
	var out splitFile
	out.lineOffset = startLine
	var parseErr error
	var matterText []byte
	yamlFormat := frontmatter.NewFormat("---", "---", func(b []byte, _ any) error {
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			parseErr, matterText = err, b
			return nil
		}
		if len(doc.Content) > 0 {
			out.matter = doc.Content[0]
		} else {
			out.matter = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
		}
		return nil
	})
	yamlNamed := *yamlFormat
	yamlNamed.Start = "---yaml"
	tomlFormat := func(start, end string) *frontmatter.Format {
		return frontmatter.NewFormat(start, end, func(b []byte, _ any) error {
			out.matter, parseErr = tomlToNode(b)
			return nil
		})
	}
	end := closerOf(first)
	head := data[:frontMatterEnd(data, end)]
	rest, err := frontmatter.Parse(bytes.NewReader(head), nil, yamlFormat, &yamlNamed, tomlFormat("+++", "+++"), tomlFormat("---toml", "---"))
	if err != nil {
		diags.Errorf(diag.Pos{File: file, Line: startLine, Col: 1}, "check the lines between the two ---", "the front matter could not be read: %v", err)
		return out, false
	}
	if parseErr != nil {
		if isTOML {
			line, col, msg := tomlErrorPos(parseErr)
			diags.Errorf(diag.Pos{File: file, Line: line + startLine, Col: col}, "each line should be key = value, with text in double quotes and dates as YYYY-MM-DD", "the front matter is not valid: %s", msg)
			return out, false
		}
		// The library's words are jargon and its line is often the one
		// after the mistake, so the lines are read for a likely cause first.
		if p := fields.LintYAML(matterText, "the front matter"); p != nil {
			diags.Errorf(diag.Pos{File: file, Line: p.Line + startLine, Col: p.Col}, p.Fix, "%s", p.Problem)
			return out, false
		}
		line, col, problem := fields.YAMLProblem(parseErr)
		if tl, tc := tabIndent(matterText); tl > 0 && strings.Contains(parseErr.Error(), "tab character") {
			line, col = tl, tc // yaml.v3 names the line before the tab
		}
		diags.Errorf(diag.Pos{File: file, Line: line + startLine, Col: col}, fields.PlainFix, "%s", problem)
		return out, false
	}
	if !isTOML && out.matter != nil {
		// YAML reads “Listen” as text with the quote marks in it, which
		// the page would show; Word types them for straight ones.
		if p := fields.CurlyQuoted(out.matter); p != nil {
			diags.Errorf(diag.Pos{File: file, Line: p.Line + startLine, Col: p.Col}, p.Fix, "%s", p.Problem)
		}
	}
	if out.matter == nil {
		if line, text := closingDashLine(data, startLine); line > 0 {
			problem, fix := dashProblem(text)
			diags.Errorf(diag.Pos{File: file, Line: line, Col: 1}, fix, "%s", problem)
			return out, false
		}
		diags.Errorf(diag.Pos{File: file, Line: startLine, Col: 1}, fmt.Sprintf("add a line with %s after the last key of the front matter", end), "the front matter that starts here is never closed")
		return out, false
	}
	consumed := len(head) - len(rest)
	out.body = data[consumed:]
	out.bodyLine = bytes.Count(data[:consumed], []byte("\n")) + 1
	return out, true
}

// closerOf is the line that closes front matter opened by the line first.
func closerOf(first string) string {
	if end := tomlStarts[first]; end != "" {
		return end
	}
	return "---"
}

// frontMatterEnd is how much of data the front matter parser must read:
// up to the end of the line that closes the front matter, the first line
// after the opening one that is end once trimmed, as the parser finds it;
// all of data when no line closes it. Given a whole file, the parser
// copies the body after the front matter into a buffer of its own,
// doubling it as it grows: a twentieth of all that a build allocated, for
// a copy nobody needs.
func frontMatterEnd(data []byte, end string) int {
	opened := false
	for at := 0; at < len(data); {
		next := len(data)
		if i := bytes.IndexByte(data[at:], '\n'); i >= 0 {
			next = at + i + 1
		}
		line := bytes.TrimSpace(data[at:next])
		switch {
		case !opened:
			opened = len(line) > 0
		case string(line) == end:
			return next
		}
		at = next
	}
	return len(data)
}

// firstLine returns the number and trimmed text of the first non-blank line,
// matching how the front matter parser looks for the opening delimiter.
func firstLine(data []byte) (int, string) {
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		var text []byte
		if i < 0 {
			text, data = data, nil
		} else {
			text, data = data[:i], data[i+1:]
		}
		if t := strings.TrimSpace(string(text)); t != "" {
			return line, t
		}
		line++
	}
	return line, ""
}

// tomlErrorPos places a TOML syntax error at its line and column inside
// the front matter. The parser's own "toml: line N (last key ...)" prefix
// is dropped: its line counts from the front matter, not the file, and
// would contradict the position the message is printed with.
func tomlErrorPos(err error) (int, int, string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return max(pe.Position.Line, 1), max(pe.Position.Col, 1), pe.Message
	}
	return 1, 1, err.Error()
}

// tomlToNode decodes TOML front matter into the same YAML node tree as YAML
// front matter, so one set of readers checks both. The library does not
// say where each key is, so tomlPlaces reads that from the text.
func tomlToNode(b []byte) (*yaml.Node, error) {
	var m map[string]any
	if _, err := toml.Decode(string(b), &m); err != nil {
		return nil, err
	}
	places := tomlPlaces(string(b))
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	for _, key := range sortedKeys(m) {
		at := places[key]
		if at == nil {
			at = &tomlKey{key: tomlPlace{1, 1}, value: tomlPlace{1, 1}}
		}
		var v yaml.Node
		if err := v.Encode(plainDates(m[key])); err != nil {
			return nil, err
		}
		setLine(&v, at.value.line, at.value.col)
		if v.Kind == yaml.SequenceNode && len(v.Content) == len(at.items) {
			// Each item where it is written, so a pledge that names
			// nothing is reported on its own line of a long list.
			for i, item := range v.Content {
				setLine(item, at.items[i].line, at.items[i].col)
			}
		}
		root.Content = append(root.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: at.key.line, Column: at.key.col},
			&v)
	}
	return root, nil
}

// plainDates turns TOML dates back into the YYYY-MM-DD text that the date
// reader expects.
func plainDates(v any) any {
	switch t := v.(type) {
	case time.Time:
		return t.Format(fields.DateLayout)
	case []any:
		for i := range t {
			t[i] = plainDates(t[i])
		}
	}
	return v
}

func setLine(n *yaml.Node, line, col int) {
	n.Line, n.Column = line, col
	for _, c := range n.Content {
		setLine(c, line, col)
	}
}

// tabIndent finds the first tab in the indentation of a line of YAML, the
// one thing YAML forbids that editors type without seeing it.
func tabIndent(b []byte) (line, col int) {
	for i, l := range strings.Split(string(b), "\n") {
		for j, c := range l {
			if c == '\t' {
				return i + 1, j + 1
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0, 0
}

// isDashLine reports whether a line is made only of dashes of any kind: a
// front matter delimiter that Word or a slip of the hand changed.
func isDashLine(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '-' && r != '—' && r != '–' && r != '―' && r != '‒' {
			return false
		}
	}
	return true
}

// dashProblem says what is wrong with a delimiter line that is not three
// short dashes, and how to mend it.
func dashProblem(s string) (problem, fix string) {
	fix = "type three short dashes --- instead of " + s
	if strings.Trim(s, "-") != "" {
		return "Word turned the three dashes into a long dash", fix
	}
	return fmt.Sprintf("this line has %d dashes, but the front matter needs exactly three", len(s)), fix
}

// closingDashLine finds, after the opening line, the first line of dashes
// that is not exactly ---: the closing line the editor meant to type.
func closingDashLine(data []byte, startLine int) (int, string) {
	for i, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); i+1 > startLine && t != "---" && isDashLine(t) {
			return i + 1, t
		}
	}
	return 0, ""
}
