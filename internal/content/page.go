package content

import (
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/picture"
)

// Kind is what a page is, decided by the first folder under content/.
type Kind string

// The kinds of page. KindHome and KindList are the _index.md pages.
const (
	KindHome      Kind = "home"
	KindList      Kind = "list"
	KindPrinciple Kind = "principle"
	KindValue     Kind = "value"
	KindCaseStudy Kind = "case-study"
	KindPledge    Kind = "pledge"
	KindSignatory Kind = "signatory"
	KindPage      Kind = "page"
)

// sectionKinds maps a top folder of content/ to the kind of its pages.
var sectionKinds = map[string]Kind{
	"principles":   KindPrinciple,
	"charter":      KindValue,
	"case-studies": KindCaseStudy,
	"pledges":      KindPledge,
	"signatories":  KindSignatory,
	"reports":      KindReport,
}

// SectionOf returns the folder that holds pages of kind k, or "" for kinds
// that have no section of their own.
func SectionOf(k Kind) string {
	for s, kind := range sectionKinds {
		if kind == k {
			return s
		}
	}
	return ""
}

// Sizes are the allowed values of a signatory's size.
var Sizes = []string{"micro", "small", "medium", "large"}

// Page is one Markdown file after its front matter is read and checked.
// Fields that only some kinds have are zero on the others.
type Page struct {
	Kind    Kind
	File    string // path under content/, with forward slashes
	Section string // first folder under content/, "" at the top
	Slug    string // file name without .md (the folder name for _index.md)
	URL     string // path from the site root, such as /principles/equal-voice/
	Lang    string // "" for the site's language, else a language code like "cy"
	Variant string // "" or "easy" for an Easy Read twin

	Title       string
	Summary     string
	Date        time.Time
	Updated     time.Time
	Draft       bool
	Weight      int
	Aliases     []string
	AliasPos    []diag.Pos // where each alias was written
	ContentNote string
	QuickExit   bool // show the "Leave this site" button on this page
	Params      map[string]any

	// Pledges and signatories.
	Commitments []string

	// Signatories.
	Website     string
	Signed      time.Time
	PledgeSlugs []Ref
	Sector      string
	Region      string
	Size        string
	Review      time.Time
	Logo        string // path from the site root once loaded
	LogoAlt     string
	LogoPos     diag.Pos // where logo is written, to report a missing file
	// LogoSize is the logo picture's own size in pixels, zero when it
	// could not be read; see LogoShown for the size a page shows it at.
	LogoSize picture.Size

	// Where summary and website are written, for checks made after
	// loading (a summary still as coproduce new wrote it). Two small
	// places rather than a map of every key: a site may have 100,000
	// pages.
	SummaryAt, WebsiteAt Place
	// LogoAltAt is where logo_alt is written, for the check of alt text
	// that says nothing.
	LogoAltAt Place

	// Body is the Markdown after the front matter; BodyLine is the line of
	// the file it starts on, so body problems can be reported in place.
	// With Options.BodiesOnDemand, Body is nil and bodyAt says where to
	// read it again (ondemand.go).
	Body     []byte
	BodyLine int
	bodyAt   bodyPlace

	// Filled in by cross-referencing, for templates to show.
	Pledges      []*Page // a signatory's pledges
	Signatories  []*Page // a pledge's signatories
	EasyRead     *Page   // a page's Easy Read twin
	Original     *Page   // the page a twin or translation belongs to
	Translations []*Page

	// The pledge lifecycle: renewals, levels, versions, withdrawal and
	// progress reports (lifecycle.go).
	Lifecycle

	// The fields of case studies, pledges, reports and list pages, which
	// signatories never have (see others.go); nil when all are empty.
	others *otherKinds

	// Where each key was written, kept only by twins and the pages they
	// belong to (see translate.go).
	keepKeys bool
	// frontMatter is a hash of the file's front matter as written, so a
	// save that changed the body alone is known (see reloadInPlace).
	frontMatter uint64
	// structure is a hash of the front matter without the page's own
	// facts (see ownFacts), so a save that changed only those is known.
	structure uint64
	keyAt     []keyPos
}

// Place is a line and column in a page's file; zero when not written.
type Place struct{ Line, Col int32 }

// At is the position of place in p's file: the top of the file when the
// place is not known.
func (p *Page) At(place Place) diag.Pos {
	if place.Line == 0 {
		return diag.Pos{File: p.File, Line: 1, Col: 1}
	}
	return diag.Pos{File: p.File, Line: int(place.Line), Col: int(place.Col)}
}

// Ref is a slug named in front matter, kept with its place so a slug that
// names nothing can be reported where it was written.
type Ref struct {
	Slug string
	Pos  diag.Pos
}

// IsList reports whether the page is an _index.md list page.
// LogoShown is the width and height the default theme shows the logo at:
// its own size, made smaller to fit picture.LogoBox. Written on the
// <img>, it keeps the space the logo takes before it loads. It is zero
// when the logo's size could not be read.
func (p *Page) LogoShown() picture.Size {
	return p.LogoSize.Fit(picture.LogoBox.Width, picture.LogoBox.Height)
}

func (p *Page) IsList() bool { return p.Kind == KindHome || p.Kind == KindList }

// ReviewDue reports whether a signatory's review date has passed on day
// now: the date written as review, or the one its pledges' renew_every
// gives.
func (p *Page) ReviewDue(now time.Time) bool {
	review := p.Standing.Review
	if review.IsZero() {
		review = p.Review
	}
	return !review.IsZero() && !review.After(now)
}
