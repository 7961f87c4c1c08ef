package i18n

import (
	"testing"
	"testing/fstest"
	"time"

	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

func TestFallbackAndDates(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/en-GB.yaml": {Data: []byte("language_name: English\nskip_link: Skip to main content\nonly_english: Only here\nmonth_3: March\n")},
		"i18n/cy.yaml":    {Data: []byte("language_name: Cymraeg\nskip_link: Neidio i'r prif gynnwys\nmonth_3: Mawrth\n")},
	}
	s, err := Load(theme, "en-GB")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, key, want string }{
		{"cy", "skip_link", "Neidio i'r prif gynnwys"},
		{"cy-GB", "skip_link", "Neidio i'r prif gynnwys"}, // a region falls back to its language
		{"cy", "only_english", "Only here"},               // a missing key falls back to the main language
		{"fr", "skip_link", "Skip to main content"},       // a language the theme lacks
		{"cy", "no_such_key", "no_such_key"},
	}
	for _, c := range cases {
		if got := s.Get(c.lang, c.key); got != c.want {
			t.Errorf("Get(%q, %q) = %q, want %q", c.lang, c.key, got, c.want)
		}
	}
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if got := s.Date("cy", day); got != "1 Mawrth 2026" {
		t.Errorf("Welsh date = %q", got)
	}
	if got := s.MonthYear("en-GB", day); got != "March 2026" {
		t.Errorf("English month = %q", got)
	}
	if got := s.Name("cy"); got != "Cymraeg" {
		t.Errorf("Name(cy) = %q", got)
	}
}

// Every word the default theme has in English must also be in Welsh, so a
// Welsh page never falls back to English for the theme's own words.
func TestDefaultThemeWelshIsComplete(t *testing.T) {
	s, err := Load(defaulttheme.FS, "en-GB")
	if err != nil {
		t.Fatal(err)
	}
	english, welsh := s.table("en-GB"), s.table("cy")
	if len(english) == 0 || len(welsh) == 0 {
		t.Fatal("the default theme lacks English or Welsh words")
	}
	for key := range english {
		if _, ok := welsh[key]; !ok {
			t.Errorf("the Welsh words have no %q", key)
		}
	}
}

// Words with a number or a name in them put it where each language says
// it: Welsh puts a singular noun after any number.
func TestFormatPluralAndNumbers(t *testing.T) {
	theme := fstest.MapFS{
		"i18n/en-GB.yaml": {Data: []byte("commitments_one: \"{n} commitment\"\ncommitments_other: \"{n} commitments\"\nsign: \"{name} signed {pledge}\"\n")},
		"i18n/cy.yaml":    {Data: []byte("commitments_one: \"{n} ymrwymiad\"\ncommitments_other: \"{n} ymrwymiad\"\nsign: \"Llofnododd {name} {pledge}\"\nnumber_group: \".\"\n")},
	}
	s, err := Load(theme, "en-GB")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ got, want string }{
		{s.Plural("en-GB", "commitments", 1), "1 commitment"},
		{s.Plural("en-GB", "commitments", 10000), "10,000 commitments"},
		{s.Plural("cy", "commitments", 8), "8 ymrwymiad"},
		{s.Number("cy", 1234567), "1.234.567"},
		{s.Number("en-GB", -1000), "-1,000"},
		{s.Format("cy", "sign", "name", "Kite", "pledge", "Yr addewid"), "Llofnododd Kite Yr addewid"},
		{s.In("en-GB").Format("sign", "name", "Kite", "pledge", "The pledge"), "Kite signed The pledge"},
		{Fill("{a} and {b}", "a", "1"), "1 and {b}"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
