package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/register"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// A save makes again what shows what it changed, and nothing else: with
// the default theme, a signatory's summary is on its own page, the pages
// that link to it, its pledges' pages and the directory pages that list
// it, not on the other signatories' pages. TestPreviewIsTheBuild proves
// nothing is left out; this proves the rest is left alone.
func TestSaveMakesAgainWhatShowsTheChange(t *testing.T) {
	opts := sitegen.Options{Signatories: 300, Seed: 4}
	fsys := sitegen.MapFS(opts)
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	inc := NewIncremental(Options{Source: fsys, Now: now, Workers: 2}, publish.NewMemory())
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	setLine := func(file, key, value string) []string {
		lines := strings.Split(string(fsys[file].Data), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, key+":") {
				lines[i] = key + ": " + value
			}
		}
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Join(lines, "\n"))}
		return []string{file}
	}
	save := func(what string, files []string) *Change {
		t.Helper()
		ch := inc.Update(files)
		if ch.Diags.HasErrors() || ch.Full {
			t.Fatalf("%s: the save gave a full rebuild or an error: %v", what, ch.Diags)
		}
		return ch
	}
	pages := func(ch *Change, prefix string) []string {
		var out []string
		for _, f := range ch.Files {
			if strings.HasPrefix(f, prefix) && strings.HasSuffix(f, "/index.html") {
				out = append(out, f)
			}
		}
		return out
	}
	signatory := func(n int) (file, page string) {
		file = sitegen.SignatoryFile(n)
		slug := strings.TrimSuffix(strings.TrimPrefix(file, "content/signatories/"), ".md")
		return file, "signatories/" + slug + "/index.html"
	}
	listedOn := func(page string) []string {
		// The directory pages whose rows link to the signatory.
		url := "/" + strings.TrimSuffix(page, "index.html")
		var out []string
		for _, l := range inc.b.listings() {
			for _, p := range l.Items {
				if p.URL == url {
					out = append(out, indexFile(l.URL))
				}
			}
		}
		return out
	}

	file, page := signatory(150)
	ch := save("summary", setLine(file, "summary", `"A new summary, written to test the preview."`))
	if !slices.Contains(ch.Files, page) {
		t.Errorf("summary: the signatory's own page %s was not made again", page)
	}
	for _, l := range listedOn(page) {
		if !slices.Contains(ch.Files, l) {
			t.Errorf("summary: the directory page %s lists the signatory but was not made again", l)
		}
	}
	if got := pages(ch, "signatories/"); len(got) > 60 {
		t.Errorf("summary: %d pages of signatories/ were made again for one signatory's summary, want only those that show it: %q", len(got), got)
	}
	_, other := signatory(151)
	if slices.Contains(ch.Files, other) && !linksTo(fsys, sitegen.SignatoryFile(151), page) {
		t.Errorf("summary: %s was made again, but it does not show the changed signatory", other)
	}
	if slices.Contains(ch.Files, "principles/index.html") {
		t.Error("summary: the principles list was made again, but it does not show signatories")
	}

	// A region moves the signatory from one filter to another, and every
	// directory page counts the regions.
	region := func(n int) string {
		for _, l := range strings.Split(string(fsys[sitegen.SignatoryFile(n)].Data), "\n") {
			if v, ok := strings.CutPrefix(l, "region: "); ok {
				return strings.Trim(v, `"`)
			}
		}
		return ""
	}
	was := region(150)
	ch = save("region", setLine(file, "region", "Somewhere New"))
	for _, want := range []string{"signatories/region/somewhere-new/index.html", "signatories/region/" + register.Slug(was) + "/index.html"} {
		if !slices.Contains(ch.Files, want) {
			t.Errorf("region: %s shows the change but was not made again (made: %q)", want, pages(ch, "signatories/region/"))
		}
	}
	if got := pages(ch, "signatories/"); len(got) > 300 {
		t.Errorf("region: %d pages of signatories/ made again", len(got))
	}

	// A footer, which every page shows from the cache of partials, that
	// reads every page through .Site.Content makes every page read it:
	// every page is made again after any front-matter save.
	fsys["templates/partials/footer.html"] = &fstest.MapFile{Data: []byte(`<footer class="site-footer"><p>{{len .Site.Content.Pages}} pages</p></footer>`)}
	if ch := inc.Update([]string{"templates/partials/footer.html"}); !ch.Full || ch.Diags.HasErrors() {
		t.Fatalf("a new template: full %v, %v", ch.Full, ch.Diags)
	}
	ch = save("summary with .Site.Content", setLine(file, "summary", `"Another summary."`))
	if got, all := len(pages(ch, "signatories/")), opts.Signatories; got < all {
		t.Errorf("with a template reading .Site.Content, a summary save made %d signatory pages again, want all %d", got, all)
	}
}

// linksTo reports whether a page's Markdown links to the page at out.
func linksTo(fsys fstest.MapFS, file, out string) bool {
	url := "/" + strings.TrimSuffix(out, "index.html")
	return strings.Contains(string(fsys[file].Data), url)
}
