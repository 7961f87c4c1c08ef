package fields

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// FirstControl finds the first invisible control character in a file's
// text (valid UTF-8), at its line and column counted in characters as an
// editor counts them. Tabs and line endings are allowed. ok is false when
// there is none.
//
// The YAML reader refuses such a character without saying which line it
// is on, and in a page's body it would be published as a replacement
// mark or break the XML of the feed; so it is found here, at its place.
func FirstControl(text []byte) (line, col int, c rune, ok bool) {
	// Found first without counting lines: every page is read this way on
	// every build, and almost none has such a character.
	at := -1
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\n' && b != '\t' && b != '\r' || b == 0x7f {
				at, c = i, rune(b)
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if isControl(r) {
			at, c = i, r
			break
		}
		i += size
	}
	if at < 0 {
		return 0, 0, 0, false
	}
	start := bytes.LastIndexByte(text[:at], '\n') + 1
	return bytes.Count(text[:at], []byte("\n")) + 1, utf8.RuneCount(text[start:at]) + 1, c, true
}

// ControlProblem says, for an editor who cannot see it, what the control
// character c is and how to remove it.
func ControlProblem(c rune) (problem, fix string) {
	name := fmt.Sprintf("an invisible control character (U+%04X)", c)
	fix = "delete it: put the cursor just after it and press Backspace, or retype the line; it often comes from copying text out of another program"
	switch c {
	case 0:
		name = "an invisible NUL character (a zero byte)"
	case 0x0b:
		name = "an invisible line break that Word uses"
		fix = "delete it and press Enter instead to start a new line"
	}
	return "the file has " + name + " at this place", fix
}
