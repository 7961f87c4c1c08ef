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
