// Package htmllinks finds the addresses an HTML document points to, for
// checking that every link a build writes leads somewhere. It reads only
// start tags and their attributes, skipping text, comments and the insides
// of script and style elements, so it runs at the speed of searching for
// '<' and never looks at a page's words. It never fails: on broken HTML it
// reports what it can read, as a browser would.
package htmllinks

import (
	"bytes"
	"html"
)

// linkAttrs are the attributes whose value is an address, or for srcset a
// list of them.
var linkAttrs = []string{"href", "src", "srcset", "poster", "action", "formaction", "data", "cite"}

// rawText are the elements whose content is not HTML: a '<' inside them
// does not start a tag.
var rawText = []string{"script", "style", "textarea", "title", "xmp", "plaintext"}

// oneOf returns the name in names that b spells in any case, or "". It
// does not allocate: most attributes of a page are not addresses.
func oneOf(b []byte, names []string) string {
	for _, n := range names {
		if len(n) == len(b) && bytes.EqualFold(b, []byte(n)) {
			return n
		}
	}
	return ""
}

// Each calls fn with every address in doc, with its attribute name, in
// document order. A srcset gives each of its addresses; a
// <meta http-equiv="refresh"> gives the address in its content.
func Each(doc []byte, fn func(attr string, addr string)) {
	for i := 0; i < len(doc); {
		lt := bytes.IndexByte(doc[i:], '<')
		if lt < 0 {
			return
		}
		i += lt + 1
		if i >= len(doc) {
			return
		}
		switch c := doc[i]; {
		case c == '!':
			i = skipDeclaration(doc, i)
			continue
		case c == '/' || c == '?':
			end := bytes.IndexByte(doc[i:], '>')
			if end < 0 {
				return
			}
			i += end + 1
			continue
		case !isLetter(c):
			continue
		}
		rawName, next := readName(doc, i)
		i = next
		isMeta := bytes.EqualFold(rawName, []byte("meta"))
		var refresh bool
		var content string
		i = readAttrs(doc, i, isMeta, func(attr, value string) {
			switch attr {
			case "srcset":
				for _, part := range splitSrcset(value) {
					fn(attr, part)
				}
			case "http-equiv":
				refresh = asciiLower(value) == "refresh"
			case "content":
				content = value
			default:
				fn(attr, value)
			}
		})
		if refresh {
			if addr, ok := refreshURL(content); ok {
				fn("content", addr)
			}
		}
		if name := oneOf(rawName, rawText); name != "" {
			i = skipRawText(doc, i, name)
		}
	}
}

// skipDeclaration skips a comment, CDATA section or doctype that starts
// after "<" at i.
func skipDeclaration(doc []byte, i int) int {
	if bytes.HasPrefix(doc[i:], []byte("!--")) {
		end := bytes.Index(doc[i+3:], []byte("-->"))
		if end < 0 {
			return len(doc)
		}
		return i + 3 + end + 3
	}
	end := bytes.IndexByte(doc[i:], '>')
	if end < 0 {
		return len(doc)
	}
	return i + end + 1
}

// skipRawText skips to the end tag of a raw text element.
func skipRawText(doc []byte, i int, name string) int {
	for i < len(doc) {
		lt := bytes.Index(doc[i:], []byte("</"))
		if lt < 0 {
			return len(doc)
		}
		i += lt + 2
		if end, next := readName(doc, i); bytes.EqualFold(end, []byte(name)) {
			return next
		}
	}
	return len(doc)
}

// readName reads a tag or attribute name at i.
func readName(doc []byte, i int) ([]byte, int) {
	start := i
	for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' && doc[i] != '=' {
		i++
	}
	return doc[start:i], i
}

// readAttrs reads the attributes of a start tag from i to its '>', calling
// fn with the lower-case name and decoded value of each address attribute,
// and, in a meta element, of http-equiv and content.
func readAttrs(doc []byte, i int, isMeta bool, fn func(name, value string)) int {
	for i < len(doc) {
		for i < len(doc) && (isSpace(doc[i]) || doc[i] == '/') {
			i++
		}
		if i >= len(doc) {
			return i
		}
		if doc[i] == '>' {
			return i + 1
		}
		var rawName []byte
		start := i
		rawName, i = readName(doc, i)
		if i == start { // a stray '=': skip it
			i++
			continue
		}
		for i < len(doc) && isSpace(doc[i]) {
			i++
		}
		if i >= len(doc) || doc[i] != '=' {
			continue
		}
		i++
		for i < len(doc) && isSpace(doc[i]) {
			i++
		}
		if i >= len(doc) {
			return i
		}
		var raw []byte
		if q := doc[i]; q == '"' || q == '\'' {
			end := bytes.IndexByte(doc[i+1:], q)
			if end < 0 {
				return len(doc)
			}
			raw = doc[i+1 : i+1+end]
			i += end + 2
		} else {
			start := i
			for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' {
				i++
			}
			raw = doc[start:i]
		}
		name := oneOf(rawName, linkAttrs)
		if name == "" && isMeta {
			name = oneOf(rawName, []string{"http-equiv", "content"})
		}
		if name != "" {
			value := string(raw)
			if bytes.IndexByte(raw, '&') >= 0 {
				value = html.UnescapeString(value)
			}
			fn(name, value)
		}
	}
	return i
}

// splitSrcset lists the addresses of a srcset: comma-separated candidates,
// each an address and an optional width or density.
func splitSrcset(s string) []string {
	var out []string
	for _, cand := range bytes.Split([]byte(s), []byte(",")) {
		fields := bytes.Fields(cand)
		if len(fields) > 0 {
			out = append(out, string(fields[0]))
		}
	}
	return out
}

// refreshURL finds the address in a refresh's content, "0; url=/new/".
func refreshURL(content string) (string, bool) {
	lower := asciiLower(content)
	i := bytes.Index([]byte(lower), []byte("url="))
	if i < 0 {
		return "", false
	}
	addr := content[i+4:]
	if len(addr) > 1 && (addr[0] == '\'' || addr[0] == '"') {
		addr = addr[1:]
		if j := bytes.IndexByte([]byte(addr), content[i+4]); j >= 0 {
			addr = addr[:j]
		}
	}
	return string(bytes.TrimSpace([]byte(addr))), true
}

func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
