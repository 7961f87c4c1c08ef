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
		p.Number = d.Line
		out = append(out, p)
	}
	return out
}

var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Summary}} to fix – coproduce</title>
<link rel="stylesheet" href="/__reload.css">
</head>
<body class="coproduce-errors">
<main id="main-content">
<h1>The site has {{.Summary}} to fix</h1>
<p>The preview shows the last version that worked. Fix the problems below and save: this page will reload by itself.</p>
<ol class="coproduce-problems">
{{range .Problems}}<li class="coproduce-problem coproduce-{{.Severity}}">
<h2><span class="coproduce-severity">{{if eq .Severity.String "error"}}Error{{else}}Warning{{end}}</span> in <code>{{.Where}}</code></h2>
<p>{{.Problem}}</p>
{{if .Line}}<pre><code><span class="coproduce-lineno">{{.Number}} | </span>{{.Line}}</code></pre>{{end}}
{{with .Fix}}<p><strong>How to fix it:</strong> {{.}}</p>{{end}}
</li>
{{end}}</ol>
</main>
` + reloadTag + `
</body>
</html>
`))

// errorPageData feeds errorPage.
type errorPageData struct {
	Summary  string
	Problems []problem
}

// renderErrorPage writes the page shown instead of any page of the site
// while the content has errors.
func renderErrorPage(src fs.FS, diags diag.List) []byte {
	ps := problems(src, diags)
	var buf bytes.Buffer
	n := diags.Count(diag.Error)
	summary := "1 problem"
	if n != 1 {
		summary = fmt.Sprintf("%d problems", n)
	}
	if err := errorPage.Execute(&buf, errorPageData{Summary: summary, Problems: ps}); err != nil {
		return []byte("coproduce: " + template.HTMLEscapeString(err.Error()))
	}
	return buf.Bytes()
}

var warningPanel = template.Must(template.New("warnings").Parse(`<link rel="stylesheet" href="/__reload.css">
<details class="coproduce-warnings" open>
<summary>{{len .}} warning{{if ne (len .) 1}}s{{end}} about this site (click to close)</summary>
<ul>{{range .}}<li><code>{{.Where}}</code>: {{.Problem}}{{with .Fix}}; {{.}}{{end}}</li>{{end}}</ul>
</details>
`))

// maxPanelWarnings keeps the panel readable on a site with many warnings.
const maxPanelWarnings = 50

// renderWarnings is the small closable panel put into every page while the
// site builds but has warnings. It is a <details> element, so it closes
// without JavaScript.
func renderWarnings(diags diag.List) string {
	ps := problems(nil, diags)
	if len(ps) > maxPanelWarnings {
		ps = ps[:maxPanelWarnings]
	}
	var buf bytes.Buffer
	if err := warningPanel.Execute(&buf, ps); err != nil {
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
