package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestNoSiteYAMLGivesDefaults(t *testing.T) {
	cfg, diags := Load(fstest.MapFS{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if cfg.BasePath() != "/" || cfg.Language != "en-GB" || cfg.Theme != "default" || cfg.ReadingAge != 9 {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestParse(t *testing.T) {
	cfg, diags := Parse([]byte("\xef\xbb\xbftitle: Working Together\nbase_url: https://example.org/coproduction\nlanguages: [en-GB, cy]\ncontact: hello@example.org\naccessibility:\n  tested: 2026-01-02\n  known_problems: [one]\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if cfg.Title != "Working Together" || cfg.BaseURL.String() != "https://example.org/coproduction/" || cfg.BasePath() != "/coproduction/" {
		t.Errorf("cfg = %+v base %s", cfg, cfg.BaseURL)
	}
	if strings.Join(cfg.OtherLanguages(), ",") != "cy" {
		t.Errorf("other languages = %v", cfg.OtherLanguages())
	}
	if cfg.ContactHref() != "mailto:hello@example.org" {
		t.Errorf("contact href = %q", cfg.ContactHref())
	}
	if cfg.Accessibility.Tested.Format("2006-01-02") != "2026-01-02" || len(cfg.Accessibility.KnownProblems) != 1 {
		t.Errorf("accessibility = %+v", cfg.Accessibility)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       string // FILE:LINE:COL: error: PROBLEM; FIX
	}{
		{"unknown key", "title: X\nbase_ulr: https://example.org/\n",
			`site.yaml:2:1: error: "base_ulr" is not a key site.yaml can have; did you mean "base_url"?`},
		{"unknown nested key", "accessibility:\n  tested: 2024-01-01\n  stauts: partially compliant\n",
			`site.yaml:3:3: error: "stauts" is not a key accessibility can have; did you mean "status"?`},
		{"base_url with another scheme", "base_url: ftp://example.org/\n",
			`site.yaml:1:11: error: base_url: "ftp://example.org/" should start with https://; write the address the site will live at, such as https://example.org/ or https://example.org/coproduction/`},
		{"base_url without a slash", "base_url: example.org\n",
			`site.yaml:1:11: error: base_url: "example.org" should start with https:// or /; write the address the site will live at, such as https://example.org/ or https://example.org/coproduction/`},
		{"reading age in words", "reading_age: nine\n",
			`site.yaml:1:14: error: reading_age should be a whole number, not "nine"; write a whole number in figures, such as reading_age: 9`},
		{"impossible date", "accessibility:\n  tested: 2026-13-01\n",
			`site.yaml:2:11: error: tested: 2026-13-01 is not a real date; check the day and month: dates are written YYYY-MM-DD, such as 2024-03-01`},
		{"form that is not a web address", "signing:\n  form: javascript:alert(1)\n",
			`site.yaml:2:9: error: form: "javascript:alert(1)" is not a web address; write the full address starting with https://, such as https://example.org/`},
		{"colon in a value", "title: X\ndescription: one: two\n",
			`site.yaml:2:17: error: the value of description has a colon in it, which reads as the start of another key; put the whole value in straight quote marks: description: "one: two"`},
		// The same plain messages as for a page's front matter, each one
		// alone and at the line of the slip.
		{"tab at the start of a line", "title: \"My site\"\n\tlanguage: en-GB\ndescription: x\n",
			`site.yaml:2:1: error: the line starts with a tab, which site.yaml cannot have; delete it, so the line starts at the left edge like the others`},
		{"tab before a nested key", "title: X\naccessibility:\n\tphone: 01234 567890\n",
			`site.yaml:3:1: error: the line starts with a tab, which site.yaml cannot have; delete it and type two spaces instead`},
		{"curly quotes round the title", "title: \u201cWorking Together\u201d\n",
			`site.yaml:1:8: error: these are curly quote marks, which Word adds, and the page would show them; type straight quotes instead: title: "Working Together"`},
		{"an indented key", "title: My site\n  description: About us\n",
			`site.yaml:2:3: error: the line starts with spaces, so description: reads as part of the value of title on the line above; delete the spaces before description, so it starts at the left edge like title; if the words go on from the line above, put the whole value of title in straight quote marks instead`},
		{"no colon", "title: X\ndescription About us\n",
			`site.yaml:2:12: error: there is no colon after description; write the key, a colon and a space, then the value: description: About us`},
		{"not a mapping", "- title\n",
			`site.yaml:1:1: error: site.yaml should be a list of keys and values; write one "key: value" a line`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse([]byte(tc.yaml))
			if len(diags) != 1 || diags[0].String() != tc.want {
				t.Errorf("got %v\nwant %s", diags, tc.want)
			}
		})
	}
}

func TestParseBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org":              "https://example.org/",
		"https://example.org/coproduction": "https://example.org/coproduction/",
		"/coproduction/":                   "/coproduction/",
		"http://localhost:1313/?x=1#top":   "http://localhost:1313/",
	} {
		u, err := ParseBaseURL(in)
		if err != nil || u.String() != want {
			t.Errorf("ParseBaseURL(%q) = %v, %v; want %s", in, u, err, want)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "https://", "coproduction/", "http://a b/", "//example.org/co/"} {
		if _, err := ParseBaseURL(bad); err == nil {
			t.Errorf("ParseBaseURL(%q) accepted", bad)
		}
	}
}

func TestStatusAndLanguageAreChecked(t *testing.T) {
	_, diags := Parse([]byte("language: English\naccessibility:\n  status: partly compliant\n"))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`site.yaml:1:11: error: language "English" is not a language code; write a language code, such as language: en-GB for English or language: cy for Welsh`,
		`site.yaml:3:11: error: status "partly compliant" is not one of the three the accessibility regulations use; write one of: fully compliant, partially compliant, not compliant`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
