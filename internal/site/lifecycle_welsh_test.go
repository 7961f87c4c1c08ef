package site_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// The lifecycle site in two languages: each signatory, the report and the
// pledge have a Welsh translation that states none of the lifecycle facts.
// Each Welsh page takes them from its English page, and says them in Welsh:
// the status, the history, the level, the badge, the former signatories.
func TestWelshSignatoriesInheritTheirLifecycle(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, text := range lifecycleFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: Lifecycle test\nbase_url: https://example.org/\nlanguages: [en-GB, cy]\n")}
	for _, slug := range []string{"active", "renewed", "due", "overdue", "lapsed", "withdrawn", "levelled"} {
		fsys["content/signatories/"+slug+".cy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Sefydliad " + strings.ToUpper(slug[:1]) + "\nsummary: Sefydliad.\n---\n")}
	}
	fsys["content/pledges/two-way.cy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Yr addewid dwy ffordd\nsummary: Addewid y ddwy ffordd.\n" +
		"changes:\n  - date: 2023-01-01\n    version: \"1\"\n    summary: Y fersiwn gyntaf.\n  - date: 2025-01-01\n    version: \"2\"\n    summary: Addewid i adrodd.\n" +
		"levels:\n  - name: Committed\n    summary: Wedi llofnodi a chynllunio.\n  - name: Leading\n    summary: Wedi cadw am flwyddyn.\n" +
		"commitments: [Byddwn ni'n gwrando., Byddwn ni'n talu pobl.]\n---\n\nAm yr addewid.\n")}
	fsys["content/reports/levelled-2026.cy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Ein blwyddyn gyntaf\nsummary: Beth wnaethon ni.\n" +
		"progress:\n  - commitment: 1\n    done: Fe wnaethon ni gwrdd bob mis.\n    done_by_people: Daeth pobl a siarad.\n---\n\nAdroddiad byr.\n")}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: fsys, Output: out, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the build failed:\n%v", res.Diags)
	}
	if problems, checked := brokenLinks(out, "https://example.org/"); len(problems) > 0 {
		t.Errorf("%d of %d links are broken:\n%s", len(problems), checked, strings.Join(problems, "\n"))
	}
	for file, wants := range map[string][]string{
		"cy/signatories/withdrawn/index.html": {"Statws: Wedi tynnu'n ôl", "Tynnodd Sefydliad W yn ôl ar", "We closed the service."},
		"cy/signatories/lapsed/index.html":    {"Statws: Wedi dod i ben", "daeth ei lofnod i ben"},
		"cy/signatories/due/index.html":       {"Statws: I'w adnewyddu cyn bo hir"},
		"cy/signatories/renewed/index.html":   {"adnewyddodd ei lofnod"},
		"cy/signatories/levelled/index.html":  {"ar y lefel", "Committed", "/cy/reports/levelled-2026/", `href="/cy/signatories/level/leading/"`},
		"cy/signatories/former/index.html":    {"Sefydliad W", "Sefydliad L", "2 cyn-lofnodwr"},
		"cy/signatories/withdrawn/badge.svg":  {"Llofnodwyd 2024, tynnodd yn ôl 2025"},
		"cy/signatories/levelled/badge.svg":   {"Lefel: Leading"},
		"cy/pledges/two-way/index.html":       {"bob 3 blynedd", "Wedi cadw am flwyddyn"},
		"cy/reports/levelled-2026/index.html": {"Adroddiad cynnydd gan", "Beth wnaeth y sefydliad:"},
	} {
		page := get(t, out, file)
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s has no %q", file, want)
			}
		}
	}
	if dir := get(t, out, "cy/signatories/index.html"); strings.Contains(dir, "Sefydliad W<") {
		t.Errorf("the Welsh directory lists a signatory that withdrew")
	}
	english := englishThemeWords(t)
	for _, file := range out.Names() {
		if !strings.HasPrefix(file, "cy/") || !strings.HasSuffix(file, ".html") {
			continue
		}
		data, _ := out.Get(file)
		// The addresses in the page are named after the English files
		// (/cy/signatories/lapsed/): they are not words the theme writes.
		text := regexp.MustCompile(`https?://\S+`).ReplaceAllString(welshText(string(data)), "")
		for _, w := range english {
			if w.re.MatchString(text) {
				t.Errorf("%s shows the English %q (from %s in en-GB.yaml):\n…%s…", file, w.words, w.key, around(text, w.re))
			}
		}
	}
}
