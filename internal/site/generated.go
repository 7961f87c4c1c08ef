package site

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/parallel"
	"github.com/coproduce/coproduce/internal/publish"
)

// generatedStep is one step that writes files from the site as a whole
// rather than from one Markdown file. It lists the files it writes before
// any step writes, so they can be claimed (see outputs.go); the recorder
// refuses a file the step did not list.
type generatedStep struct {
	what  string          // what it makes, in words, for messages
	files func() []string // the files it writes
	write func(output) error
	// byPages is set when which files it writes follows from which
	// pages, aliases and files there are alone, so a save that moves none
	// keeps its list (declareFiles).
	byPages bool
}

// generatedSteps are the site-wide files, in the order their claims are
// made and their problems reported.
func (b *builder) generatedSteps() []generatedStep {
	one := func(name string) func() []string { return func() []string { return []string{name} } }
	// The directory's pages follow the register's filters, and the open
	// data's search index its names: neither is byPages.
	return []generatedStep{
		{"the home page", b.homeFiles, b.writeHome, true},
		{"the page for addresses that do not exist", one("404.html"), b.writeNotFound, true},
		{"the accessibility statement", b.accessibilityFiles, b.writeAccessibility, true},
		{"the sitemap", one("sitemap.xml"), b.writeSitemap, true},
		{"robots.txt", one("robots.txt"), b.writeRobots, true},
		{"the news feed", one("feed.xml"), b.writeFeed, true},
		{directoryStep, b.directoryFiles, b.writeSignatoryDirectory, false},
		{"the signatories' open data", b.signatoryDataFiles, b.writeSignatoryData, false},
		{"the signatory badges", b.badgeFiles, b.writeBadges, true},
		{"the alias pages", func() []string { return nil }, b.writeAliases, true}, // claimed by each alias
		{"_redirects", b.redirectsFiles, b.writeRedirects, true},
		{"_headers", one("_headers"), b.writeHeaders, true},
	}
}

// directoryStep names the directory's step in messages.
const directoryStep = "the signatory directory"

// writeGenerated runs the generated steps.
func (b *builder) writeGenerated(o output, diags *diag.List) {
	steps := b.generatedSteps()
	// The steps write different files from the same finished content, so
	// they run at once: the open data is written on one core, and would
	// otherwise leave the other idle, while the directory's pages keep
	// every core busy. Problems are reported in the order of the steps.
	errs := make([]error, len(steps))
	parallel.For(len(steps), len(steps), func(_, i int) error {
		errs[i] = steps[i].write(o)
		return nil
	})
	for i, s := range steps {
		if errs[i] != nil && !b.renderer.tpl.Faults().Add(s.what, errs[i]) {
			diags.Errorf(diag.Pos{File: s.what}, "check the theme's templates and that the output folder can be written", "could not write %s: %v", s.what, errs[i])
		}
	}
	*diags = append(*diags, b.renderer.tpl.Faults().Diags()...)
}

// writeGeneratedRecorded is writeGenerated that also returns the names of
// the files it wrote, so an incremental rebuild knows which files come
// from the site as a whole without writing them all a second time.
//
// A final build has no next update, so it keeps no such list: the names
// of 110,000 badges and the directory's pages, at 100,000 signatories,
// would be held through the busiest part of the build for nothing.
func (b *builder) writeGeneratedRecorded(o output, diags *diag.List) []string {
	if o.final() {
		b.writeGenerated(o, diags)
		return nil
	}
	gen := newRecorder(o.rec)
	gen.claims = o.rec.claims
	b.writeGenerated(output{rec: gen, min: o.min}, diags)
	return gen.Names()
}

// generatedFiles are the files the generated steps make, with written,
// the files they wrote that they do not list beforehand (the aliases).
func (b *builder) generatedFiles(written []string) []string {
	all := set(written)
	for _, name := range b.declared {
		all[name] = true
	}
	out := make([]string, 0, len(all))
	for name := range all {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// writeSpecial renders a page that has no Markdown file of its own. In
// an update of the preview it is left as it was unless the save changed
// something it read.
func (b *builder) writeSpecial(o output, file, tmpl, kind string, p *content.Page) error {
	if b.change != nil && !b.change.redo(file) {
		return nil
	}
	buf := publish.Buffers.Get()
	defer publish.Buffers.Put(buf)
	data, err := b.renderer.executeSpecial(buf, tmpl, kind, p)
	if err != nil {
		return err
	}
	b.keepReads(file, data)
	return o.write(file, buf.Bytes())
}

// homeFiles is the home page, when content/_index.md does not make it:
// every page links home, so a site always has one.
func (b *builder) homeFiles() []string {
	if b.rs.Content.Home() != nil {
		return nil
	}
	return []string{"index.html"}
}

// writeHome writes a home page from site.yaml's title and description.
func (b *builder) writeHome(o output) error {
	if len(b.homeFiles()) == 0 {
		return nil
	}
	p := &content.Page{Kind: content.KindHome, Title: b.rs.Config.Title, Summary: b.rs.Config.Description, URL: "/"}
	tmpl := "home.html"
	if !b.renderer.tpl.Has(tmpl) {
		tmpl = "list.html"
	}
	return b.writeSpecial(o, "index.html", tmpl, string(content.KindHome), p)
}

func (b *builder) writeNotFound(o output) error {
	title := b.rs.Word(b.rs.Config.Language, "page_not_found")
	return b.writeSpecial(o, "404.html", "404.html", "404", &content.Page{Kind: content.KindPage, Title: title, URL: "/404.html"})
}

// accessibilityFiles is the accessibility statement's file, unless the
// site wrote its own content/accessibility.md.
func (b *builder) accessibilityFiles() []string {
	if b.rs.Content.Page("/accessibility/") != nil {
		return nil
	}
	return []string{"accessibility/index.html"}
}

// writeAccessibility writes the accessibility statement from site.yaml.
func (b *builder) writeAccessibility(o output) error {
	if len(b.accessibilityFiles()) == 0 {
		return nil
	}
	lang := b.rs.Config.Language
	p := &content.Page{Kind: content.KindPage, Title: b.rs.Word(lang, "accessibility_statement"), URL: "/accessibility/",
		Summary: b.rs.Word(lang, "accessibility_summary")}
	return b.writeSpecial(o, "accessibility/index.html", "accessibility.html", "accessibility", p)
}

var aliasTemplate = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Moved}} – {{.Title}}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Abs}}">
<meta http-equiv="refresh" content="0; url={{.Rel}}">
</head>
<body>
<main>
<h1>{{.Moved}}</h1>
<p>{{.Go}}</p>
</main>
</body>
</html>
`))

// writeAliases writes a small page at each old address that sends the
// reader on to the new one. It works on any static host, with or without
// JavaScript.
func (b *builder) writeAliases(o output) error {
	for _, p := range b.rs.Content.Pages {
		for _, a := range p.Aliases {
			var buf bytes.Buffer
			lang := b.rs.LangOf(p)
			err := aliasTemplate.Execute(&buf, map[string]any{
				"Lang": lang, "Title": p.Title, "Moved": b.rs.Word(lang, "alias_moved"),
				"Go":  b.rs.WordHTML(lang, "alias_go", "page", b.rs.Link(p.URL, p.Title)),
				"Rel": b.rs.RelURL(p.URL), "Abs": b.rs.AbsURL(p.URL),
			})
			if err != nil {
				return err
			}
			if err := o.write(fileForURL(a), buf.Bytes()); err != nil {
				return fmt.Errorf("alias %s of %s: %w", a, p.File, err)
			}
		}
	}
	return nil
}
