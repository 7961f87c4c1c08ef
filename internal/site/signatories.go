package site

import (
	"bytes"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/publish"
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
//
// It writes the directory in each of the site's languages: under
// /cy/signatories/ in Welsh, listing each signatory's Welsh page where it
// has one, with the same filters as the main language's.
func (b *builder) writeSignatoryDirectory(o output) error {
	listings := b.listings()
	b.renderRows()
	defer func() {
		if b.reads != nil {
			b.rows = b.rs.SignatoryRows // the preview makes the next update's rows from them
		}
		// Pages left for later still render from them; a whole build
		// lets them go.
		if !b.deferring() {
			b.rs.SignatoryRows = nil
		}
	}()
	return b.parallel(len(listings), func(i int) error {
		l := listings[i]
		tmpl, kind := "signatories-list.html", string(content.KindList)
		switch {
		case l.Value != nil:
			tmpl, kind = "signatories-filter.html", filterKind
		case l.Former && b.renderer.tpl.Has(formerTemplate):
			tmpl, kind = formerTemplate, formerKind
		case l.Former:
			tmpl, kind = "signatories-filter.html", formerKind
		}
		if b.deferring() {
			return b.renderLater(o, indexFile(l.URL), tmpl, kind, func() *content.Page { return b.listingPage(l) })
		}
		return b.writeSpecial(o, indexFile(l.URL), tmpl, kind, b.listingPage(l))
	})
}

// langOrMain is lang, or the site's main language for "".
func (b *builder) langOrMain(lang string) string {
	if lang == "" {
		return b.rs.Config.Language
	}
	return lang
}

// listings are the directory's pages the build writes, in every language:
// all of them but a first page of the directory that content/ makes
// (signatories/_index.md, or its translation _index.cy.md).
func (b *builder) listings() []*register.Listing {
	var out []*register.Listing
	for _, reg := range b.registers() {
		for _, l := range reg.Listings() {
			if l.URL == l.Root && b.rs.Content.Page(l.URL) != nil {
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// registers are the signatory register of the content being built in each
// of the site's languages, the main one first, made once for the steps
// that list and write its files (or, in an update of the preview, the last
// build's kept, remapped onto the new pages or refiled: see
// registersAfter). A register in another language lists each
// signatory's translation where it has one, under /LANG/signatories/.
func (b *builder) registers() []*register.Register {
	b.regOnce.Do(func() {
		defer b.regsMade.Store(true)
		if from := b.regsFrom; from != nil && b.rs.Content.SharesPages(from.rs.Content) {
			// The same pages, changed in place if at all.
			b.regs = from.registers()
			if b.refile != nil {
				b.regs = slices.Clone(b.regs)
				for i, reg := range b.regs {
					b.regs[i] = reg.Refile(b.refile, b.rs.Words(b.langOrMain(reg.Lang)))
				}
			}
			return
		}
		if from := b.regsFrom; from != nil {
			next := make(map[*content.Page]*content.Page, len(from.rs.Content.Pages))
			for _, p := range from.rs.Content.Pages {
				next[p] = b.rs.Content.Page(p.URL)
			}
			now := func(p *content.Page) *content.Page { return next[p] }
			for _, reg := range from.registers() {
				b.regs = append(b.regs, reg.Remap(now))
			}
			return
		}
		langs := append([]string{""}, b.rs.Config.OtherLanguages()...)
		b.regs = make([]*register.Register, len(langs))
		// One language a core: the live preview makes them on every
		// save that changes some front matter.
		var before []*register.Register
		if from := b.plansFrom; from != nil && from.regsMade.Load() {
			before = from.regs
		}
		b.parallel(len(langs), func(i int) error {
			b.regs[i] = register.NewIn(b.rs.Content, langs[i], b.rs.Words(b.langOrMain(langs[i])))
			if b.reads != nil {
				b.regs[i].KeepNameKeys() // for the preview's next save
			}
			if i < len(before) && before[i].Lang == langs[i] {
				b.regs[i].SharePlanOf(before[i])
				b.regs[i].NameKeysFrom(before[i])
			}
			return nil
		})
	})
	return b.regs
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
	var files []string
	for _, reg := range b.registers() {
		dir := dataDir(reg)
		files = append(files, dir+register.Section+"/index.json", dir+"signatories.json", dir+"signatories.csv")
		for _, piece := range reg.IndexPiecePaths() {
			files = append(files, dir+piece)
		}
	}
	return files
}

// dataDir is the folder a register's open data is written in: "" for the
// main language, "cy/" for Welsh.
func dataDir(reg *register.Register) string {
	return strings.TrimPrefix(strings.TrimSuffix(reg.Root, register.Section+"/"), "/")
}

// listingPage is the page a listing is rendered as: it has no Markdown file,
// so its title and summary are made here, in the listing's language, from
// the directory's own page in that language where content/ has one.
func (b *builder) listingPage(l *register.Listing) *content.Page {
	w := b.rs.Words(b.langOrMain(l.Lang))
	p := &content.Page{Kind: content.KindList, Section: register.Section, Slug: register.Section, URL: l.URL, Lang: l.Lang,
		Title: w.Format("nav_signatories"), Summary: w.Format("directory_summary")}
	if dir := b.rs.Content.Page(l.Root); dir != nil {
		p.Title, p.Summary = dir.Title, dir.Summary
	}
	if v := l.Value; v != nil {
		p.Slug = v.Slug
		label := v.Label
		if v.Facet.Key == "size" {
			label = strings.ToLower(label)
		}
		p.Title = w.Format("filter_title_"+v.Facet.Key, "value", v.Label)
		p.Summary = w.Plural("filter_summary_"+v.Facet.Key, v.Count(), "value", label)
	}
	if l.Former {
		p.Slug = "former"
		p.Title = w.Format("former_signatories")
		p.Summary = w.Format("former_summary")
	}
	if l.Of > 1 {
		lang := b.langOrMain(l.Lang)
		p.Title += w.Format("page_of", "n", b.rs.NumberIn(lang, l.Number), "of", b.rs.NumberIn(lang, l.Of))
	}
	return p
}

// writeSignatoryData writes the search index and the open data.
// In another language they are under its folder: /cy/signatories.json
// holds the Welsh names and addresses, and /cy/signatories/index.json the
// Welsh filter names the Welsh directory's search shows.
//
// The large files are streamed to the output as they are made, so memory
// does not grow with them: at 100,000 signatories the JSON alone is tens
// of megabytes.
//
// The live preview makes them when they are first asked for: nobody
// reads them while editing, and at 10,000 signatories they took most of
// the time of a save.
func (b *builder) writeSignatoryData(o output) error {
	return o.rec.writeLater(b.signatoryDataFiles(), b.writeSignatoryDataTo)
}

func (b *builder) writeSignatoryDataTo(out publish.Output) error {
	for _, reg := range b.registers() {
		dir := dataDir(reg)
		// Already compact: the raw output skips a minifier pass over a large file.
		err := stream(out, dir+register.Section+"/index.json", reg.WriteIndex)
		if err == nil {
			err = stream(out, dir+"signatories.json", func(w io.Writer) error {
				return reg.WriteJSON(w, b.rs.Content, b.rs.Config.In(reg.Lang).Title, b.rs.AbsURL)
			})
		}
		if err == nil {
			err = stream(out, dir+"signatories.csv", func(w io.Writer) error { return reg.WriteCSV(w, b.rs.AbsURL) })
		}
		if err == nil {
			err = reg.WriteIndexPieces(func(path string, data []byte) error { return out.WriteFile(dir+path, data) })
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// stream writes one file to out with write, as it makes it.
func stream(out publish.Output, name string, write func(io.Writer) error) error {
	w, err := publish.Create(out, name)
	if err != nil {
		return err
	}
	if err := write(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// parallel runs fn for 0..n-1 on the build's workers and returns the first
// error.
func (b *builder) parallel(n int, fn func(i int) error) error {
	return parallel.For(b.workers, n, func(_, i int) error { return fn(i) })
}

// renderRows renders every signatory's row of the directory in every
// language, once a build, for the directory's pages to show.
func (b *builder) renderRows() {
	b.rowsOnce.Do(func() {
		b.rs.SignatoryRows = map[string]map[string]template.HTML{}
		for _, reg := range b.registers() {
			if err := b.renderSignatoryRows(reg.All, reg.Lang, b.rows[reg.Lang]); err != nil {
				delete(b.rs.SignatoryRows, reg.Lang)
			}
		}
	})
}

// renderSignatoryRows renders each signatory's directory row once, for the
// listings to reuse (see render.Site.SignatoryRows). In an update of the
// preview, the rows of last whose signatory the save did not change are
// kept.
func (b *builder) renderSignatoryRows(all []*content.Page, lang string, last map[string]template.HTML) error {
	var redo []*content.Page
	switch {
	case b.change == nil || last == nil:
		redo = all
	case !b.change.pledges:
		// No pledge changed: the rows to make again are those of the
		// changed pages and their translations, found from them rather
		// than by asking every signatory.
		redo = b.change.changedSignatories(b.rs.Content, all)
		if len(last)+len(redo) < len(all) {
			redo = b.change.missingRows(all, last) // a signatory without a row: ask each
		}
	default:
		redo = b.change.missingRows(all, last)
	}
	rows := make([]template.HTML, len(redo))
	err := b.parallel(len(redo), func(i int) error {
		var buf bytes.Buffer
		if err := b.renderer.tpl.Partial(&buf, "partials/signatory-item.html", map[string]any{"Page": redo[i], "Lang": b.langOrMain(lang)}); err != nil {
			return err // a theme without the partial renders rows in place
		}
		rows[i] = template.HTML(buf.String())
		return nil
	})
	if err != nil {
		return err
	}
	byURL := make(map[string]template.HTML, len(all))
	if len(redo) < len(all) {
		byURL = maps.Clone(last) // less the rows of the pages that went
		for url := range b.change.pages {
			if b.rs.Content.Page(url) == nil {
				delete(byURL, url)
			}
		}
	}
	for i, p := range redo {
		byURL[p.URL] = rows[i]
	}
	b.rs.SignatoryRows[lang] = byURL
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
