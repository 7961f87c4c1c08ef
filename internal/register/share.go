package register

import (
	"fmt"
	"html"

	"github.com/coproduce/coproduce/internal/content"
)

// Snippet is the HTML a signatory copies into its own site: the badge,
// linked to its page on this site, with alt text that says who signed what.
// It uses full URLs, since it is pasted into another site.
func Snippet(p *content.Page, abs func(string) string) string {
	b := BadgeFor(p)
	return fmt.Sprintf(`<a href="%s"><img src="%s" alt="%s" width="%d" height="%d"></a>`,
		html.EscapeString(abs(p.URL)), html.EscapeString(abs(BadgeURL(p))), html.EscapeString(b.Alt), b.Width, b.Height)
}

// Site is what JSON-LD needs to know about the whole site.
type Site struct {
	Name         string // the site's title
	Organisation string // who runs it
	Abs          func(string) string
}

// JSONLD describes a page for search engines and link previews
// (schema.org). A signatory is an Organization, and each pledge it signed is
// an AgreeAction of which it is the agent, completed on the date it signed:
// the honest reading of "signed a pledge" in schema.org's vocabulary. A
// pledge is a CreativeWork; any other page is a WebPage of the site.
func JSONLD(p *content.Page, s Site) map[string]any {
	url := s.Abs(p.URL)
	website := map[string]any{"@type": "WebSite", "name": s.Name, "url": s.Abs("/")}
	page := map[string]any{"@type": "WebPage", "@id": url, "url": url, "name": p.Title, "isPartOf": website}
	if p.Summary != "" {
		page["description"] = p.Summary
	}
	switch p.Kind {
	case content.KindSignatory:
		orgID := url + "#organisation"
		org := map[string]any{"@type": "Organization", "@id": orgID, "name": p.Title, "url": p.Website, "subjectOf": map[string]any{"@id": url}}
		if p.Summary != "" {
			org["description"] = p.Summary
		}
		if p.Logo != "" {
			org["logo"] = s.Abs(p.Logo)
		}
		page["mainEntity"] = map[string]any{"@id": orgID}
		graph := []any{page, org}
		for _, pl := range p.Pledges {
			act := map[string]any{
				"@type": "AgreeAction", "agent": map[string]any{"@id": orgID},
				"object":       map[string]any{"@type": "CreativeWork", "name": pl.Title, "url": s.Abs(pl.URL)},
				"actionStatus": "https://schema.org/CompletedActionStatus",
			}
			if !p.Signed.IsZero() {
				act["endTime"] = isoDate(p.Signed)
			}
			graph = append(graph, act)
		}
		return map[string]any{"@context": "https://schema.org", "@graph": graph}
	case content.KindPledge:
		work := map[string]any{"@context": "https://schema.org", "@type": "CreativeWork", "@id": url, "url": url, "name": p.Title, "isPartOf": website}
		if p.Summary != "" {
			work["description"] = p.Summary
		}
		if !p.Opened.IsZero() {
			work["datePublished"] = isoDate(p.Opened)
		}
		if s.Organisation != "" {
			work["publisher"] = map[string]any{"@type": "Organization", "name": s.Organisation}
		}
		return work
	}
	page["@context"] = "https://schema.org"
	return page
}
