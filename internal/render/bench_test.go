package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/i18n"
	"github.com/coproduce/coproduce/internal/sitegen"
	"github.com/coproduce/coproduce/internal/theme"
)

// BenchmarkPage runs the default theme's template for one signatory's page
// and one page of the directory of a generated site, on one goroutine, as
// the build runs it for each page: the template's share of a build, apart
// from the Markdown, the minifier and the rest. The body is a fixed
// paragraph; the template does not read it.
func BenchmarkPage(b *testing.B) {
	dir := b.TempDir()
	if err := sitegen.Write(dir, sitegen.Options{Signatories: 200}); err != nil {
		b.Fatal(err)
	}
	src := os.DirFS(dir)
	cfg, diags := config.Load(src)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	contentFS, _ := fs.Sub(src, "content")
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	site, diags := content.Load(contentFS, content.Options{Dir: "content", Languages: cfg.OtherLanguages(), Now: now})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	th, err := theme.Open(src, cfg.Theme)
	if err != nil {
		b.Fatal(err)
	}
	words, err := i18n.Load(th.Root, cfg.Language)
	if err != nil {
		b.Fatal(err)
	}
	s := &Site{Config: cfg, Content: site, Now: now, Strings: words, Assets: map[string]string{}}
	ts, diags := Load(th, Funcs(s))
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	// The directory's rows are rendered ahead, once each, as the build
	// does (see Site.SignatoryRows).
	rows := map[string]template.HTML{}
	for _, p := range site.Pages {
		if string(p.Kind) == "signatory" && p.Lang == "" {
			var row bytes.Buffer
			if err := ts.Partial(&row, "partials/signatory-item.html", map[string]any{"Page": p, "Lang": cfg.Language}); err != nil {
				b.Fatal(err)
			}
			rows[p.URL] = template.HTML(row.String())
		}
	}
	s.SignatoryRows = map[string]map[string]template.HTML{"": rows}
	body := template.HTML("<p>We work with people who use our services as equals.</p>")
	for _, c := range []struct{ name, url, tmpl string }{
		{"signatory", "", "signatory.html"},
		{"directory", "/signatories/", "signatories-list.html"},
	} {
		p := site.Page(c.url)
		if p == nil {
			for _, q := range site.Pages {
				if string(q.Kind) == "signatory" && q.Lang == "" {
					p = q
					break
				}
			}
		}
		if p == nil {
			b.Fatalf("no page for %s", c.name)
		}
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				buf.Reset()
				if err := ts.Execute(&buf, NewPageData(s, p, body), c.tmpl); err != nil {
					b.Fatal(err)
				}
			}
			// On a machine shared with other work the processor time
			// the page took is steadier than the time that passed.
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
