package content

import (
	"reflect"
	"time"
)

// otherKinds are the fields of a page that only case studies, pledges,
// reports and list pages have. Signatories, nearly every page of a large
// register, have none of them, so they are kept apart from Page, and a
// page that has none keeps no room for them: at 100,000 signatories the
// room was 42 MB kept through the whole build (a page took 1,408 bytes
// instead of 1,024). Templates and code read them through the methods of
// the same names below, which give the zero value when the page has
// none; the loader writes them through Page.own.
type otherKinds struct {
	// Case studies.
	Organisation   string
	PrincipleSlugs []Ref
	Anonymised     bool
	Consent        time.Time
	// PrivateDetails are the personal details in a case study's front
	// matter, for the privacy check of an anonymised one
	// (privatedetails.go).
	PrivateDetails []PrivateDetail

	// Pledges.
	Opened     time.Time
	RenewEvery Period   // how long a signature lasts before renewal
	Levels     []Level  // the levels a signatory can reach, lowest first
	Version    string   // the pledge's current version
	Changes    []Change // what changed in each version, oldest first

	// Reports.
	SignatoryRef Ref        // the signatory the report is by
	PledgeRef    Ref        // the pledge it reports on; empty for all
	Progress     []Progress // what was done on each commitment
	Signatory    *Page      // filled in by cross-referencing
	ReportPledge *Page      // filled in by cross-referencing, or nil

	// Filled in by cross-referencing, for templates to show.
	Principles  []*Page // a case study's principles
	CaseStudies []*Page // a principle's case studies
	Children    []*Page // a list page's pages
}

// noOthers is what a page without any of the other kinds' fields reads.
var noOthers otherKinds

// own is p's own otherKinds, made when p has none, for the loader to
// write into.
func (p *Page) own() *otherKinds {
	if p.others == nil {
		p.others = &otherKinds{}
	}
	return p.others
}

// of is p's otherKinds to read: the empty one when it has none.
func (p *Page) of() *otherKinds {
	if p.others == nil {
		return &noOthers
	}
	return p.others
}

// Organisation is the organisation a case study is about.
func (p *Page) Organisation() string { return p.of().Organisation }

// PrincipleSlugs are the principles a case study names, as written.
func (p *Page) PrincipleSlugs() []Ref { return p.of().PrincipleSlugs }

// Anonymised reports whether a case study is anonymised.
func (p *Page) Anonymised() bool { return p.of().Anonymised }

// Consent is the day the people in a case study agreed to it.
func (p *Page) Consent() time.Time { return p.of().Consent }

// PrivateDetails are the personal details in a case study's front matter.
func (p *Page) PrivateDetails() []PrivateDetail { return p.of().PrivateDetails }

// Opened is the day a pledge opened for signatures.
func (p *Page) Opened() time.Time { return p.of().Opened }

// RenewEvery is how long a signature of a pledge lasts before renewal.
func (p *Page) RenewEvery() Period { return p.of().RenewEvery }

// Levels are the levels a signatory of a pledge can reach, lowest first.
func (p *Page) Levels() []Level { return p.of().Levels }

// Version is a pledge's current version.
func (p *Page) Version() string { return p.of().Version }

// Changes are what changed in each version of a pledge, oldest first.
func (p *Page) Changes() []Change { return p.of().Changes }

// SignatoryRef is the signatory a report is by, as written.
func (p *Page) SignatoryRef() Ref { return p.of().SignatoryRef }

// PledgeRef is the pledge a report is on, as written; empty for all.
func (p *Page) PledgeRef() Ref { return p.of().PledgeRef }

// Progress is what a report says was done on each commitment.
func (p *Page) Progress() []Progress { return p.of().Progress }

// Signatory is the signatory a report is by.
func (p *Page) Signatory() *Page { return p.of().Signatory }

// ReportPledge is the pledge a report is on, or nil.
func (p *Page) ReportPledge() *Page { return p.of().ReportPledge }

// Principles are a case study's principles.
func (p *Page) Principles() []*Page { return p.of().Principles }

// CaseStudies are a principle's case studies.
func (p *Page) CaseStudies() []*Page { return p.of().CaseStudies }

// Children are a list page's pages.
func (p *Page) Children() []*Page { return p.of().Children }

// MarkAnonymised marks a case study as anonymised, as anonymised: true in
// its front matter does, for a page made without a file.
func (p *Page) MarkAnonymised() { p.own().Anonymised = true }

// ownCopy gives p, a copy of another page made with *, a copy of that
// page's otherKinds, so what is written into one is not written into the
// other.
func (p *Page) ownCopy() {
	if p.others != nil {
		o := *p.others
		p.others = &o
	}
}

// dropEmptyOthers lets go of the otherKinds of pages that have none of
// their fields, once the site is linked, so a page has them exactly when
// it has one: a site loaded afresh and one reloaded are then the same.
func (s *Site) dropEmptyOthers() {
	for _, p := range s.Pages {
		p.dropEmptyOthers()
	}
}

// dropEmptyOthers lets go of p's otherKinds if it has none of their
// fields. The loader writes through own whatever a page may have, and
// lets go here of what stayed empty, rather than asking first each time.
func (p *Page) dropEmptyOthers() {
	if p.others != nil && reflect.ValueOf(*p.others).IsZero() {
		p.others = nil
	}
}

// orNil is pages, or nil when there are none.
func orNil(pages []*Page) []*Page {
	if len(pages) == 0 {
		return nil
	}
	return pages
}
