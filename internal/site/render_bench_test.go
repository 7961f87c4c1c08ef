package site

import (
	"bytes"
	"html/template"
	"os"
	"strconv"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/register"
	"github.com/coproduce/coproduce/internal/render"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// The template benchmarks time one page's html/template execution alone,
// with nothing of Markdown, minifying or writing around it: the part of a
// build the theme and the render package decide. A generated site with 200
// signatories is built once; its builder then renders the same page over
// and over, so partialCached finds what the page shares with others, as it
// does for all but the first of the pages sharing it in a build.

func renderBenchBuilder(b *testing.B) *builder {
	b.Helper()
	res := Build(Options{Source: sitegen.MapFS(sitegen.Options{Signatories: benchSignatories()}), Output: publish.NewMemory()})
	if res.Diags.HasErrors() {
		b.Fatalf("the generated site has errors:\n%v", res.Diags[0])
	}
	return res.state
}

// BenchmarkSignatoryPageTemplate renders one signatory's page.
func BenchmarkSignatoryPageTemplate(b *testing.B) {
	bld := renderBenchBuilder(b)
	p := bld.rs.Content.Section(register.Section)[7]
	names := templateNames(p)
	body := template.HTML("<p>x</p>")
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		buf.Reset()
		if err := bld.renderer.tpl.Execute(&buf, render.NewPageData(bld.rs, p, body), names...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListingPageTemplate renders one page of the signatory directory
// and one page of a filter, as writeSignatoryDirectory does: with every
// signatory's row rendered ahead.
func BenchmarkListingPageTemplate(b *testing.B) {
	bld := renderBenchBuilder(b)
	reg := register.New(bld.rs.Content)
	bld.rs.SignatoryRows = map[string]map[string]template.HTML{}
	if err := bld.renderSignatoryRows(reg.All, "", nil); err != nil {
		b.Fatal(err)
	}
	defer func() { bld.rs.SignatoryRows = nil }()
	var directory, filter *register.Listing
	for _, l := range reg.Listings() {
		switch {
		case l.Value == nil && l.Number == 2:
			directory = l
		case l.Value != nil && l.Value.Facet.Key == "region" && filter == nil:
			filter = l
		}
	}
	for _, c := range []struct {
		name, tmpl, kind string
		l                *register.Listing
	}{
		{"directory", "signatories-list.html", string(content.KindList), directory},
		{"filter", "signatories-filter.html", filterKind, filter},
	} {
		b.Run(c.name, func(b *testing.B) {
			if c.l == nil {
				b.Fatal("the generated site has no such listing")
			}
			p := bld.listingPage(c.l)
			var buf bytes.Buffer
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				buf.Reset()
				data := render.NewPageData(bld.rs, p, "")
				data.Kind = c.kind
				if err := bld.renderer.tpl.Execute(&buf, data, c.tmpl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchSignatories is 200 unless COPRODUCE_BENCH_SIGNATORIES says
// otherwise: a listing page of a 10,000-signatory site joins its rows from
// a far larger heap, which is worth timing too.
func benchSignatories() int {
	if n, err := strconv.Atoi(os.Getenv("COPRODUCE_BENCH_SIGNATORIES")); err == nil && n > 0 {
		return n
	}
	return 200
}
