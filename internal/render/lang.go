package render

import (
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
)

// T returns the theme's words for key in the page's language.
func (d *PageData) T(key string) string { return d.site.Word(d.Lang, key) }

// Date writes a date in the page's language: "1 March 2024".
func (d *PageData) Date(t time.Time) string { return d.site.DateIn(d.Lang, t) }

// LangOf is the language a page is written in: its own, or the site's
// main one.
func (s *Site) LangOf(p *content.Page) string {
	if p != nil && p.Lang != "" {
		return p.Lang
	}
	return s.Config.Language
}

// Word returns the theme's words for key in lang; an empty lang is the
// site's main language.
func (s *Site) Word(lang, key string) string {
	if s.Strings == nil {
		return key
	}
	return s.Strings.Get(lang, key)
}

// DateIn writes a date the way people say it in lang: "1 Mawrth 2024".
func (s *Site) DateIn(lang string, t time.Time) string {
	if s.Strings == nil {
		return HumanDate(t)
	}
	return s.Strings.Date(lang, t)
}

// MonthYear writes "March 2026" in the page's language.
func (d *PageData) MonthYear(t time.Time) string {
	if d.site.Strings == nil {
		return t.Format("January 2006")
	}
	return d.site.Strings.MonthYear(d.Lang, t)
}

// Alternate is one language version of a page, for hreflang links and the
// language switcher.
type Alternate struct {
	Lang    string // BCP 47 code, such as "cy"
	Name    string // the language's name in that language, such as "Cymraeg"
	URL     string // path from the site root
	Current bool   // this is the page being shown
}

func (d *PageData) alternates() []Alternate {
	p := d.Page
	if p == nil || p.Variant != "" {
		return nil
	}
	if alts := d.directoryAlternates(); alts != nil {
		return alts
	}
	orig := p
	if p.Lang != "" && p.Original != nil {
		orig = p.Original
	}
	if len(orig.Translations) == 0 {
		return nil
	}
	out := []Alternate{{Lang: d.site.Config.Language, Name: d.langName(d.site.Config.Language), URL: orig.URL, Current: orig == p}}
	for _, t := range orig.Translations {
		out = append(out, Alternate{Lang: t.Lang, Name: d.langName(t.Lang), URL: t.URL, Current: t == p})
	}
	return out
}

func (d *PageData) missingLanguages() []Alternate {
	p := d.Page
	if p == nil || p.Variant != "" || p.Lang != "" {
		return nil
	}
	others := d.site.Config.OtherLanguages()
	if len(others) == 0 {
		return nil // a site in one language: every page is in it
	}
	have := map[string]bool{}
	for _, t := range p.Translations {
		have[t.Lang] = true
	}
	for _, a := range d.Alternates {
		have[a.Lang] = true
	}
	var out []Alternate
	for _, l := range others {
		if !have[l] {
			home := "/" + l + "/"
			if d.lookup(home) == nil {
				home = ""
			}
			out = append(out, Alternate{Lang: l, Name: d.langName(l), URL: home})
		}
	}
	return out
}

// directoryAlternates are the language versions of a page of the
// signatory directory (its first page, a filter, a further page), which
// the build writes in every language whether or not content/ has a page
// for it; nil for any other page.
func (d *PageData) directoryAlternates() []Alternate {
	p := d.Page
	if d.site.listing == nil || p.Section != register.Section || !p.IsList() {
		return nil
	}
	main := p.URL
	if p.Lang != "" {
		main = strings.TrimPrefix(main, "/"+p.Lang)
	}
	if d.listing(main) == nil {
		return nil
	}
	var out []Alternate
	for i, l := range append([]string{d.site.Config.Language}, d.site.Config.OtherLanguages()...) {
		url := main
		if i > 0 {
			url = "/" + l + main
		}
		if d.exists(url) {
			out = append(out, Alternate{Lang: l, Name: d.langName(l), URL: url, Current: url == p.URL})
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// directoryCrumbs points a step of the breadcrumbs at the signatory
// directory in lang, which the build writes whether or not content/ has a
// page for it, where the step would otherwise go to the main language's.
func (d *PageData) directoryCrumbs(cs Crumbs, lang string) Crumbs {
	s := d.site
	root := "/" + register.Section + "/"
	if lang == "" || s.listing == nil || d.listing("/"+lang+root) == nil {
		return cs
	}
	for i, c := range cs {
		if c.URL == root && c.Lang != "" {
			cs[i] = Crumb{Title: s.Word(lang, "nav_signatories"), URL: "/" + lang + root}
		}
	}
	return cs
}

// exists reports whether the build writes a page at url: a page of
// content/ or a page of the signatory directory.
func (d *PageData) exists(url string) bool {
	return d.lookup(url) != nil || d.site.listing != nil && d.listing(url) != nil
}

// listing finds a page of the signatory directory, and records that the
// page read it.
func (d *PageData) listing(url string) *register.Listing {
	d.reads().listing(nil, url) // that it exists, not what it lists
	return d.site.listing(url)
}

func (d *PageData) langName(lang string) string {
	if d.site.Strings == nil {
		return lang
	}
	return d.site.Strings.Name(lang)
}

// Link is a link target as seen from the page's language.
type Link struct {
	URL string
	// Lang is set when the target is not in the page's language, so the
	// template can mark the link with hreflang and "(in English)".
	Lang string
}

// LinkTo finds where a link to a main-language page should go from this
// page: its translation in the page's language when there is one, else the
// main-language page itself, never a page that does not exist.
func (d *PageData) LinkTo(url string) Link {
	lang := d.Lang
	if d.Page == nil || d.Page.Lang == "" {
		return Link{URL: url}
	}
	translated := "/" + d.Page.Lang + url
	if d.exists(translated) {
		return Link{URL: translated}
	}
	if strings.EqualFold(lang, d.site.Config.Language) {
		return Link{URL: url}
	}
	return Link{URL: url, Lang: d.site.Config.Language}
}

func (d *PageData) quickExit() string {
	q := d.site.Config.QuickExit
	if q.Everywhere || (d.Page != nil && (d.Page.QuickExit || hasQuickExitOriginal(d.Page))) {
		return q.URL
	}
	return ""
}

func hasQuickExitOriginal(p *content.Page) bool {
	return p.Original != nil && p.Original.QuickExit
}

// TIn returns the theme's words for key in another language than the
// page's, for a note written in the reader's own language, such as "this
// page is not in Welsh yet" written in Welsh on an English page.
func (d *PageData) TIn(lang, key string) string { return d.site.Word(lang, key) }
