package site

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/render"
)

// writeGenerated writes the files that come from the site as a whole
// rather than from one Markdown file.
func (b *builder) writeGenerated(diags *diag.List) {
	steps := []struct {
		name string
		fn   func() error
	}{
		{"404.html", b.writeNotFound},
		{"accessibility/index.html", b.writeAccessibility},
		{"alias pages", b.writeAliases},
		{"sitemap.xml", b.writeSitemap},
		{"robots.txt", b.writeRobots},
		{"feed.xml", b.writeFeed},
		{"signatory directory and filter pages", b.writeSignatoryDirectory},
		{"signatories.json, signatories.csv and signatories/index.json", b.writeSignatoryData},
		{"signatory badges", b.writeBadges},
		{"_redirects", b.writeRedirects},
		{"_headers", b.writeHeaders},
	}
	// The steps write different files from the same finished content, so
	// they run at once: the open data is written on one core, and would
	// otherwise leave the other idle, while the directory's pages keep
	// every core busy. Problems are reported in the order of the steps.
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.fn()
		}()
	}
	wg.Wait()
	for i, s := range steps {
		if errs[i] != nil && !b.tpl.Faults().Add(s.name, errs[i]) {
			diags.Errorf(diag.Pos{File: s.name}, "check the theme's templates and that the output folder can be written", "could not write %s: %v", s.name, errs[i])
		}
	}
	*diags = append(*diags, b.tpl.Faults().Diags()...)
}

// writeGeneratedRecorded is writeGenerated that also returns the names of
// the files it wrote, so an incremental rebuild knows which files come
// from the site as a whole without writing them all a second time.
func (b *builder) writeGeneratedRecorded(diags *diag.List) []string {
	out, raw := b.out, b.raw
	gen := newRecorder(raw)
	b.out, b.raw = publish.Minified(gen, b.minifier), gen
	b.writeGenerated(diags)
	b.out, b.raw = out, raw
	return gen.Names()
}

// writeSpecial renders a page that has no Markdown file of its own.
func (b *builder) writeSpecial(file, tmpl, kind string, p *content.Page) error {
	var buf bytes.Buffer
	data := render.NewPageData(b.rs, p, "")
	data.Kind = kind
	if err := b.tpl.Execute(&buf, data, tmpl); err != nil {
		return err
	}
	return b.out.WriteFile(file, buf.Bytes())
}

func (b *builder) writeNotFound() error {
	return b.writeSpecial("404.html", "404.html", "404", &content.Page{Kind: content.KindPage, Title: "Page not found", URL: "/404.html"})
}

// writeAccessibility writes the accessibility statement from site.yaml,
// unless the site wrote its own content/accessibility.md.
func (b *builder) writeAccessibility() error {
	if b.rs.Content.Page("/accessibility/") != nil {
		return nil
	}
	p := &content.Page{Kind: content.KindPage, Title: "Accessibility statement", URL: "/accessibility/",
		Summary: "How accessible this website is, and how to tell us about a problem."}
	return b.writeSpecial("accessibility/index.html", "accessibility.html", "accessibility", p)
}

var aliasTemplate = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>This page has moved – {{.Title}}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Abs}}">
<meta http-equiv="refresh" content="0; url={{.Rel}}">
</head>
<body>
<main>
<h1>This page has moved</h1>
<p>Go to <a href="{{.Rel}}">{{.Title}}</a>.</p>
</main>
</body>
</html>
`))

// writeAliases writes a small page at each old address that sends the
// reader on to the new one. It works on any static host, with or without
// JavaScript.
func (b *builder) writeAliases() error {
	for _, p := range b.rs.Content.Pages {
		for _, a := range p.Aliases {
			var buf bytes.Buffer
			err := aliasTemplate.Execute(&buf, map[string]string{
				"Lang": b.rs.Config.Language, "Title": p.Title,
				"Rel": b.rs.RelURL(p.URL), "Abs": b.rs.AbsURL(p.URL),
			})
			if err != nil {
				return err
			}
			if err := b.out.WriteFile(fileForURL(a), buf.Bytes()); err != nil {
				return fmt.Errorf("alias %s of %s: %w", a, p.File, err)
			}
		}
	}
	return nil
}
