package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// An SVG logo or picture with a script in it is refused at the line and
// column of the script, wherever it is under content/, and whether the
// whole site is loaded or only the saved file is read again.
func TestActivePicturesAreRefused(t *testing.T) {
	const evilLogo = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect onload=\"alert(document.cookie)\"/>\n</svg>\n"
	const evilPicture = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>"
	const plain = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(#g)\"/></svg>"
	files := map[string]string{
		"signatories/b.md":        "---\n" + validSignatory + "logo: b-logo.svg\nlogo_alt: B\n---\n",
		"signatories/b-logo.svg":  evilLogo,
		"pledges/easy-safe.SVG":   evilPicture,
		"pledges/easy-plain.svg":  plain,
		"about/pictures/plan.svg": plain,
	}
	want := []string{
		"content/pledges/easy-safe.SVG:1:41: error: the picture has a script in it",
		"content/signatories/b-logo.svg:2:9: error: the picture has an event handler, onload, which runs a script",
	}
	site, diags := loadFiles(files, Options{})
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+": "+d.Severity.String()+": "+d.Problem)
		if !strings.Contains(d.Fix, "export the picture again") {
			t.Errorf("%s does not say what to do", d)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Saving the logo again (still with its handler) reports it again.
	fsys := fstest.MapFS{}
	for name, text := range baseFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	_, diags = Reload(site, fsys, []string{"signatories/b-logo.svg"}, Options{Dir: "content"})
	if len(diags) != 1 || diags[0].Pos.String() != "content/signatories/b-logo.svg:2:9" {
		t.Errorf("after a save: %v", diags)
	}
}
