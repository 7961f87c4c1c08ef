package fields

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// A LintProblem is a likely cause of a YAML mistake in front matter or
// site.yaml, found by
// reading the lines as an editor typed them. Line and Col count from the
// first line of the front matter, in characters, as an editor counts.
type LintProblem struct {
	Line, Col    int
	Problem, Fix string
}

// LintYAML reads YAML (front matter, or site.yaml) line by line for the slips that
// editors make and the YAML library words in its own jargon, often a line
// late: tabs, missing or unspaced colons, a second colon in a value, and
// the curly quotes Word types. It returns the first one, or nil. It is run
// when the library refuses the text, so it may guess; each guess names the
// line as the editor should write it.
//
// what names the text in messages, such as "the front matter" or
// "site.yaml".
func LintYAML(text []byte, what string) *LintProblem {
	lines := strings.Split(string(text), "\n")
	var (
		blockIndent = -1 // indent of the key that opened a | or > block, -1 when outside one
		keyIndent   = 0  // indent of the last key line, to tell a continuation from a new key
		closer      = "" // the quote or bracket that ends a value spread over lines
		prevOpens   = "" // the previous line ended "key:", so this one may be indented
		listIndent  = -1 // indent of the list being written, -1 when none
		lastKey     = "" // the key of the last plain value, which may go on over lines
	)
	for i, raw := range lines {
		n := i + 1
		content := strings.TrimLeft(raw, " \t")
		indentText := raw[:len(raw)-len(content)]
		indent := utf8.RuneCountInString(indentText)
		if strings.TrimSpace(content) == "" || strings.HasPrefix(content, "#") {
			continue
		}
		if t := strings.IndexByte(indentText, '\t'); t >= 0 {
			fix := "delete it, so the line starts at the left edge like the others"
			if prevOpens != "" || strings.HasPrefix(content, "-") || blockIndent >= 0 || indent > 1 {
				fix = "delete it and type two spaces instead"
			}
			return &LintProblem{Line: n, Col: t + 1, Problem: "the line starts with a tab, which " + what + " cannot have", Fix: fix}
		}
		if blockIndent >= 0 && indent > blockIndent {
			continue // text of a | or > block: anything goes
		}
		blockIndent = -1
		if closer != "" {
			if strings.Contains(content, closer) {
				closer = ""
			}
			continue
		}
		if prevOpens == "" && !strings.HasPrefix(content, "-") {
			listIndent = -1
		}
		opened := prevOpens
		prevOpens = ""
		key, value, valueCol := "", "", 0
		switch {
		case indent > keyIndent && opened == "" && lastKey != "" && looksLikeKey(content):
			// "  summary: x" under "title: Home": YAML reads it as more
			// of the title and blames the line, or the one above, in
			// its own words.
			word := keyWord(content)
			return &LintProblem{Line: n, Col: indent + 1,
				Problem: "the line starts with spaces, so " + word + ": reads as part of the value of " + lastKey + " on the line above",
				Fix:     "delete the spaces before " + word + ", so it starts at the left edge like " + lastKey + "; if the words go on from the line above, put the whole value of " + lastKey + " in straight quote marks instead"}
		case content == "-" || strings.HasPrefix(content, "- "):
			if prevOpens == "" && listIndent != indent {
				return &LintProblem{Line: n, Col: indent + 1,
					Problem: "this list item does not follow a key",
					Fix:     "put the list under a line that has only its key and a colon, such as commitments:"}
			}
			listIndent = indent
			value = strings.TrimLeft(content[1:], " ")
			valueCol = indent + 1 + utf8.RuneCountInString(content[1:]) - utf8.RuneCountInString(value) + 1
		case indent > keyIndent && !looksLikeKey(content):
			// The next line of a long plain value, where a colon
			// reads as a key just as on the first line.
			if i := strings.Index(content+" ", ": "); i >= 0 && lastKey != "" {
				return &LintProblem{Line: n, Col: indent + utf8.RuneCountInString(content[:i]) + 1,
					Problem: "the value of " + lastKey + " has a colon in it, which reads as the start of another key",
					Fix:     "put the whole value of " + lastKey + " in straight quote marks, from the start of its first line to the end of its last"}
			}
			continue
		default:
			word := keyWord(content)
			after := content[len(word):]
			if word == "" && !strings.ContainsRune(`"'?&*!`, firstRune(content)) {
				return &LintProblem{Line: n, Col: indent + 1, Problem: "this line could not be read as key: value", Fix: PlainFix}
			}
			if word == "" {
				continue // a quoted key or something rarer: leave it to the library
			}
			if !strings.HasPrefix(after, ":") {
				v := strings.TrimSpace(after)
				if v == "" {
					v = "..."
				}
				return &LintProblem{Line: n, Col: indent + utf8.RuneCountInString(word) + 1,
					Problem: "there is no colon after " + word,
					Fix:     "write the key, a colon and a space, then the value: " + suggest(word, v)}
			}
			key, keyIndent = word, indent
			rest := after[1:]
			colonCol := indent + utf8.RuneCountInString(word) + 1
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				return &LintProblem{Line: n, Col: colonCol + 1,
					Problem: "there is no space after " + word + ":",
					Fix:     "put a space after " + word + ": like this: " + suggest(word, strings.TrimSpace(rest))}
			}
			value = strings.TrimSpace(rest)
			valueCol = colonCol + 1 + utf8.RuneCountInString(rest) - utf8.RuneCountInString(strings.TrimLeft(rest, " \t"))
			if value == "" {
				prevOpens = word
				continue
			}
		}
		if p := lintValue(n, key, value, valueCol); p != nil {
			return p
		}
		lastKey = key
		switch value[0] {
		case '|', '>':
			blockIndent = indent
		case '"', '\'':
			if !closedQuote(value) {
				closer = value[:1]
			}
		case '[':
			if !strings.Contains(value, "]") {
				closer = "]"
			}
		case '{':
			if !strings.Contains(value, "}") {
				closer = "}"
			}
		}
	}
	return nil
}

// PlainFix is the advice when no more precise cause is found.
const PlainFix = "check the spacing and quote marks: each line is a key, a colon, a space and a value, with straight quote marks round text that has a colon"

// lintValue checks one value, which starts at column col of line n. key is
// empty for a list item.
func lintValue(n int, key, value string, col int) *LintProblem {
	if value == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(value)
	last, lastSize := utf8.DecodeLastRuneInString(value)
	lastCol := col + utf8.RuneCountInString(value) - 1
	show := func(v string) string {
		if key == "" {
			return "- " + quoteValue(v)
		}
		return suggest(key, v)
	}
	switch {
	case isOpeningCurly(first):
		return &LintProblem{Line: n, Col: col,
			Problem: "these are curly quote marks, which Word adds",
			Fix:     "type straight quotes instead: " + show(value)}
	case (first == '"' || first == '\'') && isCurly(last) && !closedQuote(value):
		return &LintProblem{Line: n, Col: lastCol,
			Problem: "the quote mark at the end is curly, which Word adds, so it does not close the straight one at the start",
			Fix:     "type a straight quote instead: " + requote(key, value[:1], value[1:len(value)-lastSize])}
	case first == '"' || first == '\'' || first == '[' || first == '{' || first == '|' || first == '>':
		return nil
	case last == '”':
		return &LintProblem{Line: n, Col: lastCol,
			Problem: "this is a curly quote mark, which Word adds",
			Fix:     "type straight quotes instead: " + show(value)}
	case first == '@' || first == '`':
		return &LintProblem{Line: n, Col: col,
			Problem: "a value cannot start with " + string(first),
			Fix:     "put the whole value in straight quote marks: " + show(value)}
	}
	if key == "" {
		return nil
	}
	if i := strings.Index(value+" ", ": "); i >= 0 {
		return &LintProblem{Line: n, Col: col + utf8.RuneCountInString(value[:i]),
			Problem: "the value of " + key + " has a colon in it, which reads as the start of another key",
			Fix:     "put the whole value in straight quote marks: " + suggest(key, value)}
	}
	return nil
}

// CurlyQuoted finds the first plain value that YAML read without complaint
// but that starts or ends with Word's curly quotes, which the page would
// show as part of the text.
func CurlyQuoted(n *yaml.Node) *LintProblem {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Value != "" {
		first, _ := utf8.DecodeRuneInString(n.Value)
		last, _ := utf8.DecodeLastRuneInString(n.Value)
		if isOpeningCurly(first) || last == '”' {
			return &LintProblem{Line: n.Line, Col: n.Column,
				Problem: "these are curly quote marks, which Word adds, and the page would show them",
				Fix:     "type straight quotes instead: " + quoteValue(n.Value)}
		}
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue // keys
		}
		if p := CurlyQuoted(c); p != nil {
			switch {
			case c.Kind != yaml.ScalarNode:
			case n.Kind == yaml.MappingNode:
				p.Fix = "type straight quotes instead: " + suggest(n.Content[i-1].Value, c.Value)
			case n.Kind == yaml.SequenceNode:
				p.Fix = "type straight quotes instead: - " + quoteValue(c.Value)
			}
			return p
		}
	}
	return nil
}

func isOpeningCurly(r rune) bool { return r == '“' || r == '‘' || r == '„' }

func isCurly(r rune) bool { return r == '“' || r == '”' || r == '‘' || r == '’' || r == '„' }

// looksLikeKey tells a line that starts a new key from the next line of a
// long value: a key is one word followed by a colon.
func looksLikeKey(s string) bool {
	w := keyWord(s)
	return w != "" && strings.HasPrefix(s[len(w):], ":")
}

// keyWord is the run of characters a key is made of at the start of s.
func keyWord(s string) string {
	for i, r := range s {
		if !(r == '_' || r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return s[:i]
		}
	}
	return s
}

// closedQuote reports whether a value that opens with a straight quote also
// closes it on the same line.
func closedQuote(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q:
			return true
		}
	}
	return false
}

// requote writes key: value with the value between straight quotes q, as
// the editor began it.
func requote(key, q, value string) string {
	line := q + value + q
	if key == "" {
		return "- " + line
	}
	return key + ": " + line
}

// suggest writes the line key: value as it should be typed.
func suggest(key, value string) string { return key + ": " + quoteValue(value) }

// quoteValue writes text as a value an editor can copy: curly quotes round
// it become straight ones, and it is quoted when it needs to be.
func quoteValue(v string) string {
	v = strings.TrimSpace(v)
	if v == "..." {
		return v
	}
	inner := strings.TrimFunc(v, func(r rune) bool { return isCurly(r) || r == '"' })
	if inner == v && !strings.ContainsAny(v, ":#@`\"'") && !strings.ContainsRune("[{|>&*!%-?", firstRune(v)) {
		return v
	}
	if strings.Contains(inner, `"`) {
		return "'" + strings.ReplaceAll(inner, "'", "''") + "'"
	}
	return `"` + inner + `"`
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
