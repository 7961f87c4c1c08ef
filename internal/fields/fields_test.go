package fields

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
)

// read parses src, runs fn on each entry and returns the problems, with
// the mapping placed 3 lines down its file as front matter would be.
func read(t *testing.T, src string, fn func(Reader, Entry)) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	r := Reader{File: "content/x.md", LineOffset: 3, Diags: &diags}
	for _, e := range r.Entries(doc.Content[0], "the front matter") {
		fn(r, e)
	}
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestReaders(t *testing.T) {
	cases := []struct {
		src  string
		want string
	}{
		{"s: [a]", `content/x.md:4:4: error: s should be plain text, not a list; write s: some text, on one line`},
		{"b: \"true\"", `content/x.md:4:4: error: b should be true or false, not "true"; write b: true or b: false, without quotes`},
		{"b: yes", `content/x.md:4:4: error: b should be true or false, not "yes"; write b: true or b: false, without quotes`},
		{"i: 1.5", `content/x.md:4:4: error: i should be a whole number, not "1.5"; write a whole number in figures, such as i: 1`},
		{"d: 2024-02-30", `content/x.md:4:4: error: d: 2024-02-30 is not a real date; check the day and month: dates are written YYYY-MM-DD, such as 2024-03-01`},
		{"d: 1/3/2024", `content/x.md:4:4: error: d: 1/3/2024 is not written the way dates are written here, year-month-day; write it as d: 2024-03-01`},
		{"s: \"Acme\\x01 Ltd\"", `content/x.md:4:4: error: s has an invisible control character in it; delete it and type the text again; it often comes from copying text out of another program`},
		{"d: 2024-3-1", `content/x.md:4:4: error: d: 2024-3-1 is not written the way dates are written here, year-month-day; write it as d: 2024-03-01`},
		{"d: 12 March 2024", `content/x.md:4:4: error: d: 12 March 2024 is not written the way dates are written here, year-month-day; write it as d: 2024-03-12`},
		{"u: https://example.org/ (our site)", `content/x.md:4:4: error: u: "https://example.org/ (our site)" has spaces in it; write only the address, with no spaces or words after it`},
		{"u: https://example", `content/x.md:4:4: error: u: "https://example" is not a whole web address; write the whole address, such as https://example.org.uk/`},
		{"u: www.example.org", `content/x.md:4:4: error: u: "www.example.org" is not a web address; put https:// in front of it: u: https://www.example.org`},
		{"d:", `content/x.md:4:3: error: d should be a date, not empty; write the date as YYYY-MM-DD, such as d: 2024-03-01`},
		{"l: {a: 1}", `content/x.md:4:4: error: l should be a list; write l as a list, one item a line starting with a dash`},
		{"l:\n  - a\n  - [b]", `content/x.md:6:5: error: an item of l is empty or not plain text; write each item of l as plain text after a dash`},
		{"m: [1]", `content/x.md:4:4: error: m should be a set of keys and values; write the items of m indented below it, as key: value`},
		{"u: javascript:alert(1)", `content/x.md:4:4: error: u: "javascript:alert(1)" is not a web address; write the full address starting with https://, such as https://example.org/`},
		{"u: example.org", `content/x.md:4:4: error: u: "example.org" is not a web address; put https:// in front of it: u: https://example.org`},
		{"l: [ok, \"a\\x00b\"]", `content/x.md:4:9: error: an item of l has an invisible control character in it; delete it and type the text again; it often comes from copying text out of another program`},
		{"l:\n  - a\n  - \"  \"", `content/x.md:6:5: error: an item of l is empty or not plain text; write each item of l as plain text after a dash`},
		{"l: [a, b, A]", `content/x.md:4:11: error: l has "A" twice; delete one of them`},
		{"u: https://a.org@evil.example/x", `content/x.md:4:4: error: u: "https://a.org@evil.example/x" has a user name or password in it (the part before @), so it does not go where it seems to; write the address without the part before @: u: https://evil.example/x`},
		{"s: a\ns: b", `content/x.md:5:1: error: the key "s" is written twice; delete one of them`},
	}
	readOne := func(r Reader, e Entry) {
		switch e.Key[0] {
		case 's':
			r.String(e)
		case 'b':
			r.Bool(e)
		case 'i':
			r.Int(e)
		case 'd':
			r.Date(e)
		case 'l':
			r.StringList(e)
		case 'm':
			r.Map(e)
		case 'u':
			r.HTTPURL(e)
		}
	}
	for _, tc := range cases {
		got := read(t, tc.src, readOne)
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.src, strings.Join(got, "\n"), tc.want)
		}
	}
}

func TestReadersAcceptGoodValues(t *testing.T) {
	src := "s: Plain text\nb: false\ni: -3\nd: 2024-02-29\nl: one\nl2: [a, b]\nm: {x: [1, 2]}\nu: https://example.org/a?b=c\nanchor: &a text\nalias: *a\n"
	var vals []any
	got := read(t, src, func(r Reader, e Entry) {
		switch e.Key {
		case "s", "anchor", "alias":
			vals = append(vals, r.String(e))
		case "b":
			vals = append(vals, r.Bool(e))
		case "i":
			vals = append(vals, r.Int(e))
		case "d":
			vals = append(vals, r.Date(e).Format(DateLayout))
		case "l", "l2":
			vals = append(vals, strings.Join(r.StringList(e), "+"))
		case "m":
			vals = append(vals, len(r.Map(e)["x"].([]any)))
		case "u":
			vals = append(vals, r.HTTPURL(e))
		}
	})
	if len(got) > 0 {
		t.Fatal(got)
	}
	want := []any{"Plain text", false, -3, "2024-02-29", "one", "a+b", 2, "https://example.org/a?b=c", "text", "text"}
	for i := range want {
		if vals[i] != want[i] {
			t.Errorf("value %d = %#v, want %#v", i, vals[i], want[i])
		}
	}
}

func TestYAMLErrorPos(t *testing.T) {
	var n yaml.Node
	err := yaml.Unmarshal([]byte("a: 1\nb: c: d\n"), &n)
	line, col, msg := YAMLErrorPos(err)
	if line != 2 || col != 1 || msg != "mapping values are not allowed in this context" {
		t.Errorf("got %d:%d %q", line, col, msg)
	}
}
