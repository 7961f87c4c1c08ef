package signup

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/content"
)

// draft is the signatory page one row would become.
type draft struct {
	row  Row
	name string // the organisation's name as answered
	slug string

	values      map[string]string // front matter key -> value, for comparing with a page already there
	pledges     []string
	commitments []string
	description string
	summaryMade bool // the summary was made up, not answered

	// text is the page; lines maps a line of it to the column (from 0)
	// whose answer is written there, and bodyLine is the first line of
	// the text below the front matter, which comes from descCol.
	text     []byte
	lines    map[int]int
	bodyLine int
	descCol  int
	// quiet are the lines whose problems the import has already reported
	// in its own words (an answer missing, a date it could not read).
	quiet map[int]bool
}

// frontMatter writes a page's front matter a key at a time, remembering
// which column each line came from.
type frontMatter struct {
	b     strings.Builder
	line  int
	lines map[int]int
	quiet map[int]bool
}

func newFrontMatter() *frontMatter {
	fm := &frontMatter{line: 1, lines: map[int]int{}, quiet: map[int]bool{}}
	fm.b.WriteString("---\n")
	fm.line = 2
	return fm
}

// add writes key: value from column col (-1 when made up), quoted as YAML
// so that no answer can change the shape of the front matter.
func (fm *frontMatter) add(key, value string, col int, quiet bool) {
	fm.raw(key+": "+yamlString(value), col, quiet)
}

func (fm *frontMatter) raw(line string, col int, quiet bool) {
	if col >= 0 {
		fm.lines[fm.line] = col
	}
	if quiet {
		fm.quiet[fm.line] = true
	}
	fm.b.WriteString(line)
	fm.b.WriteByte('\n')
	fm.line++
}

// splice appends the lines of other, which was written on its own.
func (fm *frontMatter) splice(other *frontMatter) {
	for i, line := range strings.SplitAfter(other.b.String(), "\n") {
		if line == "" {
			continue
		}
		if col, ok := other.lines[i+1]; ok {
			fm.lines[fm.line] = col
		}
		if other.quiet[i+1] {
			fm.quiet[fm.line] = true
		}
		fm.b.WriteString(line)
		fm.line++
	}
}

// yamlString quotes text for YAML. YAML's double-quoted escapes include
// all of those strconv writes for printable text, so the value reads back
// exactly, control characters included (which check then reports).
func yamlString(s string) string { return strconv.Quote(s) }

// yamlList writes slugs as a flow list, as editors write pledges.
func yamlList(items []string) string { return "[" + strings.Join(items, ", ") + "]" }

// bareDomain reports an answer that is a web address without https://,
// such as www.kite.org.uk, which forms often get.
func bareDomain(s string) bool {
	if s == "" || strings.Contains(s, "://") || strings.ContainsAny(s, " \t@") {
		return false
	}
	host := strings.SplitN(s, "/", 2)[0]
	if !strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
		return false
	}
	u, err := url.Parse("https://" + s)
	return err == nil && u.Hostname() != ""
}

// normaliseSize reads a size answer such as "Small (10 to 49 people)" as
// the size it names; any other answer is kept, for check to report.
func normaliseSize(s string) string {
	s = strings.TrimSpace(s)
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) > 0 {
		if w := strings.ToLower(words[0]); slices.Contains(content.Sizes, w) {
			return w
		}
	}
	return s
}

// splitLines makes a long answer into one item a line, without the bullets
// or numbers people type in front of each.
func splitLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimSpace(strings.TrimLeft(line, "-•*·–—▪◦"))
		if i := strings.IndexAny(line, ".)"); i > 0 && i <= 3 && strings.Trim(line[:i], "0123456789") == "" {
			line = strings.TrimSpace(line[i+1:])
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// escapeMarkdown writes a line of an answer so that Markdown shows it as
// written: a "#" at the start is not a heading, "*" is not emphasis,
// "[x](y)" is not a link and "&amp;" is not an entity. Raw HTML is shown as
// text by the converter already; "<" is escaped too so the file reads the
// same to an editor.
func escapeMarkdown(line string) string {
	var b strings.Builder
	line = strings.TrimLeft(line, " \t") // four spaces would make code
	for i, r := range line {
		switch {
		case strings.ContainsRune("\\`*_[]<>&~|", r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune("#+-=", r):
			b.WriteByte('\\')
		case (r == '.' || r == ')') && i > 0 && i <= 9 && strings.Trim(line[:i], "0123456789") == "":
			b.WriteByte('\\') // "1. text" would start a numbered list
		}
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs turns a long answer into the page's text: each line the
// person typed becomes a paragraph, as it looked to them in the form.
func paragraphs(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, escapeMarkdown(line))
		}
	}
	return strings.Join(out, "\n\n")
}

// firstSentence is the first sentence of a description, to stand as the
// summary when the form did not ask for one; "" when it is too long to.
func firstSentence(s string) string {
	s = strings.TrimSpace(strings.SplitN(strings.TrimSpace(s), "\n", 2)[0])
	end := -1
	for i, r := range s {
		if r == '.' || r == '!' || r == '?' {
			rest := s[i+utf8.RuneLen(r):]
			if rest == "" || rest[0] == ' ' {
				end = i + utf8.RuneLen(r)
				break
			}
		}
	}
	if end < 0 {
		return ""
	}
	sentence := s[:end]
	if len(strings.Fields(sentence)) > 25 {
		return ""
	}
	return sentence
}

// madeSummary is the summary of a signatory whose form gave none.
func madeSummary(name string, pledgeTitles []string) string {
	if len(pledgeTitles) == 0 {
		return name + " has signed."
	}
	return name + " has signed " + strings.Join(pledgeTitles, " and ") + "."
}

func formatDate(t time.Time) string { return t.Format(time.DateOnly) }
