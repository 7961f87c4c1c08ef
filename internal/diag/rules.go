package diag

import (
	"path"
	"strings"
)

// Rule is one kind of problem the tool reports, with the name an editor
// passes to "coproduce check --rule NAME" to list only those.
type Rule struct {
	// Name is short, lower case and never changes once published, since
	// people put it in scripts and workflows.
	Name string
	// About says in a few plain words what the rule looks for.
	About string
	// phrases are parts of the problem text that only this rule's
	// messages have. A message takes the first rule with a phrase in it.
	phrases []string
	// fallback rules take the messages of a kind of file that no phrase
	// matched, such as any problem in site.yaml.
	fallback func(file string) bool
}

// Rules are every rule, in the order "coproduce check --rule" lists them.
// The checks of a page body are named by phrase; the rest by the file the
// problem is in, so that every message has a rule even before anyone
// gives it one of its own.
var Rules = []Rule{
	{Name: "privacy", About: "an email address, phone number, postcode or street address in an anonymised case study",
		phrases: []string{"case study is anonymised, but"}},
	{Name: "alt-text", About: "a picture or logo whose alt text is missing or says nothing",
		phrases: []string{"alt text", "logo_alt"}},
	{Name: "missing-picture", About: "a picture that is not in the site",
		phrases: []string{"there is no picture", "is not the name of a picture"}},
	{Name: "broken-link", About: "a link to a page, file or heading that does not exist",
		phrases: []string{"goes to a page that does not exist", "has no heading #", "has no original page"}},
	{Name: "unsafe-link", About: "a link that could run a program in the reader's browser",
		phrases: []string{"could run a program"}},
	{Name: "link-text", About: "a link whose words do not say where it goes",
		phrases: []string{"the link text", "has no words, so screen readers"}},
	{Name: "space-in-address", About: "a link or picture whose address has a space, so it shows as text",
		phrases: []string{"has a space in its address", "has a space in its file name"}},
	{Name: "html", About: "HTML pasted into a page, which shows as text",
		phrases: []string{"because HTML is not allowed"}},
	{Name: "heading-id", About: "a heading that takes a name the theme already uses on the page",
		phrases: []string{"but the theme gives that id"}},
	{Name: "headings", About: "a heading with no words, a second main heading, or a skipped level",
		phrases: []string{"the heading has no words", "is a main heading", "skips from level"}},
	{Name: "long-sentence", About: "a sentence of more than 25 words",
		phrases: []string{"this sentence has"}},
	{Name: "long-paragraph", About: "a paragraph of more than 80 words",
		phrases: []string{"this paragraph has"}},
	{Name: "reading-age", About: "a page that reads above the site's target reading age",
		phrases: []string{"the page reads at"}},
	{Name: "easy-read", About: "a long sentence or long word on an Easy Read page",
		phrases: []string{"Easy Read"}},
	{Name: "example-text", About: "words that coproduce new wrote as an example and are still there",
		phrases: []string{"is still the example"}},
	{Name: "file-name", About: "a file name that makes a poor web address, or two files with one address",
		phrases: []string{"the file name", "same name apart from capital letters", "would have the same address"}},
	{Name: "dates", About: "a date that is not written year-month-day, or is not a real date",
		phrases: []string{"the way dates are written", "is not a real date", "is not a date"}},
	{Name: "too-many", About: "a page with more problems than are shown one by one",
		phrases: []string{"more problems (", "more warnings than the"}},
	{Name: "site-settings", About: "any other problem in site.yaml",
		fallback: func(file string) bool { return file == "site.yaml" }},
	{Name: "theme", About: "a problem in the theme's templates, words or files",
		fallback: func(file string) bool {
			return strings.HasPrefix(file, "themes/") || strings.HasPrefix(file, "templates") || strings.HasPrefix(file, "layouts/")
		}},
	{Name: "import", About: "a problem in a sign-up form's answers or its mapping file",
		fallback: func(file string) bool {
			ext := strings.ToLower(path.Ext(file))
			return ext == ".csv" || ext == ".tsv" || ext == ".txt"
		}},
	{Name: "page-details", About: "any other problem in a page, most often its front matter",
		fallback: func(file string) bool { return strings.HasSuffix(file, ".md") }},
	{Name: "files", About: "any other problem with a file or folder of the site",
		fallback: func(string) bool { return true }},
}

// RuleName is the name of the rule d belongs to: the one it was given, or
// else the first rule with one of its phrases in the problem, or else the
// rule for the kind of file the problem is in.
func (d Diagnostic) RuleName() string {
	if d.Rule != "" {
		return d.Rule
	}
	// Quoted text is the editor's own, such as a heading's words, and
	// must not decide the rule.
	kind := Kind(d.Problem)
	for _, r := range Rules {
		for _, p := range r.phrases {
			if strings.Contains(kind, p) {
				return r.Name
			}
		}
	}
	for _, r := range Rules {
		if r.fallback != nil && r.fallback(d.File) {
			return r.Name
		}
	}
	return "files"
}

// FindRule returns the rule called name, and whether there is one.
func FindRule(name string) (Rule, bool) {
	for _, r := range Rules {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// RuleNames are the names of every rule, in the order of Rules.
func RuleNames() []string {
	names := make([]string, len(Rules))
	for i, r := range Rules {
		names[i] = r.Name
	}
	return names
}

// Named returns the list with each diagnostic's Rule filled in, so that
// reports for other tools carry it.
func (l List) Named() List {
	out := make(List, len(l))
	for i, d := range l {
		d.Rule = d.RuleName()
		out[i] = d
	}
	return out
}

// Only keeps the diagnostics for which keep is true.
func (l List) Only(keep func(Diagnostic) bool) List {
	var out List
	for _, d := range l {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}
