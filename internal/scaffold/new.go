package scaffold

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Page is a page New wrote.
type Page struct {
	File string // path from the site folder, with forward slashes
	URL  string // path from the site root, such as /principles/share-power/
	// Warning, when set, tells the editor what to finish before the page
	// will build, such as a signatory with no pledge to sign.
	Warning string
}

// ErrExists is returned by New when the page's file is already there.
var ErrExists = errors.New("the file already exists")

// New writes a page of kind k named name into the site in folder site. It
// never overwrites a file; it makes the section's folder when it is missing.
func New(site string, k Kind, name string, today time.Time) (*Page, error) {
	name = strings.TrimSpace(name)
	slug := Slug(name)
	if slug == "" {
		return nil, fmt.Errorf("the name %q has no letters or numbers to make a file name from; write a name such as \"Share power\"", name)
	}
	if !looksLikeSite(site) {
		return nil, fmt.Errorf("%s has no content folder and no site.yaml, so it is not a site; run the command in your site's folder, or add -s with that folder", site)
	}
	rel := path.Join("content", k.Section, slug+".md")
	url := "/" + path.Join(k.Section, slug) + "/"
	target := filepath.Join(site, filepath.FromSlash(rel))
	if k.Section == "" {
		// content/NAME/ would have the same address as content/NAME.md.
		if info, err := os.Stat(filepath.Join(site, "content", slug)); err == nil && info.IsDir() {
			return nil, fmt.Errorf("content/%s/ is a folder with the address %s already; choose another name, or add the page inside that folder", slug, url)
		}
	}
	if _, err := os.Stat(target); err == nil {
		return nil, fmt.Errorf("%s: %w; edit that file, or choose another name", rel, ErrExists)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return nil, err
	}
	facts := Facts{
		Title:       name,
		Today:       today,
		Weight:      nextWeight(filepath.Join(site, "content", k.Section)),
		Pledges:     slugsIn(filepath.Join(site, "content", "pledges")),
		Principles:  slugsIn(filepath.Join(site, "content", "principles")),
		Signatories: slugsIn(filepath.Join(site, "content", "signatories")),
	}
	if err := writeNew(target, Skeleton(k, facts)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s: %w; edit that file, or choose another name", rel, ErrExists)
		}
		return nil, err
	}
	p := &Page{File: rel, URL: url}
	if k.Name == "report" && len(facts.Signatories) == 0 {
		p.Warning = "the site has no signatory yet, so the page will not build: add one with \"coproduce new signatory NAME\", then write its file name after signatory: in " + rel
	}
	if k.Name == "signatory" && len(facts.Pledges) == 0 {
		p.Warning = "the site has no pledge yet, so the page will not build: add one with \"coproduce new pledge NAME\", then write its file name under pledges: in " + rel
	}
	return p, nil
}

func looksLikeSite(dir string) bool {
	for _, name := range []string{"content", "site.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// slugsIn lists the slugs of the pages in a section folder, leaving out the
// list page, Easy Read twins and translations, which have a dot in the stem.
func slugsIn(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var slugs []string
	for _, e := range entries {
		stem, ok := strings.CutSuffix(e.Name(), ".md")
		if !ok || e.IsDir() || stem == "_index" || strings.Contains(stem, ".") || strings.HasPrefix(stem, ".") {
			continue
		}
		slugs = append(slugs, stem)
	}
	sort.Strings(slugs)
	return slugs
}

// nextWeight is one more than the largest weight in a section, so a new
// principle or value goes to the end of the list rather than the start.
func nextWeight(dir string) int {
	top := 0
	for _, slug := range slugsIn(dir) {
		if w := weightOf(filepath.Join(dir, slug+".md")); w > top {
			top = w
		}
	}
	return top + 1
}

// weightOf reads "weight: N" from a file's front matter, without a full
// parse: a page with broken front matter simply counts as 0.
func weightOf(name string) int {
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		if n > 0 && strings.TrimSpace(line) == "---" {
			break
		}
		if v, ok := strings.CutPrefix(line, "weight:"); ok {
			w, _ := strconv.Atoi(strings.TrimSpace(v))
			return w
		}
	}
	return 0
}
