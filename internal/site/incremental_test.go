package site

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// sameAsClean fails unless out holds exactly what a clean build of fsys
// writes.
func sameAsClean(t *testing.T, step string, fsys fstest.MapFS, out *publish.Memory, now time.Time) {
	t.Helper()
	clean := publish.NewMemory()
	res := Build(Options{Source: fsys, Output: clean, Now: now})
	if res.Diags.HasErrors() {
		t.Fatalf("%s: the clean build has errors: %v", step, res.Diags)
	}
	got, want := out.Names(), clean.Names()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: files differ from a clean build:\n got %d files, want %d", step, len(got), len(want))
		wantSet := set(want)
		for _, n := range got {
			if !wantSet[n] {
				t.Errorf("  extra %s", n)
			}
		}
		gotSet := set(got)
		for _, n := range want {
			if !gotSet[n] {
				t.Errorf("  missing %s", n)
			}
		}
		return
	}
	for _, n := range want {
		a, _ := out.Get(n)
		b, _ := clean.Get(n)
		if !bytes.Equal(a, b) {
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s: %s differs from a clean build at byte %d:\n got  %q\n want %q", step, n, i, a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
		}
	}
}

func TestIncrementalEqualsCleanBuild(t *testing.T) {
	opts := sitegen.Options{Signatories: 30, Seed: 3}
	fsys := sitegen.MapFS(opts)
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: fsys, Now: now, Workers: 2}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	sameAsClean(t, "first build", fsys, out, now)

	sig := sitegen.SignatoryFile(4)
	orig := string(fsys[sig].Data)
	linked := sitegen.SignatoryFile(7) // other pages link to it
	linkedData := string(fsys[linked].Data)
	steps := []struct {
		name    string
		file    string
		data    string // "" deletes
		wantErr bool
		maxPage int // most pages an update may render; 0: no limit
	}{
		{"body edit", sig, string(sitegen.Signatory(opts, 4, 1)), false, 1},
		{"title edit", sig, strings.Replace(orig, "title: ", "title: Renamed ", 1), false, 0},
		{"broken front matter", sig, strings.Replace(orig, "signed:", "signed 2024", 1), true, 0},
		{"fixed again", sig, orig, false, 0},
		{"new page in a new folder", "content/guides/start/index-page.md", "---\ntitle: Start\nsummary: Where to start.\n---\n\nHello.\n", false, 0},
		{"delete the new page", "content/guides/start/index-page.md", "", false, 0},
		{"delete a page others link to", linked, "", true, 0},
		{"put it back", linked, linkedData, false, 0},
		{"unknown pledge", sig, strings.Replace(orig, "pledges: [two-way-pledge", "pledges: [no-such-pledge", 1), true, 0},
		{"body edit while broken", sitegen.SignatoryFile(8), string(sitegen.Signatory(opts, 8, 2)), true, 0},
		{"fixed with a body edit", sig, string(sitegen.Signatory(opts, 4, 3)), false, 0},
	}
	for _, s := range steps {
		if s.data == "" {
			delete(fsys, s.file)
		} else {
			fsys[s.file] = &fstest.MapFile{Data: []byte(s.data), Mode: 0o644}
		}
		ch := inc.Update([]string{s.file})
		if ch.Diags.HasErrors() != s.wantErr {
			t.Fatalf("%s: errors = %v, want errors %v", s.name, ch.Diags, s.wantErr)
		}
		if s.maxPage > 0 && ch.Pages > s.maxPage {
			t.Errorf("%s: rendered %d pages, want at most %d", s.name, ch.Pages, s.maxPage)
		}
		if !s.wantErr {
			sameAsClean(t, s.name, fsys, out, now)
		}
	}
}

// A preview left running past midnight must not keep the day it started:
// the first save on a new day rebuilds everything, so a review date that
// passed overnight shows as due on every page that shows it.
func TestIncrementalSeesANewDay(t *testing.T) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 2})
	file := sitegen.SignatoryFile(1)
	fsys[file] = &fstest.MapFile{Data: bytes.Replace(fsys[file].Data, []byte("size: medium\n"), []byte("size: medium\nreview: 2026-11-24\n"), 1)}
	day := time.Date(2026, 11, 23, 23, 59, 0, 0, time.Local)
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: fsys, Workers: 2}, out)
	inc.clock = func() time.Time { return day }
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	page := func() string {
		t.Helper()
		html, ok := out.Get("signatories/openwater-health-1/index.html")
		if !ok {
			t.Fatal("the signatory page was not written")
		}
		return string(html)
	}
	if strings.Contains(page(), "Due for review") {
		t.Fatal("the review is due before its date")
	}

	day = day.Add(2 * time.Minute) // past midnight
	other := sitegen.SignatoryFile(0)
	fsys[other] = &fstest.MapFile{Data: append(bytes.Clone(fsys[other].Data), "\nOne more line.\n"...)}
	ch := inc.Update([]string{other})
	if ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	if !ch.Full {
		t.Error("the first save of a new day did not rebuild everything")
	}
	if !strings.Contains(page(), "Due for review since November 2026") {
		t.Error("after midnight the signatory page still does not say its review is due")
	}
	sameAsClean(t, "new day", fsys, out, day)
}

// A new section front page changes the navigation of every page, which the
// theme renders through partialCached: the update must re-render them all.
func TestIncrementalNewSectionReachesTheNavigation(t *testing.T) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 3})
	front := fsys["content/pledges/_index.md"]
	delete(fsys, "content/pledges/_index.md")
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: fsys, Now: now, Workers: 2}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	fsys["content/pledges/_index.md"] = front
	if ch := inc.Update([]string{"content/pledges/_index.md"}); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	sameAsClean(t, "pledges front page added", fsys, out, now)
	delete(fsys, "content/pledges/_index.md")
	if ch := inc.Update([]string{"content/pledges/_index.md"}); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	sameAsClean(t, "pledges front page removed", fsys, out, now)
}

// Two saves with mistakes in a row, the second of which changes no page's
// place (an Easy Read page that gives its own website): the preview lists
// both mistakes, as the build does, not only the second. The preview kept
// the last build's claims for such a save and stopped before looking at
// the other pages' Markdown.
func TestPreviewListsTheMistakesOfEverySaveSinceTheLastGoodOne(t *testing.T) {
	opts := sitegen.Options{Signatories: 20, Seed: 5}
	src := sitegen.MapFS(opts)
	sig := sitegen.SignatoryFile(3)
	twin := strings.TrimSuffix(sig, ".md") + ".easy.md"
	src[twin] = &fstest.MapFile{Data: []byte("---\ntitle: In easy words\nsummary: We signed the pledge.\n---\nWe signed the pledge.\n")}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	inc, _ := startPreview(t, src, now)

	linking := sitegen.SignatoryFile(6)
	src[linking] = &fstest.MapFile{Data: append(src[linking].Data, "\nSee [the plan](no-such-page.md).\n"...)}
	if ch := inc.Update([]string{linking}); !ch.Diags.HasErrors() {
		t.Fatal("a link to a page that does not exist was not reported")
	}
	src[twin] = &fstest.MapFile{Data: []byte("---\ntitle: In easy words\nsummary: We signed the pledge.\nwebsite: https://elsewhere.example.org/\n---\nWe signed the pledge.\n")}
	ch := inc.Update([]string{twin})
	build := Build(Options{Source: src, Output: publish.NewMemory(), Now: now})
	if got, want := diagLines(ch.Diags), diagLines(build.Diags); got != want {
		t.Errorf("the preview lists other problems than the build:\npreview:\n%s\nbuild:\n%s", got, want)
	}
	if !strings.Contains(diagLines(ch.Diags), "no-such-page") {
		t.Error("the first save's broken link is no longer listed")
	}
}

// A translation takes its website from its main page: when the main
// page's website is saved, the warnings about the translation's website
// follow it in the preview as in the build, though the translation's own
// file did not change.
func TestPreviewWarningsFollowWhatATranslationTakesFromItsMainPage(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 10, Seed: 2})
	src["site.yaml"] = &fstest.MapFile{Data: append(bytes.Clone(src["site.yaml"].Data), "languages: [en-GB, cy]\n"...)}
	sig := sitegen.SignatoryFile(2)
	main := string(src[sig].Data)
	withWebsite := func(site string) string {
		return regexpWebsite.ReplaceAllString(main, "website: "+site)
	}
	src[sig] = &fstest.MapFile{Data: []byte(withWebsite("https://example.org/"))} // as coproduce new wrote it
	src[strings.TrimSuffix(sig, ".md")+".cy.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Mudiad\nsummary: Rydyn ni wedi llofnodi.\n---\nMae hon yn dudalen yn Gymraeg.\n")}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	inc, _ := startPreview(t, src, now)

	src[sig] = &fstest.MapFile{Data: []byte(withWebsite("https://real.example.net/"))}
	ch := inc.Update([]string{sig})
	build := Build(Options{Source: src, Output: publish.NewMemory(), Now: now})
	if got, want := diagLines(ch.Diags), diagLines(build.Diags); got != want {
		t.Errorf("the preview lists other problems than the build:\npreview:\n%s\nbuild:\n%s", got, want)
	}
}

var regexpWebsite = regexp.MustCompile(`(?m)^website: .*$`)
