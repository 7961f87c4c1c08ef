package check

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
)

var updateProse = flag.Bool("update-prose", false, "rewrite testdata/prose.golden.txt from the current output")

// proseCorpus is the bodies of testdata/prose.txtar, each once with LF and,
// for the hand-written tricky page, once more with CRLF line ends.
func proseCorpus(t testing.TB) []*content.Page {
	t.Helper()
	a, err := txtar.ParseFile("testdata/prose.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var pages []*content.Page
	for _, f := range a.Files {
		pages = append(pages, corpusPage(f.Name, f.Data))
		if f.Name == "tricky.md" {
			pages = append(pages, corpusPage(f.Name+" (crlf)", bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))))
		}
	}
	return pages
}

// corpusPage splits off the front matter, as content.Load would, so the
// body and its first line are what a build hands to Page.
func corpusPage(name string, data []byte) *content.Page {
	p := &content.Page{File: name, BodyLine: 1, Body: data}
	norm := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if bytes.HasPrefix(norm, []byte("---\n")) {
		if end := bytes.Index(norm[4:], []byte("\n---\n")); end >= 0 {
			lines := bytes.Count(norm[:4+end+5], []byte("\n"))
			off := 0
			for range lines { // find the same place in the original bytes
				off += bytes.IndexByte(data[off:], '\n') + 1
			}
			p.Body, p.BodyLine = data[off:], lines+1
		}
	}
	return p
}

// TestProseGolden pins every number and message of the plain English and
// Easy Read checks over a wide corpus of real and generated pages: word,
// sentence and letter counts, reading ages, long sentences with their split
// points, the hardest sentences, and every warning with its position and
// source line. Making the checks faster must not move any of them.
func TestProseGolden(t *testing.T) {
	md := markdown.New()
	var out bytes.Buffer
	for _, p := range proseCorpus(t) {
		fmt.Fprintf(&out, "== %s\n", p.File)
		m := Measure(p.Body)
		fmt.Fprintf(&out, "measure: words=%d sentences=%d chars=%d names=%d/%d age=%d grade=%.9f first=%d:%d hardest=%v\n",
			m.Words, m.Sentences, m.Chars, m.NameWords, m.NameChars, m.ReadingAge(), m.Grade(), m.first.Line, m.first.Col, m.hardest)
		for _, l := range m.Long {
			fmt.Fprintf(&out, "long: %d:%d words=%d split=%q\n", l.Pos.Line, l.Pos.Col, l.Words, l.SplitAfter)
		}
		for _, l := range m.LongParas {
			fmt.Fprintf(&out, "longpara: %d:%d words=%d\n", l.Pos.Line, l.Pos.Col, l.Words)
		}
		report, err := md.Convert(p.Body, io.Discard, nil)
		if err != nil {
			t.Fatalf("%s: %v", p.File, err)
		}
		// A target of 5 flags the reading age of every page long enough to
		// have one, so the hardest lines are pinned too.
		for _, variant := range []string{"", "easy"} {
			q := *p
			q.Variant = variant
			for _, d := range Page(&q, report, Options{ReadingAge: 5}) {
				fmt.Fprintf(&out, "page%s: %s | %q\n", variant, d, d.Source)
			}
		}
	}
	const file = "testdata/prose.golden.txt"
	if *updateProse {
		if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run TestProseGolden -update-prose to write it)", err)
	}
	if got := out.String(); got != string(want) {
		g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", file, i+1, g[i], w[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d", file, len(g), len(w))
	}
}
