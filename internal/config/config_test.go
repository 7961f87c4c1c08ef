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
		{"YAML syntax error", "title: X\ndescription: one: two\n",
			`site.yaml:2:1: error: site.yaml could not be read: this line could not be read as key: value; each line should be key: value, with a space after the colon; put text with a colon in it between straight quote marks`},
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
