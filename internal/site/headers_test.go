package site

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/coproduce/coproduce/internal/publish"
)

// buildExample builds the example site at the top of the repository into
// memory, failing the test on any error.
func buildExample(t *testing.T) *publish.Memory {
	t.Helper()
	out := publish.NewMemory()
	res := Build(Options{Source: os.DirFS("../.."), Output: out, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the example site does not build:\n%v", res.Diags)
	}
	return out
}

func TestHeadersFileHasStrictCSP(t *testing.T) {
	out := buildExample(t)
	data, ok := out.Get("_headers")
	if !ok {
		t.Fatal("no _headers file was written, so Netlify and Cloudflare Pages send no Content-Security-Policy")
	}
	h := string(data)
	for _, want := range []string{
		"/*\n",
		"Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';",
		"object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
		"X-Content-Type-Options: nosniff",
		"Referrer-Policy: ",
		"Permissions-Policy: ",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("_headers lacks %q:\n%s", want, h)
		}
	}
	if strings.Contains(h, "unsafe-inline") || strings.Contains(h, "unsafe-eval") {
		t.Errorf("_headers weakens the policy with unsafe-inline or unsafe-eval:\n%s", h)
	}
	// Every fingerprinted file is cached for a year, under its published name.
	var css string
	for _, name := range out.Names() {
		if strings.HasPrefix(name, "style.") && strings.HasSuffix(name, ".css") {
			css = name
		}
	}
	if css == "" {
		t.Fatal("the build wrote no fingerprinted style.HASH.css")
	}
	if want := "/" + css + "\n  Cache-Control: public, max-age=31536000, immutable\n"; !strings.Contains(h, want) {
		t.Errorf("_headers does not cache %s for a year; want %q in:\n%s", css, want, h)
	}
}

// TestNoInlineScriptOrStyle proves the strict policy in _headers does not
// break the site: no page of the example build needs an inline script, an
// inline style, an event handler attribute or a javascript: link.
func TestNoInlineScriptOrStyle(t *testing.T) {
	out := buildExample(t)
	pages := 0
	for _, name := range out.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		data, _ := out.Get(name)
		for _, problem := range inlineCode(data) {
			t.Errorf("%s: %s, which the Content-Security-Policy blocks", name, problem)
		}
	}
	if pages < 10 {
		t.Fatalf("only %d HTML files were built; the example site should give dozens", pages)
	}
}

func TestInlineCodeFindsWhatCSPBlocks(t *testing.T) {
	for _, tc := range []struct {
		html string
		want int
	}{
		{`<p>fine</p><script src="/a.js"></script><link rel="stylesheet" href="/s.css">`, 0},
		{`<script>alert(1)</script>`, 1},
		{`<p style="color:red">x</p>`, 1},
		{`<style>p{}</style>`, 1},
		{`<button onclick="go()">x</button>`, 1},
		{`<a href="javascript:go()">x</a>`, 1},
		{`<script type="application/ld+json">{"@type":"Organization"}</script>`, 0},
	} {
		if got := inlineCode([]byte(tc.html)); len(got) != tc.want {
			t.Errorf("inlineCode(%s) = %q, want %d problems", tc.html, got, tc.want)
		}
	}
}

// inlineCode lists what in a page a strict CSP would block. JSON-LD is data,
// not script, so browsers do not run it and the policy allows it.
func inlineCode(page []byte) []string {
	var problems []string
	l := html.NewLexer(parse.NewInputBytes(page))
	var tag string
	var hasSrc, isData bool
	endStart := func() {
		if tag == "script" && !hasSrc && !isData {
			problems = append(problems, "an inline <script>")
		}
	}
	for {
		tt, _ := l.Next()
		switch tt {
		case html.ErrorToken:
			return problems
		case html.StartTagToken:
			tag, hasSrc, isData = strings.ToLower(string(l.Text())), false, false
			if tag == "style" {
				problems = append(problems, "a <style> element")
			}
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := strings.Trim(strings.ToLower(string(l.AttrVal())), `"' `)
			switch {
			case key == "style":
				problems = append(problems, fmt.Sprintf("a style attribute on <%s>", tag))
			case strings.HasPrefix(key, "on"):
				problems = append(problems, fmt.Sprintf("an event handler %s= on <%s>", key, tag))
			case (key == "href" || key == "src" || key == "action") && strings.HasPrefix(val, "javascript:"):
				problems = append(problems, fmt.Sprintf("a javascript: link on <%s>", tag))
			case key == "src":
				hasSrc = true
			case key == "type" && strings.HasSuffix(val, "json"):
				isData = true
			}
		case html.StartTagCloseToken, html.StartTagVoidToken:
			endStart()
			tag = ""
		}
	}
}
