// Package sitegen writes synthetic coproduce sites for benchmarks and large
// tests: N signatories, N/10 case studies, the six principles, six charter
// values and two pledges, each with a Markdown body of about 3 KB with
// headings, lists, emphasis and internal links.
//
// It promises that the same Options give byte-identical files, that every
// generated site builds without errors (every link, cross reference and
// heading anchor it writes exists), and that each file depends only on the
// seed and its own index, so a test can regenerate or edit one file alone.
package sitegen

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"
	"time"
)

// Options shape a generated site.
type Options struct {
	// Signatories is the number of signatory pages; zero means 10,000.
	Signatories int
	// CaseStudies is the number of case studies; zero means Signatories/10
	// (at least one), negative means none.
	CaseStudies int
	// Seed makes a different but equally deterministic site.
	Seed uint64
	// BodyBytes is the rough size of each page's Markdown body; zero
	// means 3,000.
	BodyBytes int
}

func (o Options) withDefaults() Options {
	if o.Signatories <= 0 {
		o.Signatories = 10000
	}
	switch {
	case o.CaseStudies == 0:
		o.CaseStudies = max(1, o.Signatories/10)
	case o.CaseStudies < 0:
		o.CaseStudies = 0
	}
	if o.BodyBytes <= 0 {
		o.BodyBytes = 3000
	}
	return o
}

// Pages is the number of pages a site made with opts has, list pages
// included, as a build reports them.
func Pages(opts Options) int {
	opts = opts.withDefaults()
	// home + five section lists + principles + values + pledges
	return 1 + 5 + len(principles) + len(values) + len(pledges) + opts.Signatories + opts.CaseStudies
}

// SignatoryFile is the path, from the site folder, of signatory i
// (0 <= i < Signatories): the file a test edits to measure a rebuild.
func SignatoryFile(i int) string {
	return "content/signatories/" + signatorySlug(i) + ".md"
}

// SignatoryURL is the page URL of signatory i.
func SignatoryURL(i int) string {
	return "/signatories/" + signatorySlug(i) + "/"
}

// Signatory returns the file of signatory i with the body changed by edit
// (a different edit gives a different body), as a test that simulates an
// editor's save writes it.
func Signatory(opts Options, i, edit int) []byte {
	g := newGen(opts.withDefaults())
	return g.signatory(i, edit)
}

// Each calls fn for every file of the site in a fixed order, stopping at
// the first error. name is slash-separated from the site folder.
func Each(opts Options, fn func(name string, data []byte) error) error {
	g := newGen(opts.withDefaults())
	return g.each(fn)
}

// Write writes the site into dir, which is made if needed. Files already in
// dir are overwritten, others left alone.
func Write(dir string, opts Options) error {
	made := map[string]bool{}
	return Each(opts, func(name string, data []byte) error {
		target := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(target); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// MapFS returns the site in memory, for tests that build from an fs.FS.
func MapFS(opts Options) fstest.MapFS {
	m := fstest.MapFS{}
	_ = Each(opts, func(name string, data []byte) error {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644, ModTime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		return nil
	})
	return m
}

var _ fs.FS = fstest.MapFS{}

const siteYAML = `title: "Generated coproduction site"
description: "A synthetic site for measuring how fast coproduce builds."
base_url: "https://example.org/"
language: "en-GB"
organisation: "Benchmark Network"
contact: "hello@example.org"
`

func (g *gen) each(fn func(name string, data []byte) error) error {
	emit := func(name string, data []byte) error { return fn(name, data) }
	if err := emit("site.yaml", []byte(siteYAML)); err != nil {
		return err
	}
	if err := emit("content/_index.md", g.home()); err != nil {
		return err
	}
	for _, s := range sections {
		if err := emit("content/"+s.dir+"/_index.md", g.sectionIndex(s)); err != nil {
			return err
		}
	}
	for i, p := range principles {
		if err := emit("content/principles/"+p.slug+".md", g.principle(i)); err != nil {
			return err
		}
	}
	for i, v := range values {
		if err := emit("content/charter/"+v.slug+".md", g.value(i)); err != nil {
			return err
		}
	}
	for i, p := range pledges {
		if err := emit("content/pledges/"+p.slug+".md", g.pledge(i)); err != nil {
			return err
		}
	}
	for i := range g.opts.CaseStudies {
		if err := emit("content/case-studies/"+caseStudySlug(i)+".md", g.caseStudy(i)); err != nil {
			return err
		}
	}
	for i := range g.opts.Signatories {
		if err := emit(SignatoryFile(i), g.signatory(i, 0)); err != nil {
			return err
		}
	}
	return nil
}

// frontMatter starts a file with the keys every page has.
func frontMatter(b *bytes.Buffer, title, summary string) {
	fmt.Fprintf(b, "---\ntitle: %q\nsummary: %q\n", title, summary)
}
