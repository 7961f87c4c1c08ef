package site_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// These tests build a generated site of 10,000 signatories, as a large
// scheme would have, and check the register from the outside: the files a
// visitor, a researcher or a search engine gets.

const bigCount = 10000

// renamed is the signatory given an old address in the big site.
const renamed = 42

type bigBuild struct {
	res   *site.Result
	out   *publish.Memory
	took  time.Duration
	alias string
}

var big = sync.OnceValue(func() *bigBuild {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: bigCount, CaseStudies: 20, BodyBytes: 400})
	// A renamed organisation: its old slug is an alias of its page.
	alias := "/signatories/old-name-of-" + strconv.Itoa(renamed) + "/"
	file := fsys[sitegen.SignatoryFile(renamed)]
	file.Data = bytes.Replace(file.Data, []byte("---\n"), []byte("---\naliases: ["+alias+"]\n"), 1)
	out := publish.NewMemory()
	start := time.Now()
	res := site.Build(site.Options{Source: fsys, Output: out, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	return &bigBuild{res: res, out: out, took: time.Since(start), alias: alias}
})

func buildBig(t *testing.T) *bigBuild {
	t.Helper()
	if testing.Short() {
		t.Skip("the 10,000-signatory build takes a few seconds; run without -short")
	}
	b := big()
	if b.res.Diags.HasErrors() {
		for _, d := range b.res.Diags[:min(5, len(b.res.Diags))] {
			t.Errorf("%s", d)
		}
		t.FailNow()
	}
	return b
}

func (b *bigBuild) signatories() []*content.Page { return b.res.Site.Section("signatories") }

func (b *bigBuild) file(t *testing.T, name string) []byte {
	t.Helper()
	data, ok := b.out.Get(name)
	if !ok {
		t.Fatalf("the build wrote no %s", name)
	}
	return data
}

func TestBigRegisterEverySignatoryHasPageBadgeAndQR(t *testing.T) {
	b := buildBig(t)
	t.Logf("built %d signatories (%d files) in %v", len(b.signatories()), len(b.res.Files), b.took.Round(time.Millisecond))
	index, _ := b.out.Get("signatories/index.json")
	dir, _ := b.out.Get("signatories/index.html")
	js, _ := b.out.Get("signatories.json")
	t.Logf("signatories/index.json %d KB, the directory's first page %d KB, signatories.json %d KB", len(index)>>10, len(dir)>>10, len(js)>>10)
	if n := len(b.signatories()); n != bigCount {
		t.Fatalf("the site has %d signatories, want %d", n, bigCount)
	}
	for _, p := range b.signatories() {
		dir := strings.TrimPrefix(p.URL, "/")
		for _, f := range []string{"index.html", "badge.svg"} {
			if _, ok := b.out.Get(dir + f); !ok {
				t.Fatalf("%s has no %s", p.URL, f)
			}
		}
		if page, _ := b.out.Get(dir + "index.html"); !bytes.Contains(page, []byte(`<p class="certificate-qr"><svg `)) {
			t.Fatalf("%s has no QR code on its certificate", p.URL)
		}
	}
}

func TestBigRegisterOpenDataMatchesFrontMatter(t *testing.T) {
	b := buildBig(t)
	want := map[string]*content.Page{}
	for _, p := range b.signatories() {
		want[p.Slug] = p
	}
	check := func(format string, row int, slug, name, website, signed, sector, region, size, pledges string) {
		t.Helper()
		p := want[slug]
		if p == nil {
			t.Fatalf("%s row %d names %q, which is no signatory", format, row, slug)
		}
		got := []string{name, website, signed, sector, region, size, pledges}
		exp := []string{p.Title, p.Website, p.Signed.Format("2006-01-02"), p.Sector, p.Region, p.Size, pledgeSlugs(p)}
		if !slices.Equal(got, exp) {
			t.Fatalf("%s row %d (%s) = %q, the front matter says %q", format, row, slug, got, exp)
		}
	}

	var data struct {
		Count       int `json:"count"`
		Signatories []struct {
			Slug, Name, Website, Signed, Sector, Region, Size string
			Pledges                                           []string
		} `json:"signatories"`
	}
	if err := json.Unmarshal(b.file(t, "signatories.json"), &data); err != nil {
		t.Fatalf("signatories.json is not JSON: %v", err)
	}
	if data.Count != bigCount || len(data.Signatories) != bigCount {
		t.Fatalf("signatories.json has count %d and %d rows, want %d", data.Count, len(data.Signatories), bigCount)
	}
	for i, r := range data.Signatories {
		if i > 0 && data.Signatories[i-1].Slug >= r.Slug {
			t.Fatalf("signatories.json is not in slug order at row %d: %s after %s", i, r.Slug, data.Signatories[i-1].Slug)
		}
		check("signatories.json", i, r.Slug, r.Name, r.Website, r.Signed, r.Sector, r.Region, r.Size, strings.Join(r.Pledges, ";"))
	}

	rows, err := csv.NewReader(bytes.NewReader(b.file(t, "signatories.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("signatories.csv is not RFC 4180 CSV: %v", err)
	}
	if len(rows) != bigCount+1 {
		t.Fatalf("signatories.csv has %d rows, want a header and %d", len(rows), bigCount)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, r := range rows[1:] {
		get := func(h string) string { return r[col[h]] }
		check("signatories.csv", i+1, get("slug"), get("name"), get("website"), get("signed"), get("sector"), get("region"), get("size"), get("pledges"))
	}

	var index struct{ Items [][]any }
	if err := json.Unmarshal(b.file(t, "signatories/index.json"), &index); err != nil || len(index.Items) != bigCount {
		t.Fatalf("signatories/index.json has %d items (%v), want all %d, for the search to be complete", len(index.Items), err, bigCount)
	}
}

func pledgeSlugs(p *content.Page) string {
	var s []string
	for _, pl := range p.Pledges {
		s = append(s, pl.Slug)
	}
	return strings.Join(s, ";")
}

var (
	listRe = regexp.MustCompile(`(?s)<ul class="signatory-list">(.*?)</ul>`)
	itemRe = regexp.MustCompile(`<a class="signatory-name" href="([^"]+)"`)
	nextRe = regexp.MustCompile(`<a href="([^"]+)" rel="next"`)
)

// listed follows a list's "Next page" links from its first page, as a
// reader without JavaScript does, and returns every signatory URL it shows.
func (b *bigBuild) listed(t *testing.T, first string) (urls []string, pages int) {
	t.Helper()
	for url := first; url != ""; pages++ {
		if pages > bigCount {
			t.Fatalf("the pages of %s link in a loop", first)
		}
		html := string(b.file(t, strings.TrimPrefix(url, "/")+"index.html"))
		m := listRe.FindStringSubmatch(html)
		if m == nil {
			t.Fatalf("%s has no list of signatories", url)
		}
		for _, a := range itemRe.FindAllStringSubmatch(m[1], -1) {
			urls = append(urls, a[1])
		}
		url = ""
		if n := nextRe.FindStringSubmatch(html); n != nil {
			url = n[1]
		}
	}
	return urls, pages
}

func TestBigRegisterEachFilterPageListsExactlyItsSignatories(t *testing.T) {
	b := buildBig(t)
	// Work out every filter from the front matter, by the URL rule the
	// content model promises, not by the register's own code.
	want := map[string][]string{"/signatories/": nil}
	for _, p := range b.signatories() {
		want["/signatories/"] = append(want["/signatories/"], p.URL)
		add := func(facet, value string) {
			key := "/signatories/" + facet + "/" + strings.ReplaceAll(strings.ToLower(value), " ", "-") + "/"
			want[key] = append(want[key], p.URL)
		}
		add("sector", p.Sector)
		add("region", p.Region)
		add("size", p.Size)
		add("year", strconv.Itoa(p.Signed.Year()))
		for _, pl := range p.Pledges {
			add("pledge", pl.Slug)
		}
	}
	if len(want) < 25 {
		t.Fatalf("only %d lists to check; the generated site should have more variety", len(want))
	}
	for first, exp := range want {
		got, pages := b.listed(t, first)
		if wantPages := (len(exp) + 99) / 100; pages != wantPages {
			t.Errorf("%s spreads %d signatories over %d pages, want %d of at most 100", first, len(exp), pages, wantPages)
		}
		// Pages list newest first, as the section does: compare in order.
		if !slices.Equal(got, exp) {
			missing, extra := diff(exp, got)
			t.Errorf("%s lists %d signatories, want %d; missing %d (such as %v), extra %d (such as %v)",
				first, len(got), len(exp), len(missing), head(missing), len(extra), head(extra))
		}
		html := string(b.file(t, strings.TrimPrefix(first, "/")+"index.html"))
		if first != "/signatories/" && !strings.Contains(html, `aria-current="page"><strong>`) {
			t.Errorf("%s does not mark its own filter as the current one", first)
		}
		// Numbers are written the English way, with a comma between
		// thousands: "10,000 organisations".
		if !strings.Contains(html, ">"+thousands(len(exp))+" organisations") {
			t.Errorf("%s does not say it has %d organisations", first, len(exp))
		}
	}
}

func diff(want, got []string) (missing, extra []string) {
	w, g := map[string]bool{}, map[string]bool{}
	for _, s := range want {
		w[s] = true
	}
	for _, s := range got {
		g[s] = true
		if !w[s] {
			extra = append(extra, s)
		}
	}
	for _, s := range want {
		if !g[s] {
			missing = append(missing, s)
		}
	}
	return missing, extra
}

func head(s []string) []string { return s[:min(3, len(s))] }

func TestBigRegisterFilterLinksShowCounts(t *testing.T) {
	b := buildBig(t)
	html := string(b.file(t, "signatories/index.html"))
	bristol := 0
	for _, p := range b.signatories() {
		if p.Region == "Bristol" {
			bristol++
		}
	}
	want := fmt.Sprintf(`<a href="/signatories/region/bristol/">Bristol (%d)</a>`, bristol)
	if !strings.Contains(html, want) {
		t.Errorf("the directory has no filter link %s", want)
	}
}

func TestBigRegisterAliasRedirects(t *testing.T) {
	b := buildBig(t)
	target := sitegen.SignatoryURL(renamed)
	page := string(b.file(t, strings.TrimPrefix(b.alias, "/")+"index.html"))
	if !strings.Contains(page, `url=`+target+`"`) {
		t.Errorf("the alias page %s does not send readers on to %s:\n%s", b.alias, target, page)
	}
	rules := string(b.file(t, "_redirects"))
	if want := b.alias + " " + target + " 301\n"; !strings.Contains(rules, want) {
		t.Errorf("_redirects has no rule %q:\n%s", want, rules)
	}
}

func TestBigRegisterBadgeIsValidSVG(t *testing.T) {
	b := buildBig(t)
	p := b.signatories()[0]
	checkBadge(t, b.file(t, strings.TrimPrefix(p.URL, "/")+"badge.svg"), p)
}

// checkBadge parses a badge as XML and checks what makes it an accessible
// image: role="img", a <title> that says who signed what, and the year.
func checkBadge(t *testing.T, data []byte, p *content.Page) {
	t.Helper()
	var svg struct {
		XMLName xml.Name
		Role    string   `xml:"role,attr"`
		Title   string   `xml:"title"`
		Text    []string `xml:"g>text"`
	}
	if err := xml.Unmarshal(data, &svg); err != nil {
		t.Fatalf("the badge of %s is not well-formed XML: %v\n%s", p.URL, err, data)
	}
	if svg.XMLName.Local != "svg" || svg.XMLName.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("the badge of %s is a <%s> in %q, want an SVG <svg>", p.URL, svg.XMLName.Local, svg.XMLName.Space)
	}
	if svg.Role != "img" {
		t.Errorf("the badge of %s has role=%q, want img", p.URL, svg.Role)
	}
	if !strings.HasPrefix(svg.Title, p.Title+" signed ") {
		t.Errorf("the badge title of %s is %q, want it to say %s signed", p.URL, svg.Title, p.Title)
	}
	year := "Signed " + strconv.Itoa(p.Signed.Year())
	if !slices.Contains(svg.Text, year) {
		t.Errorf("the badge of %s shows %q, want %q among them", p.URL, svg.Text, year)
	}
}

// thousands writes n as English writes it: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
