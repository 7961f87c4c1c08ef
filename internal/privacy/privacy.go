// Package privacy finds the personal details that would let a reader
// recognise someone in a case study written to keep people anonymous:
// email addresses, UK phone numbers, UK postcodes and street addresses.
//
// It promises to find the usual ways these are written (with spaces,
// dashes, brackets or +44) while leaving alone the numbers a case study
// often has for other reasons: dates, years, counts, prices and the
// addresses of web pages. It reads text only and never panics. What to do
// about a detail is the caller's business; the messages are here so the
// body and the front matter of a page say the same thing.
package privacy

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is a kind of personal detail.
type Kind int

const (
	Email Kind = iota
	Phone
	Postcode
	StreetAddress
)

// Finding is one personal detail in a text: its kind and the bytes it
// takes, from Start up to End.
type Finding struct {
	Kind       Kind
	Start, End int
}

// Problem says what was found, without repeating it: messages can end up
// in a public log, and the detail is the thing that must not spread.
func (k Kind) Problem() string {
	switch k {
	case Email:
		return "the case study is anonymised, but this email address could show who it is about"
	case Phone:
		return "the case study is anonymised, but this phone number could show who it is about"
	case Postcode:
		return "the case study is anonymised, but this postcode could show where people live or work"
	default:
		return "the case study is anonymised, but this street address could show where people live or work"
	}
}

// Fix says what to write instead, in plain words.
func (k Kind) Fix() string {
	switch k {
	case Email, Phone:
		return "remove it, or say whose it is in general words, such as \"the support worker's phone\""
	default:
		return "remove it, or name a wider area instead, such as \"a town in the North West\""
	}
}

var (
	// email is name@domain.tld, the domain with at least one dot and a
	// top-level part of letters.
	email = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`)
	// phoneLike is a run of digits with the spaces, dashes, dots and
	// brackets people put in phone numbers, starting with 0, (0 or +44;
	// phone checks the digits.
	phoneLike = regexp.MustCompile(`(?:\+\s?44|\(0|\b0)[0-9 \-.()]{8,18}[0-9]`)
	// postcode is a full UK postcode, such as M1 1AE, SW1A 1AA or
	// CF10 3AT, in capitals as they are written. The second part's
	// letters never include C, I, K, M, O or V, which keeps "5AM" out.
	postcode = regexp.MustCompile(`\b(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR) ?[0-9][ABD-HJLNP-UW-Z]{2}\b`)
	// street is a house number, then one to three words of a name in
	// capitals, then a word for a street: "12 Mill Lane", "4a High St".
	// Welsh street names put the word first: "12 Heol y Parc".
	street = regexp.MustCompile(`\b[0-9]{1,4}[A-Za-z]?,? +(?:(?:[A-Z][\p{L}'’.-]*|y|yr|the|of) +){0,3}(?:[A-Z][\p{L}'’-]* +)(?:(?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Court|Place|Terrace|Gardens|Grove|Hill|Square|Row|Walk|Mews|Parade|Rise|Boulevard|Highway)\b|(?:Rd|St|Ave)\b\.?)` +
		`|\b[0-9]{1,4}[A-Za-z]?,? +(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant) +(?:[\p{L}'’-]+ +){0,2}[A-Z][\p{L}'’-]*`)
	// webAddress is an address of a page, such as https://example.org/
	// 12-mill-lane/ or www.example.org: not something a reader sees as
	// a street or number.
	webAddress = regexp.MustCompile(`(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)[^\s<>"'\])]+`)
)

// Find returns the personal details in text, in order. ownDomain, such
// as "example.org", is the site's own: an email address there is the
// site's contact, not a person in the story. Web addresses are left out,
// since a page's address such as /stories/12-mill-lane/ names no one.
func Find(text, ownDomain string) []Finding {
	masked := maskWebAddresses(text)
	var out []Finding
	add := func(k Kind, locs [][]int, keep func(string) bool) {
		for _, m := range locs {
			if keep == nil || keep(masked[m[0]:m[1]]) {
				out = append(out, Finding{Kind: k, Start: m[0], End: m[1]})
			}
		}
	}
	add(Email, findAll(email, masked, mayHoldEmail), func(s string) bool {
		return !ownAddress(s, ownDomain)
	})
	for _, m := range findAll(phoneLike, masked, mayHoldPhone) {
		if wordChar(masked, m[0]-1) {
			continue
		}
		if end := phoneEnd(masked, m[0], m[1]); end > 0 {
			out = append(out, Finding{Kind: Phone, Start: m[0], End: end})
		}
	}
	add(Postcode, findAll(postcode, masked, mayHoldPostcode), nil)
	add(StreetAddress, findAll(street, masked, mayHoldStreet), func(s string) bool {
		return !startsWithYear(s)
	})
	sortFindings(out)
	return dropOverlaps(out)
}

// findAll is re.FindAllStringIndex(text, -1), the same matches at the
// same offsets, found faster: the patterns are tried only on the lines
// that may hold a match, as may says from a plain look at the line. A
// pattern tried at every byte of a page costs a third of a millisecond a
// kilobyte, and most lines of a case study hold nothing a pattern needs
// (an @, a digit before a space). No pattern here matches a line break,
// so a match never spans two lines, and a line break and the ends of
// the text are alike to \b. The one pattern that could, a phone number
// written "+" at the end of a line and "44" on the next, is looked for in
// the whole text when the text has such a line.
func findAll(re *regexp.Regexp, text string, may func(line string) bool) [][]int {
	if re == phoneLike && strings.Contains(text, "+\n") {
		return re.FindAllStringIndex(text, -1)
	}
	var out [][]int
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; may(line) {
			for _, m := range re.FindAllStringIndex(line, -1) {
				m[0], m[1] = m[0]+start, m[1]+start
				out = append(out, m)
			}
		}
		start = end + 1
	}
	return out
}

// What each pattern needs in a line before it can match there: an @ for
// an email address; a 0 or a + for a phone number (0..., (0..., +44);
// a capital letter just before a digit, or GIR, for a postcode (M1, SW1A,
// CF10); a digit just before a space, a comma or a letter for a street
// address (12 Mill Lane, 4a High St, 7, Heol y Parc).

func mayHoldEmail(line string) bool { return strings.IndexByte(line, '@') >= 0 }

func mayHoldPhone(line string) bool { return strings.ContainsAny(line, "0+") }

func mayHoldPostcode(line string) bool {
	for i := 1; i < len(line); i++ {
		if isDigit(line[i]) && line[i-1] >= 'A' && line[i-1] <= 'Z' {
			return true
		}
	}
	return strings.Contains(line, "GIR")
}

func mayHoldStreet(line string) bool {
	for i := 0; i+1 < len(line); i++ {
		if c := line[i+1]; isDigit(line[i]) && (c == ' ' || c == ',' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// maskWebAddresses blanks out web addresses, byte for byte, so the
// offsets of everything else stay as they are. An email address is not a
// web address, and a mailto: link keeps its address to be found.
func maskWebAddresses(text string) string {
	locs := findAll(webAddress, text, mayHoldWebAddress)
	if len(locs) == 0 {
		return text
	}
	b := []byte(text)
	for _, m := range locs {
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// mayHoldWebAddress: a web address has :// or starts www.
func mayHoldWebAddress(line string) bool {
	return strings.Contains(line, "://") || strings.Contains(line, "www.")
}

// ownAddress reports whether the email address is at the site's own
// domain or one below it.
func ownAddress(addr, ownDomain string) bool {
	ownDomain = strings.ToLower(strings.TrimPrefix(ownDomain, "www."))
	if ownDomain == "" {
		return false
	}
	at := strings.LastIndexByte(addr, '@')
	domain := strings.ToLower(addr[at+1:])
	return domain == ownDomain || strings.HasSuffix(domain, "."+ownDomain)
}

// phoneEnd is where the phone number that starts at start ends, at most
// at end, or 0 when there is none. The pattern takes as much as it can,
// so "0161 496 0000 2 times" is tried without the " 2" too.
func phoneEnd(s string, start, end int) int {
	for end > start {
		if !wordChar(s, end) && isPhone(s[start:end]) {
			return end
		}
		// Back to the end of the group of digits before this one.
		i := end - 1
		for i > start && s[i-1] >= '0' && s[i-1] <= '9' {
			i--
		}
		for i > start && (s[i-1] < '0' || s[i-1] > '9') {
			i--
		}
		end = i
	}
	return 0
}

// isPhone reports whether a run of digits and separators is a UK phone
// number: after +44 (and an optional (0)), or a 0, ten or eleven digits
// in all, in groups of two or more, starting 01, 02, 03, 05, 07, 08 or 09.
// Dates (2024-03-01, 01.02.2025) and counts have other shapes.
func isPhone(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "+") {
		s = strings.TrimSpace(strings.TrimPrefix(s[1:], " "))
		s = "0" + strings.TrimSpace(strings.TrimPrefix(s, "44"))
		s = strings.Replace(s, "0(0)", "0", 1)
		s = strings.Replace(s, "0 (0)", "0", 1)
	}
	var digits strings.Builder
	groups := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if len(groups) > 4 {
		return false
	}
	for i, g := range groups {
		if len(g) < 2 && !(i == 0 && g == "0") {
			return false
		}
		digits.WriteString(g)
	}
	d := digits.String()
	if len(d) != 10 && len(d) != 11 || d[0] != '0' || !strings.ContainsRune("1235789", rune(d[1])) {
		return false
	}
	// A date written with dots or dashes (01.02.2025, 01-02-2025) has a
	// group of four.
	if len(groups) == 3 && len(groups[0]) == 2 && len(groups[1]) == 2 && len(groups[2]) == 4 {
		return false
	}
	return true
}

// startsWithYear reports whether a street match starts with a year, as in
// "in 2019 Green Lane opened", rather than a house number.
func startsWithYear(s string) bool {
	if len(s) < 4 {
		return false
	}
	n := s[:4]
	if strings.IndexFunc(n, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	return n >= "1900" && n <= "2099"
}

// wordChar reports whether the byte at i is part of a word or number, so
// a phone number is not found in the middle of a longer run.
func wordChar(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if i > 0 && r == utf8.RuneError {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func sortFindings(f []Finding) {
	sort.SliceStable(f, func(i, j int) bool { return f[i].Start < f[j].Start })
}

// dropOverlaps keeps one finding for each stretch of text: the number in
// "12 Mill Lane, M1 1AE" is a street, and its postcode another finding,
// but a phone number inside an email address is only the email.
func dropOverlaps(f []Finding) []Finding {
	out := f[:0]
	end := -1
	for _, x := range f {
		if x.Start < end {
			continue
		}
		out = append(out, x)
		end = x.End
	}
	return out
}
