package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
)

// Funcs are the functions templates can call. They close over the site so
// that every URL a template writes carries the base path.
//
// It also gives s its view of the signatory register in every language,
// which the templates and LinkTo share.
func Funcs(s *Site) template.FuncMap {
	if s.listing == nil {
		// Called on its own, as the tests do: the registers are made
		// here, once, when a template first asks for one.
		s.UseRegisters(func() []*register.Register {
			var regs []*register.Register
			for _, lang := range append([]string{""}, s.Config.OtherLanguages()...) {
				regs = append(regs, register.NewIn(s.Content, lang, s.Words(lang)))
			}
			return regs
		})
	}
	return s.withLifecycle(template.FuncMap{
		"relURL":  s.RelURL,
		"absURL":  s.AbsURL,
		"asset":   s.Asset,
		"section": s.Content.Section,
		"page":    s.Content.Page,
		// hasPage is whether a page exists at an address, for a link
		// that is shown only then: unlike page, it tells the live
		// preview that nothing else of the page is shown.
		"hasPage": func(url string) bool { return s.Content.Page(url) != nil },
		// pageTitle is the title of the page at an address, or "": like
		// hasPage, it tells the preview that nothing else of the page
		// is shown.
		"pageTitle": func(url string) string {
			if p := s.Content.Page(url); p != nil {
				return p.Title
			}
			return ""
		},
		"date":        HumanDate,
		"isoDate":     func(t time.Time) string { return t.Format("2006-01-02") },
		"monthYear":   func(t time.Time) string { return t.Format("January 2006") },
		"year":        func(t time.Time) int { return t.Year() },
		"reviewDue":   func(p *content.Page) bool { return p.ReviewDue(s.Now) },
		"contactHref": s.Config.ContactHref,
		// The signatory register: directory pages, badges and sharing.
		"signatoryListing": s.listing,
		"badge":            func(p *content.Page) register.Badge { return register.BadgeIn(p, s.Words(s.LangOf(p))) },
		"badgeURL":         register.BadgeURL,
		"qrCode":           qrCodes.HTML,
		"linkSnippet":      func(p *content.Page) string { return s.linkBox(p).Snippet },
		"linkBox":          s.linkBox,
		"sizeLabel":        register.SizeLabel,
		"signatoryRows":    s.signatoryRows,
		"facetSlug":        register.Slug,
		// facetURL is the filter page of a signatory's value, such as
		// "/signatories/region/bristol/" for (facetURL "region" "Bristol").
		"facetURL": func(facet, value string) string {
			return "/" + register.Section + "/" + facet + "/" + register.Slug(value) + "/"
		},
		// number writes a count with thousands separators: 10,000.
		"number": Number,
		// The theme's words in a language, for partials handed a page
		// (see words.go).
		"trf":            s.Wordf,
		"trn":            s.WordN,
		"trh":            s.WordHTML,
		"num":            s.NumberIn,
		"link":           s.Link,
		"timeIn":         s.TimeIn,
		"pledgeLinks":    s.PledgeLinks,
		"monthYearIn":    s.MonthYearIn,
		"sizeIn":         func(lang, size string) string { return s.Wordf(lang, "size_"+size) },
		"facetURLIn":     s.FacetURL,
		"mainPage":       MainPage,
		"mainLang":       func() string { return s.Config.Language },
		"directoryWords": s.directoryWords,
		"contactLink":    config.ContactLink,
		"dict":           Dict,
		// inLanguage swaps each page for its translation into a language,
		// where it has one: (inLanguage (section "principles") .Page.Lang).
		"inLanguage": content.InLanguage,
		// tr and dateIn write the theme's words and dates in a language
		// given by name, for partials that are handed a page rather than
		// the page data: (tr .Lang "content_note") on a card. An empty
		// language is the site's main one. langOf is the language a page
		// is written in.
		"langOf": s.LangOf,
		"tr":     s.Word,
		"dateIn": s.DateIn,
		// JSON-LD as template.JS: html/template writes it as it is, where
		// a map would be marshalled again by its escaper, and the JSON is
		// already safe inside <script> (see register.JSONLD).
		"jsonLD": func(p *content.Page) template.JS {
			c := s.Config.In(p.Lang)
			return template.JS(register.JSONLD(p, register.Site{Name: c.Title, Organisation: c.Organisation, Abs: s.AbsURL}))
		},
	})
}

// UseRegisters has the templates find the directory's pages in the
// site's registers in every language, as regs returns them when first
// asked for, rather than make them again. Call it before Funcs.
func (s *Site) UseRegisters(regs func() []*register.Register) {
	byURL := sync.OnceValue(func() map[string]*register.Listing {
		m := map[string]*register.Listing{}
		for _, reg := range regs() {
			for _, l := range reg.Listings() {
				m[l.URL] = l
			}
		}
		return m
	})
	s.listing = func(url string) *register.Listing { return byURL()[url] }
}

// LinkBox is what a signatory's "Link to this page" box shows, worked out
// in one call: the box writes the badge's address three times and the
// snippet repeats the badge, which separate template calls worked out
// again each time.
type LinkBox struct {
	Badge    register.Badge
	BadgeURL string // the badge's path from the site root, for relURL
	BadgeAbs string // the badge's full address
	Snippet  string // the HTML to copy, as linkSnippet writes it
}

func (s *Site) linkBox(p *content.Page) LinkBox {
	l := LinkBox{Badge: register.BadgeIn(p, s.Words(s.LangOf(p))), BadgeURL: register.BadgeURL(p)}
	l.BadgeAbs = s.AbsURL(l.BadgeURL)
	l.Snippet = register.SnippetFor(s.AbsURL(p.URL), l.BadgeAbs, l.Badge)
	return l
}

// signatoryRows joins the directory rows of pages, rendered ahead (see
// Site.SignatoryRows), into a few pieces of up to rowChunk bytes: a few
// actions for a listing's hundred rows instead of two each. The pieces
// stay under the size the Go runtime hands out from its per-size pools
// (32 KB); one 50 KB string per listing page came from fresh memory each
// time, and the page faults cost more than the joining saved. It is nil
// unless every row was rendered ahead, and the template renders the rows
// itself then.
func (s *Site) signatoryRows(pages []*content.Page, lang string) []template.HTML {
	rows := s.SignatoryRows[lang]
	if rows == nil {
		return nil
	}
	for _, p := range pages {
		if _, ok := rows[p.URL]; !ok {
			return nil
		}
	}
	var (
		out []template.HTML
		b   strings.Builder
	)
	for _, p := range pages {
		row := rows[p.URL]
		if b.Len() > 0 && b.Len()+len(row) > rowChunk {
			out = append(out, template.HTML(b.String()))
			b = strings.Builder{}
		}
		if b.Len() == 0 {
			b.Grow(rowChunk)
		}
		b.WriteString(string(row))
	}
	if b.Len() > 0 {
		out = append(out, template.HTML(b.String()))
	}
	return out
}

const rowChunk = 16 << 10 // about forty rows

// Dict makes a map from keys and values, for passing more than one value
// to a partial: {{partial "x.html" (dict "Facet" . "Current" $cur)}}.
func Dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict needs a key and a value for each entry, got %d arguments", len(pairs))
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict needs text as its keys; argument %d is %v", i+1, pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}

// RelURL turns a path from the site root, such as "/principles/", into the
// path to write in a link: the base path is put in front, so the site works
// in a sub-folder. Full URLs and in-page anchors are left alone.
func (s *Site) RelURL(p string) string {
	if p == "" || strings.HasPrefix(p, "#") || strings.Contains(p, "://") || strings.HasPrefix(p, "mailto:") {
		return p
	}
	return s.Config.BasePath() + strings.TrimPrefix(p, "/")
}

// AbsURL is RelURL with the scheme and host of the base URL, for feeds,
// sitemaps and sharing tags, which need full addresses.
func (s *Site) AbsURL(p string) string {
	rel := s.RelURL(p)
	if strings.Contains(rel, "://") {
		return rel
	}
	u := s.Config.BaseURL
	// Full addresses go where nothing escapes them for us (the sitemap,
	// the feed, sharing tags), so a space or accent in a file name is
	// percent-encoded here.
	path, frag, hasFrag := strings.Cut(rel, "#")
	rel = (&url.URL{Path: path}).EscapedPath()
	if hasFrag {
		rel += "#" + frag
	}
	if u.Host == "" {
		return rel
	}
	return u.Scheme + "://" + u.Host + rel
}

// Asset returns the link to a theme file by its plain name, with the
// fingerprint in its published name when it has one.
func (s *Site) Asset(name string) string {
	if published, ok := s.Assets[name]; ok {
		return s.RelURL(published)
	}
	return s.RelURL("/" + strings.TrimPrefix(name, "/"))
}

// HumanDate writes a date the way people say it in the UK: 1 March 2024.
func HumanDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// Number writes n with a comma between thousands, as both English and
// Welsh write numbers: 10,000 organisations, not 10000.
func Number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
