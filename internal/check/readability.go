package check

import (
	"bytes"
	"math"
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
// The sentences and their words live in sc until its next call, so a page
// costs no allocations once the scratch has grown to its longest block.
func (sc *scratch) sentences(text []byte) []sentence {
	words, out := sc.words[:0], sc.sents[:0]
	from := 0 // where the current sentence's words start in words
	var cur sentence
	cur.start = -1
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiClass[c] == asciiSpace {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(text[i:]); isSpace(r) {
			i += size
			continue
		}
		// Read one word: up to the next space or separator.
		start, chars := i, 0
		for i < len(text) {
			// ASCII, most of any text, by a table; the rest by rune.
			if c := text[i]; c < utf8.RuneSelf {
				class := asciiClass[c]
				if class == asciiSpace || class == asciiSeparator && i > start {
					break
				}
				i++
				if class == asciiLetterOrDigit {
					chars++
				} else if class == asciiSeparator {
					break
				}
				continue
			}
			r, size := utf8.DecodeRune(text[i:])
			if isSpace(r) || (isSeparator(r) && i > start) {
				break
			}
			if isLetterOrDigit(r) {
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
		if chars > 0 && endsSentence(text[start:i]) && !continues(text[i:]) {
			// The sentence's words are capped so that words appended
			// later never write into them.
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
	sc.words, sc.sents = words, out
	return out
}

// The classes of the ASCII bytes, for sentences: a space (as isSpace), a
// separator (as isSeparator), a letter or digit (as isLetterOrDigit), or
// anything else.
const (
	asciiOther = iota
	asciiSpace
	asciiSeparator
	asciiLetterOrDigit
)

var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case isSpace(c):
			t[c] = asciiSpace
		case isSeparator(c):
			t[c] = asciiSeparator
		case isLetterOrDigit(c):
			t[c] = asciiLetterOrDigit
		}
	}
	return t
}()

func isSpace(r rune) bool {
	if r < utf8.RuneSelf { // as unicode.IsSpace, without its table lookups
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSeparator(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '/'
}

// endsSentence reports whether a word ends with a sentence's closing mark,
// perhaps followed by quotes or brackets, and is not an abbreviation.
func endsSentence(w []byte) bool {
	// Most words end in a letter or digit, which is neither a closing
	// mark nor a quote or bracket to look behind.
	if len(w) > 0 && w[len(w)-1] < utf8.RuneSelf && isLetterOrDigit(rune(w[len(w)-1])) {
		return false
	}
	t := bytes.TrimRight(w, "\"'”’)]*_")
	if len(t) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRune(t)
	switch last {
	case '!', '?', '…':
		return true
	case '.':
		stem := bytes.TrimLeft(bytes.TrimSuffix(t, []byte(".")), "\"'“‘([*_")
		if isAbbreviation(stem) {
			return false
		}
		// A single capital letter is an initial, as in "J. Smith".
		if r, n := utf8.DecodeRune(stem); n == len(stem) && unicode.IsUpper(r) {
			return false
		}
		return true
	}
	return false
}

// isAbbreviation reports whether stem, in lower case, is one of the
// abbreviations. It lowers the case into a small array rather than a new
// string: every abbreviation is short and ASCII, so a longer stem, or one
// whose lower case is not ASCII, cannot be one.
func isAbbreviation(stem []byte) bool {
	var buf [8]byte
	lower := buf[:0]
	for len(stem) > 0 {
		r, size := utf8.DecodeRune(stem)
		r = unicode.ToLower(r)
		if r >= utf8.RuneSelf || len(lower) == len(buf) {
			return false
		}
		lower = append(lower, byte(r))
		stem = stem[size:]
	}
	return abbreviations[string(lower)]
}

// continues reports whether the text after a full stop goes on in lower
// case, as after "etc." in the middle of a sentence.
func continues(rest []byte) bool {
	rest = bytes.TrimLeftFunc(rest, unicode.IsSpace)
	r, _ := utf8.DecodeRune(rest)
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
