package svgsafe

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// badAddress says what is wrong with an address written in a picture, or
// "" when it stays inside the picture or the site. It reads the address as
// a browser does: tabs and line breaks anywhere, and spaces and control
// characters around it, are ignored, so "java&#9;script:" is javascript:.
func badAddress(v string) string {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	switch {
	case v == "" || v[0] == '#':
		return ""
	case len(v) >= 2 && (v[0] == '/' || v[0] == '\\') && (v[1] == '/' || v[1] == '\\'):
		return "an address on another site"
	}
	scheme := ""
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		if c == ':' && i > 0 {
			scheme = asciiLower(v[:i])
		}
		break
	}
	switch scheme {
	case "":
		return "" // a path in the site, such as shade.png
	case "javascript", "vbscript":
		return "a script address (" + scheme + ":)"
	case "data":
		if rasterData(asciiLower(v)) {
			return ""
		}
		return "a data: address that can hold a script or a web page"
	case "http", "https":
		return "an address on another site"
	}
	return "an address starting with " + scheme + ":"
}

// rasterData reports a data: address that holds a PNG, JPEG, GIF or WebP
// picture: these cannot run anything, and drawing programs put them in
// SVG files.
func rasterData(lower string) bool {
	for _, kind := range []string{"png", "jpeg", "jpg", "gif", "webp"} {
		prefix := "data:image/" + kind
		if strings.HasPrefix(lower, prefix) && len(lower) > len(prefix) && (lower[len(prefix)] == ';' || lower[len(prefix)] == ',') {
			return true
		}
	}
	return false
}

// asciiLower lowers A to Z only, so the result has the same length and
// offsets as s.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// indexFold is the offset of word (lower case, ASCII) in b, in any capitals.
func indexFold(b []byte, word string) int {
	n := len(word)
	for i := 0; i+n <= len(b); i++ {
		if b[i]|0x20 == word[0]|0x20 && strings.EqualFold(string(b[i:i+n]), word) {
			return i
		}
	}
	return -1
}

// attrOffset is the offset in a start tag of the attribute whose local
// name is local (with its prefix, if any), or 0 when it cannot be found.
func attrOffset(tag []byte, local string) int {
	for off := 0; off < len(tag); {
		i := bytes.Index(tag[off:], []byte(local))
		if i < 0 {
			return 0
		}
		i += off
		rest := bytes.TrimLeft(tag[i+len(local):], " \t\r\n")
		if i > 0 && len(rest) > 0 && rest[0] == '=' {
			switch tag[i-1] {
			case ' ', '\t', '\r', '\n':
				return i
			case ':':
				j := i - 1
				for j > 0 && !bytes.ContainsRune([]byte(" \t\r\n"), rune(tag[j-1])) {
					j--
				}
				return j
			}
		}
		off = i + len(local)
	}
	return 0
}

// lineStarts lists the byte offset each line starts at.
func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos turns a byte offset into a line and a column counted in characters.
func (c *checker) pos(offset int) (line, col int) {
	offset = min(max(offset, 0), len(c.src))
	lo, hi := 0, len(c.lines)-1
	for lo < hi { // the last line that starts at or before offset
		mid := (lo + hi + 1) / 2
		if c.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if len(c.lines) == 0 {
		return 1, 1
	}
	return lo + 1, utf8.RuneCount(c.src[c.lines[lo]:offset]) + 1
}

// invalidUTF8 is the offset of the first byte that is not UTF-8.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}
