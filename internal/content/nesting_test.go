package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A line that nests lists thousands deep is refused at once, instead of
// making the Markdown parser work for minutes.
func TestDeepNestingIsRefused(t *testing.T) {
	body := strings.Repeat("- ", 50000) + "x\n"
	fsys := fstest.MapFS{"about.md": {Data: []byte("---\ntitle: About\nsummary: x\n---\nFine.\n" + body)}}
	site, diags := Load(fsys, Options{Dir: "content"})
	if len(diags) != 1 || diags[0].Line != 6 || !strings.Contains(diags[0].Problem, "50000 lists or quotes inside each other") {
		t.Fatalf("diags = %v", diags)
	}
	if len(site.Pages) != 0 {
		t.Error("the page was kept for rendering")
	}
	if _, d := openersOf("> > - 1. text"); d != 4 {
		t.Errorf("openers = %d, want 4", d)
	}
}

func openersOf(line string) (int, int) { return deepestNesting([]byte(line)) }
