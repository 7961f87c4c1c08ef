package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/scaffold"
)

func runNew(e *env, args []string) int {
	c := commands()["new"]
	fs := newFlags("new")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	lang := fs.String("lang", "", "make a translation into this language (such as cy) of the page NAME, beside it")
	easy := fs.Bool("easy", false, "make an Easy Read version of the page NAME, beside it")
	kinds := strings.Join(scaffold.KindNames(), ", ")
	more := c.summary + ".\n\nNAME is the title of the page: put it in quotes if it has spaces. The file name is made from it, so \"Café Bristol & Co\" makes cafe-bristol-co.md. A file that is already there is never written over"
	rest, code := parseFlags(fs, args, c.usage, more, e)
	if code >= 0 {
		return code
	}
	if len(rest) == 0 {
		return usageError(e, "new", c.usage, "say what kind of page to make: %s", kinds)
	}
	kind, ok := scaffold.LookupKind(rest[0])
	if !ok {
		msg := fmt.Sprintf("%q is not a kind of page; write one of: %s", rest[0], kinds)
		if near := diag.Nearest(rest[0], scaffold.KindNames()); near != "" {
			msg = fmt.Sprintf("%q is not a kind of page. Did you mean %q? The kinds are: %s", rest[0], near, kinds)
		}
		return usageError(e, "new", c.usage, "%s", msg)
	}
	switch {
	case len(rest) == 1:
		return usageError(e, "new", c.usage, "give the %s a name, in quotes if it has spaces, such as: coproduce new %s \"Share power\"", kind.Noun, kind.Name)
	case len(rest) > 2:
		return usageError(e, "new", c.usage, "unexpected %q; put a name with spaces in quotes, such as \"%s\"", rest[2], strings.Join(rest[1:], " "))
	}
	if name := strings.TrimSpace(rest[1]); scaffold.Slug(name) == "" {
		return usageError(e, "new", c.usage, "the name %q has no letters or numbers to make a file name from; write a name such as \"Share power\"", name)
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "new", c.usage, "%s is not a folder", *src)
	}

	var page *scaffold.Page
	var err error
	switch {
	case *lang != "" && *easy:
		return usageError(e, "new", c.usage, "give --lang or --easy, not both: an Easy Read page is in the main language")
	case *lang != "":
		cfg, _ := config.Load(os.DirFS(*src))
		if !slices.Contains(cfg.OtherLanguages(), *lang) {
			fmt.Fprintf(e.stderr, "coproduce new: %s is not one of the site's other languages; add it to languages: in site.yaml, such as languages: [%s, %s]\n", *lang, cfg.Language, *lang)
			return exitContent
		}
		page, err = scaffold.NewTwin(*src, kind, rest[1], *lang, false)
	case *easy:
		page, err = scaffold.NewTwin(*src, kind, rest[1], "", true)
	default:
		page, err = scaffold.New(*src, kind, rest[1], time.Now())
	}
	if err != nil { // scaffold.ErrExists among others: the message says what to do
		fmt.Fprintf(e.stderr, "coproduce new: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(e.stdout, "Made %s\nIt will be at %s\n", page.File, pageAddress(*src, page.URL))
	if page.Warning != "" {
		fmt.Fprintf(e.stdout, "Note: %s\n", page.Warning)
	}
	return exitOK
}

// pageAddress is the page's full address under the site's base_url, so an
// editor sees the same address a reader will. A site.yaml with mistakes
// still gives an answer: build reports the mistakes.
func pageAddress(src, url string) string {
	cfg, _ := config.Load(os.DirFS(src))
	return cfg.BaseURL.String() + strings.TrimPrefix(url, "/")
}
