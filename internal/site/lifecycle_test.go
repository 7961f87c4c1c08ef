package site_test

import (
	"encoding/xml"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// lifecycleFiles is a site with a signatory in each status on 2026-06-01
// (the pledge is renewed every 3 years; the windows are 60 and 90 days),
// one at a level, and a progress report.
var lifecycleFiles = map[string]string{
	"site.yaml": "title: Lifecycle test\nbase_url: https://example.org/\n",
	"content/pledges/two-way.md": "---\ntitle: The two-way pledge\nsummary: A promise both ways.\nrenew_every: 3 years\nversion: \"2\"\n" +
		"changes:\n  - date: 2023-01-01\n    version: \"1\"\n    summary: The first version.\n  - date: 2025-01-01\n    version: \"2\"\n    summary: A promise to report each year.\n" +
		"levels:\n  - name: Committed\n    summary: Signed and planned.\n  - name: Leading\n    summary: Kept for a year.\n" +
		"commitments: [We will listen., We will pay people.]\n---\n\nAbout the pledge.\n",
	"content/signatories/active.md":    sig("Active Org", "signed: 2024-05-01\nregion: Leeds\n"),
	"content/signatories/renewed.md":   sig("Renewed Org", "signed: 2021-05-01\nrenewed: [2024-04-01]\n"),
	"content/signatories/due.md":       sig("Due Org", "signed: 2023-07-01\n"),
	"content/signatories/overdue.md":   sig("Overdue Org", "signed: 2023-04-01\n"),
	"content/signatories/lapsed.md":    sig("Lapsed Org", "signed: 2021-03-01\nregion: Leeds\n"),
	"content/signatories/withdrawn.md": sig("Withdrawn Org", "signed: 2024-01-10\nregion: Hull\nwithdrawn: 2025-02-01\nwithdrawn_reason: We closed the service.\n"),
	"content/signatories/levelled.md": "---\ntitle: Levelled Org\nsummary: An organisation.\nwebsite: https://example.org/\nsigned: 2025-01-01\n" +
		"pledges:\n  - pledge: two-way\n    version: \"1\"\n    levels:\n      - level: Committed\n        date: 2025-01-01\n      - level: Leading\n        date: 2026-02-01\n---\n",
	"content/reports/levelled-2026.md": "---\ntitle: Our first year\nsummary: What we did.\ndate: 2026-03-01\nsignatory: levelled\n" +
		"progress:\n  - commitment: 1\n    done: We met every month.\n    done_by_people: People came and spoke up.\n---\n\nA short report.\n",
}

func sig(name, extra string) string {
	return "---\ntitle: " + name + "\nsummary: An organisation.\nwebsite: https://example.org/\npledges: [two-way]\n" + extra + "---\n"
}

func buildLifecycleSite(t *testing.T) *publish.Memory {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range lifecycleFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: fsys, Output: out, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the build failed:\n%v", res.Diags)
	}
	return out
}

// Each status shows on the signatory's page, in words, with its dates; a
// former signatory offers no badge to copy.
func TestSignatoryPageInEachStatus(t *testing.T) {
	out := buildLifecycleSite(t)
	for slug, want := range map[string][]string{
		"active":    {"Status: Active", "Active Org is a signatory. It renews by 1 May 2027."},
		"renewed":   {"Status: Active", "It renews by 1 April 2027.", "1 April 2024: renewed its signature"},
		"due":       {"Status: Due for renewal", "Due Org is due to renew its signature by 1 July 2026."},
		"overdue":   {"Status: Renewal overdue", "Overdue Org was due to renew by 1 April 2026 and has not yet done so."},
		"lapsed":    {"Status: Lapsed", "Its signature lapsed on 31 May 2024, and it is no longer a signatory.", "31 May 2024: its signature lapsed", "there is no badge to copy"},
		"withdrawn": {"Status: Withdrawn", "Withdrawn Org withdrew on 1 February 2025. It is no longer a signatory. It said: We closed the service.", "1 February 2025: withdrew", "there is no badge to copy"},
		"levelled": {"Level Leading", "at the level Leading", "Signed version 1", "it is now at version 2", "1 February 2026: reached the level Leading of The two-way pledge",
			"1 March 2026: published a progress report, Our first year", "Progress reports"},
	} {
		page := prose(get(t, out, "signatories/"+slug+"/index.html"))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("the page of %s does not say %q:\n%s", slug, w, page)
			}
		}
		former := slug == "lapsed" || slug == "withdrawn"
		if strings.Contains(page, "HTML to copy") == former {
			t.Errorf("the page of %s offers the badge's HTML to copy: %v", slug, !former)
		}
		badge := get(t, out, "signatories/"+slug+"/badge.svg")
		if former && !strings.Contains(badge, map[bool]string{true: "lapsed 2024", false: "withdrew 2025"}[slug == "lapsed"]) {
			t.Errorf("the badge of %s does not say so:\n%s", slug, badge)
		}
	}
}

// The directory lists current signatories only, with a filter by status
// and by level; former ones are on a page of their own.
func TestDirectoryInEachStatus(t *testing.T) {
	out := buildLifecycleSite(t)
	dir := get(t, out, "signatories/index.html")
	for _, w := range []string{`href="/signatories/status/due/">Due for renewal (1)</a>`, `href="/signatories/status/overdue/">Renewal overdue (1)</a>`,
		`href="/signatories/status/active/">Active (3)</a>`, `href="/signatories/level/leading/">Leading (1)</a>`, `href="/signatories/former/">Former signatories (2)</a>`,
		`href="/signatories/region/leeds/">Leeds (1)</a>`} {
		if !strings.Contains(dir, w) {
			t.Errorf("the directory has no %s", w)
		}
	}
	for _, former := range []string{"Lapsed Org", "Withdrawn Org", "/signatories/region/hull/"} {
		if strings.Contains(dir, former) {
			t.Errorf("the directory mixes in %s, a former signatory", former)
		}
	}
	if _, ok := out.Get("signatories/region/hull/index.html"); ok {
		t.Errorf("a filter page was written for the region of a withdrawn signatory only")
	}
	due := prose(get(t, out, "signatories/status/due/index.html"))
	if !strings.Contains(due, "Due Org") || strings.Contains(due, "Active Org") {
		t.Errorf("the due filter lists the wrong signatories:\n%s", due)
	}
	page := get(t, out, "signatories/former/index.html")
	former := prose(page)
	for _, w := range []string{"Former signatories", "2 former signatories", "Withdrawn Org", "Withdrawn on 1 February 2025", "We closed the service.", "Lapsed Org", "Lapsed on 31 May 2024"} {
		if !strings.Contains(former, w) {
			t.Errorf("the former signatories' page does not say %q:\n%s", w, former)
		}
	}
	if strings.Contains(former, "Active Org") || strings.Contains(page, "directory-search") {
		t.Errorf("the former signatories' page mixes in current ones or their search")
	}
	if strings.Index(former, "Withdrawn Org") > strings.Index(former, "Lapsed Org") {
		t.Errorf("the most recently ended should come first")
	}
	pledge := prose(get(t, out, "pledges/two-way/index.html"))
	for _, w := range []string{"5 organisations have signed this pledge.", "1 of 5 current signatories reported on their progress in the last year.", "Signatories renew this pledge every 3 years.", "Leading Kept for a year.", "This is version 2 of the pledge."} {
		if !strings.Contains(pledge, w) {
			t.Errorf("the pledge page does not say %q", w)
		}
	}
	report := prose(get(t, out, "reports/levelled-2026/index.html"))
	for _, w := range []string{"A progress report by Levelled Org on The two-way pledge, published 1 March 2026.", "Commitment 1: We will listen.",
		"What the organisation did: We met every month.", "What the people who use its services did: People came and spoke up."} {
		if !strings.Contains(report, w) {
			t.Errorf("the report does not say %q:\n%s", w, report)
		}
	}
}

// prose is text with the spaces left before punctuation by dropped tags
// taken out: the page as it reads.
func prose(page string) string {
	return strings.NewReplacer(" .", ".", " ,", ",", " :", ":").Replace(text(page))
}

// The feed announces renewals, levels reached, reports, lapses and
// withdrawals, each as an entry of its own.
func TestFeedAnnouncesEachStatus(t *testing.T) {
	out := buildLifecycleSite(t)
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(get(t, out, "feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range feed.Entries {
		got[e.Title] = e.ID + " " + e.Updated[:10]
	}
	for title, want := range map[string]string{
		"Renewed Org has renewed its pledge":           "https://example.org/signatories/renewed/#renewed-2024-04-01 2024-04-01",
		"Withdrawn Org has withdrawn":                  "https://example.org/signatories/withdrawn/#withdrawn 2025-02-01",
		"Lapsed Org's signature has lapsed":            "https://example.org/signatories/lapsed/#lapsed 2024-05-31",
		"Levelled Org has reached the level Leading":   "https://example.org/signatories/levelled/#level-2026-02-01 2026-02-01",
		"Levelled Org has published a progress report": "https://example.org/reports/levelled-2026/ 2026-03-01",
		"Active Org has signed":                        "https://example.org/signatories/active/ 2024-05-01",
	} {
		if got[title] != want {
			t.Errorf("the feed's entry %q is %q, want %q", title, got[title], want)
		}
	}
}
