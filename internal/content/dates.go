package content

import (
	"time"

	"github.com/coproduce/coproduce/internal/fields"
)

// checkDates reports dates that cannot all be true of one page: an
// organisation that signs in the future, a review due before the signing,
// consent recorded on a day that has not come, a page updated before it
// was written. Each is reported at the date that is most likely wrong.
func checkDates(r fields.Reader, p *Page, present map[string]fields.Entry, now time.Time) {
	today := now.Format(fields.DateLayout)
	at := func(key string) fields.Entry { return present[key] }
	day := func(t time.Time) string { return t.Format(fields.DateLayout) }
	if fields.After(p.Signed, now) {
		r.Diags.Errorf(r.Pos(at("signed").Value), "write the day the organisation signed; add the page on or after that day",
			"signed: %s is in the future (today is %s)", day(p.Signed), today)
	}
	if fields.After(p.Consent(), now) {
		r.Diags.Errorf(r.Pos(at("consent").Value), "write the day people agreed to be named, which must have passed; until then, do not publish the case study",
			"consent: %s is in the future (today is %s)", day(p.Consent()), today)
	}
	if !p.Review.IsZero() && !p.Signed.IsZero() && p.Review.Before(p.Signed) {
		r.Diags.Errorf(r.Pos(at("review").Value), "write a review date after the signing, such as review: "+day(p.Signed.AddDate(3, 0, 0)),
			"review: %s is before signed: %s, but a signature is reviewed after it is made", day(p.Review), day(p.Signed))
	}
	if !p.Updated.IsZero() && !p.Date.IsZero() && p.Updated.Before(p.Date) {
		r.Diags.Errorf(r.Pos(at("updated").Value), "write the day of the last change, on or after date: "+day(p.Date)+", or check date:",
			"updated: %s is before date: %s, but a page is updated after it is written", day(p.Updated), day(p.Date))
	}
	if fields.After(p.Updated, now) {
		r.Diags.Errorf(r.Pos(at("updated").Value), "write the day of the last change, which must have passed",
			"updated: %s is in the future (today is %s)", day(p.Updated), today)
	}
}
