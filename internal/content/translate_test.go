package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// translationSite has a Welsh version of a page of every kind with facts,
// each giving only its words.
var translationSite = map[string]string{
	"principles/trust.md":        "---\ntitle: Trust\nsummary: Trust takes time.\nweight: 2\n---\nBody.\n",
	"principles/trust.cy.md":     "---\ntitle: Ymddiriedaeth\nsummary: Mae'n cymryd amser.\n---\nCorff.\n",
	"principles/money.md":        "---\ntitle: Money\nsummary: Pay people.\nweight: 1\n---\nBody.\n",
	"case-studies/shelter.md":    "---\ntitle: Shelter\nsummary: A story.\ndate: 2024-05-01\nanonymised: true\nprinciples: [trust, money]\ncontent_note: rough sleeping\n---\nStory.\n",
	"case-studies/shelter.cy.md": "---\ntitle: Lloches\nsummary: Stori.\ncontent_note: cysgu allan\n---\nStori.\n",
	"pledges/two-way.md":         "---\ntitle: Two-way\nsummary: A promise.\nopened: 2023-01-16\ncommitments: [We listen., We pay.]\n---\n",
	"pledges/two-way.cy.md":      "---\ntitle: Dwy ffordd\nsummary: Addewid.\ncommitments: [Rydyn ni'n gwrando., Rydyn ni'n talu.]\n---\n",
	"signatories/kite.md":        "---\ntitle: Kite\nsummary: Arts.\nwebsite: https://kite.example/\nsigned: 2026-05-18\npledges: [two-way]\nsector: Youth work\nregion: Bristol\nsize: small\n---\n",
	"signatories/kite.cy.md":     "---\ntitle: Kite\nsummary: Celf.\nregion: Bryste\n---\n",
	"signatories/other.md":       "---\ntitle: Other\nsummary: Other.\nwebsite: https://other.example/\nsigned: 2025-01-01\npledges: [two-way]\n---\n",
}

func loadTranslations(t *testing.T, changes map[string]string) (*Site, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range translationSite {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range changes {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	site, diags := Load(fsys, Options{Dir: "content", Languages: []string{"cy"}})
	var lines []string
	for _, d := range diags {
		lines = append(lines, d.String())
	}
	return site, lines
}

// A translation that gives only its words builds, and has the facts of its
// main page; its cross references go to pages in its language where they
// exist.
func TestTranslationsTakeFactsFromTheirMainPage(t *testing.T) {
	site, diags := loadTranslations(t, nil)
	if len(diags) > 0 {
		t.Fatalf("a translation with only its words has problems: %q", diags)
	}
	kite := site.Page("/cy/signatories/kite/")
	if kite.Website != "https://kite.example/" || kite.Signed.Format("2006-01-02") != "2026-05-18" || kite.Size != "small" {
		t.Errorf("the Welsh signatory did not take its facts: website %q signed %v size %q", kite.Website, kite.Signed, kite.Size)
	}
	if kite.Region != "Bryste" || kite.Sector != "Youth work" {
		t.Errorf("the Welsh signatory's region %q (want its own, Bryste) and sector %q (want the English, Youth work)", kite.Region, kite.Sector)
	}
	if len(kite.Pledges) != 1 || kite.Pledges[0].URL != "/cy/pledges/two-way/" {
		t.Errorf("the Welsh signatory's pledges are %v, want the Welsh pledge", kite.Pledges)
	}
	pledge := site.Page("/cy/pledges/two-way/")
	if got := urls(pledge.Signatories); got != "/cy/signatories/kite/, /signatories/other/" {
		t.Errorf("the Welsh pledge lists %v, want the Welsh Kite then the English Other", got)
	}
	story := site.Page("/cy/case-studies/shelter/")
	if got := urls(story.Principles()); got != "/cy/principles/trust/, /principles/money/" {
		t.Errorf("the Welsh case study shows the principles %v", got)
	}
	if !story.Anonymised() || story.Date.IsZero() {
		t.Errorf("the Welsh case study did not take anonymised and date")
	}
	if got := urls(site.Page("/cy/principles/trust/").CaseStudies()); got != "/cy/case-studies/shelter/" {
		t.Errorf("the Welsh principle lists the case studies %v, want the Welsh one", got)
	}
	if site.Page("/cy/principles/trust/").Weight != 2 {
		t.Errorf("the Welsh principle did not take its weight")
	}
}

// A fact a translation states differently is an error that names both
// files and lines; the same fact written again is not.
func TestTranslationFactThatDiffersIsAnError(t *testing.T) {
	_, diags := loadTranslations(t, map[string]string{
		"signatories/kite.cy.md": "---\ntitle: Kite\nsummary: Celf.\nsigned: 2026-05-19\nwebsite: https://kite.example/\nreview: 2027-01-01\n---\n",
	})
	want := []string{
		"content/signatories/kite.cy.md:4:1: error: signed here is 2026-05-19, but content/signatories/kite.md:5 says 2026-05-18",
		"content/signatories/kite.cy.md:6:1: error: review is set here, but content/signatories/kite.md does not set it",
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d problems, want %d: %q", len(diags), len(want), diags)
	}
	for i, w := range want {
		if !strings.HasPrefix(diags[i], w) {
			t.Errorf("problem %d is\n%s\nwant it to start\n%s", i, diags[i], w)
		}
	}
}

// A translation that leaves out its main page's content note, or has a
// different number of commitments, is an error: a reader would go
// unwarned, or miss a promise.
func TestTranslationKeepsWarningAndEveryCommitment(t *testing.T) {
	_, diags := loadTranslations(t, map[string]string{
		"case-studies/shelter.cy.md": "---\ntitle: Lloches\nsummary: Stori.\n---\nStori.\n",
		"pledges/two-way.cy.md":      "---\ntitle: Dwy ffordd\nsummary: Addewid.\ncommitments: [Rydyn ni'n gwrando.]\n---\n",
	})
	joined := strings.Join(diags, "\n")
	for _, want := range []string{"content/case-studies/shelter.md:7 has a content note, but this translation has none",
		"content/pledges/two-way.cy.md:4:1: error: this translation has 1 commitments, but content/pledges/two-way.md has 2"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no problem says %q; got:\n%s", want, joined)
		}
	}
}

// Reloading a translation's main page gives the translation the new
// facts, as loading afresh does.
func TestReloadedMainPageGivesTranslationNewFacts(t *testing.T) {
	old, _ := loadTranslations(t, nil)
	fsys := fstest.MapFS{}
	for name, text := range translationSite {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	fsys["signatories/kite.md"] = &fstest.MapFile{Data: []byte(strings.Replace(translationSite["signatories/kite.md"], "sector: Youth work", "sector: Arts", 1))}
	got, diags := Reload(old, fsys, []string{"signatories/kite.md"}, Options{Dir: "content", Languages: []string{"cy"}})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if s := got.Page("/cy/signatories/kite/").Sector; s != "Arts" {
		t.Errorf("after the English sector changed, the Welsh page's sector is %q, want Arts", s)
	}
}

// A translation may not name a sector its main page has none of: the
// filter it would link to lists no one.
func TestTranslationNamesOnlyWhatItsMainPageHas(t *testing.T) {
	_, diags := loadTranslations(t, map[string]string{
		"signatories/other.cy.md": "---\ntitle: Arall\nsummary: Arall.\nsector: Celf\n---\n",
	})
	if len(diags) != 1 || !strings.HasPrefix(diags[0], "content/signatories/other.cy.md:4:1: error: sector is set here, but content/signatories/other.md has no sector to translate") {
		t.Errorf("got %q", diags)
	}
}
