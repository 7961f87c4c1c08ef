package content

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

const renewingPledge = "---\ntitle: Two-way pledge\nsummary: We promise.\nrenew_every: 3 years\nversion: \"2\"\n" +
	"changes:\n  - date: 2023-01-01\n    version: \"1\"\n    summary: First.\n  - date: 2025-01-01\n    version: \"2\"\n    summary: Second.\n" +
	"levels:\n  - name: Committed\n    summary: Signed and planned.\n  - name: Leading\n    summary: Kept for a year.\n" +
	"commitments:\n  - We will pay people.\n  - We will listen.\n---\n"

func signatoryWith(extra string) string {
	return "---\ntitle: Org\nsummary: An organisation.\nwebsite: https://example.org/\nsigned: 2023-01-01\n" + extra + "---\n"
}

// The status of one signatory on fixed days, at every boundary: due 60
// days before the review date, overdue the day after it, lapsed 90 days
// after it.
func TestStatusOnFixedDates(t *testing.T) {
	cases := []struct {
		name, extra, on string
		want            Status
		review, ended   string
	}{
		{"long before review", "pledges: [two-way]\n", "2025-11-01", Active, "2026-01-01", ""},
		{"first day due", "pledges: [two-way]\n", "2025-11-02", Due, "2026-01-01", ""},
		{"on the review date", "pledges: [two-way]\n", "2026-01-01", Due, "2026-01-01", ""},
		{"the day after", "pledges: [two-way]\n", "2026-01-02", Overdue, "2026-01-01", ""},
		{"last day of grace", "pledges: [two-way]\n", "2026-04-01", Overdue, "2026-01-01", ""},
		{"first day lapsed", "pledges: [two-way]\n", "2026-04-02", Lapsed, "2026-01-01", "2026-04-02"},
		{"a renewal restarts the period", "pledges: [two-way]\nrenewed: [2025-12-01]\n", "2026-06-01", Active, "2028-12-01", ""},
		{"a renewal written as one date", "pledges: [two-way]\nrenewed: 2025-12-01\n", "2026-06-01", Active, "2028-12-01", ""},
		{"a renewal after the day does not count yet", "pledges: [two-way]\nrenewed: [2026-03-01]\n", "2026-02-01", Overdue, "2026-01-01", ""},
		{"review written by hand wins", "pledges: [two-way]\nreview: 2024-06-01\n", "2024-06-02", Overdue, "2024-06-01", ""},
		{"a renewal after the written review starts a new period", "pledges: [two-way]\nreview: 2024-06-01\nrenewed: [2024-07-01]\n", "2024-08-01", Active, "2027-07-01", ""},
		{"old front matter: review only, no renew_every", "pledges: [plain]\nreview: 2024-06-01\n", "2024-09-30", Lapsed, "2024-06-01", "2024-08-31"},
		{"nothing asks for a review", "pledges: [plain]\n", "2040-01-01", Active, "", ""},
		{"withdrawn on the day", "pledges: [two-way]\nwithdrawn: 2024-05-01\n", "2024-05-01", Withdrawn, "", "2024-05-01"},
		{"withdrawal not yet reached", "pledges: [two-way]\nwithdrawn: 2024-05-01\n", "2024-04-30", Active, "2026-01-01", ""},
		{"reaching a level starts a period", "pledges:\n  - pledge: two-way\n    levels:\n      - level: Committed\n        date: 2023-01-01\n      - level: Leading\n        date: 2024-02-01\n", "2026-06-01", Active, "2027-02-01", ""},
		{"a pledge signed later has its own date", "pledges:\n  - pledge: two-way\n    signed: 2024-01-01\n", "2026-06-01", Active, "2027-01-01", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site, diags := loadFiles(map[string]string{
				"pledges/two-way.md": renewingPledge,
				"pledges/plain.md":   "---\ntitle: Plain\nsummary: No renewal.\ncommitments: [We will listen.]\n---\n",
				"signatories/org.md": signatoryWith(c.extra),
			}, Options{Now: day(c.on)})
			if diags.HasErrors() {
				t.Fatalf("unexpected problems:\n%v", diags)
			}
			st := site.Page("/signatories/org/").Standing
			if st.Status != c.want {
				t.Errorf("on %s the status is %q, want %q", c.on, st.Status, c.want)
			}
			if got := isoOrEmpty(st.Review); got != c.review {
				t.Errorf("the review date is %q, want %q", got, c.review)
			}
			if got := isoOrEmpty(st.Ended()); got != c.ended {
				t.Errorf("it ended on %q, want %q", got, c.ended)
			}
			if st.Current() == (c.want == Lapsed || c.want == Withdrawn) {
				t.Errorf("Current() = %v for %s", st.Current(), c.want)
			}
		})
	}
}

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// The windows come from site.yaml: here due 30 days before and no grace.
func TestStatusWindowsCanChange(t *testing.T) {
	files := map[string]string{"pledges/two-way.md": renewingPledge, "signatories/org.md": signatoryWith("pledges: [two-way]\n")}
	for on, want := range map[string]Status{"2025-12-01": Active, "2025-12-02": Due, "2026-01-01": Due, "2026-01-02": Lapsed} {
		site, _ := loadFiles(files, Options{Now: day(on), Renewal: Renewal{DueWithin: 30, Grace: 0, Set: true}})
		if got := site.Page("/signatories/org/").Standing.Status; got != want {
			t.Errorf("with due_within 30 and grace 0, on %s the status is %q, want %q", on, got, want)
		}
	}
}

func TestLevelsVersionsAndHistory(t *testing.T) {
	site, diags := loadFiles(map[string]string{
		"pledges/two-way.md": renewingPledge,
		"signatories/org.md": signatoryWith("renewed: [2025-12-01]\npledges:\n  - pledge: two-way\n    version: \"1\"\n    levels:\n      - level: committed\n        date: 2023-01-01\n      - level: leading\n        date: 2024-02-01\n"),
		"reports/org-2025.md": "---\ntitle: Our year\nsummary: What we did.\ndate: 2025-03-01\nsignatory: org\n" +
			"progress:\n  - commitment: 2\n    done: We listened.\n    done_by_people: People told us.\n---\n",
	}, Options{Now: day("2026-01-01")})
	if diags.HasErrors() {
		t.Fatalf("unexpected problems:\n%v", diags)
	}
	p := site.Page("/signatories/org/")
	sg := p.Signings[0]
	if sg.Level != "Leading" || !sg.OutdatedVersion() || sg.Pledge == nil {
		t.Errorf("the signing is %+v: want the level spelt Leading, as the pledge does, and version 1 outdated", sg)
	}
	var got []string
	for _, e := range p.History() {
		got = append(got, e.Date.Format("2006-01-02")+" "+e.What+" "+e.Level)
	}
	want := []string{"2023-01-01 signed ", "2023-01-01 level Committed", "2024-02-01 level Leading", "2025-03-01 report ", "2025-12-01 renewed "}
	if !slices.Equal(got, want) {
		t.Errorf("history = %q\nwant %q", got, want)
	}
	r := site.Page("/reports/org-2025/")
	if r == nil || r.Kind != KindReport || r.Signatory() != p || r.Progress()[0].Commitment != "We will listen." {
		t.Fatalf("the report is not linked to its signatory and commitment: %+v", r)
	}
	pl := site.Page("/pledges/two-way/")
	if n, of := pl.ReportedSince(day("2025-01-01")); n != 1 || of != 1 {
		t.Errorf("reported since 2025 = %d of %d, want 1 of 1", n, of)
	}
	if n, _ := pl.ReportedSince(day("2025-06-01")); n != 0 {
		t.Errorf("a report from March 2025 counted as reported since June 2025")
	}
}

// Mistakes in lifecycle keys are reported where they are written, with
// what to write instead.
func TestLifecycleErrors(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string // the start of the problem
		fix   string
	}{
		{"renew_every not a period", map[string]string{"pledges/p.md": "---\ntitle: P\nsummary: x\nrenew_every: often\ncommitments: [a]\n---\n"},
			`content/pledges/p.md:4:14: error: renew_every: "often" is not a length of time`, "renew_every: 2 years"},
		{"level the pledge does not have", map[string]string{"signatories/s.md": signatoryWith("pledges:\n  - pledge: two-way\n    level: Gold\n")},
			`content/signatories/s.md:8:12: error: the pledge "two-way" has no level called "Gold"`, "Committed, Leading"},
		{"level misspelt", map[string]string{"signatories/s.md": signatoryWith("pledges:\n  - pledge: two-way\n    level: Leeding\n")},
			`content/signatories/s.md:8:12: error: the pledge "two-way" has no level called "Leeding"`, `did you mean "Leading"?`},
		{"version the pledge never had", map[string]string{"signatories/s.md": signatoryWith("pledges:\n  - pledge: two-way\n    version: \"7\"\n")},
			`content/signatories/s.md:8:14: error: the pledge "two-way" has no version "7"`, "1, 2"},
		{"entry without pledge", map[string]string{"signatories/s.md": signatoryWith("pledges:\n  - level: Leading\n")},
			`content/signatories/s.md:7:5: error: an item of pledges does not say which pledge`, "pledge: two-way-pledge"},
		{"renewed before signed", map[string]string{"signatories/s.md": signatoryWith("pledges: [two-way]\nrenewed: [2022-01-01]\n")},
			`content/signatories/s.md:7:11: error: renewed 2022-01-01 is before the date signed`, "2023-01-01 or later"},
		{"renewed not a date", map[string]string{"signatories/s.md": signatoryWith("pledges: [two-way]\nrenewed: [1/2/2024]\n")},
			`content/signatories/s.md:7:11: error: renewed: 1/2/2024 is not written the way dates are written here`, "renewed: 2024-02-01"},
		{"reason without withdrawal", map[string]string{"signatories/s.md": signatoryWith("pledges: [two-way]\nwithdrawn_reason: We closed.\n")},
			`content/signatories/s.md:7:1: error: withdrawn_reason is given but not the date it withdrew`, "withdrawn: 2025-03-01"},
		{"level not the last one reached", map[string]string{"signatories/s.md": signatoryWith("pledges:\n  - pledge: two-way\n    level: Committed\n    levels:\n      - level: Leading\n        date: 2024-01-01\n")},
			`content/signatories/s.md:8:12: error: level: Committed is not the last level this signatory reached`, "level: Leading"},
		{"report commitment out of range", map[string]string{"reports/r.md": "---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: s\nprogress:\n  - commitment: 9\n    done: Things.\n---\n",
			"signatories/s.md": signatoryWith("pledges: [two-way]\n")},
			`content/reports/r.md:7:17: error: the pledge "two-way" has no commitment 9`, "from 1 to 2"},
		{"report without signatory", map[string]string{"reports/r.md": "---\ntitle: R\nsummary: x\ndate: 2025-01-01\n---\n"},
			`content/reports/r.md:2:1: error: the report does not say which signatory it is by`, "signatory: kite-youth-arts"},
		{"report of a signatory that is not there", map[string]string{"reports/r.md": "---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: nobody\n---\n"},
			`content/reports/r.md:5:12: error: there is no signatory called "nobody"`, ""},
		{"progress item not a set of keys", map[string]string{"reports/r.md": "---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: s\nprogress:\n  - We did it.\n---\n",
			"signatories/s.md": signatoryWith("pledges: [two-way]\n")},
			`content/reports/r.md:7:5: error: an item of progress is not a set of keys`, "commitment: 1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"pledges/two-way.md": renewingPledge}
			for k, v := range c.files {
				files[k] = v
			}
			_, diags := loadFiles(files, Options{Now: day("2025-06-01")})
			for _, d := range diags {
				if strings.HasPrefix(d.String(), c.want) {
					if !strings.Contains(d.Fix, c.fix) {
						t.Errorf("the advice %q does not say %q", d.Fix, c.fix)
					}
					return
				}
			}
			t.Errorf("no problem starting\n%s\namong:\n%v", c.want, diags)
		})
	}
}

// Every way of writing pledges that sites already use still works.
func TestOldPledgesFrontMatterStillWorks(t *testing.T) {
	for _, pledges := range []string{"pledges: [two-way]\n", "pledges: two-way\n", "pledges:\n  - two-way\n"} {
		site, diags := loadFiles(map[string]string{"pledges/two-way.md": renewingPledge, "signatories/s.md": signatoryWith(pledges)}, Options{})
		if diags.HasErrors() {
			t.Errorf("%q: %v", pledges, diags)
			continue
		}
		if p := site.Page("/signatories/s/"); len(p.Pledges) != 1 || len(p.Signings) != 1 || p.Signings[0].Pledge != p.Pledges[0] {
			t.Errorf("%q: pledges %v, signings %+v", pledges, p.Pledges, p.Signings)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{"1 year": "1 year", "2 years": "2 years", "36 months": "36 months", "6 Weeks": "6 weeks", "90 days": "90 days"} {
		d, ok := ParsePeriod(in)
		if !ok || d.String() != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %s", in, d, ok, want)
		}
	}
	for _, bad := range []string{"", "two years", "0 years", "-1 year", "3 fortnights", "3", "1 year 2 months"} {
		if _, ok := ParsePeriod(bad); ok {
			t.Errorf("ParsePeriod(%q) was accepted", bad)
		}
	}
}
