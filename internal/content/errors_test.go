package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/diag"
)

// errorCase is a set of content files and the problems the loader must
// report for them: the exact place, and the words an editor reads.
type errorCase struct {
	name  string
	files map[string]string
	// want lists "FILE:LINE:COL: error: PROBLEM" lines, in sorted order.
	want []string
	// fix, when set, must appear in the advice of the first problem.
	fix string
}

// Valid pages that the cases refer to, so that only the case's own file is
// at fault.
var baseFiles = map[string]string{
	"principles/equal-voice.md": "---\ntitle: Equal voice\nsummary: Everyone is heard.\nweight: 1\n---\nBody.\n",
	"pledges/two-way-pledge.md": "---\ntitle: Two-way pledge\nsummary: We promise.\ncommitments:\n  - We will pay people.\n---\n",
}

const validSignatory = "title: Brightwater\nsummary: A housing association.\nwebsite: https://example.org/\nsigned: 2024-03-01\npledges: [two-way-pledge]\n"

var errorCases = []errorCase{
	{
		name:  "unknown key with did-you-mean",
		files: map[string]string{"about.md": "---\ntitle: About\nsumary: About us.\nsummary: x\n---\n"},
		want:  []string{`content/about.md:3:1: error: "sumary" is not a key a page can have`},
		fix:   `did you mean "summary"?`,
	},
	{
		name:  "unknown signatory key names the nearest signatory key",
		files: map[string]string{"signatories/b.md": "---\n" + validSignatory + "sined: 2024-01-01\n---\n"},
		want:  []string{`content/signatories/b.md:7:1: error: "sined" is not a key a signatory can have`},
		fix:   `did you mean "signed"?`,
	},
	{
		name:  "unknown key far from any known key",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\nfavourite_colour: blue\n---\n"},
		want:  []string{`content/about.md:4:1: error: "favourite_colour" is not a key a page can have`},
		fix:   "delete the line, or check the spelling of the key. To keep information of your own, write params: on a line of its own. Put the line under it, with two spaces in front, such as:   favourite_colour: blue",
	},
	{
		name:  "a file name that cannot be an address",
		files: map[string]string{"h#x.md": "---\ntitle: H\nsummary: x\n---\n"},
		want:  []string{`content/h#x.md:1:1: error: the file or folder name has # ? or % in it, which cannot be part of a web address`},
	},
	{
		name:  "alias with a pattern character",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\naliases: [\"/:page/\", \"/old page/\", \"//evil.example/\"]\n---\n"},
		want: []string{
			`content/about.md:4:11: error: the alias "/:page/" has a space or a character that cannot be part of an address`,
			`content/about.md:4:22: error: the alias "/old page/" has a space or a character that cannot be part of an address`,
			`content/about.md:4:36: error: the alias "//evil.example/" is not a path inside this site`,
		},
	},
	{
		name:  "empty value",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary:\n---\n"},
		want: []string{
			`content/about.md:3:1: error: summary is empty`,
		},
	},
	{
		name: "empty website and empty pledges",
		files: map[string]string{
			"signatories/acme.md": "---\ntitle: Acme\nsummary: A shop.\nwebsite: \"\"\nsigned: 2024-03-01\npledges: []\n---\n",
		},
		want: []string{
			`content/signatories/acme.md:4:1: error: website is empty`,
			`content/signatories/acme.md:6:1: error: pledges is empty`,
		},
	},
	{
		name: "a list written with commas",
		files: map[string]string{
			"pledges/a.md":        "---\ntitle: A\nsummary: A.\ncommitments: [Be fair.]\n---\n",
			"signatories/acme.md": "---\ntitle: Acme\nsummary: A shop.\nwebsite: https://acme.example/\nsigned: 2024-03-01\npledges: a, b\n---\n",
		},
		want: []string{
			`content/signatories/acme.md:6:10: error: pledges is written as one name with commas in it`,
		},
	},
	{
		name:  "US spelling of anonymised is not also a missing consent",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: A story.\ndate: 2024-01-01\nanonymized: true\n---\n"},
		want: []string{
			`content/case-studies/c.md:5:1: error: "anonymized" is not a key a case study can have`,
		},
	},
	{
		name:  "list where text is wanted",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: [one, two]\n---\n"},
		want: []string{
			`content/about.md:3:10: error: summary should be plain text, not a list`,
		},
	},
	{
		name:  "quoted yes is not a yes/no value",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\ndraft: \"yes\"\n---\n"},
		want:  []string{`content/about.md:4:8: error: draft should be true or false, not "yes"`},
		fix:   "draft: true or draft: false",
	},
	{
		name:  "weight that is not a whole number",
		files: map[string]string{"principles/p.md": "---\ntitle: P\nsummary: x\nweight: first\n---\n"},
		want:  []string{`content/principles/p.md:4:9: error: weight should be a whole number, not "first"`},
	},
	{
		name:  "impossible date",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\nanonymised: true\ndate: 2023-02-30\n---\n"},
		want:  []string{`content/case-studies/c.md:5:7: error: date: 2023-02-30 is not a real date`},
		fix:   "YYYY-MM-DD",
	},
	{
		name:  "date in another format",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\nanonymised: true\ndate: 30/01/2023\n---\n"},
		want:  []string{`content/case-studies/c.md:5:7: error: date: 30/01/2023 is not written the way dates are written here, year-month-day`},
	},
	{
		name:  "javascript website",
		files: map[string]string{"signatories/b.md": "---\n" + strings.Replace(validSignatory, "https://example.org/", "javascript:alert(1)", 1) + "---\n"},
		want:  []string{`content/signatories/b.md:4:10: error: website: "javascript:alert(1)" is not a web address`},
		fix:   "https://",
	},
	{
		name:  "size not in the list",
		files: map[string]string{"signatories/b.md": "---\n" + validSignatory + "size: huge\n---\n"},
		want:  []string{`content/signatories/b.md:7:7: error: size "huge" is not one of the allowed sizes`},
		fix:   "micro, small, medium, large",
	},
	{
		name:  "logo without logo_alt",
		files: map[string]string{"signatories/b.md": "---\n" + validSignatory + "logo: logo.svg\n---\n", "signatories/logo.svg": "<svg/>"},
		want:  []string{`content/signatories/b.md:7:1: error: the logo has no logo_alt text`},
		fix:   `logo_alt: "Brightwater logo"`,
	},
	{
		name: "logo that is not a picture in the site",
		files: map[string]string{
			"signatories/a.md": "---\n" + validSignatory + "logo: missing.svg\nlogo_alt: A logo\n---\n",
			"signatories/b.md": "---\n" + validSignatory + "logo: https://tracker.example/p.png\nlogo_alt: A logo\n---\n",
			"signatories/c.md": "---\n" + validSignatory + "logo: ../../../etc/passwd\nlogo_alt: A logo\n---\n",
		},
		want: []string{
			`content/signatories/a.md:7:7: error: there is no picture at content/signatories/missing.svg`,
			`content/signatories/b.md:7:7: error: the logo must be a picture file in this site, not an address`,
			`content/signatories/c.md:7:7: error: the logo "../../../etc/passwd" is not the name of a picture in this site`,
		},
	},
	{
		name: "logo whose file name has a space is found",
		files: map[string]string{
			"signatories/b.md":               "---\n" + validSignatory + "logo: Riverside Logo.png\nlogo_alt: Riverside logo\n---\n",
			"signatories/Riverside Logo.png": "PNG",
		},
		want: nil,
	},
	{
		name: "logo spelled almost right says which it means",
		files: map[string]string{
			"signatories/b.md":               "---\n" + validSignatory + "logo: Riverside Lgo.png\nlogo_alt: Riverside logo\n---\n",
			"signatories/Riverside Logo.png": "PNG",
		},
		want: []string{`content/signatories/b.md:7:7: error: there is no picture at content/signatories/Riverside Lgo.png`},
		fix:  "did you mean logo: Riverside Logo.png?",
	},
	{
		name:  "case study with neither anonymised nor consent",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2023-01-01\n---\n"},
		want:  []string{`content/case-studies/c.md:2:1: error: the case study does not say whether people agreed to be named`},
	},
	{
		name:  "case study with both anonymised and consent",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2023-01-01\nanonymised: true\nconsent: 2023-01-01\n---\n"},
		want:  []string{`content/case-studies/c.md:6:1: error: the case study is marked both anonymised and named with consent`},
	},
	{
		name:  "page without title and summary",
		files: map[string]string{"about.md": "---\nweight: 1\n---\n"},
		want: []string{
			`content/about.md:2:1: error: the page has no summary`,
			`content/about.md:2:1: error: the page has no title`,
		},
	},
	{
		name:  "case study without date",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\nanonymised: true\n---\n"},
		want:  []string{`content/case-studies/c.md:2:1: error: the case study has no date`},
	},
	{
		name:  "pledge without commitments",
		files: map[string]string{"pledges/p.md": "---\ntitle: P\nsummary: x\n---\n"},
		want:  []string{`content/pledges/p.md:2:1: error: the pledge has no commitments`},
	},
	{
		name:  "signatory without website, signed date and pledges",
		files: map[string]string{"signatories/b.md": "---\ntitle: B\nsummary: x\n---\n"},
		want: []string{
			`content/signatories/b.md:2:1: error: the signatory has no pledges`,
			`content/signatories/b.md:2:1: error: the signatory has no signed date`,
			`content/signatories/b.md:2:1: error: the signatory has no website`,
		},
	},
	{
		name:  "signatory names a pledge that does not exist",
		files: map[string]string{"signatories/b.md": "---\n" + strings.Replace(validSignatory, "[two-way-pledge]", "[two-way-pledg]", 1) + "---\n"},
		want:  []string{`content/signatories/b.md:6:11: error: there is no pledge called "two-way-pledg"`},
		fix:   `did you mean "two-way-pledge"?`,
	},
	{
		name:  "pledge name unlike any pledge lists the pledges there are",
		files: map[string]string{"signatories/b.md": "---\n" + strings.Replace(validSignatory, "[two-way-pledge]", "[nope]", 1) + "---\n"},
		want:  []string{`content/signatories/b.md:6:11: error: there is no pledge called "nope"`},
		fix:   "write the file name (without .md) of a pledge in content/pledges/, such as two-way-pledge",
	},
	{
		name:  "case study names a principle that does not exist, in a list",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2023-01-01\nanonymised: true\nprinciples:\n  - equal-voice\n  - kindness\n---\n"},
		want:  []string{`content/case-studies/c.md:8:5: error: there is no principle called "kindness"`},
		fix:   "equal-voice",
	},
	{
		name:  "a wrong item before a wrong slug does not move the slug's place",
		files: map[string]string{"case-studies/c.md": "---\ntitle: C\nsummary: x\ndate: 2023-01-01\nanonymised: true\nprinciples:\n  - [equal-voice]\n  - kindness\n---\n"},
		want: []string{
			`content/case-studies/c.md:7:5: error: an item of principles is empty or not plain text`,
			`content/case-studies/c.md:8:5: error: there is no principle called "kindness"`,
		},
	},
	{
		name: "two files with one URL",
		files: map[string]string{
			"about.md":        "---\ntitle: About\nsummary: x\n---\n",
			"about/_index.md": "---\ntitle: About us\nsummary: x\n---\n",
		},
		want: []string{`content/about/_index.md:1:1: error: this page would have the same address /about/ as content/about.md`},
	},
	{
		name:  "alias that climbs out of the site",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\naliases: [\"../../etc/passwd\"]\n---\n"},
		want:  []string{`content/about.md:4:11: error: the alias "../../etc/passwd" is not a path inside this site`},
	},
	{
		name:  "alias to another site",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\naliases: [\"https://example.org/x/\"]\n---\n"},
		want:  []string{`content/about.md:4:11: error: the alias "https://example.org/x/" is not a path inside this site`},
	},
	{
		name:  "unclosed front matter",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\n\nThe body.\n"},
		want:  []string{`content/about.md:1:1: error: the front matter that starts here is never closed`},
	},
	{
		name:  "no front matter",
		files: map[string]string{"about.md": "# About\n\nWe are a network.\n"},
		want:  []string{`content/about.md:1:1: error: the file has no front matter`},
	},
	{
		name:  "empty file",
		files: map[string]string{"about.md": ""},
		want:  []string{`content/about.md:1:1: error: the file is empty`},
	},
	{
		name:  "file of blank lines",
		files: map[string]string{"about.md": "\n  \n\n"},
		want:  []string{`content/about.md:1:1: error: the file is empty`},
	},
	{
		name:  "invalid UTF-8 in the body",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\n---\nCaf\xe9 culture\n"},
		want:  []string{`content/about.md:5:4: error: the file has a character that is not UTF-8 text`},
	},
	{
		name:  "invalid UTF-8 after multibyte text counts characters",
		files: map[string]string{"about.md": "---\ntitle: Café\nsummary: x\xff\n---\n"},
		want:  []string{`content/about.md:3:11: error: the file has a character that is not UTF-8 text`},
	},
	{
		name:  "invalid UTF-8 on the first line of a file with a byte-order mark",
		files: map[string]string{"about.md": "\xef\xbb\xbf--\xff-\ntitle: About\n"},
		want:  []string{`content/about.md:1:3: error: the file has a character that is not UTF-8 text`},
	},
	{
		name:  "YAML syntax error points at the line in the file",
		files: map[string]string{"about.md": "\n---\ntitle: About\nsummary: Us: the team\n---\n"},
		want:  []string{`content/about.md:4:12: error: the value of summary has a colon in it, which reads as the start of another key`},
		fix:   `put the whole value in straight quote marks: summary: "Us: the team"`,
	},
	{
		name:  "tab indentation",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\n\tweight: 1\n---\n"},
		want:  []string{`content/about.md:4:1: error: the line starts with a tab, which the front matter cannot have`},
		fix:   "delete it, so the line starts at the left edge like the others",
	},
	{
		name:  "key written twice",
		files: map[string]string{"about.md": "---\ntitle: About\nsummary: x\ntitle: Again\n---\n"},
		want:  []string{`content/about.md:4:1: error: the key "title" is written twice`},
	},
	{
		name:  "front matter that is a list",
		files: map[string]string{"about.md": "---\n- title\n- summary\n---\n"},
		want: []string{
			`content/about.md:2:1: error: the front matter should be a list of keys and values`,
			`content/about.md:2:1: error: the page has no summary`,
			`content/about.md:2:1: error: the page has no title`,
		},
	},
	{
		name:  "TOML front matter with positions",
		files: map[string]string{"about.md": "+++\ntitle = \"About\"\nsummary = \"x\"\nsumary = \"y\"\n+++\n"},
		want:  []string{`content/about.md:4:1: error: "sumary" is not a key a page can have`},
		fix:   `did you mean "summary"?`,
	},
	{
		name:  "TOML wrong type at the value",
		files: map[string]string{"about.md": "+++\ntitle = \"About\"\nsummary = \"x\"\ndraft = \"yes\"\n+++\n"},
		want:  []string{`content/about.md:4:9: error: draft should be true or false, not "yes"`},
	},
	{
		name:  "TOML value written without spaces",
		files: map[string]string{"about.md": "+++\ntitle = \"About\"\nsummary = \"x\"\nweight=\"first\"\n+++\n"},
		want:  []string{`content/about.md:4:8: error: weight should be a whole number, not "first"`},
	},
	{
		name:  "TOML quoted key and table keep their lines",
		files: map[string]string{"about.md": "+++\ntitle = \"About\"\nsummary = \"x\"\n\"draft\" = \"no\"\n[parms]\nx = 1\n+++\n"},
		want: []string{
			`content/about.md:4:11: error: draft should be true or false, not "no"`,
			`content/about.md:5:2: error: "parms" is not a key a page can have`,
		},
	},
	{
		name:  "TOML syntax error",
		files: map[string]string{"about.md": "+++\ntitle = \"About\"\nsummary = \n+++\n"},
		want:  []string{`content/about.md:3:11: error: the front matter is not valid: expected value but found '\n' instead`},
	},
	{
		name:  "TOML impossible date",
		files: map[string]string{"case-studies/c.md": "+++\ntitle = \"C\"\nsummary = \"x\"\nanonymised = true\ndate = 2023-02-30\n+++\n"},
		want:  []string{`content/case-studies/c.md:5:8: error: the front matter is not valid: invalid datetime: "2023-02-30"`},
	},
	{
		name:  "language suffix the site does not have",
		files: map[string]string{"about.fr.md": "---\ntitle: À propos\nsummary: x\n---\n"},
		want:  []string{`content/about.fr.md:1:1: error: the file name ends in .fr.md, but fr is not one of the site's languages`},
	},
	{
		name:  "translation without an original",
		files: map[string]string{"team.cy.md": "---\ntitle: Tîm\nsummary: x\n---\n"},
		want:  []string{`content/team.cy.md:1:1: error: this page has no original page at /team/`},
	},
	{
		name: "every problem in one run, sorted by file and line",
		files: map[string]string{
			"b.md": "---\ntitle: B\nsummary: x\ndraft: maybe\n---\n",
			"a.md": "---\ntitle: A\nsummary: x\nweight: x\ndraft: 1\n---\n",
		},
		want: []string{
			`content/a.md:4:9: error: weight should be a whole number, not "x"`,
			`content/a.md:5:8: error: draft should be true or false, not "1"`,
			`content/b.md:4:8: error: draft should be true or false, not "maybe"`,
		},
	},
}

func loadFiles(files map[string]string, opts Options) (*Site, diag.List) {
	fsys := fstest.MapFS{}
	for name, text := range baseFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	if opts.Dir == "" {
		opts.Dir = "content"
	}
	site, diags := Load(fsys, opts)
	diags.Sort()
	return site, diags
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := loadFiles(tc.files, Options{Languages: []string{"cy"}})
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
			}
		})
	}
}
