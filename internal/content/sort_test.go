package content

import (
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
)

// sortSection must give exactly the order of the plain rule it speeds up:
// a stable sort, newest first then by title for case studies and
// signatories, by weight, newest first, then title elsewhere.
func TestSortSectionKeepsTheRule(t *testing.T) {
	rule := func(name string, pages []*Page) {
		newest := func(p *Page) time.Time {
			if p.Kind == KindSignatory {
				return p.Signed
			}
			return p.Date
		}
		sort.SliceStable(pages, func(i, j int) bool {
			a, b := pages[i], pages[j]
			if name == "case-studies" || name == "signatories" {
				if !newest(a).Equal(newest(b)) {
					return newest(a).After(newest(b))
				}
				return strings.ToLower(a.Title) < strings.ToLower(b.Title)
			}
			if a.Weight != b.Weight {
				return a.Weight < b.Weight
			}
			if !a.Date.Equal(b.Date) {
				return a.Date.After(b.Date)
			}
			return strings.ToLower(a.Title) < strings.ToLower(b.Title)
		})
	}
	r := rand.New(rand.NewPCG(1, 2))
	titles := []string{"Trust", "trust", "Money", "ask", "Ask", "Zebra"}
	kinds := []Kind{KindSignatory, KindCaseStudy, KindPrinciple}
	for round := range 300 {
		var pages []*Page
		for i := range r.IntN(40) {
			pages = append(pages, &Page{
				Slug:   string(rune('a'+i%26)) + string(rune('a'+i/26)),
				Kind:   kinds[r.IntN(len(kinds))],
				Title:  titles[r.IntN(len(titles))],
				Weight: r.IntN(3),
				Date:   time.Date(2024, 1, 1+r.IntN(3), 0, 0, 0, 0, time.UTC),
				Signed: time.Date(2023, 1, 1+r.IntN(3), 0, 0, 0, 0, time.UTC),
			})
		}
		for _, name := range []string{"signatories", "case-studies", "principles"} {
			got, want := append([]*Page(nil), pages...), append([]*Page(nil), pages...)
			sortSection(name, got)
			rule(name, want)
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("round %d, %s: place %d has %s, want %s", round, name, i, got[i].Slug, want[i].Slug)
				}
			}
		}
	}
}
