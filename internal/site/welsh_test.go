package site_test

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/scaffold"
	"github.com/coproduce/coproduce/internal/site"
	defaulttheme "github.com/coproduce/coproduce/themes/default"
)

// The example site has a Welsh translation of a page of every kind. Built,
// it has no broken link in any output, and no Welsh page shows a word of
// the theme in English: every label, button, heading and sentence the
// theme writes is in Welsh, or is content in English marked with lang.
func TestWelshPagesAreWhole(t *testing.T) {
	_, out := buildExample(t, nil, false)
	if problems, checked := brokenLinks(out, "https://example.org/"); len(problems) > 0 {
		t.Errorf("%d of %d links are broken:\n%s", len(problems), checked, strings.Join(problems, "\n"))
	}
	english := englishThemeWords(t)
	kinds := map[string]bool{}
	for _, file := range out.Names() {
		if !strings.HasSuffix(file, ".html") {
			continue
		}
		data, _ := out.Get(file)
		page := string(data)
		if !strings.Contains(page, `<html lang="cy"`) {
			continue
		}
		if m := regexp.MustCompile(`<body data-kind="([^"]+)"`).FindStringSubmatch(page); m != nil {
			kinds[m[1]] = true
		}
		text := welshText(page)
		for _, w := range english {
			if w.re.MatchString(text) {
				t.Errorf("%s shows the English %q (from %s in en-GB.yaml):\n…%s…", file, w.words, w.key, around(text, w.re))
			}
		}
	}
	for _, kind := range []string{"home", "list", "page", "principle", "value", "case-study", "pledge", "signatory", "signatories-filter"} {
		if !kinds[kind] {
			t.Errorf("no Welsh page of kind %s was built, so it was not checked", kind)
		}
	}
}

// A Welsh signatory page's badge, filter links and open data exist, in Welsh.
func TestWelshSignatoryPageLinksResolve(t *testing.T) {
	_, out := buildExample(t, nil, false)
	page := get(t, out, "cy/signatories/kite-youth-arts/index.html")
	for _, want := range []string{
		`href="/cy/signatories/sector/youth-work/"`, `href="/cy/signatories/region/bristol/"`, `href="/cy/signatories/size/small/"`,
		`src="https://example.org/cy/signatories/kite-youth-arts/badge.svg"`, `href="/cy/pledges/two-way-pledge/">Yr addewid dwy ffordd</a>`,
	} {
		if !strings.Contains(html.UnescapeString(page), want) {
			t.Errorf("the Welsh signatory page has no %s", want)
		}
	}
	badge := get(t, out, "cy/signatories/kite-youth-arts/badge.svg")
	if !strings.Contains(badge, "Llofnodwyd 2026") || !strings.Contains(badge, "Yr addewid dwy ffordd") {
		t.Errorf("the Welsh badge is not in Welsh:\n%s", badge)
	}
	filter := get(t, out, "cy/signatories/sector/youth-work/index.html")
	if !strings.Contains(filter, "Gwaith ieuenctid") || !strings.Contains(filter, `href="/cy/signatories/kite-youth-arts/"`) {
		t.Errorf("the Welsh filter page does not list the Welsh signatory under its Welsh sector name")
	}
	dir := get(t, out, "cy/signatories/index.html")
	for _, want := range []string{`href="/cy/signatories.csv"`, `href="/cy/signatories.json"`, `data-index="/cy/signatories/index.json"`} {
		if !strings.Contains(dir, want) {
			t.Errorf("the Welsh directory has no %s", want)
		}
	}
	var data struct {
		Signatories []struct{ Slug, Name, URL, Sector string }
	}
	if err := json.Unmarshal([]byte(get(t, out, "cy/signatories.json")), &data); err != nil {
		t.Fatal(err)
	}
	for _, s := range data.Signatories {
		if s.Slug == "kite-youth-arts" && (s.URL != "https://example.org/cy/signatories/kite-youth-arts/" || s.Sector != "Gwaith ieuenctid") {
			t.Errorf("the Welsh open data has %+v for the Welsh signatory", s)
		}
	}
}

// englishWord is one of the theme's English words, as a pattern that finds
// it as whole words.
type englishWord struct {
	key, words string
	re         *regexp.Regexp
}

// englishThemeWords are the default theme's English words that Welsh says
// differently. A word with {name} in it is split at the names, and each
// part of more than two letters is looked for on its own. Words the same in
// both languages ("Sector", "JSON") cannot be told apart, and are left out.
func englishThemeWords(t *testing.T) []englishWord {
	t.Helper()
	s, err := i18n.Load(defaulttheme.FS, "en-GB")
	if err != nil {
		t.Fatal(err)
	}
	var out []englishWord
	for _, key := range s.Keys("en-GB") {
		en, _ := s.Lookup("en-GB", key)
		cy, _ := s.Lookup("cy", key)
		for _, part := range regexp.MustCompile(`\{[a-z]+\}`).Split(en, -1) {
			part = strings.Trim(part, " .,:;()")
			if len([]rune(part)) < 3 || strings.Contains(cy, part) {
				continue
			}
			out = append(out, englishWord{key: key, words: part, re: regexp.MustCompile(`\b` + regexp.QuoteMeta(part) + `\b`)})
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d English words to look for; the theme's language files were not read", len(out))
	}
	return out
}

var (
	tokenRE    = regexp.MustCompile(`(?s)<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+`)
	langAttrRE = regexp.MustCompile(`\slang="([^"]*)"`)
	// The attributes whose words a reader meets: read aloud, shown on
	// hover, or written onto the page by a script.
	wordAttrRE = regexp.MustCompile(`\s(alt|title|aria-label|placeholder|data-copy-label|data-copy-done|data-copy-selected|data-words)="([^"]*)"`)
	voidTags   = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

// welshText is what a reader of a Welsh page meets: its text and the words
// in its attributes, without scripts, and without the parts marked with
// another language (an English page linked to, named in English).
func welshText(page string) string {
	type open struct {
		tag   string
		other bool // in another language than Welsh
	}
	var stack []open
	var b strings.Builder
	other := func() bool { return len(stack) > 0 && stack[len(stack)-1].other }
	skip := ""
	for _, m := range tokenRE.FindAllStringSubmatch(page, -1) {
		tok, closing, tag, attrs := m[0], m[1] == "/", strings.ToLower(m[2]), m[3]
		switch {
		case skip != "":
			if closing && tag == skip {
				skip = ""
			}
		case strings.HasPrefix(tok, "<!"):
		case tag == "":
			if !other() {
				b.WriteString(html.UnescapeString(tok))
				b.WriteString(" ")
			}
		case closing:
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == tag {
					stack = stack[:i]
					break
				}
			}
		case tag == "script" || tag == "style":
			skip = tag
		default:
			o := other()
			if l := langAttrRE.FindStringSubmatch(attrs); l != nil {
				o = l[1] != "cy"
			}
			if !o {
				for _, a := range wordAttrRE.FindAllStringSubmatch(attrs, -1) {
					v := html.UnescapeString(a[2])
					if a[1] == "data-words" {
						v = jsonStrings(v)
					}
					b.WriteString(v + " ")
				}
			}
			if !slices.Contains(voidTags, tag) && !strings.HasSuffix(attrs, "/") {
				stack = append(stack, open{tag, o})
			}
		}
	}
	return b.String()
}

// jsonStrings joins every string in a JSON value.
func jsonStrings(s string) string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return s
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return strings.Join(out, " ")
}

// around shows where re matched in text, for the failure message.
func around(text string, re *regexp.Regexp) string {
	loc := re.FindStringIndex(text)
	lo, hi := max(0, loc[0]-60), min(len(text), loc[1]+60)
	return strings.Join(strings.Fields(text[lo:hi]), " ")
}

// A site made with init, with a Welsh version of a page of every kind made
// by "new --lang cy" and written, builds with no error and no broken link,
// each Welsh page taking its facts from its English one.
func TestInitSiteWithWelshVersionsBuilds(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	yml := filepath.Join(dir, "site.yaml")
	data, _ := os.ReadFile(yml)
	data = []byte(strings.Replace(string(data), `# languages: ["en-GB", "cy"]`, `languages: ["en-GB", "cy"]`, 1))
	if err := os.WriteFile(yml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, k := range scaffold.Kinds {
		if k.Section == "" {
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "content", k.Section))
		for _, e := range entries {
			slug, _ := strings.CutSuffix(e.Name(), ".md")
			if slug == "_index" || strings.Contains(slug, ".") {
				continue
			}
			p, err := scaffold.NewTwin(dir, k, slug, "cy", false)
			if err != nil {
				t.Fatal(err)
			}
			// The editor writes the page in Welsh and takes off draft.
			file := filepath.Join(dir, filepath.FromSlash(p.File))
			text, _ := os.ReadFile(file)
			written := strings.Replace(string(text), "draft: true\n", "", 1)
			written = regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(written, `title: "Tudalen `+slug+`"`)
			if err := os.WriteFile(file, []byte(written), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: os.DirFS(dir), Output: out, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if lines := errorLines(res); len(lines) > 0 {
		t.Fatalf("the site has errors: %q", lines)
	}
	if problems, _ := brokenLinks(out, "https://example.org/"); len(problems) > 0 {
		t.Errorf("broken links:\n%s", strings.Join(problems, "\n"))
	}
	page := get(t, out, "cy/signatories/example-organisation/index.html")
	for _, want := range []string{"Tudalen example-organisation", "Llofnodwyd", "Gwefan", `/cy/signatories/example-organisation/badge.svg`} {
		if !strings.Contains(page, want) {
			t.Errorf("the Welsh signatory page has no %q", want)
		}
	}
	get(t, out, "cy/signatories/example-organisation/badge.svg")
}

// A site written in Welsh first has its generated pages in Welsh too: the
// accessibility statement and the page for an address that does not exist.
func TestWelshFirstSiteHasWelshStatementAndNotFoundPage(t *testing.T) {
	_, out := build(map[string]string{
		"site.yaml":         "title: Cydweithio\nlanguage: cy\norganisation: Rhwydwaith\ncontact: helo@example.org\naccessibility:\n  tested: 2026-03-01\n",
		"content/_index.md": "---\ntitle: Cydweithio\nsummary: Hafan.\n---\nHelo.\n",
		"content/about.md":  "---\ntitle: Amdanom ni\nsummary: Pwy ydyn ni.\n---\nHelo.\n",
	}, "", false)
	english := englishThemeWords(t)
	for _, file := range []string{"accessibility/index.html", "404.html"} {
		page := get(t, out, file)
		if !strings.Contains(page, `<html lang="cy"`) {
			t.Fatalf("%s is not marked lang=cy", file)
		}
		text := welshText(page)
		for _, w := range english {
			if w.re.MatchString(text) {
				t.Errorf("%s shows the English %q (from %s):\n…%s…", file, w.words, w.key, around(text, w.re))
			}
		}
	}
	if page := get(t, out, "accessibility/index.html"); !strings.Contains(page, "1 Mawrth 2026") {
		t.Errorf("the statement's date is not in Welsh")
	}
}
