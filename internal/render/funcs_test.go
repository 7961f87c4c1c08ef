package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
)

// A listing's rows come in one piece only when every row was rendered
// ahead; with one missing the template must render them all itself, or a
// signatory would drop out of the directory.
func TestSignatoryRowsAllOrNothing(t *testing.T) {
	s := siteAt(t, "/")
	a, b := s.Content.Page("/principles/"), s.Content.Page("/principles/trust/")
	if got := s.signatoryRows(nil, ""); got != nil {
		t.Errorf("with no rows rendered ahead, signatoryRows = %q, want none", got)
	}
	s.SignatoryRows = map[string]map[string]template.HTML{"": {a.URL: "<li>a</li>\n", b.URL: "<li>b</li>\n"}}
	if got := s.signatoryRows([]*content.Page{a, b}, ""); len(got) != 1 || got[0] != "<li>a</li>\n<li>b</li>\n" {
		t.Errorf("signatoryRows = %q, want both rows in order, in one piece", got)
	}
	big := template.HTML("<li>" + strings.Repeat("x", rowChunk/2) + "</li>\n")
	s.SignatoryRows[""][a.URL], s.SignatoryRows[""][b.URL] = big, big
	pieces := s.signatoryRows([]*content.Page{a, b, a}, "")
	var joined strings.Builder
	for _, piece := range pieces {
		joined.WriteString(string(piece))
	}
	if len(pieces) != 3 || joined.String() != string(big+big+big) {
		t.Errorf("three rows of half a piece each come in %d pieces, want 3 holding the rows in order", len(pieces))
	}
	delete(s.SignatoryRows[""], b.URL)
	if got := s.signatoryRows([]*content.Page{a, b}, ""); got != nil {
		t.Errorf("with a row missing, signatoryRows = %q, want none", got)
	}
}

func TestDictSaysWhatIsWrong(t *testing.T) {
	m, err := Dict("Facet", 1, "Current", "x")
	if err != nil || m["Facet"] != 1 || m["Current"] != "x" {
		t.Errorf("Dict = %v, %v", m, err)
	}
	if _, err := Dict("Facet"); err == nil || !strings.Contains(err.Error(), "a key and a value") {
		t.Errorf("Dict with a key and no value: %v, want an error that says a value is missing", err)
	}
	if _, err := Dict(1, 2); err == nil || !strings.Contains(err.Error(), "text as its keys") {
		t.Errorf("Dict with a number as key: %v, want an error that says keys are text", err)
	}
}

// Breadcrumbs are kept by Crumbs.String: two lists that differ in any
// step must never share a key, or a page would show another's way home.
func TestCrumbsKeyTellsListsApart(t *testing.T) {
	lists := []Crumbs{
		nil,
		{{Title: "Home", URL: "/"}},
		{{Title: "Home", URL: "/", Lang: "en-GB"}},
		{{Title: "Home", URL: "/"}, {Title: "Signatories", URL: "/signatories/"}},
		{{Title: "Home /", URL: ""}},
		{{Title: "Hafan", URL: "/cy/"}},
	}
	seen := map[string]int{}
	for i, l := range lists {
		if j, ok := seen[l.String()]; ok {
			t.Errorf("crumbs %v and %v have the same key", lists[j], l)
		}
		seen[l.String()] = i
	}
}

func TestPermalinkIsTheFullAddress(t *testing.T) {
	s := siteAt(t, "https://example.org/co/")
	d := NewPageData(s, s.Content.Page("/principles/trust/"), "")
	if d.Permalink != "https://example.org/co/principles/trust/" {
		t.Errorf("Permalink = %q", d.Permalink)
	}
}

// The link box's snippet is the one linkSnippet writes, and its badge
// addresses carry the base path.
func TestLinkBoxAgreesWithLinkSnippet(t *testing.T) {
	s := siteAt(t, "https://example.org/co/")
	p := &content.Page{Kind: content.KindSignatory, Title: `Kite "Arts"`, URL: "/signatories/kite/"}
	l := s.linkBox(p)
	if want := register.Snippet(p, s.AbsURL); l.Snippet != want {
		t.Errorf("linkBox snippet:\n got %s\nwant %s", l.Snippet, want)
	}
	if l.BadgeURL != "/signatories/kite/badge.svg" || l.BadgeAbs != "https://example.org/co/signatories/kite/badge.svg" {
		t.Errorf("linkBox badge at %q, %q", l.BadgeURL, l.BadgeAbs)
	}
}

// The navigation is cached by SectionFront: it must be true exactly on the
// pages whose address is a section's link in the navigation.
func TestSectionFront(t *testing.T) {
	s := siteAt(t, "/")
	pages, diags := content.Load(fstest.MapFS{
		"_index.md":                 {Data: []byte("---\ntitle: Home\nsummary: x\n---\n")},
		"principles/_index.md":      {Data: []byte("---\ntitle: Principles\nsummary: x\n---\n")},
		"principles/_index.cy.md":   {Data: []byte("---\ntitle: Egwyddorion\nsummary: x\n---\n")},
		"principles/trust.md":       {Data: []byte("---\ntitle: Trust\nsummary: x\n---\n")},
		"principles/more/_index.md": {Data: []byte("---\ntitle: More\nsummary: x\n---\n")},
	}, content.Options{Dir: "content", Languages: []string{"cy"}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s.Content = pages
	for url, want := range map[string]bool{"/": false, "/principles/": true, "/cy/principles/": true, "/principles/trust/": false, "/principles/more/": false} {
		p := pages.Page(url)
		if p == nil {
			t.Fatalf("no page %s", url)
		}
		if got := NewPageData(s, p, "").SectionFront; got != want {
			t.Errorf("%s: SectionFront = %v, want %v", url, got, want)
		}
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 10000: "10,000", 123456: "123,456", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}
