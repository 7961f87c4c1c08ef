package check

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// The plain English limits, from the GOV.UK style guide and the site's
// accessibility notes.
const (
	// DefaultReadingAge is the target when site.yaml sets none.
	DefaultReadingAge = 9
	// MaxSentenceWords is the longest sentence GOV.UK advises.
	MaxSentenceWords = 25
	// MaxParagraphWords is the longest paragraph before it is flagged;
	// a paragraph should hold one idea, usually in two to four sentences.
	MaxParagraphWords = 80
	// Margin is how far, in years, a page may read above the target before
	// it is flagged. It is 0: reading_age is the target itself, as GOV.UK
	// means it, so a page one year above it is flagged. A site that wants
	// slack sets a higher reading_age rather than the tool hiding it.
	Margin = 0
	// MinWordsForAge is the fewest words a page needs for its reading age
	// to be judged; on shorter pages one long word swings the estimate.
	MinWordsForAge = 100
)

// Prose is what the plain English checks found in one body.
type Prose struct {
	Stats
	// NameChars and NameWords are the letters and words of names
	// (capitalised words inside a sentence), left out of word length.
	NameChars, NameWords int
	Long                 []LongSentence
	LongParas            []LongParagraph
	// hardest are the sentences with the longest words, to point at when
	// the page reads too old.
	hardest []markdown.Pos
	first   markdown.Pos // where the prose starts
}

// LongSentence is a sentence over MaxSentenceWords words.
type LongSentence struct {
	Pos   markdown.Pos
	Words int
	// SplitAfter is the text up to a good place to split, "" when none
	// was found.
	SplitAfter string
}

// LongParagraph is a paragraph over MaxParagraphWords words.
type LongParagraph struct {
	Pos   markdown.Pos
	Words int
}

// Grade is the Automated Readability Index of the page, with names left
// out of the letters per word.
func (p Prose) Grade() float64 {
	s := p.Stats
	s.Chars -= p.NameChars
	s.Words -= p.NameWords
	if s.Words <= 0 {
		return 0
	}
	g := s.Grade()
	// Sentence length is measured over every word, names included.
	return g - 0.5*float64(s.Words)/float64(s.Sentences) + 0.5*float64(p.Words)/float64(p.Sentences)
}

// ReadingAge is the grade plus five, never below 5; 0 for a page with no
// prose.
func (p Prose) ReadingAge() int {
	if p.Words == 0 {
		return 0
	}
	return max(5, int(roundHalfUp(p.Grade()+5)))
}

func roundHalfUp(f float64) float64 {
	if f < 0 {
		return -roundHalfUp(-f)
	}
	return float64(int(f + 0.5))
}

// Measure reads a Markdown body for the plain English checks.
func Measure(body []byte) Prose {
	sc := getScratch()
	defer putScratch(sc)
	ix := &sc.ix
	ix.reset(body)
	return measureBlocks(proseBlocks(body, ix, nil, sc), ix, sc)
}

// measureBlocks is Measure over the prose blocks of a body.
func measureBlocks(blocks []block, ix *lineIndex, sc *scratch) Prose {
	var p Prose
	var top hardest
	for i, b := range blocks {
		if i == 0 {
			p.first = b.pos
		}
		paraWords := 0
		for _, s := range sc.sentences(b.text) {
			p.add(s)
			paraWords += len(s.words)
			chars, names := 0, 0
			for i, w := range s.words {
				if i > 0 && isName(b.text[w.start:w.end]) {
					p.NameChars += w.chars
					p.NameWords++
					names++
					continue
				}
				chars += w.chars
			}
			// Finding a sentence's line and column costs a search, so it
			// is done only for the sentences that are reported.
			if n := len(s.words); n > MaxSentenceWords {
				p.Long = append(p.Long, LongSentence{Pos: ix.pos(b.srcAt(s.start)), Words: n, SplitAfter: splitPoint(b.text, s)})
			}
			if n := len(s.words) - names; n >= 5 {
				top.offer(4.71*float64(chars)/float64(n)+0.5*float64(len(s.words)), ix, b, s.start)
			}
		}
		if paraWords > MaxParagraphWords {
			p.LongParas = append(p.LongParas, LongParagraph{Pos: b.pos, Words: paraWords})
		}
	}
	// Keep the three hardest sentences, in the order they are written.
	for _, h := range top.list[:top.n] {
		p.hardest = append(p.hardest, h.pos)
	}
	sortPos(p.hardest)
	return p
}

// hardest keeps the three sentences with the highest scores seen so far,
// highest first; of equal scores the one written first ranks higher.
// Keeping three as the sentences go by, rather than every sentence's score
// to pick from at the end, needs no memory however long the page.
type hardest struct {
	list [3]struct {
		pos   markdown.Pos
		score float64
	}
	n int
}

// offer considers a sentence starting at text[start] of block b. It comes
// after every sentence offered before, so it ranks below any of equal score.
func (h *hardest) offer(score float64, ix *lineIndex, b block, start int) {
	i := h.n
	for i > 0 && score > h.list[i-1].score {
		i--
	}
	if i == len(h.list) {
		return
	}
	h.n = min(h.n+1, len(h.list))
	copy(h.list[i+1:h.n], h.list[i:h.n-1])
	h.list[i].pos, h.list[i].score = ix.pos(b.srcAt(start)), score
}

func sortPos(ps []markdown.Pos) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].Line < ps[j-1].Line || ps[j].Line == ps[j-1].Line && ps[j].Col < ps[j-1].Col); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// nameOpeners are the marks a name may follow at the start of a word.
const nameOpeners = "\"'“‘([*_"

// isName reports whether a word inside a sentence starts with a capital
// letter: a name such as "Greater Manchester", which readers take in
// whole however long it is.
func isName(w []byte) bool {
	if len(w) > 0 && w[0] < utf8.RuneSelf && isLetterOrDigit(rune(w[0])) { // no marks to skip
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRune(bytes.TrimLeft(w, nameOpeners))
	return unicode.IsUpper(r)
}

// conjunctions start a new clause: a sentence can be split before them.
var conjunctions = map[string]bool{
	"and": true, "but": true, "so": true, "because": true, "which": true, "who": true,
	"while": true, "when": true, "or": true, "where": true, "although": true, "then": true,
}

// splitPoint finds the place nearest the middle of a long sentence where it
// could become two: after a comma, colon, semicolon or dash, or before a
// word like "and" or "because". It returns the text up to that place.
func splitPoint(text []byte, s sentence) string {
	best, bestDist := -1, len(s.words)
	mid := len(s.words) / 2
	for i := 3; i < len(s.words)-3; i++ {
		w := s.words[i]
		raw := strings.TrimRight(string(text[w.start:w.end]), "\"'”’)]*_")
		next := strings.ToLower(strings.Trim(string(text[s.words[i+1].start:s.words[i+1].end]), "\"'“‘(*_,"))
		good := strings.HasSuffix(raw, ",") || strings.HasSuffix(raw, ";") || strings.HasSuffix(raw, ":") ||
			strings.HasSuffix(raw, "-") || strings.HasSuffix(raw, "—") || strings.HasSuffix(raw, "–") || conjunctions[next]
		// Never split just after a joining word: "... homeless or." is
		// not a sentence.
		if conjunctions[strings.ToLower(strings.Trim(raw, "\"'“‘(*_,;:"))] {
			good = false
		}
		if good && abs(i-mid) < bestDist {
			best, bestDist = i, abs(i-mid)
		}
	}
	if best < 0 {
		return ""
	}
	from := s.words[max(0, best-3)].start
	return strings.Join(strings.Fields(string(text[from:s.words[best].end])), " ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// plainEnglish adds the plain English warnings of one page body.
func plainEnglish(file string, bodyLine int, blocks []block, ix *lineIndex, sc *scratch, target int, diags *messages) Prose {
	p := measureBlocks(blocks, ix, sc)
	at := func(pos markdown.Pos) diag.Pos {
		return diag.Pos{File: file, Line: bodyLine + pos.Line - 1, Col: pos.Col}
	}
	for _, s := range p.Long {
		fix := "split this sentence into two or more, each of 25 words or fewer"
		if s.SplitAfter != "" {
			fix = fmt.Sprintf("split this sentence after %q, and keep each sentence to 25 words or fewer", s.SplitAfter)
		}
		diags.Warnf(at(s.Pos), fix, "this sentence has %d words, more than %d", s.Words, MaxSentenceWords)
	}
	for _, para := range p.LongParas {
		diags.Warnf(at(para.Pos), fmt.Sprintf("split it into shorter paragraphs of one idea each, of %d words or fewer", MaxParagraphWords),
			"this paragraph has %d words, more than %d", para.Words, MaxParagraphWords)
	}
	if age := p.ReadingAge(); p.Words >= MinWordsForAge && age > target+Margin {
		var lines []string
		for _, h := range p.hardest {
			if l := fmt.Sprint(at(h).Line); !slices.Contains(lines, l) {
				lines = append(lines, l)
			}
		}
		where := "line "
		if len(lines) > 1 {
			where = "lines "
		}
		diags.Warnf(at(p.first),
			"use shorter sentences and everyday words; start with the hardest sentences, on "+where+strings.Join(lines, ", "),
			"the page reads at %s, above the site's target of %d", describeAge(age), target)
	}
	return p
}

// describeAge words an age; past 18 the formula only says "adult".
func describeAge(age int) string {
	if age >= 18 {
		return "an adult level (age 18 or older)"
	}
	return fmt.Sprintf("about age %d", age)
}
