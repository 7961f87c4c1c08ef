package register

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// What the register says about the pledge lifecycle: each status in words,
// the directory's status and level filters, and the list of former
// signatories, kept apart from current ones.

// FormerURL is the address of the list of former signatories.
const FormerURL = "/" + Section + "/former/"

// StatusLabel is a status in plain English: "Due for renewal".
func StatusLabel(s content.Status) string { return StatusLabelIn(s, plainEnglish{}) }

// StatusLabelIn is a status in the words given.
func StatusLabelIn(s content.Status, w Words) string { return w.Format("status_" + string(s)) }

// statusFacet labels the status filter's values in words; their slugs
// are the status words themselves: /signatories/status/due/.
func statusFacet(f *Facet, w Words) *Facet {
	for _, v := range f.Values {
		v.Label = StatusLabelIn(content.Status(v.Slug), w)
	}
	return f
}

// byStatus orders a status filter as a signature passes through them.
func byStatus(vs []*Value) {
	rank := func(v *Value) int {
		for i, s := range content.Statuses {
			if string(s) == v.Slug {
				return i
			}
		}
		return len(content.Statuses)
	}
	sort.SliceStable(vs, func(i, j int) bool { return rank(vs[i]) < rank(vs[j]) })
}

// firstLevel is the level a signatory holds in the first pledge it signed
// at a level: the directory files it under one level.
func firstLevel(p *content.Page) string {
	if l := p.LevelNames(); len(l) > 0 {
		return l[0]
	}
	return ""
}

// StatusLine is what a signatory's badge says under the pledge's name:
// "Signed 2021", "Signed 2021, renewed 2024", "Signed 2021, renewal
// overdue", "Signed 2021, lapsed 2025" or "Signed 2021, withdrew 2024".
// A badge left on a website after its signatory lapsed or withdrew says so.
func StatusLine(p *content.Page) string { return statusLine(p, plainEnglish{}) }

func statusLine(p *content.Page, w Words) string {
	if p.Signed.IsZero() {
		return ""
	}
	year := strconv.Itoa(p.Signed.Year())
	st := p.Standing
	switch st.Status {
	case content.Lapsed:
		return w.Format("badge_lapsed", "year", year, "ended", strconv.Itoa(st.Lapsed.Year()))
	case content.Withdrawn:
		return w.Format("badge_withdrew", "year", year, "ended", strconv.Itoa(st.Withdrawn.Year()))
	case content.Overdue:
		return w.Format("badge_overdue", "year", year)
	}
	if !st.Renewed.IsZero() {
		return w.Format("badge_renewed", "year", year, "renewed", strconv.Itoa(st.Renewed.Year()))
	}
	return w.Format("badge_signed", "year", year)
}

// LevelLine names the levels a signatory holds, for its badge: "Level:
// Leading", or "" when it holds none.
func LevelLine(p *content.Page) string { return levelLine(p, plainEnglish{}) }

func levelLine(p *content.Page, w Words) string {
	levels := p.LevelNames()
	switch len(levels) {
	case 0:
		return ""
	case 1:
		return w.Format("badge_level", "levels", levels[0])
	}
	return w.Format("badge_levels", "levels", strings.Join(slices.Compact(slices.Clone(levels)), ", "))
}

// formerListing lists the former signatories, most recently ended first.
func (r *Register) formerListings() []*Listing {
	if len(r.Former) == 0 {
		return nil
	}
	former := slices.Clone(r.Former)
	slices.SortStableFunc(former, func(a, b *content.Page) int {
		if c := mainPage(b).Standing.Ended().Compare(mainPage(a).Standing.Ended()); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	ls := paginate(r.Root+"former/", nil, former)
	for _, l := range ls {
		l.Former = true
	}
	return ls
}

// signedOn is the day a signatory signed one of its pledges.
func signedOn(p, pledge *content.Page) time.Time {
	for _, sg := range p.Signings {
		if sg.Pledge == pledge && !sg.Signed.IsZero() {
			return sg.Signed
		}
	}
	return p.Signed
}

// ldStanding says in the JSON-LD what became of a signature: its status
// in the open data's words with the dates behind it, and its level.
// Signing stays a completed AgreeAction (it happened); what followed is
// said here, so a search engine never reads a lapsed signature as current.
func ldStanding(p, pledge *content.Page) string {
	st := p.Standing
	parts := []string{"status: " + string(st.Status)}
	for _, sg := range p.Signings {
		if sg.Pledge == pledge && sg.Level != "" {
			parts = append(parts, "level: "+sg.Level)
		}
	}
	if !st.Renewed.IsZero() {
		parts = append(parts, "renewed: "+isoDate(st.Renewed))
	}
	switch st.Status {
	case content.Lapsed:
		parts = append(parts, "lapsed: "+isoDate(st.Lapsed))
	case content.Withdrawn:
		parts = append(parts, "withdrawn: "+isoDate(st.Withdrawn))
	default:
		if !st.Review.IsZero() {
			parts = append(parts, "review: "+isoDate(st.Review))
		}
	}
	return strings.Join(parts, "; ")
}
