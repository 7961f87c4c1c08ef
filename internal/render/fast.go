package render

import (
	"bytes"
	"cmp"
	"html/template"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/qrcode"
	"github.com/coproduce/coproduce/internal/theme"
	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

// A signatory's page is most of a large site's pages, and html/template
// spends about a microsecond on each action of a template: looking up
// every field and method by name, calling every function and escaper
// through reflection. The partials below write one signatory's status,
// facts, history and "Link to this page" box with about seventy actions,
// a third of what a signatory's page costs. Go writes the same HTML in a
// few microseconds.
//
// The theme calls them with partialFast, which writes the HTML in Go
// only when the theme's partial is the default theme's, byte for byte,
// and runs the partial as a template otherwise: a site that copies
// partials/signatory-link.html into its templates/ folder and changes it
// sees its change. The template files stay what a theme copies and the
// reference for the HTML: TestFastPartialsWriteWhatTheTemplatesWrite
// renders both ways, for every signatory of a generated site and for
// values that need escaping, and fails if they differ.
//
// A writer returns false when a value needs what only html/template does
// (an address with a character it would encode): the partial then runs as
// a template, so the page comes out the same.
type fastWriter func(b *strings.Builder, ex *executor, d *PageData) bool

var fastPartials = map[string]fastWriter{
	"share":                           writeShare,
	"partials/certificate.html":       writeCertificate,
	"partials/signatory-status.html":  writeSignatoryStatus,
	"partials/signatory-facts.html":   writeSignatoryFacts,
	"partials/signatory-history.html": writeSignatoryHistory,
	"partials/signatory-link.html":    writeSignatoryLink,
}

// fastSizes are about the sizes of what the writers write, to grow their
// buffers once: 2 KB for the sharing tags with the JSON-LD, 1.5 KB for
// the link box with its snippet, less for the rest.
var fastSizes = map[string]int{"share": 2560, "partials/signatory-link.html": 2048, "partials/certificate.html": 6144}

// fastFiles names the file a template of fastPartials is defined in,
// where that is not the template's own name.
var fastFiles = map[string]string{"share": "partials/share.html"}

// fastRowWriter writes a partial that Go code renders on its own with
// Templates.Partial, given a dict, as the directory's rows are.
type fastRowWriter func(b *strings.Builder, ex *executor, data map[string]any) bool

var fastRowPartials = map[string]fastRowWriter{
	"partials/signatory-item.html": writeSignatoryItem,
}

// fastFor lists the partials of writers that t has as the default theme
// has them.
func fastFor[W any](t *theme.Theme, writers map[string]W) map[string]W {
	out := map[string]W{}
	for name, w := range writers {
		file := name
		if f, ok := fastFiles[name]; ok {
			file = f
		}
		mine, err := fs.ReadFile(t.Templates, file)
		if err != nil {
			continue
		}
		if builtIn, err := fs.ReadFile(defaulttheme.FS, "templates/"+file); err == nil && bytes.Equal(mine, builtIn) {
			out[name] = w
		}
	}
	return out
}

// partialFast renders a partial with the page's data as
// {{template NAME .}} would, in Go where it can (see fastPartials).
func (ex *executor) partialFast(name string, data any) (template.HTML, error) {
	if d, ok := data.(*PageData); ok && d.Page != nil {
		if w := ex.ts.fast[name]; w != nil {
			// Grown once to about what the partials write, and handed
			// over without a copy.
			var b strings.Builder
			b.Grow(cmp.Or(fastSizes[name], 768))
			if w(&b, ex, d) {
				return template.HTML(b.String()), nil
			}
		}
	}
	// A partial that calls itself through partialFast stops where one
	// through partialCached does.
	if ex.depth >= MaxPartialDepth {
		return "", &tooDeep{name: name, by: "partialFast"}
	}
	var b strings.Builder
	ex.depth++
	err := ex.partial(&b, name, data)
	ex.depth--
	if err != nil {
		return "", ex.ts.faultFrom(err)
	}
	return template.HTML(b.String()), nil
}

// qrCodes draws the QR code of every signatory's page, for the qrCode
// template function and writeCertificate alike.
var qrCodes = qrcode.New()

// writeCertificate writes partials/certificate.html. The partials it
// shows are shown as the template shows them: in Go while they are the
// default theme's, as templates otherwise.
func writeCertificate(b *strings.Builder, ex *executor, d *PageData) bool {
	s, p := d.site, d.Page
	logo := ""
	if p.Logo != "" {
		if logo = s.RelURL(p.Logo); !plainURL(logo) {
			return false
		}
	}
	statement := d.Th("certificate_statement", "name", p.Title, "pledges", s.PledgeLinks(d.Lang, p.Pledges), "date", s.TimeIn(d.Lang, p.Signed))
	qr, err := qrCodes.HTML(d.Permalink, d.Tf("qr_alt", "url", d.Permalink))
	if err != nil {
		return false // the template reports it
	}
	b.WriteString(`<article class="certificate`)
	if len(p.Title) > 50 {
		b.WriteString(" certificate-long-name")
	}
	if len(p.Commitments) > 4 {
		b.WriteString(" certificate-many")
	}
	b.WriteString("\">\n")
	if logo != "" {
		b.WriteString(`<img class="logo" src="`)
		b.WriteString(logo)
		b.WriteString(`" alt="`)
		escape(b, p.LogoAlt)
		b.WriteString(`"`)
		if shown := p.LogoShown(); shown.Known() {
			b.WriteString(` width="`)
			b.WriteString(strconv.Itoa(shown.Width))
			b.WriteString(`" height="`)
			b.WriteString(strconv.Itoa(shown.Height))
			b.WriteString(`"`)
		}
		b.WriteString(">")
	}
	b.WriteString("\n<h1>")
	escape(b, p.Title)
	b.WriteString("</h1>\n")
	if p.Summary != "" {
		b.WriteString(`<p class="lead">`)
		escape(b, p.Summary)
		b.WriteString("</p>")
	}
	b.WriteString("\n<p class=\"certificate-statement\">")
	b.WriteString(string(statement))
	b.WriteString("</p>\n")
	for _, name := range []string{"partials/signatory-status.html", "partials/signatory-facts.html"} {
		if !writePartial(b, ex, name, d) {
			return false
		}
		b.WriteString("\n")
	}
	b.WriteString("<h2 id=\"pledges-signed\">")
	escape(b, d.T("pledges_signed"))
	b.WriteString("</h2>\n<ul class=\"pledges-signed\">")
	for _, sg := range p.Signings {
		if sg.Level != "" || sg.Version != "" {
			if ex.partial(b, "partials/signing.html", map[string]any{"Signing": sg, "Lang": d.Lang}) != nil {
				return false
			}
			continue
		}
		if sg.Pledge == nil {
			continue
		}
		html, err := ex.partialCached("partials/pledge-signed.html", map[string]any{"Page": sg.Pledge, "Lang": d.Lang}, sg.Pledge.URL, d.Lang)
		if err != nil {
			return false
		}
		b.WriteString(string(html))
	}
	b.WriteString("</ul>\n")
	if len(p.Commitments) > 0 {
		b.WriteString("<h2 id=\"own-commitments\">")
		escape(b, d.T("own_commitments"))
		b.WriteString("</h2>\n<ul class=\"commitments\">")
		for _, c := range p.Commitments {
			b.WriteString("<li>")
			escape(b, c)
			b.WriteString("</li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n")
	if !writePartial(b, ex, "partials/signatory-history.html", d) {
		return false
	}
	b.WriteString("\n<p class=\"certificate-qr\">")
	b.WriteString(string(qr))
	b.WriteString("<span>")
	escape(b, d.Permalink)
	b.WriteString("</span></p>\n</article>\n")
	return true
}

// writePartial writes the partial name as partialFast shows it, and
// reports whether it could.
func writePartial(b *strings.Builder, ex *executor, name string, d *PageData) bool {
	html, err := ex.partialFast(name, d)
	b.WriteString(string(html))
	return err == nil
}

// writeSignatoryLink writes partials/signatory-link.html.
func writeSignatoryLink(b *strings.Builder, ex *executor, d *PageData) bool {
	s, p := d.site, d.Page
	l := s.linkBox(p)
	badge, script := s.RelURL(l.BadgeURL), s.Asset("directory.js")
	if !plainURL(badge) || !plainURL(script) {
		return false
	}
	bd := l.Badge
	img := func() {
		b.WriteString(`<p class="badge-preview"><img src="`)
		b.WriteString(badge)
		b.WriteString(`" alt="`)
		escape(b, bd.Alt)
		b.WriteString(`" width="`)
		b.WriteString(strconv.Itoa(bd.Width))
		b.WriteString(`" height="`)
		b.WriteString(strconv.Itoa(bd.Height))
		b.WriteString(`"></p>`)
	}
	b.WriteString("<section class=\"link-box\" aria-labelledby=\"link-heading\">\n<h2 id=\"link-heading\">")
	escape(b, d.T("link_heading"))
	b.WriteString("</h2>\n")
	if p.Standing.Current() {
		b.WriteString("<p>")
		escape(b, d.Tf("link_intro", "name", p.Title))
		b.WriteString("</p>\n")
		img()
		b.WriteString("\n<label class=\"snippet-label\" for=\"link-snippet\">")
		escape(b, d.T("snippet_label"))
		b.WriteString("</label>\n<textarea class=\"snippet\" id=\"link-snippet\" rows=\"4\" readonly data-copy-label=\"")
		escape(b, d.T("copy_button"))
		b.WriteString(`" data-copy-done="`)
		escape(b, d.T("copy_done"))
		b.WriteString(`" data-copy-selected="`)
		escape(b, d.T("copy_selected"))
		b.WriteString(`">`)
		escape(b, l.Snippet)
		b.WriteString("</textarea>")
	} else {
		b.WriteString("<p>")
		escape(b, d.Tf("link_former", "name", p.Title))
		b.WriteString("</p>\n")
		img()
	}
	b.WriteString("\n<p>")
	b.WriteString(string(d.Th("link_address", "url", s.Link(p.URL, d.Permalink))))
	b.WriteString(" ")
	b.WriteString(string(d.Th("badge_address", "url", s.Link(l.BadgeURL, l.BadgeAbs))))
	b.WriteString("</p>\n</section>\n<script src=\"")
	b.WriteString(script)
	b.WriteString("\" defer></script>\n")
	return true
}

// writeSignatoryFacts writes partials/signatory-facts.html.
func writeSignatoryFacts(b *strings.Builder, ex *executor, d *PageData) bool {
	s, p := d.site, d.Page
	st := p.Standing
	if !plainURL(p.Website) {
		return false
	}
	var levels []string // the level filters' addresses
	names := p.LevelNames()
	if st.Current() {
		for _, l := range names {
			u := s.RelURL(s.FacetURL(p.Lang, "level", l))
			if !plainURL(u) {
				return false
			}
			levels = append(levels, u)
		}
	}
	b.WriteString("<dl class=\"meta signatory-facts\">\n<dt>")
	escape(b, d.T("website"))
	b.WriteString(`</dt><dd><a href="`)
	b.WriteString(p.Website)
	b.WriteString(`">`)
	escape(b, p.Website)
	b.WriteString("</a></dd>\n<dt>")
	escape(b, d.T("signed"))
	b.WriteString("</dt><dd>")
	b.WriteString(string(s.TimeIn(d.Lang, p.Signed)))
	b.WriteString("</dd>\n")
	if st.Current() {
		m := MainPage(p)
		facets, err := ex.partialCached("partials/signatory-facets.html", d, p.Sector, p.Region, p.Size, d.Lang, m.Sector, m.Region)
		if err != nil {
			return false // the template reports it
		}
		b.WriteString(string(facets))
	} else {
		for _, f := range []struct{ key, value string }{{"facet_sector", p.Sector}, {"facet_region", p.Region}} {
			if f.value != "" {
				b.WriteString("<dt>")
				escape(b, d.T(f.key))
				b.WriteString("</dt><dd>")
				escape(b, f.value)
				b.WriteString("</dd>")
			}
			b.WriteString("\n")
		}
		if p.Size != "" {
			b.WriteString("<dt>")
			escape(b, d.T("facet_size"))
			b.WriteString("</dt><dd>")
			escape(b, s.Wordf(d.Lang, "size_"+p.Size))
			b.WriteString("</dd>")
		}
	}
	b.WriteString("\n")
	if st.Current() {
		b.WriteString("<dt>")
		escape(b, d.T("review"))
		b.WriteString("</dt><dd>")
		switch {
		case p.ReviewDue(s.Now):
			b.WriteString(`<strong class="review-due">`)
			escape(b, d.T("review_due"))
			b.WriteString(" ")
			escape(b, d.MonthYear(st.Review))
			b.WriteString("</strong>")
		case !st.Review.IsZero():
			escape(b, d.Tf("review_next", "month", d.MonthYear(st.Review)))
		default:
			escape(b, d.T("review_none"))
		}
		b.WriteString("</dd>")
	}
	b.WriteString("\n")
	if len(names) > 0 {
		b.WriteString("<dt>")
		escape(b, d.T("level"))
		b.WriteString("</dt><dd>")
		for i, l := range names {
			if i > 0 {
				b.WriteString(", ")
			}
			if st.Current() {
				b.WriteString(`<a href="`)
				b.WriteString(levels[i])
				b.WriteString(`">`)
				escape(b, l)
				b.WriteString("</a>")
			} else {
				escape(b, l)
			}
		}
		b.WriteString("</dd>")
	}
	b.WriteString("\n</dl>\n")
	return true
}

// writeShare writes the "share" template of partials/share.html: the
// tags a link preview reads, on every page.
func writeShare(b *strings.Builder, ex *executor, d *PageData) bool {
	jsonLD, ok := ex.ts.funcs["jsonLD"].(func(*content.Page) template.JS)
	if !ok || d.Config == nil {
		return false
	}
	p := d.Page
	title := d.Config.Title
	if p.Title != "" {
		title = p.Title
	}
	meta := func(attr, name, value string) { // written piece by piece: this runs on every page
		b.WriteString("<meta ")
		b.WriteString(attr)
		b.WriteString("=\"")
		b.WriteString(name)
		b.WriteString("\" content=\"")
		escape(b, value)
		b.WriteString("\">\n")
	}
	meta("property", "og:type", "website")
	meta("property", "og:site_name", d.Config.Title)
	meta("property", "og:title", title)
	if p.Summary != "" {
		meta("property", "og:description", p.Summary)
	}
	meta("property", "og:url", d.Permalink)
	meta("name", "twitter:card", "summary")
	meta("name", "twitter:title", title)
	if p.Summary != "" {
		meta("name", "twitter:description", p.Summary)
	}
	b.WriteString(`<script type="application/ld+json">`)
	b.WriteString(string(jsonLD(p)))
	b.WriteString("</script>\n")
	return true
}

// writeSignatoryStatus writes partials/signatory-status.html.
func writeSignatoryStatus(b *strings.Builder, ex *executor, d *PageData) bool {
	s, p := d.site, d.Page
	st := p.Standing
	heading, err := ex.partialCached("partials/signatory-status-heading.html", d, st.Status, d.Lang)
	if err != nil {
		return false // the template reports it
	}
	b.WriteString(string(heading))
	b.WriteString("\n<p>")
	name := p.Title
	switch st.Status {
	case content.Withdrawn:
		b.WriteString(string(d.Th("status_text_withdrawn", "name", name, "date", s.TimeIn(d.Lang, st.Withdrawn))))
		if p.WithdrawnReason != "" {
			b.WriteString(" ")
			escape(b, d.Tf("status_withdrawn_reason", "reason", p.WithdrawnReason))
		}
	case content.Lapsed:
		b.WriteString(string(d.Th("status_text_lapsed", "name", name, "review", s.TimeIn(d.Lang, st.Review), "date", s.TimeIn(d.Lang, st.Lapsed))))
	case content.Overdue:
		b.WriteString(string(d.Th("status_text_overdue", "name", name, "review", s.TimeIn(d.Lang, st.Review))))
	case content.Due:
		b.WriteString(string(d.Th("status_text_due", "name", name, "review", s.TimeIn(d.Lang, st.Review))))
	default:
		escape(b, d.Tf("status_text_active", "name", name))
		if !st.Review.IsZero() {
			b.WriteString(" ")
			b.WriteString(string(d.Th("status_text_renews", "review", s.TimeIn(d.Lang, st.Review))))
		}
	}
	b.WriteString("</p>\n</div>\n")
	return true
}

// writeSignatoryHistory writes partials/signatory-history.html.
func writeSignatoryHistory(b *strings.Builder, ex *executor, d *PageData) bool {
	s, p := d.site, d.Page
	var reports []string // the reports' addresses
	for _, r := range p.Reports {
		u := s.RelURL(r.URL)
		if !plainURL(u) {
			return false
		}
		reports = append(reports, u)
	}
	b.WriteString(`<h2 id="history">`)
	escape(b, d.T("history_heading"))
	b.WriteString("</h2>\n<ol class=\"history\">")
	for _, e := range p.History() {
		b.WriteString("\n<li>")
		b.WriteString(string(s.TimeIn(d.Lang, e.Date)))
		b.WriteString(": ")
		switch e.What {
		case "signed":
			if e.Pledge != nil {
				b.WriteString(string(d.Th("history_signed_pledge", "pledge", s.Link(e.Pledge.URL, e.Pledge.Title))))
			} else {
				escape(b, d.T("history_signed"))
			}
		case "level":
			if e.Pledge != nil {
				b.WriteString(string(d.Th("history_level_pledge", "level", e.Level, "pledge", s.Link(e.Pledge.URL, e.Pledge.Title))))
			} else {
				escape(b, d.Tf("history_level", "level", e.Level))
			}
		case "renewed":
			escape(b, d.T("history_renewed"))
		case "report":
			if e.Report == nil {
				return false // the template stops there: let it say so
			}
			b.WriteString(string(d.Th("history_report", "report", s.Link(e.Report.URL, e.Report.Title))))
		case "lapsed":
			escape(b, d.T("history_lapsed"))
		case "withdrawn":
			escape(b, d.T("history_withdrawn"))
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>\n")
	if len(p.Reports) > 0 {
		b.WriteString(`<h2 id="reports">`)
		escape(b, d.T("reports_heading"))
		b.WriteString("</h2>\n<ul class=\"reports\">")
		for i, r := range p.Reports {
			b.WriteString(`<li><a href="`)
			b.WriteString(reports[i])
			b.WriteString(`">`)
			escape(b, r.Title)
			b.WriteString("</a>, ")
			b.WriteString(string(s.TimeIn(d.Lang, r.Date)))
			if r.Summary != "" {
				b.WriteString(". ")
				escape(b, r.Summary)
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ul>")
	}
	b.WriteString("\n")
	return true
}

// writeSignatoryItem writes partials/signatory-item.html, a signatory's
// row in the directory, given (dict "Page" SIGNATORY "Lang" LANG).
func writeSignatoryItem(b *strings.Builder, ex *executor, data map[string]any) bool {
	p, ok := data["Page"].(*content.Page)
	lang, isString := data["Lang"].(string)
	if !ok || !isString || p == nil || len(data) != 2 {
		return false
	}
	// The functions the template calls, as the theme was given them.
	relURL, ok1 := ex.ts.funcs["relURL"].(func(string) string)
	langOf, ok2 := ex.ts.funcs["langOf"].(func(*content.Page) string)
	tr, ok3 := ex.ts.funcs["tr"].(func(string, string) string)
	timeIn, ok4 := ex.ts.funcs["timeIn"].(func(string, time.Time) template.HTML)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return false
	}
	u := relURL(p.URL)
	if !plainURL(u) {
		return false
	}
	facets, err := ex.partialCached("partials/signatory-item-facets.html", data, p.Sector, p.Region, p.Size, lang)
	if err != nil {
		return false // the template reports it
	}
	b.WriteString("<li class=\"signatory-item\">\n<a class=\"signatory-name\" href=\"")
	b.WriteString(u)
	b.WriteString(`"`)
	if pl := langOf(p); pl != lang {
		b.WriteString(` hreflang="`)
		escape(b, pl)
		b.WriteString(`"`)
	}
	b.WriteString(">")
	escape(b, p.Title)
	b.WriteString("</a>\n<dl class=\"signatory-facts-short\">\n")
	b.WriteString(string(facets))
	b.WriteString("\n<div><dt>")
	escape(b, tr(lang, "signed"))
	b.WriteString("</dt><dd>")
	b.WriteString(string(timeIn(lang, p.Signed)))
	b.WriteString("</dd></div>\n")
	if st := MainPage(p).Standing.Status; st != "" && st != content.Active {
		status, err := ex.partialCached("partials/signatory-item-status.html", map[string]any{"Status": st, "Lang": lang}, st, lang)
		if err != nil {
			return false
		}
		b.WriteString(string(status))
	}
	b.WriteString("\n</dl>\n</li>\n")
	return true
}

// escape writes text as html/template writes a string in HTML text, in a
// quoted attribute or in a <textarea>: these seven characters are
// replaced, every other byte is kept.
func escape(b *strings.Builder, text string) {
	last := 0
	for i := 0; i < len(text); i++ {
		var repl string
		switch text[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(text[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(text[last:])
}

// plainURL reports whether html/template writes an address into an
// href or src attribute as it is: a path from the site root, or an http
// or https address, of letters, digits and - . _ ~ / : ? # = only. Any
// other address is left to the template.
func plainURL(u string) bool {
	if !strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return false
	}
	if strings.HasPrefix(u, "/") && strings.Contains(u, ":") {
		return false
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			continue
		}
		switch c {
		case '-', '.', '_', '~', '/', ':', '?', '#', '=':
			continue
		}
		return false
	}
	return true
}
