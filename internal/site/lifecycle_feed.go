package site

import (
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// feedItem is one entry of the Atom feed before it is written.
type feedItem struct {
	title   string
	url     string // the page it links to
	anchor  string // tells apart entries about one page: "renewed-2025-03-01"
	when    time.Time
	summary string
}

// id is the entry's lasting identity: the page's address, with the event
// after a # when the page has several entries (a signature, then a
// renewal). A signature keeps the plain address it has always had, so feed
// readers do not show it again as new.
func (it feedItem) id() string {
	if it.anchor == "" {
		return it.url
	}
	return it.url + "#" + it.anchor
}

// lifecycleFeedItems are the register's events for the feed: each
// signature, renewal, level reached, progress report, lapse and withdrawal
// up to the day of the build.
func (b *builder) lifecycleFeedItems() []feedItem {
	today := b.rs.Now
	var out []feedItem
	for _, p := range b.rs.Content.Section("signatories") {
		if p.Kind != content.KindSignatory {
			continue
		}
		out = append(out, feedItem{title: feedTitle(p), url: p.URL, when: published(p), summary: feedSummary(p)})
		for _, d := range p.Renewed {
			if d.After(today) {
				continue
			}
			out = append(out, feedItem{title: p.Title + " has renewed its pledge", url: p.URL, anchor: "renewed-" + d.Format("2006-01-02"), when: d,
				summary: p.Title + " renewed its signature on " + d.Format("2 January 2006") + "."})
		}
		for _, sg := range p.Signings {
			for i, st := range sg.Steps {
				if i == 0 || st.Date.After(today) || sg.Pledge == nil {
					continue // the first level is announced with the signature
				}
				out = append(out, feedItem{title: p.Title + " has reached the level " + st.Level, url: p.URL, anchor: "level-" + st.Date.Format("2006-01-02"), when: st.Date,
					summary: p.Title + " reached the level " + st.Level + " of " + sg.Pledge.Title + "."})
			}
		}
		switch st := p.Standing; st.Status {
		case content.Withdrawn:
			sum := p.Title + " withdrew from its pledge on " + st.Withdrawn.Format("2 January 2006") + "."
			if p.WithdrawnReason != "" {
				sum += " " + p.WithdrawnReason
			}
			out = append(out, feedItem{title: p.Title + " has withdrawn", url: p.URL, anchor: "withdrawn", when: st.Withdrawn, summary: sum})
		case content.Lapsed:
			out = append(out, feedItem{title: p.Title + "'s signature has lapsed", url: p.URL, anchor: "lapsed", when: st.Lapsed,
				summary: p.Title + " did not renew its signature by " + st.Review.Format("2 January 2006") + ", so it is no longer a signatory."})
		}
	}
	for _, r := range b.rs.Content.Section("reports") {
		if r.Kind != content.KindReport || r.Date.After(today) {
			continue
		}
		title := "Progress report: " + r.Title
		if r.Signatory() != nil {
			title = r.Signatory().Title + " has published a progress report"
		}
		out = append(out, feedItem{title: title, url: r.URL, when: lastChanged(r), summary: feedSummary(r)})
	}
	return out
}
