package register

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// lifecycleSite has one signatory in each status on 2026-06-01, with a
// pledge renewed every 3 years and the default windows (60 and 90 days).
func lifecycleSite(t *testing.T) *content.Site {
	t.Helper()
	pledge := "---\ntitle: The two-way pledge\nsummary: A promise.\nrenew_every: 3 years\n" +
		"levels:\n  - name: Committed\n    summary: Signed.\n  - name: Leading\n    summary: Kept.\ncommitments: [We will listen.]\n---\n"
	files := map[string]string{
		"pledges/two-way.md":       pledge,
		"signatories/active.md":    signatory("Active Org", "signed: 2024-05-01\n"),
		"signatories/renewed.md":   signatory("Renewed Org", "signed: 2021-05-01\nrenewed: [2024-04-01]\n"),
		"signatories/due.md":       signatory("Due Org", "signed: 2023-07-01\nregion: Leeds\n"),
		"signatories/overdue.md":   signatory("Overdue Org", "signed: 2023-04-01\nregion: Leeds\n"),
		"signatories/lapsed.md":    signatory("Lapsed Org", "signed: 2021-03-01\nregion: Leeds\n"),
		"signatories/withdrawn.md": signatory("Withdrawn Org", "signed: 2024-01-10\nregion: Leeds\nwithdrawn: 2025-02-01\nwithdrawn_reason: We closed the service.\n"),
		"signatories/levelled.md": "---\ntitle: Levelled Org\nsummary: An organisation.\nwebsite: https://example.org/\nsigned: 2025-01-01\n" +
			"pledges:\n  - pledge: two-way\n    level: Leading\n---\n",
	}
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	site, diags := content.Load(fsys, content.Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatalf("the test site has errors: %v", diags)
	}
	return site
}

// The badge never claims more than is true: each status has its words.
func TestBadgeTextForEachStatus(t *testing.T) {
	site := lifecycleSite(t)
	for slug, want := range map[string]struct{ signed, level, alt string }{
		"active":    {"Signed 2024", "", "Active Org signed The two-way pledge in 2024"},
		"renewed":   {"Signed 2021, renewed 2024", "", "Renewed Org signed The two-way pledge in 2021"},
		"due":       {"Signed 2023", "", "Due Org signed The two-way pledge in 2023"},
		"overdue":   {"Signed 2023, renewal overdue", "", "Overdue Org signed The two-way pledge in 2023; its renewal is overdue"},
		"lapsed":    {"Signed 2021, lapsed 2024", "", "Lapsed Org signed The two-way pledge in 2021; its signature lapsed in 2024"},
		"withdrawn": {"Signed 2024, withdrew 2025", "", "Withdrawn Org signed The two-way pledge in 2024; it withdrew in 2025"},
		"levelled":  {"Signed 2025", "Level: Leading", "Levelled Org signed The two-way pledge in 2025, at the level Leading"},
	} {
		p := site.Page("/signatories/" + slug + "/")
		b := BadgeFor(p)
		if b.Signed != want.signed || b.Level != want.level || b.Alt != want.alt {
			t.Errorf("%s (%s): badge says %q / %q / alt %q\nwant %q / %q / alt %q", slug, p.Standing.Status, b.Signed, b.Level, b.Alt, want.signed, want.level, want.alt)
		}
		svg := string(b.SVG())
		for _, s := range []string{want.signed, want.level} {
			if s != "" && !strings.Contains(svg, ">"+s+"</text>") {
				t.Errorf("%s: the SVG does not show %q:\n%s", slug, s, svg)
			}
		}
		former := slug == "lapsed" || slug == "withdrawn"
		if strings.Contains(svg, badgeFormerAccent) != former {
			t.Errorf("%s: the grey bar of a former signatory is shown = %v, want %v", slug, !former, former)
		}
	}
}

// The directory lists only current signatories; lapsed and withdrawn ones
// are on a list of their own, and the status filter offers only current
// statuses.
func TestDirectoryKeepsFormerSignatoriesApart(t *testing.T) {
	reg := New(lifecycleSite(t))
	var current, former []string
	for _, p := range reg.All {
		current = append(current, p.Slug)
	}
	for _, p := range reg.Former {
		former = append(former, p.Slug)
	}
	if strings.Join(current, " ") != "levelled active due overdue renewed" || strings.Join(former, " ") != "withdrawn lapsed" {
		t.Errorf("current %v, former %v", current, former)
	}
	status := reg.Facet("status")
	var got []string
	for _, v := range status.Values {
		got = append(got, v.Slug+"="+v.Label)
	}
	if strings.Join(got, ",") != "active=Active,due=Due for renewal,overdue=Renewal overdue" {
		t.Errorf("the status filter offers %v", got)
	}
	if v := reg.Facet("region").ValueOf("leeds"); v == nil || v.Count() != 2 {
		t.Errorf("the Leeds filter should list the due and overdue signatories only, not the former ones: %+v", v)
	}
	if v := reg.Facet("level").ValueOf("leading"); v == nil || v.Count() != 1 || v.URL() != "/signatories/level/leading/" {
		t.Errorf("the level filter is %+v", v)
	}
	var formerPage *Listing
	for _, l := range reg.Listings() {
		if l.URL == FormerURL {
			formerPage = l
		}
		if l.FormerCount != 2 {
			t.Errorf("%s does not know of the 2 former signatories", l.URL)
		}
		for _, it := range l.Items {
			if !it.Standing.Current() && !l.Former {
				t.Errorf("%s lists the former signatory %s", l.URL, it.Slug)
			}
		}
	}
	if formerPage == nil || len(formerPage.Items) != 2 || formerPage.Items[0].Slug != "withdrawn" {
		t.Fatalf("the former list is %+v, want withdrawn (2025) before lapsed (2024)", formerPage)
	}
	index, _ := reg.Index()
	if bytes.Contains(index, []byte("Lapsed Org")) || bytes.Contains(index, []byte("Withdrawn Org")) {
		t.Errorf("the search index mixes in former signatories:\n%s", index)
	}
}

// The open data lists every signatory with its status in exactly those
// words, and the dates behind it.
func TestOpenDataStatusForEachStatus(t *testing.T) {
	site := lifecycleSite(t)
	reg := New(site)
	abs := func(p string) string { return "https://example.org" + p }
	data, err := reg.CSV(abs)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	want := map[string]string{
		"active":    "active review=2027-05-01",
		"renewed":   "active review=2027-04-01 renewed=2024-04-01",
		"due":       "due review=2026-07-01",
		"overdue":   "overdue review=2026-04-01",
		"lapsed":    "lapsed review=2024-03-01 lapsed=2024-05-31",
		"withdrawn": "withdrawn withdrawn=2025-02-01 reason=We closed the service.",
		"levelled":  "active review=2028-01-01 level=Leading",
	}
	for _, r := range rows[1:] {
		got := r[col["status"]]
		for _, k := range []string{"review", "renewed", "lapsed", "withdrawn", "withdrawn_reason", "level"} {
			if v := r[col[k]]; v != "" {
				got += " " + strings.TrimPrefix(strings.Replace(k, "withdrawn_reason", "reason", 1), "") + "=" + v
			}
		}
		if got != want[r[0]] {
			t.Errorf("%s: the CSV row says %q, want %q", r[0], got, want[r[0]])
		}
	}
	js, _ := reg.JSON(site, "Site", abs)
	var d OpenData
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatal(err)
	}
	if d.Count != 7 || d.Current != 5 || len(d.Signatories) != 7 {
		t.Errorf("the JSON counts %d signatories, %d current, with %d records; want 7, 5, 7", d.Count, d.Current, len(d.Signatories))
	}
	for _, r := range d.Signatories {
		if r.Slug == "lapsed" && (r.Status != "lapsed" || r.Lapsed != "2024-05-31" || r.Renewed == nil) {
			t.Errorf("the lapsed record is %+v", r)
		}
	}
}

// The JSON-LD says what became of a signature.
func TestJSONLDSaysTheStatus(t *testing.T) {
	site := lifecycleSite(t)
	for slug, want := range map[string]string{
		"withdrawn": `"description":"status: withdrawn; withdrawn: 2025-02-01"`,
		"lapsed":    `"description":"status: lapsed; lapsed: 2024-05-31"`,
		"levelled":  `"description":"status: active; level: Leading; review: 2028-01-01"`,
	} {
		got := string(JSONLD(site.Page("/signatories/"+slug+"/"), shareSite()))
		if !strings.Contains(got, want) {
			t.Errorf("%s: the JSON-LD lacks %s:\n%s", slug, want, got)
		}
	}
}

// coproduce due lists due, overdue and lapsed signatories, the oldest
// review date first; --within widens what counts as due.
func TestRemindersOnADay(t *testing.T) {
	site := lifecycleSite(t)
	on := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	list := func(within int) string {
		var out []string
		for _, r := range Reminders(site, on, content.DefaultRenewal, within) {
			out = append(out, string(r.Status)+":"+r.Slug+":"+r.Lapses)
		}
		return strings.Join(out, " ")
	}
	if got, want := list(-1), "lapsed:lapsed:2024-05-31 overdue:overdue:2026-07-01 due:due:2026-09-30"; got != want {
		t.Errorf("reminders = %s\nwant %s", got, want)
	}
	if got := list(365); !strings.Contains(got, "due:renewed:") || !strings.Contains(got, "due:active:") {
		t.Errorf("within 365 days, the renewals of 2027 are due too: %s", got)
	}
	if got := list(0); strings.Contains(" "+got, " due:") {
		t.Errorf("within 0 days nothing is due before its day: %s", got)
	}
}
