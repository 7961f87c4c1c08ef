package content

import (
	"slices"
	"time"
)

// Status is where a signatory stands on a given day. Its words are part of
// the open data and of the directory's addresses.
type Status string

// The statuses, in the order a signature passes through them.
const (
	Active    Status = "active"    // signed, and not near its review date
	Due       Status = "due"       // its review date is within the notice window
	Overdue   Status = "overdue"   // its review date has passed, within the grace period
	Lapsed    Status = "lapsed"    // past the grace period without renewing
	Withdrawn Status = "withdrawn" // it withdrew
)

// Statuses are every status, in that order.
var Statuses = []Status{Active, Due, Overdue, Lapsed, Withdrawn}

// The windows a site may change in site.yaml (renewal: due_within, grace).
const (
	DefaultDueWithin = 60 // days before the review date a signatory is due
	DefaultGrace     = 90 // days after it before a signatory has lapsed
)

// Standing is a signatory's status on the day of the build, with the dates
// behind it.
type Standing struct {
	Status Status
	// Review is the day it should renew by: the signing date or the last
	// renewal plus the pledge's renew_every, or the review date written.
	// Zero when nothing asks for a review.
	Review time.Time
	// Renewed is the last renewal on or before the day, zero when none.
	Renewed time.Time
	// Lapsed is the first day it counted as lapsed, when it has.
	Lapsed time.Time
	// Withdrawn is the day it withdrew, when it has.
	Withdrawn time.Time
}

// Current reports whether the signatory still counts as one: active, due
// or overdue. Lapsed and withdrawn signatories are former signatories.
func (s Standing) Current() bool {
	return s.Status == Active || s.Status == Due || s.Status == Overdue || s.Status == ""
}

// Ended is the day a former signatory stopped being one, zero otherwise.
func (s Standing) Ended() time.Time {
	switch s.Status {
	case Withdrawn:
		return s.Withdrawn
	case Lapsed:
		return s.Lapsed
	}
	return time.Time{}
}

// statusDay is the day of the build, without its time, that statuses
// are worked out for.
func (o Options) statusDay() time.Time {
	y, m, d := o.today().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Renewal are the windows of the renewal cycle, in days. The zero value
// means the defaults, 60 and 90 days.
type Renewal struct {
	DueWithin int  // a signatory is due this many days before its review date
	Grace     int  // and lapses this many days after it
	Set       bool // the two are given; otherwise the defaults apply
}

// DefaultRenewal is the renewal cycle of a site that sets none.
var DefaultRenewal = Renewal{DueWithin: DefaultDueWithin, Grace: DefaultGrace, Set: true}

func (o Options) renewal() Renewal {
	if !o.Renewal.Set {
		return DefaultRenewal
	}
	return o.Renewal
}

// StandingOn works out a signatory's status on day today with the windows
// w, for a caller that asks about another day than the build's (coproduce
// due --within).
func StandingOn(p *Page, today time.Time, w Renewal) Standing {
	y, m, d := today.Date()
	return standingOf(p, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), w)
}

func standingOf(p *Page, today time.Time, w Renewal) Standing {
	var st Standing
	for _, r := range p.Renewed {
		if !r.After(today) && r.After(st.Renewed) {
			st.Renewed = r
		}
	}
	// Each pledge with a renewal period asks for a review that many years
	// from its signing or the last renewal; the soonest is the one due.
	for _, sg := range p.Signings {
		if sg.Pledge == nil || sg.Pledge.RenewEvery().IsZero() {
			continue
		}
		start := sg.Signed
		if start.IsZero() {
			start = p.Signed
		}
		for _, step := range sg.Steps {
			// Reaching a new level is an assessment: it starts a new period.
			if !step.Date.After(today) && step.Date.After(start) {
				start = step.Date
			}
		}
		if st.Renewed.After(start) {
			start = st.Renewed
		}
		if start.IsZero() {
			continue
		}
		review := sg.Pledge.RenewEvery().From(start)
		if st.Review.IsZero() || review.Before(st.Review) {
			st.Review = review
		}
	}
	// A review date written by hand wins, until a renewal on or after it
	// starts a new period.
	if !p.Review.IsZero() && p.Review.After(st.Renewed) {
		st.Review = p.Review
	}
	switch {
	case !p.Withdrawn.IsZero() && !p.Withdrawn.After(today):
		// A withdrawn signature asks for no review.
		st.Status, st.Withdrawn, st.Review = Withdrawn, p.Withdrawn, time.Time{}
	case st.Review.IsZero() || today.Before(st.Review.AddDate(0, 0, -w.DueWithin)):
		st.Status = Active
	case !today.After(st.Review):
		st.Status = Due
	case !today.After(st.Review.AddDate(0, 0, w.Grace)):
		st.Status = Overdue
	default:
		st.Status, st.Lapsed = Lapsed, st.Review.AddDate(0, 0, w.Grace+1)
	}
	return st
}

// Event is one line of a signatory's history.
type Event struct {
	Date   time.Time
	What   string // "signed", "level", "renewed", "report", "lapsed", "withdrawn"
	Pledge *Page  // the pledge it is about, when one
	Level  string // the level reached, for "level"
	Report *Page  // the report, for "report"
}

// History is a signatory's timeline, oldest first: signed, levels
// reached, renewals, reports, and a lapse or withdrawal.
func (p *Page) History() []Event {
	var out []Event
	out = append(out, Event{Date: p.Signed, What: "signed"})
	for _, sg := range p.Signings {
		if !sg.Signed.IsZero() && !sg.Signed.Equal(p.Signed) {
			out = append(out, Event{Date: sg.Signed, What: "signed", Pledge: sg.Pledge})
		}
		for _, st := range sg.Steps {
			out = append(out, Event{Date: st.Date, What: "level", Pledge: sg.Pledge, Level: st.Level})
		}
	}
	for _, r := range p.Renewed {
		out = append(out, Event{Date: r, What: "renewed"})
	}
	for _, r := range p.Reports {
		out = append(out, Event{Date: r.Date, What: "report", Report: r})
	}
	switch p.Standing.Status {
	case Lapsed:
		out = append(out, Event{Date: p.Standing.Lapsed, What: "lapsed"})
	case Withdrawn:
		out = append(out, Event{Date: p.Standing.Withdrawn, What: "withdrawn"})
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.Date.Compare(b.Date) })
	return out
}

// LevelNames are the levels a signatory holds now, one for each pledge
// signed at a level, in the order of its pledges.
func (p *Page) LevelNames() []string {
	var out []string
	for _, sg := range p.Signings {
		if sg.Level != "" {
			out = append(out, sg.Level)
		}
	}
	return out
}

// CurrentSignatories are a pledge's signatories that still count as such:
// not lapsed or withdrawn. A pledge's count of who "has signed" uses them,
// so it never counts a former signatory.
func (p *Page) CurrentSignatories() []*Page {
	out := make([]*Page, 0, len(p.Signatories))
	for _, s := range p.Signatories {
		if s.Standing.Current() {
			out = append(out, s)
		}
	}
	return out
}
