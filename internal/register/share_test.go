package register

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

func shareSite() Site {
	return Site{Name: "Coproduce", Organisation: "The Trust", Abs: func(p string) string { return "https://example.org" + p }}
}

// The JSON-LD's objects keep their keys in byte order, as they had when
// they were maps: a page's bytes do not change when nothing in it did, so
// a deploy uploads only what changed.
func TestJSONLDKeysInOrder(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md":  pledgeFile,
		"signatories/kite.md": signatory("Kite Youth Arts", "signed: 2024-03-01\n"),
		"about.md":            "---\ntitle: About\nsummary: Who we are.\n---\n",
	})
	for _, url := range []string{"/signatories/kite/", "/pledges/two-way/", "/about/"} {
		p := site.Page(url)
		if p == nil {
			t.Fatalf("the test site has no page %s", url)
		}
		got := JSONLD(p, shareSite())
		var v any
		if err := json.Unmarshal(got, &v); err != nil {
			t.Fatalf("%s: the JSON-LD does not parse: %v\n%s", url, err, got)
		}
		sorted, _ := json.Marshal(v) // maps marshal with sorted keys
		if !bytes.Equal(got, sorted) {
			t.Errorf("%s: the JSON-LD's keys are out of order:\n got %s\nwant %s", url, got, sorted)
		}
	}
	kite := string(JSONLD(site.Page("/signatories/kite/"), shareSite()))
	for _, want := range []string{`"@type":"AgreeAction"`, `"endTime":"2024-03-01"`, `"mainEntity":{"@id":"https://example.org/signatories/kite/#organisation"}`} {
		if !strings.Contains(kite, want) {
			t.Errorf("the signatory's JSON-LD lacks %s:\n%s", want, kite)
		}
	}
}

// A title cannot end the <script> element the JSON-LD is written in.
func TestJSONLDCannotCloseItsScript(t *testing.T) {
	site := load(t, map[string]string{
		"about.md": "---\ntitle: \"</script><script>alert(1)</script> & co\"\nsummary: A test.\n---\n",
	})
	got := string(JSONLD(site.Page("/about/"), shareSite()))
	if strings.Contains(got, "<") || strings.Contains(got, ">") || strings.Contains(got, "&") {
		t.Errorf("the JSON-LD holds markup as it is: %s", got)
	}
	if !strings.Contains(got, `\u003c/script\u003e`) {
		t.Errorf("the JSON-LD does not escape </script> as \\u003c/script\\u003e: %s", got)
	}
}

func TestSnippetEscapesAndLinksTheBadge(t *testing.T) {
	site := load(t, map[string]string{
		"pledges/two-way.md":  pledgeFile,
		"signatories/kite.md": signatory(`Kite "Youth" & Arts`, "signed: 2024-03-01\n"),
	})
	p := site.Page("/signatories/kite/")
	got := Snippet(p, shareSite().Abs)
	b := BadgeFor(p)
	want := `<a href="https://example.org/signatories/kite/"><img src="https://example.org` + BadgeURL(p) + `" alt="` +
		strings.NewReplacer(`"`, "&#34;", "&", "&amp;").Replace(b.Alt) + `" width="240" height="` + strconv.Itoa(b.Height) + `"></a>`
	if got != want {
		t.Errorf("Snippet:\n got %s\nwant %s", got, want)
	}
}
