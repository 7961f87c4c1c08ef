// Package config reads site.yaml into a Config. Every key has a default, so
// a site without site.yaml still builds. Mistakes are reported with the line
// and column in site.yaml and what to write instead.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
)

// File is the name of the settings file at the top of a site.
const File = "site.yaml"

// Config is the whole of site.yaml after defaults are applied.
type Config struct {
	Title        string
	Description  string
	BaseURL      *url.URL // always ends in "/"
	Language     string   // BCP 47, such as en-GB
	Languages    []string // every language of the site, the main one first
	Theme        string
	Organisation string
	Contact      string // email address or URL
	ReadingAge   int
	Params       map[string]any

	Accessibility Accessibility
	Signing       Signing
	QuickExit     QuickExit
	// Renewal are the windows of the pledge renewal cycle, in days: a
	// signatory is due this many days before its review date, and lapses
	// this many days after it.
	Renewal Renewal

	// Translations are the settings in each of the site's other
	// languages, by language code (see In).
	Translations  map[string]Translation
	translationAt []translationPos
	// themeAt is where theme: is written, to report a theme that is not
	// there at that place rather than at the top of the file.
	themeAt *diag.Pos
}

// Renewal is site.yaml's renewal: due_within and grace, in days.
type Renewal struct {
	DueWithin int
	Grace     int
}

// Statuses are the compliance statuses an accessibility statement may give.
var Statuses = []string{"fully compliant", "partially compliant", "not compliant"}

// QuickExit is the "Leave this site" button: where it goes, and whether
// every page has it or only pages that ask with quick_exit: true.
type QuickExit struct {
	URL        string
	Everywhere bool
}

// Accessibility feeds the generated accessibility statement.
type Accessibility struct {
	Status        string // "fully compliant", "partially compliant" or "not compliant"
	Tested        time.Time
	Method        string
	CheckedByHand []string // what people checked themselves: tools find only about half of the problems
	KnownProblems []string
	Enforcement   string

	testedAt diag.Pos // where tested: is written
}

// Signing says how an organisation signs a pledge.
type Signing struct {
	How     string
	Contact string
	Form    string
}

// BasePath is the path part of the base URL, such as "/" or "/coproduction/".
func (c *Config) BasePath() string { return c.BaseURL.Path }

// OtherLanguages are the site's languages other than the main one: a page
// in one of them is written name.LANG.md and published under /LANG/.
func (c *Config) OtherLanguages() []string {
	var out []string
	for _, l := range c.Languages {
		if l != c.Language {
			out = append(out, l)
		}
	}
	return out
}

// ContactHref is the site's contact as a link target.
func (c *Config) ContactHref() string { return ContactLink(c.Contact) }

// ContactLink makes a contact written in site.yaml (the site's contact,
// or signing.contact) into a link target: mailto: for an email address,
// the address itself for a web page or a mailto: or tel: link. Parse has
// refused every other kind of link.
func ContactLink(contact string) string {
	if contact == "" || fields.Scheme(contact) != "" {
		return contact
	}
	return "mailto:" + contact
}

// Default returns the settings of a site that has no site.yaml.
func Default() *Config {
	return &Config{
		Title:      "Coproduction",
		BaseURL:    &url.URL{Path: "/"},
		Language:   "en-GB",
		Theme:      "default",
		ReadingAge: 9,
		QuickExit:  QuickExit{URL: "https://www.bbc.co.uk/weather"},
		Renewal:    Renewal{DueWithin: 60, Grace: 90},
		Accessibility: Accessibility{
			Status:      "partially compliant",
			Enforcement: "https://www.equalityadvisoryservice.com/",
		},
	}
}

var topKeys = []string{"title", "description", "base_url", "language", "theme", "organisation", "contact", "reading_age", "languages", "params", "accessibility", "signing", "quick_exit", "translations", "renewal"}
var renewalKeys = []string{"due_within", "grace"}
var quickExitKeys = []string{"url", "everywhere"}
var accessibilityKeys = []string{"status", "tested", "method", "checked_by_hand", "known_problems", "enforcement"}
var signingKeys = []string{"how", "contact", "form"}

// Load reads site.yaml from the top of fsys. A missing file gives the
// defaults; problems are returned as diagnostics, never as a panic.
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	var diags diag.List
	if err != nil {
		diags.Errorf(diag.Pos{File: File}, "check that the file can be read", "site.yaml could not be read: %v", err)
		return Default(), diags
	}
	cfg, diags := Parse(data)
	checkTheme(fsys, cfg, &diags)
	return cfg, diags
}

// Parse reads the text of a site.yaml. Dates are checked against today.
func Parse(data []byte) (*Config, diag.List) {
	return parse(data, time.Now())
}

// parse reads the text of a site.yaml on the day now.
func parse(data []byte, now time.Time) (*Config, diag.List) {
	cfg := Default()
	var diags diag.List
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if line, col, c, ok := fields.FirstControl(data); ok {
		// The YAML reader refuses these without saying where they are.
		problem, fix := fields.ControlProblem(c)
		diags.Errorf(diag.Pos{File: File, Line: line, Col: col}, fix, "%s", problem)
		return cfg, diags
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// The same reading of the lines as for a page's front matter:
		// the library's words are jargon and its line often the next one.
		if p := fields.LintYAML(data, "site.yaml"); p != nil {
			diags.Errorf(diag.Pos{File: File, Line: p.Line, Col: p.Col}, p.Fix, "%s", p.Problem)
			return cfg, diags
		}
		line, col, problem := fields.YAMLProblem(err)
		diags.Errorf(diag.Pos{File: File, Line: line, Col: col}, "each line should be key: value, with a space after the colon; put text with a colon in it between straight quote marks", "site.yaml could not be read: %s", problem)
		return cfg, diags
	}
	if p := fields.CurlyQuoted(&doc); p != nil {
		// YAML reads “My site” as text with the quote marks in it, and
		// every page's header would show them.
		diags.Errorf(diag.Pos{File: File, Line: p.Line, Col: p.Col}, p.Fix, "%s", p.Problem)
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	r := fields.Reader{File: File, Diags: &diags}
	var languagesAt *fields.Entry
	for _, e := range r.Entries(doc.Content[0], "site.yaml") {
		switch e.Key {
		case "title":
			cfg.Title = r.String(e)
		case "description":
			cfg.Description = r.String(e)
		case "base_url":
			if u := parseBaseURL(r, e); u != nil {
				cfg.BaseURL = u
			}
		case "language":
			if s := r.Language(e); s != "" {
				cfg.Language = s
			}
		case "theme":
			if s := readTheme(r, e); s != "" {
				cfg.Theme = s
				at := r.Pos(e.Value)
				cfg.themeAt = &at
			}
		case "organisation":
			cfg.Organisation = r.String(e)
		case "contact":
			cfg.Contact = r.Contact(e)
		case "reading_age":
			cfg.ReadingAge = r.Int(e)
		case "languages":
			cfg.Languages = r.Languages(e)
			languagesAt = &e
		case "params":
			cfg.Params = r.Map(e)
		case "accessibility":
			readAccessibility(r, e, &cfg.Accessibility)
		case "signing":
			readSigning(r, e, &cfg.Signing)
		case "quick_exit":
			readQuickExit(r, e, &cfg.QuickExit)
		case "renewal":
			readRenewal(r, e, &cfg.Renewal)
		case "translations":
			readTranslations(r, e, cfg)
		default:
			r.Unknown(e, topKeys, "site.yaml")
		}
	}
	checkTranslations(r, cfg)
	if languagesAt != nil {
		checkMainLanguage(r, *languagesAt, cfg)
	}
	if t := cfg.Accessibility.Tested; fields.After(t, now) {
		r.Diags.Errorf(cfg.Accessibility.testedAt, "write the date of the last test that was done, as YYYY-MM-DD",
			"tested: %s is in the future (today is %s)", t.Format(fields.DateLayout), now.Format(fields.DateLayout))
	}
	return cfg, diags
}

// checkMainLanguage reports a languages list that leaves out the site's
// main language: its pages would then be in no language of the list, and
// the language menu would not offer them.
func checkMainLanguage(r fields.Reader, e fields.Entry, cfg *Config) {
	if len(cfg.Languages) == 0 || slices.Contains(cfg.Languages, cfg.Language) {
		return
	}
	want := append([]string{cfg.Language}, cfg.Languages...)
	r.Diags.Errorf(r.Pos(e.Value), "put the main language first: languages: ["+strings.Join(want, ", ")+"], or change language: to the main one",
		"languages does not have %s, the main language of the site (language:, %s when not set)", cfg.Language, Default().Language)
}

// readTheme reads the name of a theme: a folder under themes/.
func readTheme(r fields.Reader, e fields.Entry) string {
	s := strings.TrimSpace(r.String(e))
	if s != "" && (!fs.ValidPath(s) || strings.Contains(s, "/") || s == ".") {
		r.Diags.Errorf(r.Pos(e.Value), "write the name of a folder in themes/, such as theme: default", "theme %q is not the name of a theme", s)
		return ""
	}
	return s
}

// checkTheme reports a theme that is neither built in nor a folder in
// themes/, at the place theme: is written, and builds on with the default
// theme so that the rest of the site is checked too.
func checkTheme(fsys fs.FS, cfg *Config, diags *diag.List) {
	if cfg.themeAt == nil || cfg.Theme == "default" {
		return
	}
	if info, err := fs.Stat(fsys, "themes/"+cfg.Theme); err == nil && info.IsDir() {
		return
	}
	names := []string{"default"}
	if entries, err := fs.ReadDir(fsys, "themes"); err == nil {
		for _, d := range entries {
			if d.IsDir() && !slices.Contains(names, d.Name()) {
				names = append(names, d.Name())
			}
		}
	}
	fix := "write theme: default, or put the theme in the folder themes/" + cfg.Theme
	if near := diag.Nearest(cfg.Theme, names); near != "" && near != "default" {
		fix = fmt.Sprintf("did you mean theme: %s?", near)
	}
	diags.Errorf(*cfg.themeAt, fix, "there is no theme called %s", cfg.Theme)
	cfg.Theme = "default"
}

func readAccessibility(r fields.Reader, e fields.Entry, a *Accessibility) {
	for _, sub := range r.Entries(e.Value, "accessibility") {
		switch sub.Key {
		case "status":
			a.Status = strings.TrimSpace(r.String(sub))
			if !slices.Contains(Statuses, a.Status) {
				// The statement is a legal document: say exactly one of the
				// three the regulations use, never something near it.
				r.Diags.Errorf(r.Pos(sub.Value), "write one of: "+strings.Join(Statuses, ", "), "status %q is not one of the three the accessibility regulations use", a.Status)
			}
		case "tested":
			a.Tested, a.testedAt = r.Date(sub), r.Pos(sub.Value)
		case "method":
			a.Method = r.String(sub)
		case "checked_by_hand":
			a.CheckedByHand = r.StringList(sub)
		case "known_problems":
			a.KnownProblems = r.StringList(sub)
		case "enforcement":
			a.Enforcement = r.HTTPURL(sub)
		default:
			r.Unknown(sub, accessibilityKeys, "accessibility")
		}
	}
}

func readSigning(r fields.Reader, e fields.Entry, s *Signing) {
	for _, sub := range r.Entries(e.Value, "signing") {
		switch sub.Key {
		case "how":
			s.How = r.String(sub)
		case "contact":
			s.Contact = r.Contact(sub)
		case "form":
			s.Form = r.HTTPURL(sub)
		default:
			r.Unknown(sub, signingKeys, "signing")
		}
	}
}

func readQuickExit(r fields.Reader, e fields.Entry, q *QuickExit) {
	for _, sub := range r.Entries(e.Value, "quick_exit") {
		switch sub.Key {
		case "url":
			q.URL = r.HTTPURL(sub)
		case "everywhere":
			q.Everywhere = r.Bool(sub)
		default:
			r.Unknown(sub, quickExitKeys, "quick_exit")
		}
	}
	if q.URL == "" {
		q.URL = "https://www.bbc.co.uk/weather"
	}
}

// parseBaseURL accepts an absolute http(s) URL or a bare path, and makes
// sure the path ends in "/" so page paths can be joined to it.
func parseBaseURL(r fields.Reader, e fields.Entry) *url.URL {
	s := strings.TrimSpace(r.String(e))
	if s == "" {
		return nil
	}
	u, err := ParseBaseURL(s)
	if err != nil {
		r.Diags.Errorf(r.Pos(e.Value), "write the address the site will live at, such as https://example.org/ or https://example.org/coproduction/", "base_url: %v", err)
		return nil
	}
	return u
}

// ParseBaseURL checks a base URL given in site.yaml or on the command line.
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, errors.New("\"" + s + "\" is not a web address")
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return nil, errors.New("\"" + s + "\" should start with https://")
	}
	if u.Scheme != "" && u.Host == "" {
		return nil, errors.New("\"" + s + "\" has no host name")
	}
	if u.Scheme == "" && u.Host != "" {
		// "//example.org/" would make every full address "://example.org/".
		return nil, errors.New("\"" + s + "\" should start with https:")
	}
	if u.User != nil {
		// https://ours.example@evil.example/ is evil.example.
		return nil, errors.New("\"" + s + "\" has a user name or password in it (the part before @); write only the address of the site")
	}
	if u.Scheme == "" && !strings.HasPrefix(u.Path, "/") {
		return nil, errors.New("\"" + s + "\" should start with https:// or /")
	}
	u.RawQuery, u.Fragment = "", ""
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// readRenewal reads the renewal windows: whole numbers of days, or "60
// days" as editors often write them.
func readRenewal(r fields.Reader, e fields.Entry, rn *Renewal) {
	for _, sub := range r.Entries(e.Value, "renewal") {
		var days int
		switch {
		case sub.Value.Kind == yaml.ScalarNode && sub.Value.Tag == "!!int":
			days = r.Int(sub)
		default:
			s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(r.String(sub)), "days"), "day"))
			n, err := strconv.Atoi(s)
			if err != nil {
				r.Diags.Errorf(r.Pos(sub.Value), "write a number of days, such as "+sub.Key+": 60", "%s should be a number of days", sub.Key)
				continue
			}
			days = n
		}
		if days < 0 || days > 3650 {
			r.Diags.Errorf(r.Pos(sub.Value), "write a number of days from 0 to 3650, such as "+sub.Key+": 60", "%s: %d is not a number of days a renewal can wait", sub.Key, days)
			continue
		}
		switch sub.Key {
		case "due_within":
			rn.DueWithin = days
		case "grace":
			rn.Grace = days
		default:
			r.Unknown(sub, renewalKeys, "renewal")
		}
	}
}
