package content

import (
	"strings"
	"testing"
	"time"
)

// buildDay is the day these tests pretend the site is built on.
var buildDay = time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC)

// Each case is a value that would make a wrong or broken page, refused at
// the place it is written with advice on what to write instead.
var validationCases = []errorCase{
	{
		name:  "a website with a user name in it",
		files: map[string]string{"signatories/b.md": "---\ntitle: B\nsummary: x\nwebsite: https://x@evil.example/\nsigned: 2024-03-01\npledges: [two-way-pledge]\n---\n"},
		want:  []string{`content/signatories/b.md:4:10: error: website: "https://x@evil.example/" has a user name or password in it (the part before @), so it does not go where it seems to`},
		fix:   "website: https://evil.example/",
	},
	{
		name:  "a website with a password in it",
		files: map[string]string{"signatories/b.md": "---\ntitle: B\nsummary: x\nwebsite: \"http://brightwater.org.uk:secret@evil.example/about\"\nsigned: 2024-03-01\npledges: [two-way-pledge]\n---\n"},
		want:  []string{`content/signatories/b.md:4:10: error: website: "http://brightwater.org.uk:secret@evil.example/about" has a user name or password in it (the part before @), so it does not go where it seems to`},
		fix:   "website: http://evil.example/about",
	},
	{
		name:  "the same pledge twice",
		files: map[string]string{"signatories/b.md": "---\ntitle: B\nsummary: x\nwebsite: https://example.org/\nsigned: 2024-03-01\npledges:\n  - two-way-pledge\n  - two-way-pledge\n---\n"},
		want:  []string{`content/signatories/b.md:8:5: error: pledges has "two-way-pledge" twice`},
		fix:   "delete one of them",
	},
	{
		name:  "the same principle twice, in brackets",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2024-01-01\nanonymised: true\nprinciples: [equal-voice, equal-voice ]\n---\n"},
		want:  []string{`content/case-studies/c.md:6:27: error: principles has "equal-voice" twice`},
	},
	{
		name:  "the same commitment twice, in other capitals and spacing",
		files: map[string]string{"pledges/p.md": "---\ntitle: P\nsummary: x\ncommitments:\n  - We will pay people.\n  - we will  pay people.\n---\n"},
		want:  []string{`content/pledges/p.md:6:5: error: commitments has "we will  pay people." twice`},
	},
	{
		name:  "the same alias twice, with and without its slash",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\naliases: [/old, /old/]\n---\n"},
		want:  []string{`content/about.md:4:17: error: the alias /old/ is written twice`},
	},
	{
		name:  "an alias with a script",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\naliases: [\"javascript:alert(1)\"]\n---\n"},
		want:  []string{`content/about.md:4:11: error: the alias starts with javascript:, so it is an address, not a path inside this site`},
		fix:   "write the old path inside this site, such as /signatories/old-name/",
	},
	{
		name:  "a review date before the signing date",
		files: map[string]string{"signatories/b.md": "---\n" + validSignatory + "review: 2024-02-01\n---\n"},
		want:  []string{`content/signatories/b.md:7:9: error: review: 2024-02-01 is before signed: 2024-03-01, but a signature is reviewed after it is made`},
		fix:   "review: 2027-03-01",
	},
	{
		name:  "a signing date in the future",
		files: map[string]string{"signatories/b.md": "---\ntitle: B\nsummary: x\nwebsite: https://example.org/\nsigned: 2026-11-30\npledges: [two-way-pledge]\n---\n"},
		want:  []string{`content/signatories/b.md:5:9: error: signed: 2026-11-30 is in the future (today is 2026-11-29)`},
	},
	{
		name:  "a consent date in the future",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2024-01-01\nconsent: 2031-01-01\n---\n"},
		want:  []string{`content/case-studies/c.md:5:10: error: consent: 2031-01-01 is in the future (today is 2026-11-29)`},
	},
	{
		name:  "updated before the page was written",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\ndate: 2024-05-01\nupdated: 2024-04-01\n---\n"},
		want:  []string{`content/about.md:5:10: error: updated: 2024-04-01 is before date: 2024-05-01, but a page is updated after it is written`},
	},
	{
		name:  "a logo that is a web page",
		files: map[string]string{"signatories/b.md": "---\n" + validSignatory + "logo: b.html\nlogo_alt: B\n---\n"},
		want:  []string{`content/signatories/b.md:7:7: error: the logo "b.html" is not a picture file`},
	},
	{
		name:  "a case study naming a draft principle",
		files: map[string]string{"principles/shared-power.md": "---\ntitle: S\nsummary: x\ndraft: true\n---\n", "case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2024-01-01\nanonymised: true\nprinciples: [equal-voice, shared-power]\n---\n"},
		want:  []string{`content/case-studies/c.md:6:27: error: the principle "shared-power" is a draft, so it is not published and this page cannot link to it`},
		fix:   "remove draft: true from content/principles/shared-power.md when it is ready",
	},
	{
		name:  "a signatory naming a draft pledge",
		files: map[string]string{"pledges/new.md": "---\ntitle: N\nsummary: x\ndraft: true\ncommitments: [a]\n---\n", "signatories/b.md": "---\ntitle: B\nsummary: x\nwebsite: https://example.org/\nsigned: 2024-03-01\npledges: [new]\n---\n"},
		want:  []string{`content/signatories/b.md:6:11: error: the pledge "new" is a draft, so it is not published and this page cannot link to it`},
	},
	{
		name:  "a translation of a draft page",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\ndraft: true\n---\n", "about.cy.md": "---\ntitle: Amdanom\nsummary: x\n---\n"},
		want:  []string{`content/about.cy.md:1:1: error: the page this one belongs to, content/about.md, is a draft, so this page would have no original to link to`},
	},
	{
		name:  "a NUL byte in the body",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\n---\n\nSome text.\n\nMore é \x00text.\n"},
		want:  []string{`content/about.md:8:8: error: the file has an invisible NUL character (a zero byte) at this place`},
	},
	{
		name:  "a NUL byte in the front matter, lines below its top",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\nweight: 1\ncontent_note: \"a\x00b\"\n---\n"},
		want:  []string{`content/about.md:5:17: error: the file has an invisible NUL character (a zero byte) at this place`},
	},
	{
		name:  "Word's line break in a page",
		files: map[string]string{"about.md": "---\ntitle: A\nsummary: x\n---\nOne\x0btwo\n"},
		want:  []string{`content/about.md:5:4: error: the file has an invisible line break that Word uses at this place`},
		fix:   "press Enter",
	},
	{
		name:  "a TOML value after a multi-line string that looks like it",
		files: map[string]string{"about.md": "+++\ntitle = \"A\"\nsummary = \"\"\"x\nweight = 3\ny\"\"\"\nweight = \"heavy\"\n+++\n"},
		want:  []string{`content/about.md:6:10: error: weight should be a whole number, not "heavy"`},
	},
	{
		name:  "each item of a TOML list on its own line",
		files: map[string]string{"signatories/b.md": "+++\ntitle = \"B\"\nsummary = \"x\"\nwebsite = \"https://example.org/\"\nsigned = 2024-03-01\npledges = [\n  \"two-way-pledge\", # the first\n  \"nothing\",\n]\n+++\n"},
		want:  []string{`content/signatories/b.md:8:3: error: there is no pledge called "nothing"`},
	},
	{
		name:  "a TOML key inside a table is not the top-level key",
		files: map[string]string{"about.md": "+++\ntitle = \"A\"\nsummary = \"x\"\n[params]\nweight = 1\n+++\n"},
		want:  nil,
	},
	{
		name:  "a TOML key written after a dotted key",
		files: map[string]string{"about.md": "+++\ntitle = \"A\"\nparams.weight = 1\nsummary = \"x\"\n  weight   =   \"x\"\n+++\n"},
		want:  []string{`content/about.md:5:16: error: weight should be a whole number, not "x"`},
	},
}

func TestValidation(t *testing.T) {
	for _, tc := range validationCases {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := loadFiles(tc.files, Options{Languages: []string{"cy"}, Now: buildDay})
			var got []string
			for _, d := range diags {
				got = append(got, d.Pos.String()+": "+d.Severity.String()+": "+d.Problem)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if tc.fix != "" && !strings.Contains(diags[0].Fix, tc.fix) {
				t.Errorf("advice %q does not say %q", diags[0].Fix, tc.fix)
			}
			for _, d := range diags {
				if d.Fix == "" {
					t.Errorf("%s has no advice on what to write instead", d)
				}
				if strings.Contains(d.Fix, "javascript:") {
					t.Errorf("%s repeats a dangerous address in its advice", d)
				}
			}
		})
	}
}

// Dates on the build's day are fine; "in the future" is by the calendar.
func TestDatesOnTheBuildDayAreAccepted(t *testing.T) {
	_, diags := loadFiles(map[string]string{
		"signatories/b.md":  "---\ntitle: B\nsummary: x\nwebsite: https://example.org/\nsigned: 2026-11-29\nreview: 2026-11-29\npledges: [two-way-pledge]\n---\n",
		"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2026-11-29\nupdated: 2026-11-29\nconsent: 2026-11-29\n---\n",
	}, Options{Now: buildDay})
	if len(diags) > 0 {
		t.Error(diags)
	}
}
