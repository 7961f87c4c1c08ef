package htmllinks

import (
	"slices"
	"strings"
	"testing"
)

func all(doc string) []string {
	var out []string
	Each([]byte(doc), func(attr, addr string) { out = append(out, attr+"="+addr) })
	return out
}

func TestEach(t *testing.T) {
	cases := []struct {
		doc  string
		want []string
	}{
		{`<a href="/co/a/">A</a>`, []string{"href=/co/a/"}},
		{`<a href=/co/a/>A</a><img src=x.png alt=x>`, []string{"href=/co/a/", "src=x.png"}},
		{`<A HREF='/x?a=1&amp;b=2'>`, []string{"href=/x?a=1&b=2"}},
		{`<img srcset="a.png 1x, b.png 2x" src=c.png>`, []string{"srcset=a.png", "srcset=b.png", "src=c.png"}},
		{`<meta http-equiv="refresh" content="0; url=/co/new/">`, []string{"content=/co/new/"}},
		{`<meta content="0; URL='/co/new/'" http-equiv=Refresh>`, []string{"content=/co/new/"}},
		{`<meta name="description" content="url=/not/a/link">`, nil},
		{`<p>Write href="/x" in your page</p>`, nil},
		{`<!-- <a href="/commented/"> --><a href="/real/">`, []string{"href=/real/"}},
		{`<script src="/s.js">var a = "<a href='/in-script/'>";</script><a href=/after/>`, []string{"src=/s.js", "href=/after/"}},
		{`<style>a[href="/in-style/"]{}</style>`, nil},
		{`<pre><code>&lt;a href="https://example.org/badge/"&gt;</code></pre>`, nil},
		{`<link rel=stylesheet href=/style.css><form action=/search/>`, []string{"href=/style.css", "action=/search/"}},
		{`<a data-x="/no/" href = "/yes/" >`, []string{"href=/yes/"}},
		{`<a href="/unclosed`, nil},
		{`<`, nil},
		{`<a href`, nil},
		{`<a =x href=/y/>`, []string{"href=/y/"}},
	}
	for _, c := range cases {
		if got := all(c.doc); !slices.Equal(got, c.want) {
			t.Errorf("Each(%q) = %q, want %q", c.doc, got, c.want)
		}
	}
}

func FuzzEach(f *testing.F) {
	for _, s := range []string{`<a href="/a/">`, `<img srcset="a 1x, b 2x">`, `<meta http-equiv=refresh content="0;url=/x/">`, `<script></script>`, `<!--`, `<a href='&amp;'>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		n := 0
		Each([]byte(doc), func(attr, addr string) {
			n++
			if attr == "" {
				t.Fatal("an address without its attribute")
			}
		})
		if n > len(doc) {
			t.Fatalf("%d addresses in %d bytes", n, len(doc))
		}
	})
}

func BenchmarkEach(b *testing.B) {
	page := strings.Repeat(`<li class="card"><a href="/co/signatories/kite-youth-arts/">Kite Youth Arts</a> <img src="/co/logo.png" alt="Kite logo" width=40 height=40><p>Arts with young people in Bristol, since 2019.</p></li>`, 200)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		Each([]byte(page), func(string, string) {})
	}
}
