package register

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/content"
)

// LetterKey is the facet that lists signatories by the first letter of
// their name, A to Z: the way to find a name on a site read without
// JavaScript, where the directory's search box cannot work. Its pages list
// names in alphabetical order, not newest first.
const LetterKey = "letter"

// letterFacet groups every signatory under the first letter of its name.
// Accents do not count (Éclair Arts is under E), and a name that starts
// with a number is under "0 to 9", so every signatory is under one value.
//
// In a register in another language the letter is that of the name shown
// there, and "0 to 9" is in that language's words (letter_digits), though
// its address stays /signatories/letter/0-to-9/ in every language.
func (r *Register) letterFacet(w Words) *Facet {
	f := &Facet{Key: LetterKey, Label: w.Format("facet_" + LetterKey), root: r.Root}
	digits := w.Format("letter_digits")
	label := func(p *content.Page) string {
		if l := firstLetter(p.Title); l != digitsLabel {
			return l
		}
		return digits
	}
	slugs := &slugger{source: func(p *content.Page) string { return firstLetter(p.Title) }, slugs: map[string]string{}}
	f.Values = group(f, r.All, r.Lang, label, slugs)
	digitsSlug := Slug(digitsLabel)
	sort.SliceStable(f.Values, func(i, j int) bool {
		a, b := f.Values[i].Label, f.Values[j].Label
		if da, db := f.Values[i].Slug == digitsSlug, f.Values[j].Slug == digitsSlug; da != db {
			return db // the letters first, numbers last
		}
		return a < b
	})
	for _, v := range f.Values {
		names := make([]string, len(v.Signatories))
		for i, p := range v.Signatories {
			names[i] = fold(p.Title)
		}
		sort.Stable(byName{v.Signatories, names})
	}
	return f
}

// digitsLabel is the letter value of names that start with a number, as
// the address of its filter page is made from.
const digitsLabel = "0 to 9"

// firstLetter is the letter a name is listed under, or digitsLabel.
func firstLetter(name string) string {
	// Most names start with a plain letter or number: folding the
	// whole name to find it is most of the time a register takes.
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= utf8.RuneSelf:
			name = name[i:]
			i = len(name)
		case 'a' <= c && c <= 'z':
			return string(c - 'a' + 'A')
		case 'A' <= c && c <= 'Z':
			return name[i : i+1]
		case '0' <= c && c <= '9':
			return digitsLabel
		}
	}
	for _, r := range fold(name) {
		switch {
		case unicode.IsLetter(r):
			return strings.ToUpper(string(r))
		case unicode.IsNumber(r):
			return digitsLabel
		}
	}
	return ""
}

// byName sorts pages by their folded names, keeping the directory's order
// (newest first) between equal names.
type byName struct {
	pages []*content.Page
	names []string
}

func (b byName) Len() int           { return len(b.pages) }
func (b byName) Less(i, j int) bool { return b.names[i] < b.names[j] }
func (b byName) Swap(i, j int) {
	b.pages[i], b.pages[j] = b.pages[j], b.pages[i]
	b.names[i], b.names[j] = b.names[j], b.names[i]
}
