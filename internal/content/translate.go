package content

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
)

// A translation (name.cy.md) or an Easy Read twin (name.easy.md) states
// only what it puts into other words: its title, summary, body, content
// note, the text of commitments and the names people read, such as a
// sector or a region. Facts (dates, the website, the pledges signed, the
// principles shown, the logo, the size, the weight) belong to the
// main-language page: the twin takes them from there, so they are written
// once and cannot drift apart. A fact a twin sets differently is an error
// that names both places.

// factKeys are the front matter keys whose values are facts. A twin leaves
// them out, or writes exactly what its main page says.
var factKeys = []string{"date", "updated", "weight", "quick_exit", "principles", "anonymised", "consent",
	"opened", "website", "signed", "pledges", "size", "review", "logo",
	"renewed", "withdrawn", "renew_every", "version", "signatory"}

// IsFact reports whether a front matter key is a fact that a translation
// takes from its main-language page rather than stating again.
func IsFact(key string) bool { return slices.Contains(factKeys, key) }

// keyPos is where a key was written in a page's front matter. Only pages
// that have a twin, and the twins themselves, keep these: they are what a
// fact that differs is reported with.
type keyPos struct {
	key string
	pos diag.Pos
}

// noteKey remembers where key was written, when the page keeps places.
func (p *Page) noteKey(key string, at diag.Pos) {
	if p.keepKeys {
		p.keyAt = append(p.keyAt, keyPos{key, at})
	}
}

// keyAt returns where key was written, and whether it was.
func (p *Page) keyPos(key string) (diag.Pos, bool) {
	for _, k := range p.keyAt {
		if k.key == key {
			return k.pos, true
		}
	}
	return diag.Pos{}, false
}

// wrote reports whether the page's front matter has key.
func (p *Page) wrote(key string) bool {
	_, ok := p.keyPos(key)
	return ok
}

// IsTwin reports whether a page is a translation or an Easy Read twin of
// another page, and so takes its facts from there.
func (p *Page) IsTwin() bool { return p.Lang != "" || p.Variant != "" }

// twinned lists the files that have a translation or an Easy Read twin
// beside them, so that loading them keeps where each key was written.
func twinned(files []loadFile, langs []string) map[string]bool {
	out := map[string]bool{}
	for _, f := range files {
		dir, base := path.Split(f.name)
		stem := strings.TrimSuffix(base, ".md")
		i := strings.LastIndexByte(stem, '.')
		if i <= 0 {
			continue
		}
		if suffix := stem[i+1:]; suffix == "easy" || slices.Contains(langs, suffix) {
			out[dir+stem[:i]+".md"] = true
		}
	}
	return out
}

// inheritFacts gives every twin the facts of its main page, reports facts
// a twin states differently, and points the twin's cross references at
// pages in its own language where they exist: a Welsh case study lists the
// Welsh principles, a Welsh pledge its signatories' Welsh pages.
func (s *Site) inheritFacts(diags *diag.List) {
	for _, p := range s.Pages {
		o := p.Original
		if o == nil || !p.IsTwin() {
			continue
		}
		s.checkFacts(p, o, diags)
		p.Date, p.Updated, p.Weight, p.QuickExit = o.Date, o.Updated, o.Weight, o.QuickExit
		t := p.own() // let go again if it stays empty (dropEmptyOthers)
		t.PrincipleSlugs, t.Anonymised, t.Consent, t.Opened = o.PrincipleSlugs(), o.Anonymised(), o.Consent(), o.Opened()
		p.Website, p.Signed, p.PledgeSlugs = o.Website, o.Signed, o.PledgeSlugs
		p.Size, p.Review, p.Logo, p.LogoPos = o.Size, o.Review, o.Logo, o.LogoPos
		// Words a twin may put in its own language, taken from the main
		// page when the twin leaves them out. Whether it wrote them is
		// read from its keys, not its values: a reloaded twin still holds
		// what it took last time.
		for _, w := range []struct {
			key        string
			twin, main *string
		}{
			{"sector", &p.Sector, &o.Sector},
			{"region", &p.Region, &o.Region}, {"logo_alt", &p.LogoAlt, &o.LogoAlt},
		} {
			if !p.wrote(w.key) {
				*w.twin = *w.main
			}
		}
		if !p.wrote("commitments") {
			p.Commitments = o.Commitments
		}
		if !p.wrote("params") {
			p.Params = o.Params
		}
		if !p.wrote("organisation") {
			t.Organisation = o.Organisation()
		}
		t.Principles, t.CaseStudies = orNil(InLanguage(o.Principles(), p.Lang)), orNil(InLanguage(o.CaseStudies(), p.Lang))
		p.Pledges = InLanguage(o.Pledges, p.Lang)
		p.Signatories = InLanguage(o.Signatories, p.Lang)
	}
}

// checkFacts reports each fact a twin writes that its main page does not
// say the same way, and words the twin must not leave out.
func (s *Site) checkFacts(p, o *Page, diags *diag.List) {
	what, a := "translation", "a"
	if p.Lang == "" {
		what, a = "Easy Read page", "an"
	}
	for _, k := range p.keyAt {
		if !IsFact(k.key) || sameFact(k.key, p, o) {
			continue
		}
		fix := fmt.Sprintf("delete the line: %s %s takes %s from %s", a, what, k.key, o.File)
		if at, ok := o.keyPos(k.key); ok {
			diags.Errorf(k.pos, fix+", or change it there", "%s here is %s, but %s:%d says %s", k.key, factText(k.key, p), at.File, at.Line, factText(k.key, o))
		} else if o.wrote(k.key) || !o.keepKeys && !zeroFact(k.key, o) {
			diags.Errorf(k.pos, fix+", or change it there", "%s here is %s, but %s says %s", k.key, factText(k.key, p), o.File, factText(k.key, o))
		} else {
			diags.Errorf(k.pos, fix+", or add it there", "%s is set here, but %s does not set it", k.key, o.File)
		}
	}
	// A name put into other words needs one to put: a Welsh sector on a
	// signatory with none in English would name a filter that no English
	// page is in.
	for _, w := range []struct{ key, main string }{{"sector", o.Sector}, {"region", o.Region}, {"organisation", o.Organisation()}} {
		if at, ok := p.keyPos(w.key); ok && strings.TrimSpace(w.main) == "" && o.keepKeys {
			diags.Errorf(at, "add "+w.key+": to "+o.File+" first, then put it into other words here",
				"%s is set here, but %s has no %s to translate", w.key, o.File, w.key)
		}
	}
	if o.ContentNote != "" && p.ContentNote == "" {
		// A reader of the twin must be warned as the main page's reader is.
		at, _ := o.keyPos("content_note")
		diags.Errorf(diag.Pos{File: p.File, Line: 2, Col: 1}, "add content_note: with the same warning in this page's words",
			"%s:%d has a content note, but this %s has none", o.File, at.Line, what)
	}
	if len(p.Commitments) > 0 && len(o.Commitments) > 0 && len(p.Commitments) != len(o.Commitments) && p.Variant == "" {
		at, _ := p.keyPos("commitments")
		diags.Errorf(at, fmt.Sprintf("translate each of the %d commitments in %s, in the same order", len(o.Commitments), o.File),
			"this translation has %d commitments, but %s has %d", len(p.Commitments), o.File, len(o.Commitments))
	}
}

// zeroFact reports whether a page leaves a fact unset.
func zeroFact(key string, p *Page) bool {
	switch factText(key, p) {
	case "", "nothing", "0", "false", "[]":
		return true
	}
	return false
}

// sameFact reports whether a twin and its main page agree on a fact.
func sameFact(key string, p, o *Page) bool {
	return factText(key, p) == factText(key, o)
}

// factText writes a fact of a page as an editor would, to compare two
// pages and to say in a message what each one says.
func factText(key string, p *Page) string {
	date := func(t time.Time) string {
		if t.IsZero() {
			return "nothing"
		}
		return t.Format("2006-01-02")
	}
	refs := func(rs []Ref) string {
		s := make([]string, len(rs))
		for i, r := range rs {
			s[i] = r.Slug
		}
		return "[" + strings.Join(s, ", ") + "]"
	}
	switch key {
	case "date":
		return date(p.Date)
	case "updated":
		return date(p.Updated)
	case "weight":
		return fmt.Sprint(p.Weight)
	case "quick_exit":
		return fmt.Sprint(p.QuickExit)
	case "principles":
		return refs(p.PrincipleSlugs())
	case "anonymised":
		return fmt.Sprint(p.Anonymised())
	case "consent":
		return date(p.Consent())
	case "opened":
		return date(p.Opened())
	case "website":
		return p.Website
	case "signed":
		return date(p.Signed)
	case "pledges":
		return refs(p.PledgeSlugs)
	case "size":
		return p.Size
	case "review":
		return date(p.Review)
	case "logo":
		return p.Logo
	case "renewed":
		s := make([]string, len(p.Renewed))
		for i, d := range p.Renewed {
			s[i] = date(d)
		}
		return "[" + strings.Join(s, ", ") + "]"
	case "withdrawn":
		return date(p.Withdrawn)
	case "renew_every":
		return p.RenewEvery().String()
	case "version":
		return p.Version()
	case "signatory":
		return p.SignatoryRef().Slug
	}
	return ""
}
