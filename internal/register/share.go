package register

import (
	"encoding/json"
	"html"
	"strconv"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
)

// Snippet is the HTML a signatory copies into its own site: the badge,
// linked to its page on this site, with alt text that says who signed what.
// It uses full URLs, since it is pasted into another site.
func Snippet(p *content.Page, abs func(string) string) string {
	return SnippetFor(abs(p.URL), abs(BadgeURL(p)), BadgeFor(p))
}

// SnippetFor is Snippet from the page's and the badge's full URLs and the
// badge, for a caller that has them already.
func SnippetFor(pageURL, badgeURL string, b Badge) string {
	var s strings.Builder
	s.Grow(len(pageURL) + len(badgeURL) + len(b.Alt) + 64)
	s.WriteString(`<a href="`)
	s.WriteString(html.EscapeString(pageURL))
	s.WriteString(`"><img src="`)
	s.WriteString(html.EscapeString(badgeURL))
	s.WriteString(`" alt="`)
	s.WriteString(html.EscapeString(b.Alt))
	s.WriteString(`" width="`)
	s.WriteString(strconv.Itoa(b.Width))
	s.WriteString(`" height="`)
	s.WriteString(strconv.Itoa(b.Height))
	s.WriteString(`"></a>`)
	return s.String()
}

// Site is what JSON-LD needs to know about the whole site.
type Site struct {
	Name         string // the site's title
	Organisation string // who runs it
	Abs          func(string) string
}

// The schema.org nodes JSON-LD is made of. The fields of each are in
// byte order of their JSON names, the order pages have always had them in
// (they were maps once, which encoding/json writes sorted): a page's bytes
// do not change from one version to the next for nothing.
type (
	ldRef struct {
		ID string `json:"@id"`
	}
	ldWebSite struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	ldWebPage struct {
		Context     string     `json:"@context,omitempty"`
		ID          string     `json:"@id"`
		Type        string     `json:"@type"`
		Description string     `json:"description,omitempty"`
		IsPartOf    *ldWebSite `json:"isPartOf"`
		MainEntity  *ldRef     `json:"mainEntity,omitempty"`
		Name        string     `json:"name"`
		URL         string     `json:"url"`
	}
	ldOrganization struct {
		ID          string `json:"@id"`
		Type        string `json:"@type"`
		Description string `json:"description,omitempty"`
		Logo        string `json:"logo,omitempty"`
		Name        string `json:"name"`
		SubjectOf   ldRef  `json:"subjectOf"`
		URL         string `json:"url"`
	}
	ldAgreeAction struct {
		Type         string       `json:"@type"`
		ActionStatus string       `json:"actionStatus"`
		Agent        ldRef        `json:"agent"`
		Description  string       `json:"description,omitempty"`
		EndTime      string       `json:"endTime,omitempty"`
		Object       ldPledgeLink `json:"object"`
	}
	ldPledgeLink struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	ldSignatory struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}
	ldPublisher struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
	ldCreativeWork struct {
		Context       string       `json:"@context"`
		ID            string       `json:"@id"`
		Type          string       `json:"@type"`
		DatePublished string       `json:"datePublished,omitempty"`
		Description   string       `json:"description,omitempty"`
		IsPartOf      *ldWebSite   `json:"isPartOf"`
		Name          string       `json:"name"`
		Publisher     *ldPublisher `json:"publisher,omitempty"`
		URL           string       `json:"url"`
	}
)

const schemaOrg = "https://schema.org"

// JSONLD describes a page for search engines and link previews
// (schema.org), as JSON. A signatory is an Organization, and each pledge it
// signed is an AgreeAction of which it is the agent, completed on the date
// it signed: the honest reading of "signed a pledge" in schema.org's
// vocabulary. A pledge is a CreativeWork; any other page is a WebPage of
// the site.
//
// The JSON is safe inside a <script> element as it is: encoding/json
// writes <, > and & as \u003c, \u003e and \u0026, so no text of a page
// can close the element.
func JSONLD(p *content.Page, s Site) []byte {
	b, err := json.Marshal(jsonLD(p, s))
	if err != nil { // only strings and fixed types: cannot happen
		return []byte("null")
	}
	return b
}

func jsonLD(p *content.Page, s Site) any {
	url := s.Abs(p.URL)
	website := &ldWebSite{Type: "WebSite", Name: s.Name, URL: s.Abs("/")}
	page := &ldWebPage{Type: "WebPage", ID: url, URL: url, Name: p.Title, IsPartOf: website, Description: p.Summary}
	switch p.Kind {
	case content.KindSignatory:
		orgID := url + "#organisation"
		org := &ldOrganization{Type: "Organization", ID: orgID, Name: p.Title, URL: p.Website, SubjectOf: ldRef{ID: url}, Description: p.Summary}
		if p.Logo != "" {
			org.Logo = s.Abs(p.Logo)
		}
		page.MainEntity = &ldRef{ID: orgID}
		graph := make([]any, 0, 2+len(p.Pledges))
		graph = append(graph, page, org)
		for _, pl := range p.Pledges {
			graph = append(graph, &ldAgreeAction{
				Type: "AgreeAction", Agent: ldRef{ID: orgID},
				Object:       ldPledgeLink{Type: "CreativeWork", Name: pl.Title, URL: s.Abs(pl.URL)},
				ActionStatus: "https://schema.org/CompletedActionStatus",
				EndTime:      isoDate(signedOn(p, pl)),
				Description:  ldStanding(p, pl),
			})
		}
		return &ldSignatory{Context: schemaOrg, Graph: graph}
	case content.KindPledge:
		work := &ldCreativeWork{Context: schemaOrg, Type: "CreativeWork", ID: url, URL: url, Name: p.Title, IsPartOf: website,
			Description: p.Summary, DatePublished: isoDate(p.Opened())}
		if s.Organisation != "" {
			work.Publisher = &ldPublisher{Type: "Organization", Name: s.Organisation}
		}
		return work
	}
	page.Context = schemaOrg
	return page
}
