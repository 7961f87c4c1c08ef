package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/register"
)

// The signatory register is written from the signatories as a whole: the
// directory's further pages and its filter pages (so it works with no
// JavaScript), the search index its script reads, and the open data.

// filterKind is the data-kind of a filter page, so the browser tests treat
// it as a page type of its own.
const filterKind = "signatories-filter"

// The list of former signatories (lapsed or withdrawn) has a template and
// a data-kind of its own: it is never mixed with the directory.
const (
	formerTemplate = "signatories-former.html"
	formerKind     = "signatories-former"
)

// writeSignatoryDirectory writes every page of the directory and of its
// filters, except the directory's first page when content/signatories/_index.md
// has made it already.
func (b *builder) writeSignatoryDirectory() error {
	reg := b.register()
	listings := b.listings()
	if err := b.renderSignatoryRows(reg.All); err != nil {
		b.rs.SignatoryRows = nil
	}
	defer func() { b.rs.SignatoryRows = nil }()
	return b.parallel(len(listings), func(i int) error {
		l := listings[i]
		p := listingPage(b.rs.Content, l)
		tmpl, kind := "signatories-list.html", string(content.KindList)
		switch {
		case l.Value != nil:
			tmpl, kind = "signatories-filter.html", filterKind
		case l.Former && b.tpl.Has(formerTemplate):
			tmpl, kind = formerTemplate, formerKind
		case l.Former:
			tmpl, kind = "signatories-filter.html", formerKind
		}
		return b.writeSpecial(indexFile(l.URL), tmpl, kind, p)
	})
}

// listings are the directory's pages the build writes: all of them but the
// first page of the directory when content/signatories/_index.md makes it.
func (b *builder) listings() []*register.Listing {
	all := b.register().Listings()
	out := all[:0:0]
	for _, l := range all {
		if l.URL == "/"+register.Section+"/" && b.rs.Content.Page(l.URL) != nil {
			continue
		}
		out = append(out, l)
	}
	return out
}

// register is the signatory register of the content being built, made once
// for the steps that list and write its files.
func (b *builder) register() *register.Register {
	b.regOnce.Do(func() { b.reg = register.New(b.rs.Content) })
	return b.reg
}

// directoryFiles lists the files writeSignatoryDirectory writes.
func (b *builder) directoryFiles() []string {
	var files []string
	for _, l := range b.listings() {
		files = append(files, indexFile(l.URL))
	}
	return files
}

// signatoryDataFiles lists the files writeSignatoryData writes.
func (b *builder) signatoryDataFiles() []string {
	return []string{register.Section + "/index.json", "signatories.json", "signatories.csv"}
}

// listingPage is the page a listing is rendered as: it has no Markdown file,
// so its title and summary are made here.
func listingPage(site *content.Site, l *register.Listing) *content.Page {
	p := &content.Page{Kind: content.KindList, Section: register.Section, Slug: register.Section, URL: l.URL,
		Title: "Signatories", Summary: "Every organisation that has signed, with its sector, region, size and the date it signed."}
	if dir := site.Page("/" + register.Section + "/"); dir != nil {
		p.Title, p.Summary = dir.Title, dir.Summary
	}
	if v := l.Value; v != nil {
		p.Slug = v.Slug
		p.Title = filterTitle(v)
		p.Summary = filterSummary(v)
	}
	if l.Former {
		p.Slug = "former"
		p.Title = "Former signatories"
		p.Summary = "Organisations that signed but are signatories no longer: their signature lapsed without renewal, or they withdrew."
	}
	if l.Of > 1 {
		p.Title += fmt.Sprintf(" (page %d of %d)", l.Number, l.Of)
	}
	return p
}

// filterTitle names a filter page: "Signatories by region: Bristol".
func filterTitle(v *register.Value) string {
	switch v.Facet.Key {
	case "pledge":
		return "Signatories of " + v.Label
	case "status":
		return "Signatories by status: " + v.Label
	}
	return "Signatories by " + strings.ToLower(v.Facet.Label) + ": " + v.Label
}

// filterSummary says in a sentence what a filter page lists.
func filterSummary(v *register.Value) string {
	n := v.Count()
	orgs := fmt.Sprintf("%d %s", n, plural(n, "organisation", "organisations"))
	have := plural(n, "has", "have")
	switch v.Facet.Key {
	case "region":
		return fmt.Sprintf("%s in %s %s signed.", orgs, v.Label, have)
	case "sector":
		return fmt.Sprintf("%s in the sector %s %s signed.", orgs, v.Label, have)
	case "size":
		return fmt.Sprintf("%d %s %s %s signed.", n, strings.ToLower(v.Label), plural(n, "organisation", "organisations"), have)
	case "year":
		return fmt.Sprintf("%s signed in %s.", orgs, v.Label)
	case "status":
		return fmt.Sprintf("%s %s the status %s.", orgs, have, strings.ToLower(v.Label))
	case "level":
		return fmt.Sprintf("%s %s reached the level %s.", orgs, have, v.Label)
	}
	return fmt.Sprintf("%s %s signed %s.", orgs, have, v.Label)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// writeSignatoryData writes the search index and the open data.
func (b *builder) writeSignatoryData() error {
	reg := b.register()
	index, err := reg.Index()
	if err != nil {
		return err
	}
	// Already compact: the raw output skips a minifier pass over a large file.
	if err := b.raw.WriteFile(register.Section+"/index.json", index); err != nil {
		return err
	}
	data, err := reg.JSON(b.rs.Content, b.rs.Config.Title, b.rs.AbsURL)
	if err != nil {
		return err
	}
	if err := b.raw.WriteFile("signatories.json", data); err != nil {
		return err
	}
	csv, err := reg.CSV(b.rs.AbsURL)
	if err != nil {
		return err
	}
	return b.raw.WriteFile("signatories.csv", csv)
}

// parallel runs fn for 0..n-1 on the build's workers and returns the first
// error.
func (b *builder) parallel(n int, fn func(i int) error) error {
	return parallel.For(b.workers, n, func(_, i int) error { return fn(i) })
}

// renderSignatoryRows renders each signatory's directory row once, for the
// listings to reuse (see render.Site.SignatoryRows).
func (b *builder) renderSignatoryRows(all []*content.Page) error {
	rows := make([]template.HTML, len(all))
	err := b.parallel(len(all), func(i int) error {
		var buf bytes.Buffer
		if err := b.tpl.Partial(&buf, "partials/signatory-item.html", all[i]); err != nil {
			return err // a theme without the partial renders rows in place
		}
		rows[i] = template.HTML(buf.String())
		return nil
	})
	if err != nil {
		return err
	}
	b.rs.SignatoryRows = make(map[*content.Page]template.HTML, len(all))
	for i, p := range all {
		b.rs.SignatoryRows[p] = rows[i]
	}
	return nil
}
