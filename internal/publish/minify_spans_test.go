package publish

import (
	"bytes"
	"strings"
	"testing"
)

// spanCases are pieces of HTML shared by pages, each with HTML around it
// as a page might have it. marked says whether Span should mark the piece
// for the page minifier to copy.
var spanCases = []struct {
	name                 string
	before, piece, after string
	marked               bool
}{
	{"rows of a list", "<!DOCTYPE html>\n<html><body><ul class=\"list\">\n", "<li class=\"item\">\n<a href=\"/a/\">A   and  B</a>\n<dl>\n<div><dt>Sector</dt><dd>Arts &amp; crafts</dd></div>\n</dl>\n</li>\n", "\n</ul>\n</body></html>\n", true},
	{"navigation after text", "<body><p>Hello </p>\n  some text  ", "\n\n<nav aria-label=\"Main\">\n<ul>\n<li><a href=\"/\">Home</a></li>\n</ul>\n</nav>\n\n", "  more text <b>bold</b> </body>", true},
	{"after inline end tags", "<p><b>x</b> <i>y </i></p><span>text </span></em> ", "<div> a </div>", " <span> z</span>", true},
	{"footer at the end", "<main><p>Body text.</p>\n</main>\n", "<footer class=\"site-footer\">\n<p>Run by   us.</p>\n</footer>\n", "\n</body>\n</html>\n", true},
	{"heading then text", "<article>", "<div class=\"status\">\n<h2>Status: Active</h2>", "\n<p>Signed.</p></div>", true},
	{"pieces side by side", "<dl>", "<dt>Website</dt><dd><a href=\"x\">x</a></dd>", "", true},
	{"text first", "<p>Before ", "words <b>then</b> <div>a block</div>", " after</p>", false},
	{"inline element", "<p>Read ", "<a href=\"/x/\">this</a>", " now.</p>", false},
	{"holds a pre", "<main>", "<div><pre>  kept\n  as is </pre></div>", "</main>", false},
	{"holds a script", "<main>", "<div><script>var a  =  1;</script></div>", "</main>", false},
	{"holds a comment", "<main>", "<div><!-- note --><p>x</p></div>", "</main>", true},
	{"ends in text", "<main>", "<div>a</div> trailing words", "</main>", false},
	{"entities", "<p>A &amp; B</p>", "<section><p>&ldquo;Quoted&rdquo; &amp; more&hellip;</p></section>", "<p>C &gt; D</p>", true},
	{"upper case tags", "<BODY>", "<DIV>\n<P>Shout</P>\n</DIV>", "</BODY>", true},
	{"after a script and an svg", "<head><script type=\"application/ld+json\">{\"a\": \"b\"}</script></head>\n<body><p><svg viewBox=\"0 0 1 1\"><path d=\"M0 0h1\"/></svg><span>x </span></p>\n", "<nav>\n<a href=\"/\">Home</a>\n</nav>\n", " <p>after</p></body>", true},
	{"after a closed pre", "<pre>  a\n  b </pre>\n", "<div>\n<p>x   y</p>\n</div>", "<p>z</p>", true},
	{"self-closing and odd names", "<p>a<br/>b</p>", "<nAv/0> 0</ul>", "0", false},
}

// A page with pieces minified ahead by Span minifies to the same bytes as
// the page written whole: the pages look the same however they were
// minified, and pieces that could not be are left for the page.
func TestSpansMinifyLikeTheWholePage(t *testing.T) {
	mf := NewMinifier()
	for _, c := range spanCases {
		t.Run(c.name, func(t *testing.T) {
			span := Span(c.piece)
			if marked := span != c.piece; marked != c.marked {
				t.Errorf("Span marked the piece: %v, want %v", marked, c.marked)
			}
			if c.marked && !piecesCopyable([]byte(c.before+span+c.after)) {
				t.Errorf("the page is minified whole, not around the piece")
			}
			whole := mf.Bytes("index.html", []byte(c.before+c.piece+c.after))
			got := mf.Bytes("index.html", []byte(c.before+span+c.after))
			if !bytes.Equal(got, whole) {
				t.Errorf("with the piece minified ahead:\n%q\nminified whole:\n%q", got, whole)
			}
			if bytes.Contains(got, []byte(spanMark)) {
				t.Errorf("a mark was left in the page: %q", got)
			}
		})
	}
}

// Pieces inside pieces, and the same piece many times on one page.
func TestSpansNestAndRepeat(t *testing.T) {
	mf := NewMinifier()
	inner := "<dt>Region</dt>\n<dd>Bristol</dd>\n"
	outer := "<li>\n<a href=\"/a/\">A</a>\n<dl>\n" + Span(inner) + "\n</dl>\n</li>\n"
	if Span(inner) == inner {
		t.Fatal("the inner piece was not marked")
	}
	raw := "<ul>\n" + strings.Repeat(strings.ReplaceAll(strings.ReplaceAll(outer, spanStart, ""), spanEnd, ""), 3) + "</ul>"
	page := "<ul>\n" + strings.Repeat(Span(outer), 3) + "</ul>"
	want := mf.Bytes("index.html", []byte(raw))
	if got := mf.Bytes("index.html", []byte(page)); !bytes.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Marks in places Span never puts them (inside a <pre> or a script of the
// page, or unpaired) make the page be minified whole, marks taken out.
func TestSpansWherePiecesCannotBeCopied(t *testing.T) {
	mf := NewMinifier()
	piece := Span("<div>\n<p>x</p>\n</div>")
	for name, page := range map[string]string{
		"in a pre":       "<pre>\n" + piece + "\n  </pre>",
		"in a script":    "<script>var s = '" + piece + "';</script>",
		"in a comment":   "<!-- " + piece + " -->",
		"end mark alone": "<p>a</p>" + spanEnd + "<p>b</p>",
		"start alone":    "<p>a</p>" + spanStart + "<p>b</p>",
	} {
		t.Run(name, func(t *testing.T) {
			want := mf.Bytes("index.html", Unmarked([]byte(page)))
			got := mf.Bytes("index.html", []byte(page))
			if !bytes.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if bytes.Contains(got, []byte{0}) {
				t.Errorf("a mark was left in the page: %q", got)
			}
		})
	}
}

// A page the minifier leaves as written (one of too many entities) loses
// its marks all the same.
func TestSpansLeaveNoMarkInPagesWrittenAsTheyWere(t *testing.T) {
	mf := NewMinifier()
	page := append([]byte(Span("<div>\n<p>x</p>\n</div>")), entities(1<<20)...)
	got := mf.Bytes("big/index.html", page)
	if bytes.Contains(got, []byte{0}) || !bytes.HasPrefix(got, []byte("<div>")) {
		t.Errorf("the page starts %q", got[:40])
	}
}

// FuzzSpans checks that a piece Span marks minifies, inside any page, to
// what the page minified whole would hold, unless the page is minified
// whole because of where the piece stands.
func FuzzSpans(f *testing.F) {
	for _, c := range spanCases {
		f.Add(c.before, c.piece, c.after)
	}
	mf := NewMinifier()
	f.Fuzz(func(t *testing.T, before, piece, after string) {
		if strings.Contains(before+piece+after, spanMark) {
			return
		}
		page := []byte(before + Span(piece) + after)
		var got bytes.Buffer
		ok := mf.intoHTML(&got, page)
		if bytes.Contains(got.Bytes(), []byte(spanMark)) {
			t.Fatalf("a mark was left in the page: %q", got.Bytes())
		}
		if !ok || !spansCopied(page) {
			return
		}
		var whole bytes.Buffer
		if !mf.intoHTML(&whole, []byte(before+piece+after)) {
			return
		}
		if !bytes.Equal(got.Bytes(), whole.Bytes()) {
			t.Errorf("with the piece minified ahead:\n%q\nminified whole:\n%q", got.Bytes(), whole.Bytes())
		}
	})
}

// spansCopied reports whether intoHTML copies the marked pieces of page
// rather than minify it whole.
func spansCopied(page []byte) bool {
	var s scanner
	for {
		i := bytes.Index(page, []byte(spanStart))
		if i < 0 {
			return true
		}
		s.read(page[:i])
		if !s.clear() {
			return false
		}
		j := bytes.Index(page[i:], []byte(spanEnd))
		page = page[i+j+len(spanEnd):]
	}
}

// A file the minifier cannot read is written exactly as it was, even
// when the minifier had shortened text in it before it stopped.
func TestUnreadableFilesAreWrittenAsTheyWere(t *testing.T) {
	mf := NewMinifier()
	for name, data := range map[string]string{
		"index.html": "<p>a &#39;   b &amp;   c</p>\n<script>var = = ;</script>\n<p>d</p>",
		"page.html":  Span("<div>\n<p>x &#39;  y</p>\n</div>") + "<p>e &#39;   f</p><script>if (</script>",
		"a/index.html": "<p>Gallwch bwyso&#39;r fysell   Shift.</p>\n" + Span("<nav>\n<a href=\"/\">Home</a>\n</nav>") +
			"\n<p>g &amp;  h</p><script>var = = ;</script>",
	} {
		got := mf.Bytes(name, []byte(data))
		if want := Unmarked([]byte(data)); !bytes.Equal(got, want) {
			t.Errorf("%s: got %q, want it as written, %q", name, got, want)
		}
	}
}
