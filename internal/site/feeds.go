package site

import (
	"bytes"
	"encoding/xml"
	"sort"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/publish"
)

// writeSitemap lists every published page for search engines.
func (b *builder) writeSitemap(o output) error {
	// The live preview makes it when it is first asked for: it lists
	// every page, and nobody reads it while editing.
	return o.rec.writeLater([]string{"sitemap.xml"}, func(out publish.Output) error {
		type entry struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod,omitempty"`
		}
		type urlset struct {
			XMLName xml.Name `xml:"urlset"`
			NS      string   `xml:"xmlns,attr"`
			URLs    []entry  `xml:"url"`
		}
		set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
		for _, p := range b.rs.Content.Pages {
			if p.Draft {
				continue
			}
			e := entry{Loc: b.rs.AbsURL(p.URL)}
			if t := lastChanged(p); !t.IsZero() {
				e.LastMod = t.Format("2006-01-02")
			}
			set.URLs = append(set.URLs, e)
		}
		if b.rs.Content.Page("/accessibility/") == nil {
			set.URLs = append(set.URLs, entry{Loc: b.rs.AbsURL("/accessibility/")})
		}
		return writeXML(publish.Minified(out, o.min), "sitemap.xml", set)
	})
}

func (b *builder) writeRobots(o output) error {
	text := "User-agent: *\nAllow: /\n\nSitemap: " + b.rs.AbsURL("/sitemap.xml") + "\n"
	return o.write("robots.txt", []byte(text))
}

// feedSize is how many entries the Atom feed carries.
const feedSize = 30

// writeFeed writes an Atom feed of the newest case studies and of what
// happened in the register: signatures, renewals, levels reached, progress
// reports, lapses and withdrawals (lifecycle_feed.go).
// A page with a content note carries the note, not the story, in its
// summary, so a feed reader never shows hard content unwarned.
//
// The live preview makes it when first asked for (see writeLater): nobody
// reads it while editing, and every save that changes front matter
// changes it.
func (b *builder) writeFeed(o output) error {
	return o.rec.writeLater([]string{"feed.xml"}, func(out publish.Output) error {
		return b.writeFeedTo(publish.Minified(out, o.min))
	})
}

func (b *builder) writeFeedTo(out publish.Output) error {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		Link    link   `xml:"link"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	}
	type author struct {
		Name string `xml:"name"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Lang    string   `xml:"xml:lang,attr"`
		Title   string   `xml:"title"`
		Links   []link   `xml:"link"`
		ID      string   `xml:"id"`
		Updated string   `xml:"updated"`
		Author  author   `xml:"author"`
		Entries []entry  `xml:"entry"`
	}
	var items []feedItem
	for _, p := range b.rs.Content.Section("case-studies") {
		items = append(items, feedItem{title: feedTitle(p), url: p.URL, when: published(p), summary: feedSummary(p)})
	}
	items = append(items, b.lifecycleFeedItems()...)
	sort.SliceStable(items, func(i, j int) bool {
		a, c := items[i].when, items[j].when
		if !a.Equal(c) {
			return a.After(c)
		}
		return items[i].id() < items[j].id()
	})
	if len(items) > feedSize {
		items = items[:feedSize]
	}
	cfg := b.rs.Config
	f := feed{
		NS: "http://www.w3.org/2005/Atom", Lang: cfg.Language, Title: cfg.Title,
		Links:  []link{{Href: b.rs.AbsURL("/feed.xml"), Rel: "self"}, {Href: b.rs.AbsURL("/")}},
		ID:     b.rs.AbsURL("/"),
		Author: author{Name: firstNonEmpty(cfg.Organisation, cfg.Title)},
	}
	var newest time.Time
	for _, it := range items {
		if it.when.After(newest) {
			newest = it.when
		}
		f.Entries = append(f.Entries, entry{
			Title:   it.title,
			Link:    link{Href: b.rs.AbsURL(it.url)},
			ID:      b.rs.AbsURL(it.id()),
			Updated: atomTime(it.when),
			Summary: it.summary,
		})
	}
	f.Updated = atomTime(newest)
	return writeXML(out, "feed.xml", f)
}

func feedTitle(p *content.Page) string {
	if p.Kind == content.KindSignatory {
		return p.Title + " has signed"
	}
	return p.Title
}

func feedSummary(p *content.Page) string {
	if p.ContentNote != "" {
		return "Content note: " + p.ContentNote + ". " + p.Summary
	}
	return p.Summary
}

// published is the date a feed entry is sorted and dated by.
func published(p *content.Page) time.Time {
	if p.Kind == content.KindSignatory {
		return p.Signed
	}
	return lastChanged(p)
}

func lastChanged(p *content.Page) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.UTC().Format(time.RFC3339)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func writeXML(out publish.Output, name string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return out.WriteFile(name, buf.Bytes())
}
