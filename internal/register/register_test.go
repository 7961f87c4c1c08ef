package register

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/content"
)

// load builds a content site from files, failing on any error.
func load(t *testing.T, files map[string]string) *content.Site {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	site, diags := content.Load(fsys, content.Options{})
	if diags.HasErrors() {
		t.Fatalf("the test site has errors: %v", diags)
	}
	return site
}

const pledgeFile = "---\ntitle: The two-way pledge\nsummary: A promise.\ncommitments: [We will listen.]\n---\n"

func signatory(name, extra string) string {
	return fmt.Sprintf("---\ntitle: %q\nsummary: An organisation.\nwebsite: https://example.org/\npledges: [two-way]\n%s---\n", name, extra)
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Bristol":              "bristol",
		"  Criminal justice ":  "criminal-justice",
		"Health & social care": "health-social-care",
		"Ynys Môn":             "ynys-môn",
		"2024":                 "2024",
		"!!!":                  "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpellingsOfOneRegionAreOneFilter(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md": pledgeFile,
		"signatories/a.md":   signatory("A", "signed: 2024-01-01\nregion: Bristol\n"),
		"signatories/b.md":   signatory("B", "signed: 2024-01-02\nregion: Bristol\n"),
		"signatories/c.md":   signatory("C", "signed: 2024-01-03\nregion: \"bristol \"\n"),
	})
	region := New(site).Facet("region")
	if len(region.Values) != 1 {
		t.Fatalf("three spellings of Bristol made %d filters, want 1", len(region.Values))
	}
	v := region.Values[0]
	if v.Label != "Bristol" || v.Count() != 3 || v.URL() != "/signatories/region/bristol/" {
		t.Errorf("the filter is %q with %d at %s, want Bristol with 3 at /signatories/region/bristol/", v.Label, v.Count(), v.URL())
	}
}

func TestListingsSplitIntoPagesOfAHundred(t *testing.T) {
	files := map[string]string{"pledges/two-way.md": pledgeFile}
	for i := range 250 {
		files[fmt.Sprintf("signatories/s%03d.md", i)] = signatory(fmt.Sprintf("Org %03d", i), fmt.Sprintf("signed: 2020-01-01\nsize: %s\n", content.Sizes[i%2]))
	}
	reg := New(load(t, files))
	byURL := map[string]*Listing{}
	for _, l := range reg.Listings() {
		byURL[l.URL] = l
	}
	third := byURL["/signatories/page/3/"]
	if third == nil || len(third.Items) != 50 || third.First != 201 || third.Last() != 250 || third.Of != 3 {
		t.Fatalf("page 3 of 250 signatories = %+v, want items 201 to 250 of 3 pages", third)
	}
	if third.Prev() != "/signatories/page/2/" || third.Next() != "" {
		t.Errorf("page 3 links back to %q and on to %q", third.Prev(), third.Next())
	}
	if byURL["/signatories/page/2/"].Prev() != "/signatories/" {
		t.Errorf("page 2 should link back to /signatories/, the first page, not /page/1/")
	}
	small := byURL["/signatories/size/small/page/2/"]
	if small == nil || small.Total != 125 || len(small.Items) != 25 {
		t.Fatalf("the second page of small organisations = %+v, want 25 of 125", small)
	}
	for _, it := range small.Items {
		if it.Size != "small" {
			t.Errorf("%s is %s, but is listed as small", it.Title, it.Size)
		}
	}
}

func TestPagerShowsFirstLastAndNeighbours(t *testing.T) {
	l := &Listing{Base: "/signatories/", Number: 50, Of: 100}
	var got []string
	for _, it := range l.Pager() {
		if it.Number == 0 {
			got = append(got, "…")
			continue
		}
		s := fmt.Sprint(it.Number)
		if it.Current {
			s = "[" + s + "]"
		}
		got = append(got, s)
	}
	want := []string{"1", "…", "49", "[50]", "51", "…", "100"}
	if !slices.Equal(got, want) {
		t.Errorf("the pager on page 50 of 100 shows %v, want %v", got, want)
	}
	if (&Listing{Number: 1, Of: 1}).Pager() != nil {
		t.Errorf("a list of one page should show no page numbers")
	}
}

func TestCSVQuotesByRFC4180(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md": pledgeFile,
		"signatories/q.md": signatory(`Smith, Jones & "Partners"`,
			"signed: 2024-05-01\ncommitments:\n  - \"We will pay, on time.\"\n  - \"We will say \\\"thank you\\\".\"\n"),
	})
	abs := func(p string) string { return "https://example.org" + p }
	data, err := New(site).CSV(abs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Errorf("lines should end in CRLF, as RFC 4180 says:\n%q", data)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, data)
	}
	if len(rows) != 2 || rows[1][1] != `Smith, Jones & "Partners"` || rows[1][11] != "We will pay, on time.\nWe will say \"thank you\"." {
		t.Errorf("the CSV did not keep the name and commitments whole: %q", rows)
	}
	if rows[0][0] != "slug" || rows[1][0] != "q" || rows[1][5] != "2024-05-01" || rows[1][10] != "two-way" {
		t.Errorf("unexpected columns: %q", rows)
	}
}

func TestJSONAndIndexAreStable(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md": pledgeFile,
		"signatories/b.md":   signatory("Bee", "signed: 2024-01-01\nsector: Arts\nregion: Leeds\nsize: micro\n"),
		"signatories/a.md":   signatory("Ant", "signed: 2025-01-01\nsector: Health\n"),
	})
	abs := func(p string) string { return "https://example.org" + p }
	reg := New(site)
	first, _ := reg.JSON(site, "Site", abs)
	second, _ := New(site).JSON(site, "Site", abs)
	if !bytes.Equal(first, second) {
		t.Errorf("two builds of the same register gave different JSON")
	}
	var d OpenData
	if err := json.Unmarshal(first, &d); err != nil {
		t.Fatal(err)
	}
	if d.Count != 2 || d.Signatories[0].Slug != "a" || d.Signatories[1].Slug != "b" {
		t.Errorf("records should be in slug order: %+v", d.Signatories)
	}
	if d.Signatories[0].Pledges == nil || d.Signatories[0].Commitments == nil {
		t.Errorf("empty lists should be [] in JSON, not null")
	}
	index, _ := reg.Index()
	for _, want := range []string{`["Ant","a","2025-01-01",1,-1,-1,0,0,[0]]`, `["Bee","b","2024-01-01",0,0,0,1,0,[0]]`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("the index has no %s:\n%s", want, index)
		}
	}
}

func TestBadgeWrapsLongNamesAndSaysWhoSignedWhat(t *testing.T) {
	got := wrap("The very long pledge of the Greater Northern Coproduction Partnership for Fair Pay", 24, 3)
	if len(got) != 3 || !strings.HasSuffix(got[2], "…") {
		t.Errorf("wrap gave %q, want three lines, the last cut with …", got)
	}
	for _, l := range got {
		if n := len([]rune(l)); n > 24 {
			t.Errorf("line %q has %d characters, more than fit the badge", l, n)
		}
	}
	site := load(t, map[string]string{
		"pledges/two-way.md":  pledgeFile,
		"signatories/kite.md": signatory("Kite Youth Arts", "signed: 2026-05-18\n"),
	})
	p := site.Page("/signatories/kite/")
	b := BadgeFor(p)
	if b.Alt != "Kite Youth Arts signed The two-way pledge in 2026" || b.Signed != "Signed 2026" {
		t.Errorf("badge alt %q and year %q", b.Alt, b.Signed)
	}
	snippet := Snippet(p, func(s string) string { return "https://example.org" + s })
	want := `<a href="https://example.org/signatories/kite/"><img src="https://example.org/signatories/kite/badge.svg" alt="Kite Youth Arts signed The two-way pledge in 2026"`
	if !strings.HasPrefix(snippet, want) {
		t.Errorf("the snippet is\n%s\nwant it to start\n%s", snippet, want)
	}
}

// A name written to run as a spreadsheet formula is kept as text.
func TestCSVCellsNeverRunAsFormulas(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md": pledgeFile,
		"signatories/f.md":   signatory(`=HYPERLINK("http://evil.example")`, "signed: 2024-05-01\ncommitments: [\"+1+1\", \"@SUM(1)\", \"-2\"]\n"),
	})
	data, err := New(site).CSV(func(p string) string { return "https://example.org" + p })
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][1]; got != `'=HYPERLINK("http://evil.example")` {
		t.Errorf("name cell = %q, want it to start with an apostrophe", got)
	}
	if got := rows[1][11]; got != "'+1+1\n@SUM(1)\n-2" {
		t.Errorf("commitments cell = %q", got)
	}
}

func TestNamePieceBounds(t *testing.T) {
	for n, want := range map[int][]int{
		1:   {0, 1},
		25:  {0, 25},
		26:  {0, 25, 26},
		125: {0, 25, 125},
		300: {0, 25, 125, 225, 300},
	} {
		if got := namePieceBounds(n); !slices.Equal(got, want) {
			t.Errorf("namePieceBounds(%d) = %v, want %v", n, got, want)
		}
	}
}

// welshWords are enough of the theme's Welsh words for the register.
type welshWords map[string]string

func (w welshWords) Format(key string, args ...string) string {
	s := w[key]
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

func (w welshWords) Plural(key string, n int, args ...string) string {
	return w.Format(key+"_other", args...)
}

// The register in Welsh lists each signatory's Welsh page where it has
// one, files it under the same filters as in English, names the filters in
// Welsh, and gives the Welsh page a Welsh badge.
func TestRegisterInWelsh(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, text := range map[string]string{
		"pledges/two-way.md":     pledgeFile,
		"pledges/two-way.cy.md":  "---\ntitle: Yr addewid dwy ffordd\nsummary: Addewid.\ncommitments: [Rydyn ni'n gwrando.]\n---\n",
		"signatories/kite.md":    signatory("Kite", "signed: 2026-05-18\nsector: Youth work\nregion: Bristol\nsize: small\n"),
		"signatories/kite.cy.md": "---\ntitle: Kite\nsummary: Celf.\nsector: Gwaith ieuenctid\nregion: Bryste\n---\n",
		"signatories/other.md":   signatory("Other", "signed: 2024-01-01\nsector: youth work\nregion: Bristol\n"),
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	site, diags := content.Load(fsys, content.Options{Languages: []string{"cy"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	w := welshWords{"facet_sector": "Sector", "facet_region": "Rhanbarth", "facet_size": "Maint", "facet_year": "Blwyddyn", "facet_pledge": "Addewid",
		"size_small": "Bach", "badge_signed": "Llofnodwyd {year}", "badge_alt": "Llofnododd {name} {pledges} yn {year}", "list_and": " a ",
		"facet_letter": "Llythyren gyntaf yr enw", "letter_digits": "0 i 9"}
	reg := NewIn(site, "cy", w)
	if reg.Root != "/cy/signatories/" || reg.All[0].URL != "/cy/signatories/kite/" || reg.All[1].URL != "/signatories/other/" {
		t.Fatalf("the Welsh register is at %s and lists %s, %s", reg.Root, reg.All[0].URL, reg.All[1].URL)
	}
	sector := reg.Facet("sector").Values
	if len(sector) != 1 || sector[0].Label != "Gwaith ieuenctid" || sector[0].URL() != "/cy/signatories/sector/youth-work/" || sector[0].Count() != 2 {
		t.Errorf("the Welsh sector filter is %+v", sector)
	}
	if got := reg.Facet("region"); got.Label != "Rhanbarth" || got.Values[0].Label != "Bryste" {
		t.Errorf("the Welsh region facet is %q with %q", got.Label, got.Values[0].Label)
	}
	if got := reg.Facet("size").Values[0]; got.Slug != "small" || got.Label != "Bach" {
		t.Errorf("the Welsh size filter is %s labelled %q, want small labelled Bach", got.Slug, got.Label)
	}
	if got := reg.Facet("pledge").Values[0]; got.Label != "Yr addewid dwy ffordd" || got.Count() != 2 {
		t.Errorf("the Welsh pledge filter is %q with %d", got.Label, got.Count())
	}
	if got := reg.Facet("letter"); got.Label != "Llythyren gyntaf yr enw" || len(got.Values) != 2 || got.Values[0].URL() != "/cy/signatories/letter/k/" {
		t.Errorf("the Welsh letter facet is %q with %+v", got.Label, got.Values)
	}
	b := BadgeIn(site.Page("/cy/signatories/kite/"), w)
	if b.Signed != "Llofnodwyd 2026" || b.Alt != "Llofnododd Kite Yr addewid dwy ffordd yn 2026" {
		t.Errorf("the Welsh badge says %q, %q", b.Signed, b.Alt)
	}
	index, _ := reg.Index()
	if !strings.Contains(string(index), `"kite"`) || !strings.Contains(string(index), `"/signatories/other/"`) {
		t.Errorf("the Welsh index should name the Welsh page by slug and the English one by path:\n%s", index)
	}
}

// A register remapped onto new copies of the same pages lists, files and
// names every signatory as a register made afresh from those copies, and
// holds none of the old pages; a change to anything the register reads
// changes the page's Grouping.
func TestRemapIsTheRegisterOfTheNewPages(t *testing.T) {
	files := map[string]string{
		"pledges/two-way.md": pledgeFile,
		"signatories/a.md":   signatory("Ash", "signed: 2024-01-01\nregion: Bristol\nsector: Arts\nsize: small\n"),
		"signatories/b.md":   signatory("Birch", "signed: 2023-05-02\nregion: Leeds\nsector: Housing\n"),
		"signatories/c.md":   signatory("Éclair", "signed: 2022-01-03\nregion: Leeds\n"),
	}
	old, fresh := load(t, files), load(t, files)
	reg := New(old).Remap(func(p *content.Page) *content.Page { return fresh.Page(p.URL) })
	want := New(fresh)
	if !sameListings(reg, want) {
		t.Error("the remapped register lists other pages than one made from them")
	}
	for _, p := range old.Pages {
		for _, l := range reg.Listings() {
			if slices.Contains(l.Items, p) {
				t.Fatalf("the remapped register still lists the old page %s", p.URL)
			}
		}
	}
	a := old.Page("/signatories/a/")
	for _, change := range []func(p *content.Page){
		func(p *content.Page) { p.Region = "Leeds" },
		func(p *content.Page) { p.Title = "Aspen" },
		func(p *content.Page) { p.Sector = "Youth work" },
		func(p *content.Page) { p.Size = "large" },
		func(p *content.Page) { p.Signed = p.Signed.AddDate(0, 0, 1) },
		func(p *content.Page) { p.Pledges = nil },
	} {
		changed := *a
		change(&changed)
		if Grouping(&changed) == Grouping(a) {
			t.Errorf("a change the register shows leaves the Grouping as it was: %+v", changed)
		}
		refiled := changed.Region != a.Region || changed.Sector != a.Sector || changed.Size != a.Size
		if (Filing(&changed) == Filing(a)) != refiled {
			t.Errorf("the Filing is the same: %v, want %v, after %+v", !refiled, refiled, changed)
		}
	}
	summary := *a
	summary.Summary, summary.Website = "Another summary.", "https://other.example/"
	if Grouping(&summary) != Grouping(a) {
		t.Error("a summary or website changes the Grouping, which the register does not show")
	}
}

// sameListings reports whether two registers have the same pages in the
// same listings, with the same filters and counts.
func sameListings(a, b *Register) bool {
	la, lb := a.Listings(), b.Listings()
	if len(la) != len(lb) {
		return false
	}
	for i := range la {
		x, y := la[i], lb[i]
		if x.URL != y.URL || x.Total != y.Total || !slices.Equal(x.Items, y.Items) || len(x.Facets) != len(y.Facets) {
			return false
		}
		for j := range x.Facets {
			for k, v := range x.Facets[j].Values {
				w := y.Facets[j].Values[k]
				if v.Label != w.Label || v.URL() != w.URL() || !slices.Equal(v.Signatories, w.Signatories) {
					return false
				}
			}
		}
	}
	return true
}

// A register refiled after signatories' sector, region or size changed in
// place lists, files, counts and names every signatory as a register made
// afresh, in both languages, over many random changes one after another:
// values emptied and made, spellings that change a value's label, and
// translations filed by their main page.
func TestRefileIsTheRegisterMadeAgain(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 21))
	sectors := []string{"Arts", "arts ", "Housing", "Youth work", "youth-work", "Health & care", ""}
	regions := []string{"Bristol", "bristol", "Leeds", "Cardiff", "Ynys Môn", ""}
	sizes := append(slices.Clone(content.Sizes), "")
	pick := func(from []string) string { return from[rng.IntN(len(from))] }
	fsys := fstest.MapFS{
		"pledges/two-way.md":    {Data: []byte(pledgeFile)},
		"pledges/two-way.cy.md": {Data: []byte("---\ntitle: Yr addewid\nsummary: Addewid.\ncommitments: [Rydyn ni'n gwrando.]\n---\n")},
	}
	for i := range 60 {
		extra := fmt.Sprintf("signed: 2024-%02d-%02d\n", 1+i%12, 1+i%28)
		for key, from := range map[string][]string{"sector": sectors, "region": regions, "size": sizes} {
			if v := pick(from); v != "" || key == "region" && i%5 == 0 {
				if v == "" {
					v = "Bristol" // translated below
				}
				extra += fmt.Sprintf("%s: %q\n", key, v)
			}
		}
		fsys[fmt.Sprintf("signatories/s%02d.md", i)] = &fstest.MapFile{Data: []byte(signatory(fmt.Sprintf("Org %02d", i), extra))}
		if i%5 == 0 {
			fsys[fmt.Sprintf("signatories/s%02d.cy.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Sefydliad %02d\nsummary: Celf.\nregion: Bryste\n---\n", i))}
		}
	}
	site, diags := content.Load(fsys, content.Options{Languages: []string{"cy"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	w := welshWords{"facet_sector": "Sector", "facet_region": "Rhanbarth", "facet_size": "Maint", "size_small": "Bach"}
	regs := []*Register{NewIn(site, "", w), NewIn(site, "cy", w)}
	signatories := site.Section(Section)
	for round := range 200 {
		changed := map[*content.Page]*content.Page{}
		for range 1 + rng.IntN(3) {
			p := signatories[rng.IntN(len(signatories))]
			if changed[p] == nil {
				was := *p
				changed[p] = &was
			}
			switch rng.IntN(4) {
			case 0:
				p.Sector = pick(sectors)
			case 1:
				p.Region = pick(regions)
			case 2:
				p.Size = pick(sizes)
			default:
				p.Summary = "Another summary." // a fact the register does not file by
			}
		}
		for i, lang := range []string{"", "cy"} {
			got, want := regs[i].Refile(changed, w), NewIn(site, lang, w)
			if diff := registerDiff(got, want); diff != "" {
				t.Fatalf("round %d, register %q: refiled, %s", round, lang, diff)
			}
			regs[i] = got
		}
	}
}

// registerDiff says how two registers differ in what they list, file and
// name, or is empty.
func registerDiff(got, want *Register) string {
	if !slices.Equal(got.All, want.All) || !slices.Equal(got.Former, want.Former) {
		return "the signatories differ"
	}
	if len(got.Facets) != len(want.Facets) {
		return fmt.Sprintf("%d facets, want %d", len(got.Facets), len(want.Facets))
	}
	for i, f := range got.Facets {
		g := want.Facets[i]
		if f.Key != g.Key || f.Label != g.Label || len(f.Values) != len(g.Values) {
			return fmt.Sprintf("facet %s (%d values) is not %s (%d values)", f.Key, len(f.Values), g.Key, len(g.Values))
		}
		for j, v := range f.Values {
			u := g.Values[j]
			if v.Slug != u.Slug || v.Label != u.Label || v.URL() != u.URL() || v.Facet != f || !slices.Equal(v.Signatories, u.Signatories) {
				return fmt.Sprintf("facet %s's value %d is %s %q with %d, want %s %q with %d", f.Key, j, v.Slug, v.Label, v.Count(), u.Slug, u.Label, u.Count())
			}
		}
	}
	if !sameListings(got, want) {
		return "the listings differ"
	}
	return ""
}
