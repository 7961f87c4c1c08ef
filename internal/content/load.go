// Package content loads the Markdown files under content/ from an fs.FS into
// typed pages, and links them to each other.
//
// It promises that every page it returns has a kind, a slug, a URL and the
// front matter keys its kind requires; that cross references (a case study's
// principles, a signatory's pledges) name real pages; and that every problem
// is returned as a diagnostic with file, line and column. It never panics on
// any file content and never follows a symbolic link into a loop.
//
// The slug of a page is its file name without ".md" and never comes from the
// title, so renaming a title cannot break a link. "_index.md" is its
// folder's list page; "name.easy.md" is the Easy Read twin of "name.md"; and
// "name.LANG.md" is its translation into a language listed in site.yaml.
//
// Every SVG picture under content/ is read with package svgsafe, and one
// that holds a script, an event handler or an outside address is reported
// at its line and column, so no picture can run code as the site.
package content

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
	"github.com/coproduce/coproduce/internal/picture"
)

// Options change what Load keeps.
type Options struct {
	// Drafts keeps pages marked draft: true.
	Drafts bool
	// Languages are the codes of the site's other languages, such as "cy".
	Languages []string
	// Dir is the name of the content folder as the editor sees it, put in
	// front of every file name in diagnostics ("content").
	Dir string
	// Now is the day of the build: a signing or consent date after it is
	// an error, and signatories' status is worked out for it. Zero means
	// today.
	Now time.Time
	// Renewal are the windows of the renewal cycle; zero means the
	// defaults.
	Renewal Renewal
	// Workers is how many files are read at once; zero means one per core.
	Workers int
	// BodiesOnDemand leaves each page's Body nil after loading: Site.Body
	// reads it again from its file when the page is rendered, and reports
	// a file that changed since. A build that ends in a folder sets it;
	// the live preview, which compares a saved body with the last one,
	// does not.
	BodiesOnDemand bool
	// Read, when set, is given the name and bytes of every page file the
	// loader reads whole, as read, before anything is made of them, from
	// the worker that read it. A build into a folder fingerprints its
	// inputs with it, so a page is not read once more for that.
	Read func(name string, data []byte)

	// twinned are the files that have a translation or an Easy Read twin.
	twinned map[string]bool
	// shared keeps one copy of the values many pages write (intern.go).
	shared *sharedStrings
}

func (o Options) today() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// Site is all the pages of a site, linked together.
type Site struct {
	Pages []*Page // every page, sorted by URL
	// Assets are the other files under content/ (images and the like),
	// copied to the same path in the output.
	Assets []string
	// Pictures are the assets that are pictures, by the same names, with
	// their sizes.
	Pictures map[string]Picture
	// Drafts are the files of draft pages left out of the build, so that a
	// link to one can say why it goes nowhere.
	Drafts []string

	byURL     map[string]*Page
	bySection map[string][]*Page
	dir       string // Options.Dir, to find a draft by its file name
	fsys      fs.FS  // where to read bodies again, with Options.BodiesOnDemand
	// before are the pages the reload that made this site changed in
	// place, each with a copy of what it was (see Before and Undo).
	before map[*Page]*Page
}

// Page returns the page at url, or nil.
func (s *Site) Page(url string) *Page { return s.byURL[url] }

// Section returns the pages of a section in their display order, without
// list pages, twins or translations.
func (s *Site) Section(name string) []*Page { return s.bySection[name] }

// Home returns the home page, or nil if the site has none.
func (s *Site) Home() *Page { return s.byURL["/"] }

var langSuffix = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z]{2,4})?$`)

// Load reads every file under fsys. Diagnostics name files as Dir/path.
func Load(fsys fs.FS, opts Options) (*Site, diag.List) {
	opts.Now = opts.today() // once, so every page is judged on the same day
	var diags diag.List
	site := &Site{byURL: map[string]*Page{}, bySection: map[string][]*Page{}, Pictures: map[string]Picture{}, dir: opts.Dir}
	var files []loadFile
	walkErr := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil && name == "." && errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{File: displayName(opts.Dir, ".")}, "make a folder called content beside site.yaml, with one Markdown file for each page, or point -s at the site folder", "there is no content folder")
			return fs.SkipAll
		}
		if err != nil {
			diags.Errorf(diag.Pos{File: displayName(opts.Dir, name)}, "check that the file or folder can be read", "could not read: %v", err)
			return nil
		}
		switch roleOf(name, d, opts, &diags) {
		case skipFolder:
			return fs.SkipDir
		case assetFile:
			site.Assets = append(site.Assets, name)
			if picture.IsPicture(name) {
				files = append(files, loadFile{name: name, at: len(diags), picture: true})
			}
			return nil
		case skipEntry:
			return nil
		}
		files = append(files, loadFile{name: name, at: len(diags)})
		return nil
	})
	opts.twinned = twinned(files, opts.Languages)
	opts.shared = newSharedStrings()
	if opts.BodiesOnDemand {
		site.keepBodiesOnDemand(fsys)
	}
	diags = loadPages(fsys, files, opts, diags, site)
	if walkErr != nil {
		diags.Errorf(diag.Pos{File: displayName(opts.Dir, ".")}, "check that the content folder exists and can be read", "could not read the content folder: %v", walkErr)
	}
	site.index(&diags)
	site.link(&diags)
	site.linkLifecycle(opts, &diags)
	site.dropEmptyOthers()
	return site, diags
}

func displayName(dir, name string) string {
	if dir == "" {
		return name
	}
	return path.Join(dir, name)
}

// loadPage reads one Markdown file into p, a zero Page, and returns p. It
// returns nil when the file cannot be read as a page at all; lesser
// problems are reported and the page kept.
func loadPage(p *Page, fsys fs.FS, name string, opts Options, diags *diag.List) *Page {
	file := displayName(opts.Dir, name)
	data, size, err := readPage(fsys, name)
	if err != nil {
		problem, fix := diag.ReadProblem(err)
		diags.Errorf(diag.Pos{File: file}, fix, "%s", problem)
		return nil
	}
	if size > MaxFileSize {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "split it into smaller pages", "the file is %d MB, more than the %d MB a page may be", size>>20, MaxFileSize>>20)
		return nil
	}
	if opts.Read != nil {
		opts.Read(name, data)
	}
	data, bad := Normalize(file, data)
	if bad != nil {
		*diags = append(*diags, *bad)
		return nil
	}
	if !placePage(p, name, opts, file, diags) {
		return nil
	}
	sf, ok := split(file, data, diags)
	if !ok {
		return nil
	}
	if line, depth := deepestNesting(sf.body); depth > MaxNesting {
		// The Markdown parser takes time that grows with the square of
		// such nesting: one bad line could stall a build for hours.
		diags.Errorf(diag.Pos{File: file, Line: sf.bodyLine + line - 1, Col: 1},
			"use at most a few levels of lists and quotes inside each other",
			"this line puts %d lists or quotes inside each other", depth)
		return nil
	}
	// The body is a slice of the buffer the front matter was read into,
	// often twice its size; a copy of its own lets that buffer go. A build
	// that reads bodies on demand keeps only where the body is.
	p.BodyLine = sf.bodyLine
	if !opts.BodiesOnDemand || !placeBody(p, data, sf.body) {
		p.Body = bytes.Clone(sf.body)
	}
	p.frontMatter, p.structure = hashFrontMatter(data, sf.body)
	p.keepKeys = p.IsTwin() || opts.twinned[name]
	decode(fields.Reader{File: file, LineOffset: sf.lineOffset, Diags: diags}, &sf, p, opts.Now)
	opts.shared.share(p)
	if p.Kind == KindCaseStudy {
		// Whether it is anonymised may come from the page it translates,
		// known only later, so the details are found for every case study.
		p.own().PrivateDetails = frontMatterDetails(data, sf.bodyLine)
	}
	if p.Logo != "" {
		p.Logo = resolveAsset(name, p.Logo)
	}
	return p
}

// placePage works out p's kind, slug, language and URL from the file's
// path. It reports false, with the reason among diags, when the path
// cannot be a page's.
func placePage(p *Page, name string, opts Options, file string, diags *diag.List) bool {
	if strings.HasSuffix(file, name) {
		// Slug, Section and Lang are cut from the name: cut from file,
		// which the page keeps anyway, they let the walk's copy of the
		// name go once the site is loaded (48 bytes a page).
		name = file[len(file)-len(name):]
	}
	dir, base := path.Split(name)
	dir = strings.TrimSuffix(dir, "/")
	stem := strings.TrimSuffix(base, ".md")
	p.File = file
	if strings.ContainsAny(name, "#?%") {
		// These would cut the page's address short or change it: h#x.md
		// would be published at /h#x/, which browsers read as /h.
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "rename it using only letters, numbers and dashes",
			"the file or folder name has # ? or %% in it, which cannot be part of a web address")
		return false
	}
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		suffix := stem[i+1:]
		switch {
		case suffix == "easy":
			p.Variant = "easy"
		case slices.Contains(opts.Languages, suffix):
			p.Lang = suffix
		case langSuffix.MatchString(suffix):
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "add "+suffix+" to languages in site.yaml, or rename the file without ."+suffix, "the file name ends in .%s.md, but %s is not one of the site's languages", suffix, suffix)
			return false
		default:
			diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "use only letters, numbers and dashes before .md, such as "+strings.ReplaceAll(stem, ".", "-")+".md", "the file name has a dot in it")
			return false
		}
		stem = stem[:i]
	}
	if dir != "" {
		p.Section = strings.SplitN(dir, "/", 2)[0]
	}
	var url string
	switch {
	case stem == "_index" && dir == "":
		p.Kind, p.Slug, url = KindHome, "", "/"
	case stem == "_index":
		p.Kind, p.Slug, url = KindList, path.Base(dir), "/"+dir+"/"
	default:
		p.Slug = stem
		url = "/" + path.Join(dir, stem) + "/"
		p.Kind = KindPage
		if k, ok := sectionKinds[p.Section]; ok && !strings.Contains(dir, "/") {
			p.Kind = k
		}
	}
	if p.Lang != "" {
		url = "/" + p.Lang + url
	}
	if p.Variant == "easy" {
		url += "easy-read/"
	}
	p.URL = url
	return true
}

// resolveAsset turns a file name written in a page (relative to the page's
// folder, or from the site root when it starts with "/") into a site path.
func resolveAsset(pageName, ref string) string {
	if strings.Contains(ref, "://") {
		return ref
	}
	if strings.HasPrefix(ref, "/") {
		return path.Clean(ref)
	}
	return "/" + path.Join(path.Dir(pageName), ref)
}

// index files the pages by URL and section, reporting two files that want
// one URL, and orders each section as its list shows it.
func (s *Site) index(diags *diag.List) {
	// Two files may claim one URL; ordering them by file name too keeps
	// the report the same from run to run.
	sort.Slice(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if a.URL != b.URL {
			return a.URL < b.URL
		}
		return a.File < b.File
	})
	for _, p := range s.Pages {
		if other, ok := s.byURL[p.URL]; ok {
			diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "rename one of the two files", "this page would have the same address %s as %s", p.URL, other.File)
			continue
		}
		s.byURL[p.URL] = p
		if !p.IsList() && p.Lang == "" && p.Variant == "" && p.Section != "" {
			s.bySection[p.Section] = append(s.bySection[p.Section], p)
		}
	}
	for name, pages := range s.bySection {
		sortSection(name, pages)
	}
}

// sortSection puts a section in its reading order: newest first for case
// studies and signatories, by weight then title for the rest.
func sortSection(name string, pages []*Page) {
	if len(pages) < 2 {
		return
	}
	byDate := name == "case-studies" || name == "signatories" || name == "reports"
	// Each page's sort key is worked out once, and ties end on the page's
	// place in the list, so a fast unstable sort gives the stable order:
	// lower-casing two titles in every comparison of a reflective stable
	// sort was most of the cost of re-sorting 10,000 signatories on each
	// save in the live preview.
	type key struct {
		when   time.Time // signed for a signatory, else date
		weight int
		title  string // lower case
		at     int    // place in the list before sorting
		page   *Page
	}
	keys := make([]key, len(pages))
	for i, p := range pages {
		when := p.Date
		if p.Kind == KindSignatory && byDate {
			when = p.Signed
		}
		keys[i] = key{when: when, weight: p.Weight, title: strings.ToLower(p.Title), at: i, page: p}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if !byDate && a.weight != b.weight {
			return cmp.Compare(a.weight, b.weight)
		}
		if c := b.when.Compare(a.when); c != 0 { // newest first
			return c
		}
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	for i := range keys {
		pages[i] = keys[i].page
	}
}

// MaxNesting is the most lists and quotes a line may open inside each
// other; real pages use three or four.
const MaxNesting = 32

// deepestNesting finds the line that opens the most list items and quotes
// at its start ("- - - text", "> > > text") and how many it opens.
func deepestNesting(body []byte) (line, depth int) {
	n := 1
	for len(body) > 0 {
		end := bytes.IndexByte(body, '\n')
		text := body
		if end >= 0 {
			text, body = body[:end], body[end+1:]
		} else {
			body = nil
		}
		if d := openers(text); d > depth {
			line, depth = n, d
		}
		n++
	}
	return line, depth
}

// openers counts the list markers and quote marks a line starts with.
func openers(text []byte) int {
	count := 0
	i := 0
	for {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) {
			return count
		}
		switch c := text[i]; {
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\t'):
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j+1 < len(text) && (text[j] == '.' || text[j] == ')') && (text[j+1] == ' ' || text[j+1] == '\t') {
				i = j + 2
			} else {
				return count
			}
		default:
			return count
		}
		count++
	}
}

// readPage reads a file of at most MaxFileSize bytes with one open, and
// returns its size. A bigger file is not read: its size is returned for
// the message. (fs.Stat then fs.ReadFile would open and stat each of a
// large site's files twice.)
func readPage(fsys fs.FS, name string) ([]byte, int64, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if info.Size() > MaxFileSize {
		return nil, info.Size(), nil
	}
	// Read into room for the size the file has and one byte more: a
	// bytes.Buffer asks for 512 bytes of room before every read, so for
	// the last read of a file read whole it took a copy of twice the
	// file (every page is read twice in a build into a folder).
	buf := make([]byte, info.Size()+1)
	n, err := io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return buf[:n], int64(n), nil
	}
	if err != nil {
		return nil, 0, err
	}
	// The file grew since it was asked its size: read on to the limit.
	// One byte more than the limit shows a file that grew while it was read.
	rest := bytes.NewBuffer(buf)
	more, err := rest.ReadFrom(io.LimitReader(f, MaxFileSize+1-int64(n)))
	if err != nil {
		return nil, 0, err
	}
	return rest.Bytes(), int64(n) + more, nil
}
