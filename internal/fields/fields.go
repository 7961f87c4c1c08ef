// Package fields reads typed values out of a YAML mapping while keeping the
// line and column of every key, so that a wrong value can be reported at the
// exact place an editor wrote it, with advice on what to write instead.
//
// Both site.yaml and page front matter are read through it. It never panics
// on any input: every unexpected shape becomes a diagnostic.
package fields

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
)

// DateLayout is the one date format editors write: 2024-03-01.
const DateLayout = "2006-01-02"

// Reader reads the values of one YAML mapping in one file.
type Reader struct {
	File string
	// LineOffset is added to every YAML line: front matter starts a line or
	// more below the top of its file.
	LineOffset int
	Diags      *diag.List
}

// Pos returns the place of n in the file.
func (r Reader) Pos(n *yaml.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: r.File, Line: r.LineOffset + 1, Col: 1}
	}
	return diag.Pos{File: r.File, Line: n.Line + r.LineOffset, Col: n.Column}
}

func (r Reader) fail(n *yaml.Node, fix, format string, args ...any) {
	r.Diags.Errorf(r.Pos(n), fix, format, args...)
}

// Entry is one key of a mapping with its value.
type Entry struct {
	Key            string
	KeyNode, Value *yaml.Node
}

// Entries lists the keys of a mapping in the order written. A repeated key
// is reported, since YAML would silently keep only one of them.
func (r Reader) Entries(m *yaml.Node, what string) []Entry {
	if m == nil {
		return nil
	}
	if m.Kind != yaml.MappingNode {
		r.fail(m, "write one \"key: value\" a line", "%s should be a list of keys and values", what)
		return nil
	}
	seen := map[string]bool{}
	var out []Entry
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			r.fail(k, "delete one of them", "the key %q is written twice", k.Value)
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			// "summary: *intro" reuses the value anchored as &intro; read
			// that value rather than calling the alias a wrong type.
			v = v.Alias
		}
		out = append(out, Entry{Key: k.Value, KeyNode: k, Value: v})
	}
	return out
}

// Unknown reports a key that is not one of known, naming the nearest one,
// and returns that nearest key ("" when none is close).
func (r Reader) Unknown(e Entry, known []string, where string) string {
	fix := "delete the line, or check the spelling of the key"
	if slices.Contains(known, "params") {
		// Say what params is for, in the words of the line to write.
		fix = fmt.Sprintf("delete the line, or check the spelling of the key. To keep information of your own, write params: on a line of its own. Put the line under it, with two spaces in front, such as:   %s: %s", e.Key, exampleValue(e.Value))
	}
	near := diag.Nearest(e.Key, known)
	if near != "" {
		fix = fmt.Sprintf("did you mean %q?", near)
	}
	r.fail(e.KeyNode, fix, "%q is not a key %s can have", e.Key, where)
	return near
}

// exampleValue is a short value for the advice: the one written when it
// is a short line of text, else "...".
func exampleValue(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode && n.Value != "" && len(n.Value) <= 40 && !strings.ContainsAny(n.Value, "\n") {
		return n.Value
	}
	return "..."
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// String reads a single line of text.
func (r Reader) String(e Entry) string {
	n := e.Value
	if n.Kind != yaml.ScalarNode {
		r.fail(n, fmt.Sprintf("write %s: some text, on one line", e.Key), "%s should be plain text, not a list", e.Key)
		return ""
	}
	if isNull(n) {
		return ""
	}
	if i := strings.IndexFunc(n.Value, isControl); i >= 0 {
		r.fail(n, "delete it and type the text again; it often comes from copying text out of another program", "%s has an invisible control character in it", e.Key)
		return strings.Map(func(c rune) rune {
			if isControl(c) {
				return -1
			}
			return c
		}, n.Value)
	}
	return n.Value
}

// isControl reports characters that have no place in a line of text and
// would break the XML of a badge or feed: C0 and C1 controls other than
// tab and newline, and Unicode noncharacters.
func isControl(c rune) bool {
	if c == '\t' || c == '\n' {
		return false
	}
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xfdd0 && c <= 0xfdef) || c&0xfffe == 0xfffe
}

// Bool reads true or false. "yes" in quotes is text, not a yes/no value.
func (r Reader) Bool(e Entry) bool {
	n := e.Value
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b
		}
	}
	r.fail(n, fmt.Sprintf("write %s: true or %s: false, without quotes", e.Key, e.Key), "%s should be true or false, not %s", e.Key, describe(n))
	return false
}

// Int reads a whole number.
func (r Reader) Int(e Entry) int {
	n := e.Value
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	example := "1"
	if e.Key == "reading_age" {
		example = "9"
	}
	r.fail(n, fmt.Sprintf("write a whole number in figures, such as %s: %s", e.Key, example), "%s should be a whole number, not %s", e.Key, describe(n))
	return 0
}

// Date reads a YYYY-MM-DD date and checks that it exists on the calendar.
func (r Reader) Date(e Entry) time.Time {
	n := e.Value
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		if t, err := time.Parse(DateLayout, n.Value); err == nil {
			return t
		}
		if t, ok := otherDateForm(n.Value); ok {
			// Say the very date they meant, so copying the fix is right.
			r.fail(n, fmt.Sprintf("write it as %s: %s", e.Key, t.Format(DateLayout)), "%s: %s is not written the way dates are written here, year-month-day", e.Key, n.Value)
			return time.Time{}
		}
		if looksLikeDate(n.Value) {
			r.fail(n, "check the day and month: dates are written YYYY-MM-DD, such as 2024-03-01", "%s: %s is not a real date", e.Key, n.Value)
			return time.Time{}
		}
	}
	r.fail(n, fmt.Sprintf("write the date as YYYY-MM-DD, such as %s: 2024-03-01", e.Key), "%s should be a date, not %s", e.Key, describe(n))
	return time.Time{}
}

func looksLikeDate(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			return false
		}
	}
	return true
}

// StringList reads a list of text items. A single item written without a
// list is accepted, since editors often write "pledges: two-way-pledge".
func (r Reader) StringList(e Entry) []string {
	items, _ := r.StringListAt(e)
	return items
}

// StringListAt is StringList with the place of each item, so a problem
// with one item (a slug that names nothing) is reported where it is.
func (r Reader) StringListAt(e Entry) ([]string, []diag.Pos) {
	n := e.Value
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			return nil, nil
		}
		return []string{n.Value}, []diag.Pos{r.Pos(n)}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		at := make([]diag.Pos, 0, len(n.Content))
		seen := make(map[string]bool, len(n.Content))
		for _, item := range n.Content {
			where := item // an alias is reported where it is written
			if item.Kind == yaml.AliasNode && item.Alias != nil {
				item = item.Alias
			}
			if item.Kind != yaml.ScalarNode || isNull(item) || strings.TrimSpace(item.Value) == "" {
				r.fail(where, fmt.Sprintf("write each item of %s as plain text after a dash", e.Key), "an item of %s is empty or not plain text", e.Key)
				continue
			}
			if strings.IndexFunc(item.Value, isControl) >= 0 {
				// Written as an escape, "\x01", so the file itself is clean.
				r.fail(where, "delete it and type the text again; it often comes from copying text out of another program", "an item of %s has an invisible control character in it", e.Key)
				continue
			}
			// The same pledge twice would list the signatory twice on the
			// pledge's page and in the open data; the same line twice in
			// any list is a slip of copy and paste.
			key := SameItem(item.Value)
			if seen[key] {
				r.fail(where, "delete one of them", "%s has %q twice", e.Key, strings.TrimSpace(item.Value))
				continue
			}
			seen[key] = true
			out = append(out, item.Value)
			at = append(at, r.Pos(where))
		}
		return out, at
	}
	r.fail(n, fmt.Sprintf("write %s as a list, one item a line starting with a dash", e.Key), "%s should be a list", e.Key)
	return nil, nil
}

// SameItem is the form in which two items of a list count as the same:
// spaces around and between words and capital letters do not count.
func SameItem(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Map reads a free-form mapping (params) as plain Go values.
func (r Reader) Map(e Entry) map[string]any {
	if e.Value.Kind != yaml.MappingNode {
		r.fail(e.Value, fmt.Sprintf("write the items of %s indented below it, as key: value", e.Key), "%s should be a set of keys and values", e.Key)
		return nil
	}
	var out map[string]any
	if err := e.Value.Decode(&out); err != nil {
		r.fail(e.Value, "check the indentation of the lines below it", "%s could not be read: %v", e.Key, err)
	}
	return out
}

// HTTPURL reads a web address and insists on http or https, so that a
// "javascript:" address can never become a link.
func (r Reader) HTTPURL(e Entry) string {
	s := strings.TrimSpace(r.String(e))
	if s == "" {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		fix := "write the full address starting with https://, such as https://example.org/"
		if err == nil && u.Scheme == "" && strings.Contains(strings.SplitN(s, "/", 2)[0], ".") {
			fix = "put https:// in front of it: " + e.Key + ": https://" + s
		}
		r.fail(e.Value, fix, "%s: %q is not a web address", e.Key, s)
		return ""
	}
	if strings.ContainsAny(s, " \t") {
		r.fail(e.Value, "write only the address, with no spaces or words after it", "%s: %q has spaces in it", e.Key, s)
		return ""
	}
	if host := u.Hostname(); !strings.Contains(host, ".") && host != "localhost" {
		r.fail(e.Value, "write the whole address, such as https://"+host+".org.uk/", "%s: %q is not a whole web address", e.Key, s)
		return ""
	}
	if u.User != nil {
		// https://bank.example@evil.example/ goes to evil.example: the part
		// before @ is a user name that only makes the link look trusted.
		clean := *u
		clean.User = nil
		r.fail(e.Value, "write the address without the part before @: "+e.Key+": "+clean.String(),
			"%s: %q has a user name or password in it (the part before @), so it does not go where it seems to", e.Key, s)
		return ""
	}
	return s
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of keys"
	}
	if isNull(n) {
		return "empty"
	}
	return strconv.Quote(n.Value)
}

// otherDateForms are the ways people write a date that can be read without
// doubt, UK order (day before month) first.
var otherDateForms = []string{"2006-1-2", "2/1/2006", "02/01/2006", "2.1.2006", "2 January 2006", "2 Jan 2006", "January 2 2006"}

// otherDateForm reads a date written another way than YYYY-MM-DD, so the
// advice can give the exact date in the right form.
func otherDateForm(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	for _, layout := range otherDateForms {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// After reports whether the date d (read by Date, at midnight UTC) falls
// on a later day than now in now's own time zone: "in the future" for an
// editor is by the calendar of the day the site is built, not by the hour.
func After(d, now time.Time) bool {
	if d.IsZero() {
		return false
	}
	y, m, day := now.Date()
	return d.After(time.Date(y, m, day, 0, 0, 0, 0, time.UTC))
}
