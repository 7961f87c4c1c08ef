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
