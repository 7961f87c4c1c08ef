package register

import (
	"slices"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// Reminder is one signatory that needs a reminder to renew: due, overdue
// or lapsed on the day asked about (coproduce due).
type Reminder struct {
	Status  content.Status `json:"status"`
	Slug    string         `json:"slug"`
	Name    string         `json:"name"`
	Signed  string         `json:"signed"`
	Renewed string         `json:"renewed"` // the last renewal, "" when none
	Review  string         `json:"review"`  // the day it should renew by
	Lapses  string         `json:"lapses"`  // the day it lapses, or lapsed, without renewal
	Website string         `json:"website"`
	File    string         `json:"file"` // its page, to update when it renews
}

// Reminders lists the signatories that are due (review date within
// `within` days of today), overdue or lapsed on day today with the
// windows w, the most urgent (the oldest review date) first. Withdrawn
// signatories need no reminder.
func Reminders(site *content.Site, today time.Time, w content.Renewal, within int) []Reminder {
	if within >= 0 {
		w.DueWithin = within
	}
	w.Set = true
	var out []Reminder
	for _, p := range site.Section(Section) {
		if p.Kind != content.KindSignatory || p.Signed.After(today) {
			continue // not yet a signatory on the day asked about
		}
		st := content.StandingOn(p, today, w)
		if st.Status != content.Due && st.Status != content.Overdue && st.Status != content.Lapsed {
			continue
		}
		lapses := st.Lapsed
		if lapses.IsZero() {
			lapses = st.Review.AddDate(0, 0, w.Grace+1)
		}
		out = append(out, Reminder{Status: st.Status, Slug: p.Slug, Name: p.Title, Signed: isoDate(p.Signed), Renewed: isoDate(st.Renewed),
			Review: isoDate(st.Review), Lapses: isoDate(lapses), Website: p.Website, File: p.File})
	}
	slices.SortStableFunc(out, func(a, b Reminder) int {
		if c := strings.Compare(a.Review, b.Review); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return out
}
