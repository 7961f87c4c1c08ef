package fields

import (
	"regexp"
	"strconv"
	"strings"
)

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// YAMLErrorPos pulls the line out of a yaml.v3 syntax error so it can be
// reported as a position, and rewords the rest for a non-developer.
func YAMLErrorPos(err error) (line, col int, msg string) {
	text := err.Error()
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	m := yamlLineRE.FindStringSubmatch(text)
	if m == nil {
		return 1, 1, text
	}
	line, _ = strconv.Atoi(m[1])
	if line < 1 {
		line = 1
	}
	return line, 1, m[2]
}

// YAMLProblem places a yaml.v3 syntax error like YAMLErrorPos, but says
// what is wrong in plain words instead of the library's: an editor cannot
// act on "mapping values are not allowed in this context".
func YAMLProblem(err error) (line, col int, problem string) {
	line, col, msg := YAMLErrorPos(err)
	switch {
	case strings.Contains(msg, "end of stream"):
		return line, col, "the front matter ends before a quote mark or bracket that was opened is closed"
	case strings.Contains(msg, "tab character"):
		return line, col, "the line starts with a tab, which the front matter cannot have"
	}
	return line, col, "this line could not be read as key: value"
}
