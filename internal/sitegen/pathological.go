package sitegen

import (
	"sort"
	"strings"
)

// Pathological page bodies: the shapes of Markdown that once made a
// stage of the build take time or memory growing with the square of the
// page's size. Benchmarks run each shape at two sizes to show that the
// cost now grows in step with the size, and tests build each one near the
// largest page the tool accepts.
var pathological = map[string]func(n int) string{
	// Every heading the same: each needs an id of its own (a, a-1, a-2...).
	"repeated-headings": repeat("## a\n\n"),
	// Long runs of one character, each a possible start or end of markup.
	"run-star":          repeat("*"),
	"run-underline":     repeat("_"),
	"run-open-bracket":  repeat("["),
	"run-close-bracket": repeat("]"),
	"run-less-than":     repeat("<"),
	"run-backtick":      repeat("`"),
	"run-pipe":          repeat("|"),
	"run-quote":         repeat(">"),
	"run-space":         func(n int) string { return "a" + strings.Repeat(" ", max(n-2, 0)) + "b" },
	"run-double-quote":  repeat("\""),
	"run-single-quote":  repeat("'"),
	"run-ampersand":     repeat("&amp;"),
	"run-letter":        repeat("a"), // one very long word
	"run-dash":          repeat("-"),
	"run-dot":           repeat("."),
	"run-hash":          repeat("#"),
	"bare-emails":       repeat("a@example.org "),
	// Emphasis delimiters that never match each other.
	"emphasis-unmatched": repeat("*a_ "),
	"emphasis-openers":   repeat("*a "),
	"emphasis-closers":   repeat("a* "),
	"image-openers":      repeat("!["),
	// Many links on one line, of every kind the checks report on.
	"links-one-line":        repeat("[a](/) "),
	"links-empty":           repeat("[](/) "),
	"links-vague":           repeat("[here](/) "),
	"links-bare":            repeat("https://example.org/ "),
	"links-autolink":        repeat("<https://example.org/> "),
	"links-anchor":          repeat("[a](#a) "),
	"links-reference":       func(n int) string { return strings.Repeat("[a] ", n/4) + "\n\n[a]: /\n" },
	"images-no-alt":         repeat("![](/) "),
	"reference-definitions": repeat("[a]: /\n"),
	// Deep nesting.
	"nested-brackets": func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) },
	"nested-links":    func(n int) string { return strings.Repeat("[a", n/4) + strings.Repeat("](/)", n/8) },
	"nested-emphasis": func(n int) string { return strings.Repeat("*", n/2) + "a" + strings.Repeat("*", n/2) },
	"nested-lists": func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.Repeat("  ", i%8) + "- a\n")
		}
		return b.String()
	},
	"nested-quotes": func(n int) string { return strings.Repeat("> ", 8) + strings.Repeat("a ", n/2) },
	// As much of each as the converter accepts in one paragraph, in
	// paragraph after paragraph (see markdown.MaxEmphasisMarks and the
	// limits beside it).
	"emphasis-unmatched-paragraphs": paragraphs(strings.Repeat("*a_ ", 199)),
	"open-brackets-paragraphs":      paragraphs(strings.Repeat("[a ", 99)),
	"quote-runs":                    paragraphs(strings.Repeat(strings.Repeat("\"", 32)+" ", 399)),
	"link-definitions-paragraphs":   paragraphs(strings.Repeat("[a]: /\n", 500)),
	// Big structures.
	"table-rows":    func(n int) string { return "a|b\n-|-\n" + strings.Repeat("c|d\n", n/4) },
	"table-columns": func(n int) string { return strings.Repeat("a|", n/4) + "\n" + strings.Repeat("-|", n/4) + "\n" },
	"list-items":    repeat("- a\n"),
	"paragraphs":    repeat("a\n\n"),
	"long-sentence": repeat("aa "),
	"long-words":    repeat("abcdefghijklmnop "),
	// Long words, each different: an Easy Read page asks of each whether
	// the page explains it.
	"distinct-long-words": func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			word := []byte("explaining")
			for j, k := len(word)-1, i; k > 0; j, k = j-1, k/26 {
				word[j] = byte('a' + k%26)
			}
			b.Write(word)
			b.WriteString(" means yes. ")
			b.Write(word)
			b.WriteString("s ")
		}
		return b.String()
	},
}

func paragraphs(p string) func(n int) string {
	return repeat(p + "\n\n")
}

func repeat(s string) func(n int) string {
	return func(n int) string { return strings.Repeat(s, n/len(s)) }
}

// PathologicalShapes names the pathological shapes, sorted.
func PathologicalShapes() []string {
	names := make([]string, 0, len(pathological))
	for name := range pathological {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Pathological returns a body of the named shape of about n bytes, and
// false when there is no such shape.
func Pathological(shape string, n int) ([]byte, bool) {
	gen, ok := pathological[shape]
	if !ok {
		return nil, false
	}
	return []byte(gen(n)), true
}
