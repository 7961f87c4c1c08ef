// Package scaffold writes new sites and new pages for editors, so nobody
// has to copy front matter by hand.
//
// It promises that a site written by Init builds and checks with no errors
// as it is; that a page written by New has every key its kind may have,
// each with a short comment, and builds as it is; that neither ever
// overwrites a file that already exists; and that a slug is made only of
// lower-case letters a-z, digits and single dashes.
package scaffold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kind is a sort of page that New can write.
type Kind struct {
	Name    string // as typed on the command line: principle, value, ...
	Section string // folder under content/, "" for a plain page
	Noun    string // how messages name it: "charter value"
}

// Kinds are the kinds New knows, in the order help lists them.
var Kinds = []Kind{
	{Name: "principle", Section: "principles", Noun: "principle"},
	{Name: "value", Section: "charter", Noun: "charter value"},
	{Name: "case-study", Section: "case-studies", Noun: "case study"},
	{Name: "pledge", Section: "pledges", Noun: "pledge"},
	{Name: "signatory", Section: "signatories", Noun: "signatory"},
	{Name: "report", Section: "reports", Noun: "progress report"},
	{Name: "page", Section: "", Noun: "page"},
}

// KindNames are the names of Kinds, for usage lines and suggestions.
func KindNames() []string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = k.Name
	}
	return names
}

// LookupKind finds a kind by its name.
func LookupKind(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// foldTable holds letters that Unicode does not split into a base letter
// and an accent, so NFKD alone would drop them.
var foldTable = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i",
}

// Slug makes a file name from a page's name: accents are folded ("é" to
// "e"), letters are lower-cased, and every run of anything else becomes
// one dash. "Café Bristol & Co" gives "cafe-bristol-co". It returns "" when
// the name has no letter or digit that fits.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	emit := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// An accent split off its letter by NFKD: drop it.
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			emit(string(r))
		case r >= 'A' && r <= 'Z':
			emit(string(unicode.ToLower(r)))
		case r == '\'' || r == '’':
			// "People's voice" reads better as peoples-voice than people-s-voice.
		case foldTable[r] != "":
			emit(foldTable[r])
		default:
			dash = true
		}
	}
	return b.String()
}
