package content

import (
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
)

// Each case is a file an editor might save, and the one line they must
// read: the place of the first slip and the words to type instead. The
// YAML library's own words must never reach them.
var syntaxCases = []struct {
	name, text, want string
}{
	{"colon in an unquoted value", "---\ntitle: Step one: listen\nsummary: x\n---\n",
		`about.md:2:16: error: the value of title has a colon in it, which reads as the start of another key; put the whole value in straight quote marks: title: "Step one: listen"`},
	{"no space after the colon", "---\ntitle:\"Listen\"\nsummary: x\n---\n",
		`about.md:2:7: error: there is no space after title:; put a space after title: like this: title: "Listen"`},
	{"no space after the colon on a later line", "---\ntitle: About\nsummary: x\nweight:1\n---\n",
		`about.md:4:8: error: there is no space after weight:; put a space after weight: like this: weight: 1`},
	{"indented key under a plain value", "---\ntitle: About\n  summary: x\n---\n",
		`about.md:3:3: error: the line starts with spaces, so summary: reads as part of the value of title on the line above; delete the spaces before summary, so it starts at the left edge like title; if the words go on from the line above, put the whole value of title in straight quote marks instead`},
	{"tab at the start of a top-level line", "---\n\ttitle: About\nsummary: x\n---\n",
		`about.md:2:1: error: the line starts with a tab, which the front matter cannot have; delete it, so the line starts at the left edge like the others`},
	{"tab before a list item", "---\ntitle: P\nsummary: x\ncommitments:\n\t- We pay people.\n---\n",
		`about.md:5:1: error: the line starts with a tab, which the front matter cannot have; delete it and type two spaces instead`},
	{"tab after spaces", "---\ntitle: P\nsummary: x\nparams:\n  \tcolour: blue\n---\n",
		`about.md:5:3: error: the line starts with a tab, which the front matter cannot have; delete it and type two spaces instead`},
	{"curly quotes round a value with a colon", "---\ntitle: “Step one: listen”\nsummary: x\n---\n",
		`about.md:2:8: error: these are curly quote marks, which Word adds; type straight quotes instead: title: "Step one: listen"`},
	{"straight quote closed by a curly one", "---\ntitle: About\nsummary: \"We listen first.”\n---\n",
		`about.md:3:27: error: the quote mark at the end is curly, which Word adds, so it does not close the straight one at the start; type a straight quote instead: summary: "We listen first."`},
	{"curly quotes that YAML reads as text", "---\ntitle: “Listen”\nsummary: x\n---\n",
		`about.md:2:8: error: these are curly quote marks, which Word adds, and the page would show them; type straight quotes instead: title: "Listen"`},
	{"single curly quotes in a list item", "---\ntitle: P\nsummary: x\ncommitments:\n  - ‘We pay people.’\n---\n",
		`about.md:5:5: error: these are curly quote marks, which Word adds, and the page would show them; type straight quotes instead: - "We pay people."`},
	{"key with no colon", "---\ntitle \"Listen\"\nsummary: x\n---\n",
		`about.md:2:6: error: there is no colon after title; write the key, a colon and a space, then the value: title: "Listen"`},
	{"key with no colon on a later line", "---\ntitle: x\nsummary Everyone is heard.\n---\n",
		`about.md:3:8: error: there is no colon after summary; write the key, a colon and a space, then the value: summary: Everyone is heard.`},
	{"value starting with @", "---\ntitle: About\nsummary: @kite on every network\n---\n",
		`about.md:3:10: error: a value cannot start with @; put the whole value in straight quote marks: summary: "@kite on every network"`},
	{"long dash as the opening line", "—\ntitle: About\nsummary: x\n---\n",
		`about.md:1:1: error: Word turned the three dashes into a long dash; type three short dashes --- instead of —`},
	{"en dash as the opening line after a blank line", "\n–\ntitle: About\nsummary: x\n---\n",
		`about.md:2:1: error: Word turned the three dashes into a long dash; type three short dashes --- instead of –`},
	{"two dashes as the opening line", "--\ntitle: About\nsummary: x\n---\n",
		`about.md:1:1: error: this line has 2 dashes, but the front matter needs exactly three; type three short dashes --- instead of --`},
	{"long dash as the closing line", "---\ntitle: About\nsummary: x\n—\nBody.\n",
		`about.md:4:1: error: Word turned the three dashes into a long dash; type three short dashes --- instead of —`},
	{"four dashes as the closing line", "---\ntitle: About\nsummary: x\n----\nBody.\n",
		`about.md:4:1: error: this line has 4 dashes, but the front matter needs exactly three; type three short dashes --- instead of ----`},
	{"two dashes as the closing line", "---\ntitle: About\nsummary: x\n--\nBody.\n",
		`about.md:4:1: error: this line has 2 dashes, but the front matter needs exactly three; type three short dashes --- instead of --`},
	{"Windows line endings and a byte-order mark", "\xef\xbb\xbf---\r\ntitle: About\r\nsummary: Us: the team\r\n---\r\n",
		`about.md:3:12: error: the value of summary has a colon in it, which reads as the start of another key; put the whole value in straight quote marks: summary: "Us: the team"`},
	{"Windows line endings and curly quotes", "---\r\ntitle: “Listen”\r\nsummary: x\r\n---\r\n",
		`about.md:2:8: error: these are curly quote marks, which Word adds, and the page would show them; type straight quotes instead: title: "Listen"`},
	{"columns count characters, not bytes", "---\ntitle: Café\nsummary: Équipe: nous\n---\n",
		`about.md:3:16: error: the value of summary has a colon in it, which reads as the start of another key; put the whole value in straight quote marks: summary: "Équipe: nous"`},
	{"a block of text may hold colons; the slip after it is found", "---\ntitle: About\nsummary: |\n  Step one: listen.\n  Step two: act.\ndraft:true\n---\n",
		`about.md:6:7: error: there is no space after draft:; put a space after draft: like this: draft: true`},
	{"a quoted value over two lines may hold colons", "---\ntitle: \"About\n  us: all\"\nsummary: x\nweight:1\n---\n",
		`about.md:5:8: error: there is no space after weight:; put a space after weight: like this: weight: 1`},
	{"colon on the second line of a long value", "---\ntitle: About\nsummary: A long summary\n  that goes on: over lines.\n---\n",
		`about.md:4:15: error: the value of summary has a colon in it, which reads as the start of another key; put the whole value of summary in straight quote marks, from the start of its first line to the end of its last`},
	{"list item after a key that has a value", "---\ntitle: About\nsummary: x\n- a\n---\n",
		`about.md:4:1: error: this list item does not follow a key; put the list under a line that has only its key and a colon, such as commitments:`},
	{"a line that is not key: value gets plain words", "---\ntitle: About\nsummary: x\n]\n---\n",
		`about.md:4:1: error: this line could not be read as key: value; check the spacing and quote marks: each line is a key, a colon, a space and a value, with straight quote marks round text that has a colon`},
	{"no known cause gets plain words, never the library's", "---\ntitle: About\nsummary: *x\n---\n",
		`about.md:2:1: error: this line could not be read as key: value; check the spacing and quote marks: each line is a key, a colon, a space and a value, with straight quote marks round text that has a colon`},
}

func TestFrontMatterSyntax(t *testing.T) {
	for _, tc := range syntaxCases {
		t.Run(tc.name, func(t *testing.T) {
			data, bad := Normalize("about.md", []byte(tc.text))
			if bad != nil {
				t.Fatal(bad)
			}
			var diags diag.List
			split("about.md", data, &diags)
			if len(diags) != 1 {
				t.Fatalf("want one problem, got %d:\n%s", len(diags), diags.Error())
			}
			if got := diags[0].String(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// Valid front matter must not be accused of anything: colons inside
// quotes or blocks, apostrophes, dashes in text and web addresses.
func TestFrontMatterSyntaxValid(t *testing.T) {
	for _, text := range []string{
		"---\ntitle: \"Step one: listen\"\nsummary: 'We''re here: all of us.'\n---\n",
		"---\ntitle: The members’ charter\nsummary: A page – with a dash — or two.\nwebsite: https://example.org/a:b\n---\n",
		"---\ntitle: \"“Nothing about us without us”\"\nsummary: |\n  Step one: listen.\n  “Quoted”\n---\n",
		"---\ntitle: About\nsummary: A long summary\n  that goes on over lines.\n---\n\n----\n",
	} {
		data, _ := Normalize("about.md", []byte(text))
		var diags diag.List
		if _, ok := split("about.md", data, &diags); !ok || len(diags) > 0 {
			t.Errorf("%q: %v", text, diags.Error())
		}
		matter, _, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		if p := fields.LintYAML([]byte(matter), "the front matter"); p != nil {
			t.Errorf("%q: lint found %+v", text, p)
		}
	}
}
