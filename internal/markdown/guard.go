package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark takes time growing with the square of a paragraph's size on a
// few shapes of text that no editor writes: a closing * or _ looks back
// over every emphasis mark before it in its paragraph, a run of quote
// marks is read again from each quote, an unclosed [ is read again at
// every ], and a paragraph of link definitions is copied once for each.
// One paragraph of these could stall a build for minutes. The guard
// watches the parser and refuses the page once a paragraph holds more of
// them than any real page does, which keeps each paragraph's cost small.
const (
	// MaxEmphasisMarks is the most runs of * _ ~ " and ' that may open or
	// close emphasis or quotes in one paragraph, heading or table cell.
	MaxEmphasisMarks = 400
	// MaxQuoteRun is the most quote marks in a row.
	MaxQuoteRun = 32
	// MaxOpenBrackets is the most [ in one paragraph that are not yet
	// closed by a ].
	MaxOpenBrackets = 100
	// MaxLinkDefinitions is the most link definitions ([name]: address)
	// in one paragraph, that is without a blank line between them.
	MaxLinkDefinitions = 500
	// MaxMarks is the most lines and marks that can start a link, an
	// emphasis, a table cell, a piece of code, an entity or a curly quote
	// ([ * _ ~ | ` < & " ' @, https:// and www., -- and ...) one page may
	// hold. goldmark keeps a node of a few hundred
	// bytes for each, and the build the page's HTML beside them: a 4 MB
	// page of list items or links took over a gigabyte. At this many a
	// page stays within about 200 MB; a real page has far fewer (the longest page of the
	// example site has about 430).
	MaxMarks = 100_000
)

// countMarks refuses a body with more than MaxMarks lines and marks, at
// the mark that passes the limit. It reads the body once, before the
// parser does.
func countMarks(src []byte) *Refusal {
	n := 0
	for i, c := range src {
		switch c {
		case '\n', '[', '*', '_', '~', '|', '`', '<', '&', '"', '\'', '@':
		case ':', '-', '.':
			// A bare web address (https://, www.) and the typographer's
			// dashes (--) and ellipses (...) become nodes too.
			rest := src[i+1:]
			if !(c == ':' && bytes.HasPrefix(rest, []byte("//")) || c == '-' && bytes.HasPrefix(rest, []byte("-")) ||
				c == '.' && (bytes.HasPrefix(rest, []byte("..")) || i >= 3 && string(src[i-3:i]) == "www")) {
				continue
			}
		default:
			continue
		}
		if n++; n > MaxMarks {
			return &Refusal{offset: i, Problem: fmt.Sprintf("the page has more than %d lines, links, list items, table cells and other marks", MaxMarks),
				Fix: "split it into smaller pages"}
		}
	}
	return nil
}

// Refusal is a page the converter does not read, and why.
type Refusal struct {
	Pos     Pos
	Problem string
	Fix     string
	offset  int // in the body, until Convert finds the line and column
}

func (r *Refusal) Error() string { return fmt.Sprintf("%d:%d: %s", r.Pos.Line, r.Pos.Col, r.Problem) }

// place finds the refusal's line and column in src.
func (r *Refusal) place(src []byte) {
	offset := min(max(r.offset, 0), len(src))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	r.Pos = Pos{Line: bytes.Count(src[:offset], newline) + 1, Col: len([]rune(string(src[start:offset]))) + 1}
}

var guardKey = parser.NewContextKey()

// guardState counts, for the block being parsed, what the guard watches.
type guardState struct {
	block      ast.Node
	marks      int  // emphasis and quote runs that can open or close
	open       int  // [ not yet closed
	quoteEnd   int  // offset just after the last quote mark seen
	quote      byte // that mark
	quoteRun   int  // the same mark in a row up to there
	quoteStart int  // where the run starts
}

// guard is an inline parser that goes before goldmark's own for the
// characters it watches. It only counts, and returns nil so that the
// real parser reads the character.
type guard struct{}

func (guard) Trigger() []byte { return []byte{'*', '_', '~', '"', '\'', '[', ']', '!'} }

func (guard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	st, _ := pc.Get(guardKey).(*guardState)
	if st == nil {
		st = &guardState{}
		pc.Set(guardKey, st)
	}
	if st.block != parent {
		*st = guardState{block: parent}
	}
	c, at := line[0], seg.Start
	switch c {
	case '!':
		if len(line) < 2 || line[1] != '[' {
			return nil
		}
		fallthrough // an image opens a bracket too
	case '[':
		if st.open++; st.open > MaxOpenBrackets {
			panic(&Refusal{offset: at, Problem: fmt.Sprintf("this paragraph has more than %d [ brackets that are not closed", MaxOpenBrackets),
				Fix: `close each [ with a ], or write \[ for a bracket that does not start a link`})
		}
		return nil
	case ']':
		st.open = max(st.open-1, 0)
		return nil
	case '"', '\'':
		if at == st.quoteEnd && c == st.quote {
			st.quoteRun++
		} else {
			st.quoteRun, st.quoteStart = 1, at
		}
		st.quoteEnd, st.quote = at+1, c
		if st.quoteRun > MaxQuoteRun {
			panic(&Refusal{offset: st.quoteStart, Problem: fmt.Sprintf("this line has more than %d quote marks in a row", MaxQuoteRun),
				Fix: "write fewer quote marks, or put them in a code block between lines of ```"})
		}
	}
	// A mark between two letters or digits, as in don't or snake_case,
	// neither opens nor closes anything, except *.
	prev := block.PrecendingCharacter()
	next := rune(' ')
	if len(line) > 1 {
		next = rune(line[1])
	}
	if c != '*' && isWordRune(prev) && isWordRune(next) {
		return nil
	}
	if prev == rune(c) {
		return nil // the rest of a run counted at its first mark
	}
	if st.marks++; st.marks > MaxEmphasisMarks {
		panic(&Refusal{offset: at, Problem: fmt.Sprintf("this paragraph has more than %d of the marks * _ ~ and quotes that make words bold or slanted", MaxEmphasisMarks),
			Fix: `split it up with blank lines, or write \* or \_ for a mark that should show as it is`})
	}
	return nil
}

func isWordRune(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r >= 0x80
}

// definitionGuard is a paragraph transformer that goes before goldmark's
// link definitions: it refuses a paragraph of too many of them.
type definitionGuard struct{}

func (definitionGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() <= MaxLinkDefinitions {
		return
	}
	src := reader.Source()
	n := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		l := bytes.TrimLeft(seg.Value(src), " ")
		if len(l) > 0 && l[0] == '[' && bytes.Contains(l, []byte("]:")) {
			if n++; n > MaxLinkDefinitions {
				panic(&Refusal{offset: seg.Start, Problem: fmt.Sprintf("this paragraph has more than %d lines in a row that give a link's address, such as [name]: address", MaxLinkDefinitions),
					Fix: "put a blank line between groups of them, or write each address in its own link"})
			}
		}
	}
}
