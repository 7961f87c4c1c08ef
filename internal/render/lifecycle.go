package render

import (
	"html/template"
	"maps"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
)

// Reporting is how many of a pledge's current signatories published a
// progress report in the year before the build: "34 of 50".
type Reporting struct {
	Reported, Of int
}

// withLifecycle adds the functions the pledge lifecycle's parts of the
// templates call: a status in words, and a pledge's reporting.
func (s *Site) withLifecycle(fm template.FuncMap) template.FuncMap {
	maps.Copy(fm, template.FuncMap{
		// statusLabel is a status in words: "Due for renewal".
		"statusLabel": func(st content.Status) string { return register.StatusLabel(st) },
		// reporting counts a pledge's current signatories that reported
		// in the last year.
		"reporting": func(p *content.Page) Reporting {
			n, of := p.ReportedSince(s.Now.AddDate(-1, 0, 0))
			return Reporting{Reported: n, Of: of}
		},
		"badgeStatus": register.StatusLine,
		// periodIn writes how long a signature lasts in a language:
		// "2 years", "2 flynedd".
		"periodIn": s.PeriodIn,
		// strong marks words as important inside the theme's words, for
		// the words functions that take HTML: a level's name.
		"strong": func(class, text string) template.HTML {
			return template.HTML(`<strong class="` + template.HTMLEscapeString(class) + `">` + template.HTMLEscapeString(text) + `</strong>`)
		},
	})
	return fm
}

// PeriodIn writes a period in lang with the theme's words for years,
// months, weeks and days, the largest unit the period is written in.
func (s *Site) PeriodIn(lang string, d content.Period) string {
	switch {
	case d.Years > 0:
		return s.WordN(lang, "period_years", d.Years)
	case d.Months > 0:
		return s.WordN(lang, "period_months", d.Months)
	case d.Days%7 == 0 && d.Days > 0:
		return s.WordN(lang, "period_weeks", d.Days/7)
	}
	return s.WordN(lang, "period_days", d.Days)
}
