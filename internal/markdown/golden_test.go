package markdown

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected HTML and reports under testdata/golden")

// The inputs under testdata/golden are the bodies of the example site's
// pages and of a generated site (internal/sitegen), copied once so that
// edits to either do not move these expectations, plus edge-cases.md.
// Each NAME.md has the HTML Convert wrote for it in NAME.html and its
// Report in NAME.report.json, so any change in what a reader or a check
// sees fails here, whatever the change was meant to speed up.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs under testdata/golden: %v", err)
	}
	c := New()
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".md")
		t.Run(filepath.Base(base), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var html bytes.Buffer
			r, err := c.Convert(src, &html, goldenResolver{})
			if err != nil {
				t.Fatal(err)
			}
			report := reportJSON(t, r)
			compare(t, base+".html", html.Bytes())
			compare(t, base+".report.json", report)
		})
	}
}

func compare(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n%s", file, firstDifference(got, want))
	}
}

// firstDifference shows the first line that differs, which is usually
// enough to see what changed.
func firstDifference(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got  " + gl + "\n want " + wl
		}
	}
	return "(same lines, different bytes)"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// reportJSON is everything a Report tells its callers, one JSON line per
// heading, link and image, then the set of ids in heading order.
func reportJSON(t *testing.T, r *Report) []byte {
	t.Helper()
	var out bytes.Buffer
	line := func(kind string, v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out.WriteString(kind + " ")
		out.Write(b)
		out.WriteByte('\n')
	}
	for _, h := range r.Headings {
		line("heading", h)
	}
	for _, l := range r.Links {
		line("link", l)
	}
	for _, l := range r.Images {
		line("image", l)
	}
	ids := r.IDs()
	var inOrder []string
	for _, h := range r.Headings {
		if ids[h.ID] {
			inOrder = append(inOrder, h.ID)
			delete(ids, h.ID)
		}
	}
	line("ids", inOrder)
	if len(ids) != 0 {
		t.Errorf("IDs has ids no heading has: %v", ids)
	}
	return out.Bytes()
}

// goldenResolver stands in for the site's resolver: it rewrites some
// links, keeps others and calls a few broken, so that every path through
// the link code shows in the expectations.
type goldenResolver struct{}

func (goldenResolver) Resolve(dest string, image bool) (string, *Problem) {
	switch {
	case strings.TrimSpace(dest) == "":
		return "", &Problem{What: "the link has no address", Fix: "write one"}
	case strings.Contains(dest, "missing"):
		return "", &Problem{What: "no such file " + dest, Fix: "check the name", File: dest}
	case strings.HasPrefix(dest, "javascript:"):
		return "", &Problem{What: "scheme not allowed", Fix: "use https"}
	case strings.Contains(dest, ":"), strings.HasPrefix(dest, "#"):
		return dest, nil
	case image:
		return "/base/img/" + strings.TrimLeft(dest, "./"), nil
	case strings.HasPrefix(dest, "/"):
		return "/base" + dest, nil
	default:
		return "/base/resolved/" + strings.TrimLeft(dest, "./"), nil
	}
}
