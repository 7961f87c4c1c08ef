package render

import (
	"html/template"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/register"
)

// Site is what every template can see about the whole site.
type Site struct {
	Config  *config.Config
	Content *content.Site
	// Assets maps a theme file name, such as "style.css", to the path it
	// is published at, such as "/style.3f2a9c1e.css".
	Assets map[string]string
	// Now is the day of the build: review dates are compared to it.
	Now time.Time
	// Drafts is true when draft pages are shown (serve --drafts).
	Drafts bool
	// Strings are the theme's own words in each language.
	Strings *i18n.Strings
	// SignatoryRows holds each signatory's row of the directory, rendered
	// once while the directory is written: a signatory shows on about six
	// listings (the directory and each filter), and rendering the row each
	// time was most of the directory's cost at 10,000 signatories.
	// They are kept by the language of the listing ("" for the main one),
	// whose words the row is written in, and then by the page's address.
	SignatoryRows map[string]map[string]template.HTML

	// KeepReads has each page record what it reads of the site (see
	// Reads), for the live preview; a build that is not kept leaves it
	// off and records nothing.
	KeepReads bool

	// listing finds a page of the signatory directory in any language
	// (set by Funcs).
	listing func(url string) *register.Listing
}

// PageData is the value a page template is executed with.
type PageData struct {
	site    *Site // the template reads it as .Site (see Site)
	Page    *content.Page
	Content template.HTML // the rendered Markdown body
	Crumbs  Crumbs        // the way from the home page to this page
	// Kind is the kind of page, as written into <body data-kind>: the
	// page's kind, or "404" or "accessibility" for generated pages.
	Kind string
	// Permalink is the page's full address, absURL .Page.URL, made once:
	// the canonical link, the sharing tags and a signatory's QR code and
	// link box all write it.
	Permalink string

	// What follows is worked out once by NewPageData, as fields rather
	// than methods: a template reads a field for a fraction of what a
	// method call costs it, and every page reads these.

	Title string // the page's <title>: "Page name – Site name", or the site name on the home page
	Lang  string // the language of the page, for <html lang>
	// Config is the site's settings in the page's language: its title,
	// description, organisation and signing text as site.yaml gives them
	// under translations: for that language.
	Config *config.Config
	// QuickExit is where the "Leave this site" button goes, or "" when
	// this page does not show it.
	QuickExit string
	// Alternates lists every language version of the page that exists,
	// the main language first. It is empty when the page has no
	// translation.
	Alternates []Alternate
	// MissingLanguages are the site's other languages this page has no
	// version in: the switcher says so rather than linking to nothing.
	MissingLanguages []Alternate
	// SectionFront is true on a section's own list page, such as
	// /principles/ or its translation /cy/principles/, where the
	// navigation marks the section's link as the current page. The header
	// keys the cached navigation by it: the directory's other pages (page
	// 2, each filter) share one navigation instead of rendering their own.
	SectionFront bool

	// What the page read of the site while it was made (see Reads):
	// own is the page's, and ex the executor rendering it now, whose
	// reads are the page's or those of a partial being cached.
	own *Reads
	ex  *executor
}

// Site is the whole site, as a template reads it: {{.Site.Config.Title}}.
func (d *PageData) Site() SiteView { return SiteView{Site: d.site, d: d} }

// Reads is what the page read of the site while it was made and
// rendered, sorted, once Execute has run; nil unless Site.KeepReads.
func (d *PageData) Reads() *Reads { return d.own }

// reads is where a lookup the page makes now is recorded.
func (d *PageData) reads() *Reads {
	if d.ex != nil {
		return d.ex.reads
	}
	return d.own
}

// lookup finds the page at url, and records that the page read its title
// and address.
func (d *PageData) lookup(url string) *content.Page {
	d.reads().title(url)
	return d.site.Content.Page(url)
}

// Crumbs are the breadcrumbs of a page. Every page of a section has the
// same, so the theme renders them once per section and language with
//
//	{{partialCached "partials/breadcrumbs.html" . .Crumbs .Lang}}
type Crumbs []Crumb

// String tells one list of crumbs from another, as the key the rendered
// breadcrumbs are kept under: every field of every step, each ended by a
// byte no title or URL holds.
func (cs Crumbs) String() string { return string(cs.appendKey(nil)) }

func (cs Crumbs) appendKey(b []byte) []byte {
	for _, c := range cs {
		b = append(b, c.Title...)
		b = append(b, 1)
		b = append(b, c.URL...)
		b = append(b, 1)
		b = append(b, c.Lang...)
		b = append(b, 2)
	}
	return b
}

// Crumb is one step of the breadcrumbs.
type Crumb struct {
	Title string
	URL   string
	// Lang is the main language when the step is a main-language page
	// shown from a page in another language that has no translation of it,
	// so the link can carry hreflang; "" otherwise.
	Lang string
}

func (d *PageData) title() string {
	if d.Page == nil || d.Page.Kind == content.KindHome || d.Page.Title == "" {
		return d.Config.Title
	}
	return d.Page.Title + " – " + d.Config.Title
}

// NewPageData prepares the data for one page, with its breadcrumbs.
func NewPageData(s *Site, p *content.Page, body template.HTML) *PageData {
	d := &PageData{site: s, Page: p, Content: body, Kind: string(p.Kind), Permalink: s.AbsURL(p.URL)}
	if s.KeepReads {
		d.own = &Reads{}
		d.own.title(p.URL) // a page made from nothing, such as the home page, is made again when a file takes its place
	}
	d.Crumbs = d.directoryCrumbs(crumbs(d.lookup, p, s.Config.Language, s.Word(s.LangOf(p), "home")), p.Lang)
	d.Lang = s.LangOf(p)
	d.Config = s.Config.In(d.Lang)
	d.Title, d.QuickExit = d.title(), d.quickExit()
	// In two steps: missingLanguages leaves out the languages Alternates
	// already links to (the directory's pages in every language).
	d.Alternates = d.alternates()
	d.MissingLanguages = d.missingLanguages()
	d.SectionFront = p.Kind == content.KindList && p.Section != "" &&
		(p.URL == "/"+p.Section+"/" || p.Lang != "" && p.URL == "/"+p.Lang+"/"+p.Section+"/")
	return d
}

// crumbs walks up the page's URL, naming each step that is a page. A page
// in another language starts from that language's home page, and each step
// is its translation when there is one, else the main-language page (marked
// with its language, so the link can say so).
// homeTitle names the first step when the site has no home page.
// page looks a page up by its address.
func crumbs(page func(url string) *content.Page, p *content.Page, mainLang, homeTitle string) Crumbs {
	if p.Kind == content.KindHome {
		return nil
	}
	url := p.URL
	prefix := ""
	if p.Lang != "" {
		prefix = "/" + p.Lang
		url = strings.TrimPrefix(url, prefix)
	}
	fallback := "" // the language of a step that has no translation
	if prefix != "" {
		fallback = mainLang
	}
	var out Crumbs
	home := Crumb{Title: homeTitle, URL: "/"}
	if h := page(prefix + "/"); h != nil {
		home = Crumb{Title: h.Title, URL: h.URL}
	} else if h := page("/"); h != nil {
		home = Crumb{Title: h.Title, URL: "/", Lang: fallback}
	}
	out = append(out, home)
	parts := strings.Split(strings.Trim(url, "/"), "/")
	for i := 1; i < len(parts); i++ {
		step := "/" + strings.Join(parts[:i], "/") + "/"
		if translated := page(prefix + step); prefix != "" && translated != nil {
			out = append(out, Crumb{Title: translated.Title, URL: translated.URL})
		} else if pg := page(step); pg != nil {
			out = append(out, Crumb{Title: pg.Title, URL: step, Lang: fallback})
		}
	}
	return out
}
