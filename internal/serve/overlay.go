package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// problem is one diagnostic as the error page shows it.
type problem struct {
	diag.Diagnostic
	Where  string // FILE:LINE:COL
	Line   string // the offending line of the file, when it can be read
	Number int
}

// Limits that keep the error page and the panel small whatever the size
// of the site: a page of 12,000 problems is megabytes that nobody reads.
const (
	maxPageProblems  = 20   // problems on the error page
	maxPanelWarnings = 20   // warnings in the panel
	maxShownText     = 400  // characters of a source line shown
	maxProblemText   = 1000 // characters of a problem or fix shown
)

// problems prepares diags for the page, reading each offending line from
// the site so the editor sees it without opening the file.
func problems(src fs.FS, diags diag.List) []problem {
	files := map[string][]string{}
	var out []problem
	for _, d := range diags {
		p := problem{Diagnostic: d, Where: d.Pos.String(), Line: d.Source}
		if p.Line == "" && src != nil && d.Line > 0 && d.File != "" {
			lines, ok := files[d.File]
			if !ok {
				if data, err := fs.ReadFile(src, d.File); err == nil && len(data) < 4<<20 {
					lines = strings.Split(string(data), "\n")
				}
				files[d.File] = lines
			}
			if d.Line <= len(lines) {
				p.Line = strings.TrimRight(lines[d.Line-1], "\r")
			}
		}
		p.Line = shorten(p.Line, maxShownText)
		p.Problem = shorten(p.Problem, maxProblemText)
		p.Fix = shorten(p.Fix, maxProblemText)
		p.Number = d.Line
		out = append(out, p)
	}
	return out
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} to fix – coproduce</title>
<link rel="stylesheet" href="/__reload.css">
</head>
<body class="coproduce-errors">
<main id="main-content">
<h1>The site has {{.Title}} to fix</h1>
<p>The preview shows the last version that worked. Fix the errors below and save: this page will reload by itself.{{with .Warnings}} The site also has {{.}}; they do not stop the site.{{end}}</p>
<ol class="coproduce-problems">
{{range .Problems}}<li class="coproduce-problem coproduce-{{.Severity}}">
<h2><span class="coproduce-severity">{{if eq .Severity.String "error"}}Error{{else}}Warning{{end}}</span> in <code>{{.Where}}</code></h2>
<p>{{.Problem}}</p>
{{if .Line}}<pre><code><span class="coproduce-lineno">{{.Number}} | </span>{{.Line}}</code></pre>{{end}}
{{with .Fix}}<p><strong>How to fix it:</strong> {{.}}</p>{{end}}
</li>
{{end}}</ol>
{{if .More}}<p class="coproduce-more">This page shows the first {{len .Problems}} problems. There are {{.More}}. To list them all, run <code>{{.ListAll}}</code></p>{{end}}
</main>
` + reloadTag + `
</body>
</html>
`))

// errorPageData feeds errorPage.
type errorPageData struct {
	Title    string // "1 error"
	Warnings string // "12147 warnings", or "" for none
	Problems []problem
	More     string // "12128 more: 1 error and 12127 warnings"
	ListAll  string // the command that lists every problem
}

// renderErrorPage writes the page shown instead of any page of the site
// while the content has errors: errors first, at most maxPageProblems of
// them, with the true counts.
func renderErrorPage(src fs.FS, diags diag.List, listAll string) []byte {
	sorted := diags.ErrorsFirst()
	shown := sorted[:min(len(sorted), maxPageProblems)]
	data := errorPageData{
		Title:    plural(diags.Count(diag.Error), "error"),
		Problems: problems(src, shown),
		ListAll:  listAll,
	}
	if n := diags.Count(diag.Warning); n > 0 {
		data.Warnings = plural(n, "warning")
	}
	if rest := sorted[len(shown):]; len(rest) > 0 {
		data.More = fmt.Sprintf("%d more: %s and %s", len(rest),
			plural(rest.Count(diag.Error), "error"), plural(rest.Count(diag.Warning), "warning"))
	}
	var buf bytes.Buffer
	if err := errorPage.Execute(&buf, data); err != nil {
		return []byte("coproduce: " + template.HTMLEscapeString(err.Error()))
	}
	return buf.Bytes()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

var warningPanel = template.Must(template.New("warnings").Parse(`<link rel="stylesheet" href="/__reload.css">
<details class="coproduce-warnings">
<summary>{{if .Own}}{{.Own}} about this page, {{end}}{{.Site}} about the whole site</summary>
<ul>{{range .Shown}}<li><code>{{.Where}}</code>: {{.Problem}}{{with .Fix}}; {{.}}{{end}}</li>{{end}}</ul>
{{if .More}}<p>And {{.More}} more. To list them all, run <code>{{.ListAll}}</code></p>{{end}}
</details>
`))

// warningPanelData feeds warningPanel.
type warningPanelData struct {
	Own, Site string // "3 warnings"; Own is "" when the page has none
	Shown     []problem
	More      int
	ListAll   string
}

// warningSet is the warnings of a site that builds, ready to put into
// each page: the page's own first.
type warningSet struct {
	all     diag.List            // every warning, in file order
	byFile  map[string]diag.List // the warnings of each file
	sources func(string) string  // the content file of each page, by the file it is published as
	listAll string
}

// newWarningSet gathers the warnings of diags; sources finds the content
// file that made a page, by the file it is published as, as the builder
// knows it (site.Incremental.PageSources).
func newWarningSet(diags diag.List, listAll string, sources func(string) string) *warningSet {
	if len(diags) == 0 {
		return nil
	}
	sorted := diags.ErrorsFirst()
	ws := &warningSet{all: sorted, byFile: map[string]diag.List{}, sources: sources, listAll: listAll}
	for _, d := range sorted {
		ws.byFile[d.File] = append(ws.byFile[d.File], d)
	}
	return ws
}

// panel is the small closed panel put into the page published as name
// (such as "principles/equal-voice/index.html"), or into any page when
// name is "". It is a <details> element, so it opens and closes without
// JavaScript, and it starts closed so it never covers the page.
func (ws *warningSet) panel(name string) string {
	if ws == nil {
		return ""
	}
	source := ""
	if ws.sources != nil {
		source = ws.sources(name) // "" for a page no content file made
	}
	own := ws.byFile[source]
	if source == "" {
		own = nil
	}
	shown := own[:min(len(own), maxPanelWarnings)]
	if len(shown) < maxPanelWarnings {
		for _, d := range ws.all {
			if len(shown) == maxPanelWarnings {
				break
			}
			if source == "" || d.File != source {
				shown = append(shown, d)
			}
		}
	}
	data := warningPanelData{Site: plural(len(ws.all), "warning"), Shown: problems(nil, shown), More: len(ws.all) - len(shown), ListAll: ws.listAll}
	if len(own) > 0 {
		data.Own = plural(len(own), "warning")
	}
	var buf bytes.Buffer
	if err := warningPanel.Execute(&buf, data); err != nil {
		return ""
	}
	return buf.String()
}

// overlayCSS styles the error page and the warning panel: dark text on
// white (contrast over 15:1), a thick yellow-on-black focus ring like
// GOV.UK's, and text that reflows at 320 px.
const overlayCSS = `.coproduce-errors{margin:0;padding:1rem;font-family:system-ui,sans-serif;font-size:1.1875rem;line-height:1.5;color:#0b0c0c;background:#fff}
.coproduce-errors main{max-width:60rem;margin:0 auto}
.coproduce-errors h1{font-size:2rem;margin:0 0 1rem}
.coproduce-problems{padding-left:1.5rem}
.coproduce-problem{border-left:6px solid #d4351c;padding:0 0 0 1rem;margin:0 0 1.5rem}
.coproduce-problem.coproduce-warning{border-left-color:#505a5f}
.coproduce-problem h2{font-size:1.1875rem;margin:0 0 .5rem}
.coproduce-errors code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.coproduce-errors pre{background:#f3f2f1;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.coproduce-severity{color:#942514}
.coproduce-warning .coproduce-severity{color:#0b0c0c}
.coproduce-warnings{position:fixed;bottom:0;right:0;max-width:40rem;max-height:40vh;overflow:auto;z-index:9999;margin:0;padding:.5rem 1rem;font:1rem/1.4 system-ui,sans-serif;color:#0b0c0c;background:#fff;border:3px solid #0b0c0c}
.coproduce-warnings summary{cursor:pointer;font-weight:bold;min-height:24px}
.coproduce-errors a:focus,.coproduce-warnings summary:focus{outline:3px solid transparent;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;color:#0b0c0c}
@media (prefers-color-scheme:dark){.coproduce-errors,.coproduce-warnings{color:#fff;background:#0b0c0c;border-color:#fff}.coproduce-errors pre{background:#262626}.coproduce-severity{color:#ff9c8f}.coproduce-warning .coproduce-severity{color:#fff}}
`
