package config

import (
	"strings"
	"testing"
)

// A site's title, description, organisation and signing text can be given
// for each of its other languages; what is left out stays as it is.
func TestTranslatedSettings(t *testing.T) {
	cfg, diags := Parse([]byte("title: Working together\norganisation: The Network\nlanguages: [en-GB, cy]\nsigning:\n  how: Fill in the form.\n  form: https://example.org/sign/\ntranslations:\n  cy:\n    title: Cydweithio\n    signing:\n      how: Llenwch y ffurflen.\n"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	cy := cfg.In("cy")
	if cy.Title != "Cydweithio" || cy.Signing.How != "Llenwch y ffurflen." || cy.Signing.Form != "https://example.org/sign/" || cy.Organisation != "The Network" {
		t.Errorf("the Welsh settings are %+v", cy)
	}
	if cfg.In("en-GB").Title != "Working together" || cfg.Title != "Working together" {
		t.Errorf("the main settings changed: %q", cfg.Title)
	}
}

func TestTranslatedSettingsForAnotherLanguageIsAnError(t *testing.T) {
	_, diags := Parse([]byte("languages: [en-GB, cy]\ntranslations:\n  fr:\n    title: Ensemble\n    colour: blue\n"))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"site.yaml:3:3: error: translations: has settings for fr, but fr is not one of the site's other languages", `site.yaml:5:5: error: "colour" is not a key`} {
		if !strings.Contains(joined, want) {
			t.Errorf("no problem says %q; got:\n%s", want, joined)
		}
	}
}
