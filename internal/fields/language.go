package fields

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Language reads one language code (BCP 47), such as en-GB or cy. It must
// be written in its usual form, since it also ends the file names of
// translations (name.cy.md) and starts their addresses (/cy/).
func (r Reader) Language(e Entry) string {
	s := strings.TrimSpace(r.String(e))
	if s == "" {
		return ""
	}
	if problem, fix := LanguageProblem(s, e.Key+": "); problem != "" {
		r.fail(e.Value, fix, "%s %s", e.Key, problem)
		return ""
	}
	return s
}

// Languages reads a list of language codes, each checked as Language does.
// A code written twice is reported by StringListAt.
func (r Reader) Languages(e Entry) []string {
	items, at := r.StringListAt(e)
	var out []string
	for i, s := range items {
		s = strings.TrimSpace(s)
		if problem, fix := LanguageProblem(s, ""); problem != "" {
			r.Diags.Errorf(at[i], fix, "%s: %s", e.Key, problem)
			continue
		}
		out = append(out, s)
	}
	return out
}

// LanguageProblem says what is wrong with s as a language code and what to
// write instead, each example led by prefix ("language: "); both are ""
// when s is a good code.
func LanguageProblem(s, prefix string) (problem, fix string) {
	example := "write a language code, such as " + prefix + "en-GB for English or " + prefix + "cy for Welsh"
	tag, err := language.Parse(s)
	var unknown language.ValueError
	switch {
	case errors.As(err, &unknown):
		return fmt.Sprintf("%q is not a language code that browsers and screen readers know (%s is not in the list of codes)", s, unknown.Subtag()), example
	case err != nil:
		return fmt.Sprintf("%q is not a language code", s), example
	case tag == language.Und || strings.HasPrefix(tag.String(), "und"):
		return fmt.Sprintf("%q does not name a language", s), example
	case tag.String() != s:
		return fmt.Sprintf("%q is written in an unusual way", s), "write it as " + prefix + tag.String()
	}
	return "", ""
}
