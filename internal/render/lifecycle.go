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
	})
	return fm
}
