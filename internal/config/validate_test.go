package config

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// day is the day these tests pretend the site is built on.
var day = time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC)

func problems(t *testing.T, yamlText string) []string {
	t.Helper()
	_, diags := parse([]byte(yamlText), day)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// Each value here would make a broken or dangerous page; each is refused
// at the place it is written, with advice that never repeats a dangerous
// address.
func TestValuesThatBreakPagesAreRefused(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       string
	}{
		{"contact with a script", "contact: \"javascript:alert(1)\"\n",
			`site.yaml:1:10: error: contact starts with javascript:, which is not allowed here, since such a link could run a program in the reader's browser; write an email address, such as contact: hello@example.org, or a web page starting with https://`},
		{"contact with a script written as a URL", "contact: javascript://example.org/%0aalert(1)\n",
			`site.yaml:1:10: error: contact starts with javascript:, which is not allowed here, since such a link could run a program in the reader's browser; write an email address, such as contact: hello@example.org, or a web page starting with https://`},
		{"contact with data", "contact: \"data:text/html,<script>x</script>\"\n",
			`site.yaml:1:10: error: contact starts with data:, which is not allowed here, since such a link could run a program in the reader's browser; write an email address, such as contact: hello@example.org, or a web page starting with https://`},
		{"signing contact with a script", "signing:\n  contact: vbscript:msgbox\n",
			`site.yaml:2:12: error: contact starts with vbscript:, which is not allowed here, since such a link could run a program in the reader's browser; write an email address, such as contact: hello@example.org, or a web page starting with https://`},
		{"contact that is neither", "contact: the front desk\n",
			`site.yaml:1:10: error: contact: "the front desk" is not an email address or a web address; write an email address, such as contact: hello@example.org, or a web page starting with https://`},
		{"contact without https", "contact: example.org/contact\n",
			`site.yaml:1:10: error: contact: "example.org/contact" is not an email address or a web address; put https:// in front of it: contact: https://example.org/contact`},
		{"contact web page with a user name", "contact: https://example.org@evil.example/\n",
			`site.yaml:1:10: error: contact: "https://example.org@evil.example/" has a user name or password in it (the part before @), so it does not go where it seems to; write the address without the part before @: contact: https://evil.example/`},
		{"form with a user name and password", "signing:\n  form: https://u:p@example.org/sign/\n",
			`site.yaml:2:9: error: form: "https://u:p@example.org/sign/" has a user name or password in it (the part before @), so it does not go where it seems to; write the address without the part before @: form: https://example.org/sign/`},
		{"base_url with a user name", "base_url: https://x@evil.example/\n",
			`site.yaml:1:11: error: base_url: "https://x@evil.example/" has a user name or password in it (the part before @); write only the address of the site; write the address the site will live at, such as https://example.org/ or https://example.org/coproduction/`},
		{"a language that is not a code", "languages: [en-GB, welsh]\n",
			`site.yaml:1:20: error: languages: "welsh" is not a language code; write a language code, such as en-GB for English or cy for Welsh`},
		{"a language nobody knows", "languages: [en-GB, xx]\n",
			`site.yaml:1:20: error: languages: "xx" is not a language code that browsers and screen readers know (xx is not in the list of codes); write a language code, such as en-GB for English or cy for Welsh`},
		{"a language written oddly", "languages:\n  - en-GB\n  - en_US\n",
			`site.yaml:3:5: error: languages: "en_US" is written in an unusual way; write it as en-US`},
		{"no language at all", "language: und\n",
			`site.yaml:1:11: error: language "und" does not name a language; write a language code, such as language: en-GB for English or language: cy for Welsh`},
		{"languages without the main one", "language: en-GB\nlanguages: [cy, ga]\n",
			`site.yaml:2:12: error: languages does not have en-GB, the main language of the site (language:, en-GB when not set); put the main language first: languages: [en-GB, cy, ga], or change language: to the main one`},
		{"languages without the default main one", "languages: [cy]\n",
			`site.yaml:1:12: error: languages does not have en-GB, the main language of the site (language:, en-GB when not set); put the main language first: languages: [en-GB, cy], or change language: to the main one`},
		{"a language twice", "languages: [en-GB, cy, CY]\n",
			`site.yaml:1:24: error: languages has "CY" twice; delete one of them`},
		{"tested in the future", "accessibility:\n  tested: 2026-11-30\n",
			`site.yaml:2:11: error: tested: 2026-11-30 is in the future (today is 2026-11-29); write the date of the last test that was done, as YYYY-MM-DD`},
		{"theme that is a path", "theme: ../../elsewhere\n",
			`site.yaml:1:8: error: theme "../../elsewhere" is not the name of a theme; write the name of a folder in themes/, such as theme: default`},
		{"a NUL byte on line 3", "title: x\n\ndescription: a\x00b\n",
			`site.yaml:3:15: error: the file has an invisible NUL character (a zero byte) at this place; delete it: put the cursor just after it and press Backspace, or retype the line; it often comes from copying text out of another program`},
		{"a control character in quotes", "title: x\ndescription: \"ab\x01\"\n",
			`site.yaml:2:17: error: the file has an invisible control character (U+0001) at this place; delete it: put the cursor just after it and press Backspace, or retype the line; it often comes from copying text out of another program`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := problems(t, tc.yaml)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestGoodValuesAreKept(t *testing.T) {
	cfg, diags := parse([]byte("language: cy\nlanguages: [cy, en-GB]\ncontact: tel:+44 20 7946 0000\nsigning:\n  contact: mailto:pledge@example.org?subject=Signing\naccessibility:\n  tested: 2026-11-29\n"), day)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if cfg.ContactHref() != "tel:+44 20 7946 0000" || ContactLink(cfg.Signing.Contact) != "mailto:pledge@example.org?subject=Signing" {
		t.Errorf("contacts = %q, %q", cfg.ContactHref(), ContactLink(cfg.Signing.Contact))
	}
	if strings.Join(cfg.OtherLanguages(), ",") != "en-GB" {
		t.Errorf("other languages = %v", cfg.OtherLanguages())
	}
}

// A theme that is not there is reported where theme: is written, not at
// the top of site.yaml, and the nearest theme is suggested.
func TestMissingThemeIsReportedAtItsKey(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                         {Data: []byte("title: x\n\ntheme: calmm\n")},
		"themes/calm/templates/baseof.html": {Data: []byte("x")},
	}
	cfg, diags := Load(fsys)
	want := `site.yaml:3:8: error: there is no theme called calmm; did you mean theme: calm?`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %v\nwant %s", diags, want)
	}
	if cfg.Theme != "default" {
		t.Errorf("theme = %q; the rest of the site should be checked with the default theme", cfg.Theme)
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("theme: calm\n")}
	if cfg, diags := Load(fsys); len(diags) > 0 || cfg.Theme != "calm" {
		t.Errorf("a theme that is there: %v, %q", diags, cfg.Theme)
	}
}
