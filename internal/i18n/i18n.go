// Package i18n holds the theme's own words (navigation, "Skip to main
// content", dates, "Due for review") in each of the site's languages.
//
// A theme keeps one file per language under i18n/, named by language code
// (en-GB.yaml, cy.yaml), each a flat map from a key to the words. A key
// missing in one language falls back to the site's main language, then to
// English, so a page never shows a bare key. Month names for dates come
// from the same files (keys month_1 ... month_12).
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Strings are the theme's words in every language it has.
type Strings struct {
	byLang map[string]map[string]string
	main   string // the site's main language
}

// Load reads every i18n/*.yaml file of a theme. main is the site's main
// language, the first fallback.
func Load(theme fs.FS, main string) (*Strings, error) {
	s := &Strings{byLang: map[string]map[string]string{}, main: main}
	files, err := fs.Glob(theme, "i18n/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := fs.ReadFile(theme, f)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		s.byLang[strings.ToLower(strings.TrimSuffix(path.Base(f), ".yaml"))] = m
	}
	return s, nil
}

// table finds the strings for a language: an exact match first ("en-gb"),
// then the base language ("cy" for "cy-GB").
func (s *Strings) table(lang string) map[string]string {
	lang = strings.ToLower(lang)
	if m, ok := s.byLang[lang]; ok {
		return m
	}
	if i := strings.IndexByte(lang, '-'); i > 0 {
		if m, ok := s.byLang[lang[:i]]; ok {
			return m
		}
	}
	for code, m := range s.byLang {
		if strings.HasPrefix(code, lang+"-") {
			return m
		}
	}
	return nil
}

// Get returns the words for key in lang, falling back to the main language,
// then English, then the key itself.
func (s *Strings) Get(lang, key string) string {
	for _, l := range []string{lang, s.main, "en-GB", "en"} {
		if v, ok := s.table(l)[key]; ok {
			return v
		}
	}
	return key
}

// Has reports whether the theme has its own words for lang.
func (s *Strings) Has(lang string) bool { return s.table(lang) != nil }

// Date writes a date the way people say it in lang: "1 March 2024",
// "1 Mawrth 2024".
func (s *Strings) Date(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), s.Month(lang, t), t.Year())
}

// MonthYear writes "March 2026" in lang.
func (s *Strings) MonthYear(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d", s.Month(lang, t), t.Year())
}

// Month is the name of t's month in lang.
func (s *Strings) Month(lang string, t time.Time) string {
	key := fmt.Sprintf("month_%d", int(t.Month()))
	if v := s.Get(lang, key); v != key {
		return v
	}
	return t.Month().String()
}

// Name is the name of a language in that language ("Cymraeg"), for the
// language switcher.
func (s *Strings) Name(lang string) string {
	if v, ok := s.table(lang)["language_name"]; ok {
		return v
	}
	return lang
}

// Format returns the words for key in lang with each {name} in them
// replaced: Format("cy", "sign_pledge", "pledge", "Yr addewid"). Words
// name what goes where rather than using %s, because languages put them
// in different orders ("Kite signed X" is "Llofnododd Kite X" in Welsh).
func (s *Strings) Format(lang, key string, args ...string) string {
	return Fill(s.Get(lang, key), args...)
}

// Plural returns the words for key_one when n is 1 and key_other
// otherwise, with {n} replaced by n written the language's way and each
// other {name} by its value. A language that uses one form for every
// number (Welsh puts a singular noun after any number: "8 ymrwymiad")
// gives both keys the same words.
func (s *Strings) Plural(lang, key string, n int, args ...string) string {
	form := key + "_other"
	if n == 1 {
		form = key + "_one"
	}
	return Fill(s.Get(lang, form), append(args, "n", s.Number(lang, n))...)
}

// Number writes n with its thousands grouped the language's way: "10,000"
// (the separator is the number_group word, a comma in English and Welsh).
func (s *Strings) Number(lang string, n int) string {
	digits := strconv.Itoa(n)
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	group := s.Get(lang, "number_group")
	if group == "number_group" {
		group = ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Fill replaces each {name} in words by the value after name in args
// (name, value, name, value ...). A name with no value is left as it is,
// so a mistake shows on the page rather than vanishing.
func Fill(words string, args ...string) string {
	if !strings.Contains(words, "{") {
		return words
	}
	for i := 0; i+1 < len(args); i += 2 {
		words = strings.ReplaceAll(words, "{"+args[i]+"}", args[i+1])
	}
	return words
}

// Keys lists the keys of the words in lang, sorted, for tests and tools
// that check a language file is complete.
func (s *Strings) Keys(lang string) []string {
	t := s.table(lang)
	out := make([]string, 0, len(t))
	for k := range t {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the words for key in lang itself, with no fallback.
func (s *Strings) Lookup(lang, key string) (string, bool) {
	v, ok := s.table(lang)[key]
	return v, ok
}

// Lang is the words of one language, for code that writes text in a
// language it is handed rather than chooses.
type Lang struct {
	s    *Strings
	lang string
}

// In returns the words of lang.
func (s *Strings) In(lang string) Lang { return Lang{s, lang} }

// Get returns the words for key.
func (l Lang) Get(key string) string { return l.s.Get(l.lang, key) }

// Format is Strings.Format in this language.
func (l Lang) Format(key string, args ...string) string { return l.s.Format(l.lang, key, args...) }

// Plural is Strings.Plural in this language.
func (l Lang) Plural(key string, n int, args ...string) string {
	return l.s.Plural(l.lang, key, n, args...)
}
