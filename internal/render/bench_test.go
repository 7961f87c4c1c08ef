package render

import (
	"bytes"
	"html/template"
	"syscall"
	"testing"
	"time"
)

// BenchmarkPage runs the default theme's template for one signatory's page
// and one page of the directory of a generated site, on one goroutine, as
// the build runs it for each page: the template's share of a build, apart
// from the Markdown, the minifier and the rest. The body is a fixed
// paragraph; the template does not read it.
func BenchmarkPage(b *testing.B) {
	s, ts := generatedSite(b, 200, nil)
	cfg, site := s.Config, s.Content
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
