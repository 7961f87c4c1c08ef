package check

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a sentence: where it starts in the block's text and
// how many letters and digits it has.
type word struct {
	start, end int // byte offsets in block.text
	chars      int
}

// sentence is a run of words ending in a full stop, question or exclamation
// mark, or at the end of its paragraph or list item.
type sentence struct {
	words      []word
	start, end int // byte offsets in block.text
}

// abbreviations end in a full stop without ending the sentence.
var abbreviations = map[string]bool{
	"e.g": true, "eg": true, "i.e": true, "ie": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "st": true, "no": true, "vs": true, "approx": true, "prof": true, "cf": true,
}

// sentences cuts a block's text into sentences and words. Hyphens, dashes
// and slashes separate words, since "lived-experience" reads as two words.
func sentences(text []byte) []sentence {
	var out []sentence
	// Every sentence's words share one array, sized for typical English
	// (about six bytes a word), so a page costs a few allocations, not one
	// for each sentence's growth.
	words := make([]word, 0, len(text)/6+1)
	from := 0 // where the current sentence's words start in words
	var cur sentence
	cur.start = -1
	s := string(text)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			i += size
			continue
		}
		// Read one word: up to the next space or separator.
		start, chars := i, 0
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isSpace(r) || (isSeparator(r) && i > start) {
				break
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				chars++
			}
			i += size
			if isSeparator(r) {
				break
			}
		}
		if chars > 0 {
			if cur.start < 0 {
				cur.start = start
			}
			words = append(words, word{start: start, end: i, chars: chars})
		}
		if chars > 0 && endsSentence(s[start:i]) && !continues(s[i:]) {
			cur.words = words[from:len(words):len(words)]
			cur.end = i
			out = append(out, cur)
			cur = sentence{start: -1}
			from = len(words)
		}
	}
	if len(words) > from {
		cur.words = words[from:len(words):len(words)]
		cur.end = cur.words[len(cur.words)-1].end
		out = append(out, cur)
	}
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isSeparator(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '/'
}

// endsSentence reports whether a word ends with a sentence's closing mark,
// perhaps followed by quotes or brackets, and is not an abbreviation.
func endsSentence(w string) bool {
	t := strings.TrimRight(w, "\"'”’)]*_")
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '!', '?', '…':
		return true
	case '.':
		stem := strings.TrimLeft(strings.TrimSuffix(t, "."), "\"'“‘([*_")
		if abbreviations[strings.ToLower(stem)] {
			return false
		}
		// A single capital letter is an initial, as in "J. Smith".
		if r, n := utf8.DecodeRuneInString(stem); n == len(stem) && unicode.IsUpper(r) {
			return false
		}
		return true
	}
	return false
}

// continues reports whether the text after a full stop goes on in lower
// case, as after "etc." in the middle of a sentence.
func continues(rest string) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLower(r)
}

// Stats describe how hard a text is to read.
type Stats struct {
	Words, Sentences, Chars int
}

// add counts a sentence into the totals.
func (s *Stats) add(st sentence) {
	s.Sentences++
	s.Words += len(st.words)
	for _, w := range st.words {
		s.Chars += w.chars
	}
}

// Grade is the Automated Readability Index: the US school grade that can
// read the text, from letters per word and words per sentence.
func (s Stats) Grade() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 4.71*float64(s.Chars)/float64(s.Words) + 0.5*float64(s.Words)/float64(s.Sentences) - 21.43
}

// ReadingAge is the age at which most children read the text: the grade
// plus five, since US grade 1 starts at age 6. It is never below 5.
func (s Stats) ReadingAge() int {
	if s.Words == 0 {
		return 0
	}
	return max(5, int(math.Round(s.Grade()+5)))
}
