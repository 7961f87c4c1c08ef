package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"gopkg.in/yaml.v3"
)

// A twin is a page that puts another page into other words: a translation
// (NAME.cy.md) or an Easy Read version (NAME.easy.md). It states only the
// words; the facts (dates, website, pledges, principles, logo, size,
// weight) come from the main page when the site is built, so the skeleton
// leaves them out. It starts as a draft holding the main page's words, to
// be written over: a skeleton left as it is never goes live in the wrong
// language.

// twinKeys are the keys of the main page whose words a twin says again in
// its own words, in the order the skeleton writes them.
var twinKeys = []string{"title", "summary", "content_note", "organisation", "sector", "region", "logo_alt", "commitments"}

// NewTwin writes the translation into lang of the page of kind k named
// name (its title or its file name), or its Easy Read version when easy is
// true, beside the main page. It never overwrites a file.
func NewTwin(site string, k Kind, name, lang string, easy bool) (*Page, error) {
	slug := Slug(name)
	if slug == "" {
		return nil, fmt.Errorf("the name %q has no letters or numbers to find a page by; write the title or the file name of the page", name)
	}
	if !looksLikeSite(site) {
		return nil, fmt.Errorf("%s has no content folder and no site.yaml, so it is not a site; run the command in your site's folder, or add -s with that folder", site)
	}
	mainRel := path.Join("content", k.Section, slug+".md")
	main, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(mainRel)))
	if err != nil {
		return nil, fmt.Errorf("there is no %s at %s to make a version of; give the title or file name of a page that exists, or make it first with: coproduce new %s %q", k.Noun, mainRel, k.Name, name)
	}
	suffix, url := lang, "/"+path.Join(lang, k.Section, slug)+"/"
	if easy {
		suffix, url = "easy", "/"+path.Join(k.Section, slug, "easy-read")+"/"
	}
	rel := path.Join("content", k.Section, slug+"."+suffix+".md")
	target := filepath.Join(site, filepath.FromSlash(rel))
	matter, body := splitMatter(main)
	if err := writeNew(target, twinSkeleton(k, matter, body, lang, easy, mainRel)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s: %w; edit that file instead", rel, ErrExists)
		}
		return nil, err
	}
	return &Page{File: rel, URL: url, Warning: "the page is a draft until you have written it: then delete the line draft: true"}, nil
}

// splitMatter splits a page into its front matter and its body. A page
// with no front matter is all body.
func splitMatter(page []byte) (matter, body []byte) {
	page = bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
	page = bytes.ReplaceAll(page, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(page, []byte("---\n"))
	if !ok {
		return nil, page
	}
	if m, b, found := bytes.Cut(rest, []byte("\n---\n")); found {
		return m, b
	}
	if m, found := bytes.CutSuffix(rest, []byte("\n---")); found {
		return m, nil
	}
	return nil, page
}

// twinSkeleton writes the twin's text: the main page's words under a
// comment that says to write them over, and no facts.
func twinSkeleton(k Kind, matter, body []byte, lang string, easy bool, mainRel string) []byte {
	var doc yaml.Node
	_ = yaml.Unmarshal(matter, &doc) // broken front matter gives a bare skeleton
	values := map[string]*yaml.Node{}
	if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			values[m.Content[i].Value] = m.Content[i+1]
		}
	}
	var b strings.Builder
	b.WriteString("---\n")
	if easy {
		fmt.Fprintf(&b, "# The Easy Read version of %s. Write each line again in Easy Read:\n# one idea a sentence, short common words, a picture beside each idea,\n# such as ![Two people talking](people-talking.svg) on the line before it.\n# Dates, pledges and other facts come from %s; do not add them here.\n", mainRel, mainRel)
	} else {
		name := lang
		if tag, err := language.Parse(lang); err == nil {
			name = display.English.Languages().Name(tag)
		}
		fmt.Fprintf(&b, "# The %s version of %s. Write each line again in %s.\n# Dates, pledges and other facts come from %s; do not add them here.\n", name, mainRel, name, mainRel)
	}
	b.WriteString("# Delete the next line when the page is written, to publish it.\ndraft: true\n")
	for _, key := range twinKeys {
		v := values[key]
		if v == nil {
			continue
		}
		switch {
		case key == "title" && easy && v.Kind == yaml.ScalarNode:
			fmt.Fprintf(&b, "title: %s\n", quote(v.Value+": Easy Read"))
		case v.Kind == yaml.ScalarNode:
			fmt.Fprintf(&b, "%s: %s\n", key, quote(v.Value))
		case v.Kind == yaml.SequenceNode:
			fmt.Fprintf(&b, "# Keep the same number of %s, in the same order.\n%s:\n", key, key)
			for _, item := range v.Content {
				fmt.Fprintf(&b, "  - %s\n", quote(item.Value))
			}
		}
	}
	b.WriteString("---\n")
	if text := strings.TrimLeft(string(body), "\n"); text != "" {
		b.WriteString("\n" + text)
		if !strings.HasSuffix(text, "\n") {
			b.WriteString("\n")
		}
	} else {
		b.WriteString("\nWrite the " + k.Noun + " here.\n")
	}
	return []byte(b.String())
}
