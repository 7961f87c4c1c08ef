package site

import (
	"bytes"
	"fmt"
	"github.com/coproduce/coproduce/internal/diag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// outputFile is one file or folder of a built site as a reader, a web
// server or a later build sees it.
type outputFile struct {
	mode os.FileMode
	data []byte
	info os.FileInfo
}

// outputTree is every file and folder under dir, with modes and bytes.
func outputTree(t *testing.T, dir string) map[string]outputFile {
	t.Helper()
	tree := map[string]outputFile{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		f := outputFile{mode: info.Mode(), info: info}
		if !info.IsDir() {
			f.data, err = os.ReadFile(p)
		}
		tree[filepath.ToSlash(rel)] = f
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// differences lists the names whose mode or bytes differ between two
// trees, or that only one has; the build stamp is left out when
// withStamp is false, since it lists the build's own inputs.
func differences(a, b map[string]outputFile, withStamp bool) []string {
	var diff []string
	for name, f := range a {
		g, ok := b[name]
		if !ok || f.mode != g.mode || !bytes.Equal(f.data, g.data) {
			diff = append(diff, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diff = append(diff, name)
		}
	}
	if !withStamp {
		diff = slices.DeleteFunc(diff, func(n string) bool { return n == publish.Stamp })
	}
	slices.Sort(diff)
	return diff
}

var reuseDay = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// buildDir builds the site in src into the folder public as `coproduce
// build` does, and commits it.
func buildDir(t *testing.T, src, public string, now time.Time) *Result {
	t.Helper()
	out, err := publish.NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	res := Build(Options{Source: os.DirFS(src), Output: out, Now: now})
	if res.Diags.HasErrors() {
		out.Abort()
		t.Fatalf("the build failed:\n%v", res.Diags)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return res
}

func generatedSite(t *testing.T, signatories int) (string, sitegen.Options) {
	t.Helper()
	opts := sitegen.Options{Signatories: signatories}
	src := t.TempDir()
	if err := sitegen.Write(src, opts); err != nil {
		t.Fatal(err)
	}
	return src, opts
}

// appendToSignatory adds text to the end of signatory i's file in the
// generated site src.
func appendToSignatory(t *testing.T, src string, i int, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(i))), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

func TestRebuildAfterOnePageChangeIsAFreshBuildWithOnlyThatChange(t *testing.T) {
	src, opts := generatedSite(t, 12)
	public := filepath.Join(t.TempDir(), "public")
	buildDir(t, src, public, reuseDay)
	before := outputTree(t, public)

	// One signatory's body is edited.
	edited := filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(7)))
	if err := os.WriteFile(edited, sitegen.Signatory(opts, 7, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	res := buildDir(t, src, public, reuseDay)
	if res.Reused {
		t.Fatal("an edited site was not built again")
	}
	after := outputTree(t, public)

	fresh := filepath.Join(t.TempDir(), "public")
	buildDir(t, src, fresh, reuseDay)
	if diff := differences(after, outputTree(t, fresh), false); len(diff) > 0 {
		t.Fatalf("a rebuild differs from a build into an empty folder in %v", diff)
	}

	page := sitegen.SignatoryURL(7)[1:] + "index.html"
	if diff := differences(before, after, false); !slices.Equal(diff, []string{page}) {
		t.Errorf("the rebuild changed %v; want only the edited page, %s", diff, page)
	}
	for name, f := range after {
		if !f.mode.IsRegular() || name == page || name == publish.Stamp {
			continue
		}
		if !os.SameFile(f.info, before[name].info) {
			t.Errorf("%s has the same bytes but was written again, not kept from the earlier build", name)
		}
	}
}

func TestUnchangedSiteKeepsTheEarlierBuildAndItsReport(t *testing.T) {
	src, _ := generatedSite(t, 10)
	// Raw HTML in a page is a warning, which the kept build repeats.
	appendToSignatory(t, src, 3, "\n<b>Bold words.</b>\n")
	public := filepath.Join(t.TempDir(), "public")
	first := buildDir(t, src, public, reuseDay)
	before := outputTree(t, public)

	again := buildDir(t, src, public, reuseDay)
	if !again.Reused {
		t.Fatal("an unchanged site was built again")
	}
	if diff := differences(before, outputTree(t, public), true); len(diff) > 0 {
		t.Errorf("keeping the build changed %v", diff)
	}
	if got, want := fmt.Sprint(again.Diags), fmt.Sprint(first.Diags); got != want || len(first.Diags) == 0 {
		t.Errorf("the kept build reports\n%s\nwant the first build's report\n%s", got, want)
	}
	p1, f1 := first.Counts()
	p2, f2 := again.Counts()
	if p1 != p2 || f1 != f2 || p1 == 0 {
		t.Errorf("counts %d pages, %d files; want %d, %d", p2, f2, p1, f1)
	}

	// What changes the output, changes the inputs.
	for name, change := range map[string]func() time.Time{
		"another day": func() time.Time { return reuseDay.AddDate(0, 0, 1) },
		"a new file in static/": func() time.Time {
			os.MkdirAll(filepath.Join(src, "static"), 0o755)
			os.WriteFile(filepath.Join(src, "static", "robots-extra.txt"), []byte("x"), 0o644)
			return reuseDay
		},
		"a word in a page": func() time.Time {
			appendToSignatory(t, src, 5, "\nOne more line.\n")
			return reuseDay
		},
		"an editor's backup of a page": func() time.Time {
			os.WriteFile(filepath.Join(src, "content", "principles", "notes.md~"), []byte("draft"), 0o644)
			return reuseDay
		},
		"site.yaml": func() time.Time {
			f, _ := os.OpenFile(filepath.Join(src, "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("\n# a comment\n")
			f.Close()
			return reuseDay
		},
	} {
		if res := buildDir(t, src, public, change()); res.Reused {
			t.Errorf("after %s, the earlier build was kept", name)
		}
	}
}

func TestStoppedRebuildLeavesTheEarlierOutputAsItWas(t *testing.T) {
	src, opts := generatedSite(t, 12)
	public := filepath.Join(t.TempDir(), "public")
	buildDir(t, src, public, reuseDay)
	before := outputTree(t, public)

	for i := range 12 {
		os.WriteFile(filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(i))), sitegen.Signatory(opts, i, 1), 0o644)
	}
	out, err := publish.NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	// Stopped part way, as Ctrl-C does: once some files are in.
	go func() {
		for out.Files() < 20 {
			time.Sleep(time.Millisecond)
		}
		out.Abort()
	}()
	res := Build(Options{Source: os.DirFS(src), Output: out, Now: reuseDay})
	if !res.Diags.HasErrors() {
		t.Fatal("a stopped build reported no error")
	}
	if err := out.Commit(); err == nil {
		t.Error("a stopped build could still be put in place")
	}
	after := outputTree(t, public)
	if diff := differences(before, after, true); len(diff) > 0 {
		t.Fatalf("a stopped rebuild changed %v", diff)
	}
	for name, f := range after {
		if f.mode.IsRegular() && !os.SameFile(f.info, before[name].info) {
			t.Errorf("%s is another file now", name)
		}
	}
}

// watchedSite is a site folder that counts how often each file is opened
// and, before each open, calls onOpen (when set) with the name and its
// count so far: a test changes the folder there at a chosen moment of a
// build.
type watchedSite struct {
	fsys   fs.FS
	onOpen func(name string, opens int)

	mu    sync.Mutex
	opens map[string]int
}

func watch(fsys fs.FS, onOpen func(name string, opens int)) *watchedSite {
	return &watchedSite{fsys: fsys, onOpen: onOpen, opens: map[string]int{}}
}

func (w *watchedSite) Open(name string) (fs.File, error) {
	w.mu.Lock()
	w.opens[name]++
	if w.onOpen != nil {
		w.onOpen(name, w.opens[name])
	}
	w.mu.Unlock()
	return w.fsys.Open(name)
}

// A build into a folder reads every page twice, once to load it and once
// to render it; fingerprinting the inputs for a later build takes the
// sums of what was loaded rather than read all of them a third time.
func TestABuildIntoAFolderReadsEachPageTwice(t *testing.T) {
	src, _ := generatedSite(t, 20)
	counted := watch(os.DirFS(src), nil)
	out, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	res := Build(Options{Source: counted, Output: out, Now: reuseDay})
	if res.Diags.HasErrors() {
		t.Fatalf("the build failed:\n%v", res.Diags)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	pages := 0
	for name, n := range counted.opens {
		if !strings.HasPrefix(name, "content/") || !strings.HasSuffix(name, ".md") {
			continue
		}
		pages++
		if n > 2 {
			t.Errorf("%s was opened %d times; want 2 (load and render)", name, n)
		}
	}
	if pages < 20 {
		t.Fatalf("only %d pages were opened", pages)
	}
}

// changeWhile makes change once while a build reads the site: when the
// first page is opened (the content is being loaded), or when a page is
// opened a second time (pages are being rendered). done reports whether
// it has.
func changeWhile(whilst string, change func()) (onOpen func(name string, opens int), done *bool) {
	done = new(bool)
	return func(name string, opens int) {
		if !*done && strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") && (whilst == "loading" || opens == 2) {
			*done = true
			change()
		}
	}, done
}

// An input changed while a build runs must never be taken for the input
// the build was made from: the next build would then keep an output that
// a fresh build would not make. Whatever changes, whenever, the next
// build either builds again or keeps an output equal to a fresh build's.
func TestAnInputChangedDuringTheBuildIsNotTakenForWhatItWasMadeFrom(t *testing.T) {
	safeSVG := `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`
	changes := map[string]func(src string){
		"a page added": func(src string) {
			data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(1))))
			if err != nil {
				t.Error(err)
			}
			os.WriteFile(filepath.Join(src, "content", "signatories", "added-late.md"), data, 0o644)
		},
		"site.yaml": func(src string) {
			f, _ := os.OpenFile(filepath.Join(src, "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("\ntitle: A title changed part way\n")
			f.Close()
		},
		"a picture made unsafe": func(src string) {
			os.WriteFile(filepath.Join(src, "content", "principles", "mark.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`), 0o644)
		},
		"a file beside the pages": func(src string) {
			os.WriteFile(filepath.Join(src, "content", "principles", "notes.pdf"), []byte("%PDF-1.4 late"), 0o644)
		},
		"a theme's template": func(src string) {
			dir := filepath.Join(src, "templates", "partials")
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "footer.html"), []byte(`<footer>changed part way</footer>`), 0o644)
		},
	}
	for _, whilst := range []string{"loading", "rendering"} {
		for name, change := range changes {
			t.Run(whilst+"/"+name, func(t *testing.T) {
				src, _ := generatedSite(t, 6)
				if err := os.WriteFile(filepath.Join(src, "content", "principles", "mark.svg"), []byte(safeSVG), 0o644); err != nil {
					t.Fatal(err)
				}
				public := filepath.Join(t.TempDir(), "public")
				out, err := publish.NewDir(public)
				if err != nil {
					t.Fatal(err)
				}
				onOpen, changed := changeWhile(whilst, func() { change(src) })
				first := Build(Options{Source: watch(os.DirFS(src), onOpen), Output: out, Now: reuseDay})
				if !*changed {
					t.Fatal("the change was not made during the build")
				}
				if first.Diags.HasErrors() {
					out.Abort()
					return // it saw the change and stopped: nothing was published
				}
				if err := out.Commit(); err != nil {
					t.Fatal(err)
				}
				nextBuildKeepsOnlyWhatAFreshBuildMakes(t, src, public)
			})
		}
	}

	// A page away while the loader lists its folder, and back (as it was,
	// or edited) by the time the loader reads the pages: an editor that
	// saves by renaming, a git checkout.
	for _, edited := range []bool{false, true} {
		t.Run(fmt.Sprintf("a page away while listed, edited %t", edited), func(t *testing.T) {
			src, _ := generatedSite(t, 6)
			// A page no other page links to, so the build passes without it.
			data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(sitegen.SignatoryFile(1))))
			if err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(src, "content", "signatories", "unlinked.md")
			if err := os.WriteFile(page, data, 0o644); err != nil {
				t.Fatal(err)
			}
			aside := filepath.Join(src, "aside")
			// Away when the folder is listed the second time (the first
			// is the fingerprint's), back at the next page opened.
			gone, back := false, false
			onOpen := func(name string, opens int) {
				switch {
				case name == "content/signatories" && opens == 2:
					os.Rename(page, aside)
					gone = true
				case gone && !back && strings.HasSuffix(name, ".md"):
					os.Rename(aside, page)
					if edited {
						f, _ := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
						f.WriteString("\nA line added while away.\n")
						f.Close()
					}
					back = true
				}
			}
			public := filepath.Join(t.TempDir(), "public")
			out, err := publish.NewDir(public)
			if err != nil {
				t.Fatal(err)
			}
			first := Build(Options{Source: watch(os.DirFS(src), onOpen), Output: out, Now: reuseDay})
			if !back {
				t.Fatal("the page was not moved away and back during the build")
			}
			if first.Diags.HasErrors() {
				t.Fatalf("the build without the page failed: %v", first.Diags)
			}
			if err := out.Commit(); err != nil {
				t.Fatal(err)
			}
			nextBuildKeepsOnlyWhatAFreshBuildMakes(t, src, public)
		})
	}
}

// nextBuildKeepsOnlyWhatAFreshBuildMakes builds src into public again: if
// it keeps the output there, that output must be what a build into an
// empty folder makes now.
func nextBuildKeepsOnlyWhatAFreshBuildMakes(t *testing.T, src, public string) {
	t.Helper()
	freshOut := filepath.Join(t.TempDir(), "public")
	fo, err := publish.NewDir(freshOut)
	if err != nil {
		t.Fatal(err)
	}
	fresh := Build(Options{Source: os.DirFS(src), Output: fo, Now: reuseDay})
	again, err := publish.NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	next := Build(Options{Source: os.DirFS(src), Output: again, Now: reuseDay})
	if !next.Reused {
		again.Abort()
		fo.Abort()
		return // built again: what it makes is a fresh build
	}
	if fresh.Diags.HasErrors() {
		t.Fatalf("the next build kept the output, but a fresh build fails: %v", fresh.Diags)
	}
	if err := fo.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := again.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := differences(outputTree(t, public), outputTree(t, freshOut), false); len(diff) > 0 {
		t.Errorf("the next build kept an output that differs from a fresh build in %v", diff)
	}
}

// A picture beside the pages is checked as the content is loaded, and
// copied into the output later: one made unsafe in between is an error
// as it is copied, so the build is not published.
func TestAPictureMadeUnsafeWhileTheSiteIsBuiltIsNotPublished(t *testing.T) {
	src, _ := generatedSite(t, 4)
	mark := filepath.Join(src, "content", "principles", "mark.svg")
	if err := os.WriteFile(mark, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), 0o644); err != nil {
		t.Fatal(err)
	}
	onOpen, changed := changeWhile("rendering", func() {
		os.WriteFile(mark, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>`), 0o644)
	})
	out, err := publish.NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	res := Build(Options{Source: watch(os.DirFS(src), onOpen), Output: out, Now: reuseDay})
	out.Abort()
	if !*changed {
		t.Fatal("the picture was not changed during the build")
	}
	found := false
	for _, d := range res.Diags {
		if d.File == "content/principles/mark.svg" && d.Severity == diag.Error && strings.Contains(d.Problem, "changed while the site was built") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error at the picture; the build reported:\n%v", res.Diags)
	}
	if n := res.Diags.Count(diag.Error); n != 1 {
		t.Errorf("%d errors, want the one at the picture:\n%v", n, res.Diags)
	}
}
