package content

import (
	"bytes"
	"io"
	"testing"
	"testing/fstest"

	"github.com/adrg/frontmatter"

	"github.com/coproduce/coproduce/internal/markdown"
)

// fuzzPaths are the places a fuzzed file is loaded from, one per kind, so
// every kind's front matter rules are exercised.
var fuzzPaths = []string{
	"about.md", "principles/p.md", "charter/v.md", "case-studies/c.md",
	"pledges/p.md", "signatories/s.md", "_index.md", "about.cy.md", "reports/r.md",
}

// FuzzLoadPage loads any bytes as a page and renders its body: whatever an
// editor saves, the loader and Markdown reports problems and never panics.
func FuzzLoadPage(f *testing.F) {
	for _, tc := range append(append([]errorCase{}, errorCases...), validationCases...) {
		for name, text := range tc.files {
			for i, p := range fuzzPaths {
				if p == name || (i == 0 && !contains(fuzzPaths, name)) {
					f.Add(uint8(i), []byte(text))
				}
			}
		}
	}
	f.Add(uint8(5), []byte("---\n"+validSignatory+"logo: x.svg\nlogo_alt: X\n---\n# Hi\n\n<script>alert(1)</script>\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	f.Add(uint8(3), []byte("+++\ntitle = \"C\"\nsummary = \"x\"\ndate = 2024-01-01\nanonymised = true\n[params]\nx = [1, {y = 2}]\n+++\n[link](other.md) ![img](a.png)\n"))
	f.Add(uint8(0), []byte("---\ntitle: &a T\nsummary: *a\nparams: {a: &b [1], c: *b}\n---\n"))
	// The lifecycle's keys: a pledge with levels and versions, a
	// signatory's pledges as mappings, and a report (lifecycle_test.go).
	f.Add(uint8(4), []byte(renewingPledge))
	f.Add(uint8(5), []byte(signatoryWith("renewed: [2024-01-01]\nwithdrawn: 2025-01-01\nwithdrawn_reason: Closed.\npledges:\n  - pledge: two-way-pledge\n    level: A\n    levels:\n      - level: A\n        date: 2023-02-01\n    version: \"1\"\n  - other\n")))
	f.Add(uint8(8), []byte("---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: s\npledge: two-way-pledge\nprogress:\n  - commitment: 1\n    done: A.\n    done_by_people: B.\n  - commitment: words\n    done: C.\n---\n"))
	for _, tc := range lifecycleErrorFiles() {
		f.Add(uint8(8), []byte(tc))
	}
	md := markdown.New()
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		name := fuzzPaths[int(kind)%len(fuzzPaths)]
		fsys := fstest.MapFS{
			name:                        {Data: data},
			"about.md":                  {Data: []byte("---\ntitle: About\nsummary: x\n---\n")},
			"pledges/two-way-pledge.md": {Data: []byte(baseFiles["pledges/two-way-pledge.md"])},
			"signatories/s.md":          {Data: []byte("---\n" + validSignatory + "---\n")},
		}
		if name == "signatories/s.md" {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		site, diags := Load(fsys, Options{Dir: "content", Languages: []string{"cy"}, Drafts: kind >= 128})
		for _, d := range diags {
			if d.File == "" || d.Problem == "" || d.Line < 0 || d.Col < 0 {
				t.Fatalf("diagnostic without a place or a problem: %+v", d)
			}
		}
		for _, p := range site.Pages {
			if _, err := md.Convert(p.Body, io.Discard, nil); err != nil {
				t.Fatalf("%s: %v", p.File, err)
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// lifecycleErrorFiles are the report files of TestLifecycleErrors, as
// seeds.
func lifecycleErrorFiles() []string {
	return []string{
		"---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: s\nprogress:\n  - commitment: 9\n    done: Things.\n---\n",
		"---\ntitle: R\nsummary: x\ndate: 2025-01-01\nsignatory: s\nprogress:\n  - We did it.\n---\n",
		"---\ntitle: R\nsummary: x\nprogress: [{commitment: [1]}, {}]\n---\n",
	}
}

// FuzzParsePeriod reads any text as a renewal period: it never panics,
// and a period it accepts is written back the way it reads it.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"1 year", "2 years", "36 months", "6 weeks", "90 days", "", "0 years", "1200 months", "9999999999999999999 years"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParsePeriod(s)
		if !ok {
			return
		}
		back, ok2 := ParsePeriod(d.String())
		if !ok2 || back.From(day("2000-01-01")) != d.From(day("2000-01-01")) {
			t.Fatalf("%q read as %v, which writes as %q and reads back as %v", s, d, d.String(), back)
		}
	})
}

// The front matter parser, given only the part of a file frontMatterEnd
// says it needs, finds the same front matter and the same body as given
// the whole file: split hands it no more.
func FuzzFrontMatterEnd(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\n---\nBody\n",
		"\n\n---\ntitle: A\n  ---  \nBody --- more\n---\n",
		"+++\ntitle = \"A\"\n+++\r\nBody\n",
		"---toml\ntitle = 1\n---\nBody",
		"---yaml\ntitle: A\n---",
		"---\ntitle: A\nnever closed\n",
		"---\n---\n",
		"   \t\n---\r\n\u00a0---\u00a0\r\nx",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		parse := func(in []byte) (matter string, rest []byte, err error) {
			format := func(start, end string) *frontmatter.Format {
				return frontmatter.NewFormat(start, end, func(b []byte, _ any) error {
					matter = string(b)
					return nil
				})
			}
			rest, err = frontmatter.Parse(bytes.NewReader(in), nil, format("---", "---"), format("---yaml", "---"), format("+++", "+++"), format("---toml", "---"))
			return matter, rest, err
		}
		_, first := firstLine(data)
		head := data[:frontMatterEnd(data, closerOf(first))]
		wantMatter, wantRest, wantErr := parse(data)
		gotMatter, gotRest, gotErr := parse(head)
		if (gotErr == nil) != (wantErr == nil) || gotMatter != wantMatter {
			t.Fatalf("front matter %q, %v from the part read; want %q, %v", gotMatter, gotErr, wantMatter, wantErr)
		}
		if body := data[len(head)-len(gotRest):]; wantErr == nil && !bytes.Equal(body, wantRest) {
			t.Fatalf("body %q from the part read; want %q", body, wantRest)
		}
	})
}
