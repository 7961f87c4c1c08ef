package fields

import (
	"strings"
	"unicode"
)

// Contact reads a way to reach someone: an email address, or a link that
// starts with https://, http://, mailto: or tel:. Any other kind of link
// (javascript:, data:, file: ...) is refused, since a contact becomes a
// link on every page; the advice never repeats such an address.
func (r Reader) Contact(e Entry) string {
	s := strings.TrimSpace(r.String(e))
	if s == "" {
		return ""
	}
	example := "write an email address, such as " + e.Key + ": hello@example.org, or a web page starting with https://"
	switch scheme := strings.ToLower(Scheme(s)); scheme {
	case "http", "https":
		return r.HTTPURL(e)
	case "mailto":
		addr, _, _ := strings.Cut(s[len("mailto:"):], "?")
		if !IsEmail(addr) {
			r.fail(e.Value, example, "%s: %q is not a whole email address", e.Key, s)
			return ""
		}
		return s
	case "tel":
		if !isPhone(s[len("tel:"):]) {
			r.fail(e.Value, "write tel: and the number in figures, such as "+e.Key+": tel:+441234567890", "%s: %q is not a phone number", e.Key, s)
			return ""
		}
		return s
	case "":
		if IsEmail(s) {
			return s
		}
		if !strings.ContainsAny(s, "@ ") && strings.Contains(s, ".") {
			r.fail(e.Value, "put https:// in front of it: "+e.Key+": https://"+s, "%s: %q is not an email address or a web address", e.Key, s)
			return ""
		}
		r.fail(e.Value, example, "%s: %q is not an email address or a web address", e.Key, s)
		return ""
	default:
		r.fail(e.Value, example, "%s starts with %s:, which is not allowed here, since such a link could run a program in the reader's browser", e.Key, scheme)
		return ""
	}
}

// Scheme is the part of an address before its first colon when that part
// is a URL scheme (a letter, then letters, digits, +, - or .), such as
// "https" or "javascript"; "" when there is none. Browsers ignore tabs,
// newlines and leading spaces in a link, so those are dropped first, as
// an attacker would write "java\tscript:".
func Scheme(s string) string {
	s = strings.Map(func(c rune) rune {
		if c == '\t' || c == '\n' || c == '\r' {
			return -1
		}
		return c
	}, strings.TrimLeftFunc(s, func(c rune) bool { return c <= ' ' }))
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return s[:i]
		default:
			return ""
		}
	}
	return ""
}

// SafeScheme reports whether a link with this scheme may be published: a
// web page, an email address or a phone number, or no scheme at all (a
// path in the site).
func SafeScheme(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "", "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// IsEmail reports whether s looks like one whole email address: a name, an
// @ and a domain with a dot in it, with no spaces or characters that would
// break a mailto: link.
func IsEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") {
		return false
	}
	if strings.IndexFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsControl(c) || strings.ContainsRune(`<>()[]\,;:"`, c)
	}) >= 0 {
		return false
	}
	return strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

// isPhone reports whether s is a phone number as people write it: figures,
// spaces, dashes, brackets and a leading +, with at least three figures.
func isPhone(s string) bool {
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' && i == 0, c == ' ', c == '-', c == '(', c == ')', c == '.':
		default:
			return false
		}
	}
	return digits >= 3
}
