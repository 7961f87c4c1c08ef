package check

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// Easy Read limits, from UK Easy Read practice: one idea a sentence, 10 to
// 15 words, and a hard word explained in the sentence after it.
const (
	// MaxEasySentenceWords is the longest sentence an Easy Read page may have.
	MaxEasySentenceWords = 15
	// LongWordLetters is where a word becomes hard for an Easy Read
	// reader, unless the text explains it.
	LongWordLetters = 10
)

// explainers are the words that show a sentence explains a word: "Consent
// means saying yes." A long word followed by one of these, in the same
// sentence or the next, counts as explained.
var explainers = []string{" means ", " is when ", " is where ", " is a ", " is an ", " is the ", " is someone ", " are people ", " are things ", " is what "}

// easyRead adds the Easy Read warnings of one page body: long sentences and
// long words that the text does not explain.
func easyRead(file string, bodyLine int, blocks []block, ix *lineIndex, sc *scratch, diags *messages) {
	at := func(pos markdown.Pos) diag.Pos {
		return diag.Pos{File: file, Line: bodyLine + pos.Line - 1, Col: pos.Col}
	}
	warned := map[string]bool{}
	var all strings.Builder // the whole page, to find words explained anywhere in it
	for _, b := range blocks {
		all.WriteString(" ")
		all.Write(b.text)
	}
	page := " " + strings.ToLower(strings.Join(strings.Fields(all.String()), " ")) + " "
	// The words the page explains somewhere, found once: looking for
	// each long word in the whole page cost words times the page.
	explainedOnPage := explainedWords(page)
	for _, b := range blocks {
		sents := sc.sentences(b.text)
		for i, s := range sents {
			if len(s.words) == 0 {
				continue
			}
			if n := len(s.words); n > MaxEasySentenceWords {
				diags.Warnf(at(ix.pos(b.srcAt(s.start))),
					fmt.Sprintf("Easy Read sentences have %d words or fewer: split it into two sentences, one idea each", MaxEasySentenceWords),
					"this Easy Read sentence has %d words", n)
			}
			var explained map[string]bool // made at the first long word, as most sentences have none
			for j, w := range s.words {
				// Most words are short: a word of fewer bytes than
				// LongWordLetters has fewer letters too, and the letters
				// are counted before a string of the word is made.
				if w.end-w.start < LongWordLetters {
					continue
				}
				trimmed := bytes.Trim(b.text[w.start:w.end], wordMarks)
				if utf8.RuneCount(trimmed) < LongWordLetters {
					continue
				}
				word := string(trimmed)
				key := strings.ToLower(word)
				if warned[key] || !isPlainWord(word) {
					continue
				}
				if j > 0 && isName(b.text[w.start:w.end]) {
					continue
				}
				if explained == nil {
					text := strings.ToLower(" " + string(b.text[s.start:s.end]) + " ")
					if i+1 < len(sents) {
						next := sents[i+1]
						text += strings.ToLower(" " + string(b.text[next.start:next.end]) + " ")
					}
					explained = explainedWords(text)
				}
				if explained[key] || explained["this"] || explained["that"] || explainedOnPage[key] {
					continue
				}
				warned[key] = true
				diags.Warnf(at(ix.pos(b.srcAt(w.start))),
					fmt.Sprintf("use a shorter word, or explain it in the next sentence, such as \"%s means ...\"", capitalFirst(key)),
					"%q is a long word for an Easy Read page", word)
			}
		}
	}
}

// wordMarks are the quotes, brackets and punctuation around a word.
const wordMarks = "\"'“”‘’()[]*_.,;:!?"

// explainedWords finds the words text explains: each word just before
// one of the explainers, as "consent" in "consent means saying yes". A
// sentence with "this means" or "that means" explains the words around
// it; the caller looks for "this" and "that" in the set. It reads text
// once for each explainer, however many words are looked up in it.
func explainedWords(text string) map[string]bool {
	words := map[string]bool{}
	for _, e := range explainers {
		for from := 0; ; {
			i := strings.Index(text[from:], e)
			if i < 0 {
				break
			}
			i += from
			start := strings.LastIndexAny(text[:i], " \t\n") + 1
			words[text[start:i]] = true
			from = i + 1
		}
	}
	return words
}

// isPlainWord reports whether w is made of letters only (not an address or
// a number), so only real words are judged.
func isPlainWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

func capitalFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
