package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A page saved with the wrong ending is an error and is never published as
// a plain file, since it may be a draft.
func TestMisnamedPagesAreNotPublished(t *testing.T) {
	page := []byte("---\ntitle: Secret\nsummary: Not ready.\ndraft: true\n---\nA private story.\n")
	fsys := fstest.MapFS{
		"case-studies/secret.md.txt": {Data: page},
		"case-studies/loud.MD":       {Data: page},
		"notes.markdown":             {Data: page},
		"principles/logo.svg":        {Data: []byte("<svg/>")},
	}
	site, diags := Load(fsys, Options{Dir: "content"})
	want := map[string]string{
		"content/case-studies/secret.md.txt": "rename it to secret.md",
		"content/case-studies/loud.MD":       "rename it to loud.md",
		"content/notes.markdown":             "rename it to notes.md",
	}
	for _, d := range diags {
		if fix, ok := want[d.File]; ok && d.Fix == fix && d.Line == 1 && strings.Contains(d.Problem, "would be published as a plain file") {
			delete(want, d.File)
		}
	}
	for file := range want {
		t.Errorf("no error for %s in %v", file, diags)
	}
	if len(site.Assets) != 1 || site.Assets[0] != "principles/logo.svg" {
		t.Errorf("assets = %v, want only the picture", site.Assets)
	}
}
