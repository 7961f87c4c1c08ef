package render

import (
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/register"
)

// Every word a theme writes comes from its language files (i18n/LANG.yaml).
// Pages call these as methods of the page data, in the page's language:
//
//	{{.T "who_has_signed"}}                      plain words
//	{{.Tf "sign_pledge" "pledge" .Page.Title}}   words with {pledge} filled in
//	{{.Tn "commitments" 8}}                      "8 commitments", "8 ymrwymiad"
//	{{.Th "link_address" "url" (link URL TEXT)}} words around HTML, such as a link
//
// and partials, handed a page rather than the page data, call tr, trf,
// trn and trh with the language first.

// Words are the theme's words in lang, or plain English without a theme.
func (s *Site) Words(lang string) register.Words {
	if s.Strings == nil {
		return register.PlainEnglish()
	}
	return s.Strings.In(lang)
}

// Wordf writes the words for key in lang with each {name} filled in.
func (s *Site) Wordf(lang, key string, args ...string) string {
	return s.Words(lang).Format(key, args...)
}

// WordN writes the words for key_one or key_other in lang, chosen by n.
func (s *Site) WordN(lang, key string, n int, args ...string) string {
	return s.Words(lang).Plural(key, n, args...)
}

// WordHTML writes the words for key in lang as HTML, each {name} filled
// with its value: HTML made by the theme (template.HTML, such as a link
// from the link function) as it is, anything else escaped.
func (s *Site) WordHTML(lang, key string, args ...any) template.HTML {
	words := template.HTMLEscapeString(s.Word(lang, key))
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		var value string
		switch v := args[i+1].(type) {
		case template.HTML:
			value = string(v)
		case string:
			value = template.HTMLEscapeString(v)
		default:
			value = template.HTMLEscapeString(toString(v))
		}
		words = strings.ReplaceAll(words, "{"+template.HTMLEscapeString(name)+"}", value)
	}
	return template.HTML(words)
}

func toString(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

// Tf is Wordf in the page's language.
func (d *PageData) Tf(key string, args ...string) string { return d.site.Wordf(d.Lang, key, args...) }

// Tn is WordN in the page's language.
func (d *PageData) Tn(key string, n int, args ...string) string {
	return d.site.WordN(d.Lang, key, n, args...)
}

// Th is WordHTML in the page's language.
func (d *PageData) Th(key string, args ...any) template.HTML {
	return d.site.WordHTML(d.Lang, key, args...)
}

// Num writes a number the page's language's way: 10,000.
func (d *PageData) Num(n int) string { return d.site.NumberIn(d.Lang, n) }

// NumberIn writes n the way of lang.
func (s *Site) NumberIn(lang string, n int) string {
	if s.Strings == nil {
		return (&i18n.Strings{}).Number(lang, n)
	}
	return s.Strings.Number(lang, n)
}

// MonthYearIn writes "March 2026" in lang.
func (s *Site) MonthYearIn(lang string, t time.Time) string {
	if s.Strings == nil {
		return t.Format("January 2006")
	}
	return s.Strings.MonthYear(lang, t)
}

// Link writes a link to a path from the site root, its text escaped, for
// words that have a link inside them (see WordHTML).
func (s *Site) Link(url, text string) template.HTML {
	return template.HTML(`<a href="` + template.HTMLEscapeString(s.RelURL(url)) + `">` + template.HTMLEscapeString(text) + `</a>`)
}

// TimeIn writes a date in lang inside a <time> element.
func (s *Site) TimeIn(lang string, t time.Time) template.HTML {
	return template.HTML(`<time datetime="` + t.Format("2006-01-02") + `">` + template.HTMLEscapeString(s.DateIn(lang, t)) + `</time>`)
}

// PledgeLinks lists pages as links in a sentence: "A, B and C", each a
// link, with lang's word for "and".
func (s *Site) PledgeLinks(lang string, pages []*content.Page) template.HTML {
	links := make([]string, len(pages))
	for i, p := range pages {
		links[i] = string(s.Link(p.URL, p.Title))
	}
	return template.HTML(register.JoinList(links, s.Words(lang)))
}

// FacetURL is the filter page of a signatory's value in the directory in
// lang: (facetURL .Lang "region" "Bristol") is /signatories/region/bristol/
// in the main language and /cy/signatories/region/bristol/ in Welsh. The
// value is the main-language page's, so both name one filter.
func (s *Site) FacetURL(lang, facet, value string) string {
	root := "/" + register.Section + "/"
	if lang != "" && lang != s.Config.Language {
		root = "/" + lang + root
	}
	if facet == "size" {
		return root + facet + "/" + value + "/"
	}
	return root + facet + "/" + register.Slug(value) + "/"
}

// MainPage is the main-language page of a translation, or p itself.
func MainPage(p *content.Page) *content.Page {
	if p != nil && p.Lang != "" && p.Original != nil {
		return p.Original
	}
	return p
}

// directoryWords are the words directory.js writes, in lang, as JSON for
// the data-words attribute of the directory's search box: the script has
// no words of its own. {n} in them is filled in by the script.
func (s *Site) directoryWords(lang string) string {
	w := map[string]any{}
	for _, key := range []string{"nav_signatories", "search_heading", "search_name", "search_all", "search_more",
		"search_none", "search_matches_one", "search_matches_other", "search_searching", "search_still", "search_failed",
		"signed", "number_group"} {
		w[key] = s.Word(lang, key)
	}
	months := make([]string, 12)
	for m := range months {
		months[m] = strings.TrimSuffix(strings.TrimPrefix(s.MonthYearIn(lang, time.Date(2000, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)), ""), " 2000")
	}
	w["months"] = months
	b, _ := json.Marshal(w)
	return string(b)
}
