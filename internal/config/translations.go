package config

import (
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/fields"
)

// Translation is what site.yaml says about the site in one of its other
// languages, under translations: LANG:. A setting left out is the same as
// in the main language.
//
//	translations:
//	  cy:
//	    title: "Cydweithio: cydgynhyrchu ar waith"
//	    signing:
//	      how: "Llenwch y ffurflen fer..."
type Translation struct {
	Title        string
	Description  string
	Organisation string
	Signing      Signing
}

var translationKeys = []string{"title", "description", "organisation", "signing"}

// In returns the settings as a page in lang shows them: the main ones,
// with what translations: gives for lang put in their place. lang "" or
// the main language gives c itself.
func (c *Config) In(lang string) *Config {
	t, ok := c.Translations[lang]
	if lang == "" || lang == c.Language || !ok {
		return c
	}
	cp := *c
	set := func(to *string, from string) {
		if from != "" {
			*to = from
		}
	}
	set(&cp.Title, t.Title)
	set(&cp.Description, t.Description)
	set(&cp.Organisation, t.Organisation)
	set(&cp.Signing.How, t.Signing.How)
	set(&cp.Signing.Contact, t.Signing.Contact)
	set(&cp.Signing.Form, t.Signing.Form)
	return &cp
}

// readTranslations reads translations:, a mapping from a language code to
// the settings in that language.
func readTranslations(r fields.Reader, e fields.Entry, cfg *Config) {
	cfg.Translations = map[string]Translation{}
	for _, byLang := range r.Entries(e.Value, "translations") {
		lang := strings.TrimSpace(byLang.Key)
		var t Translation
		for _, sub := range r.Entries(byLang.Value, "translations: "+lang) {
			switch sub.Key {
			case "title":
				t.Title = r.String(sub)
			case "description":
				t.Description = r.String(sub)
			case "organisation":
				t.Organisation = r.String(sub)
			case "signing":
				readSigning(r, sub, &t.Signing)
			default:
				r.Unknown(sub, translationKeys, "translations: "+lang)
			}
		}
		cfg.Translations[lang] = t
		cfg.translationAt = append(cfg.translationAt, translationPos{lang, byLang})
	}
}

type translationPos struct {
	lang  string
	entry fields.Entry
}

// checkTranslations reports settings given for a language the site is not
// written in, once every key is read (languages: may come after).
func checkTranslations(r fields.Reader, cfg *Config) {
	for _, t := range cfg.translationAt {
		if !slices.Contains(cfg.OtherLanguages(), t.lang) {
			r.Diags.Errorf(r.Pos(t.entry.KeyNode), "add "+t.lang+" to languages:, or write the code of one of the site's other languages here",
				"translations: has settings for %s, but %s is not one of the site's other languages", t.lang, t.lang)
		}
	}
	cfg.translationAt = nil
}
