package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// A save that changes a signatory's region changes pages of the directory
// the editor is not looking at. The preview shows the saved page at once
// and makes those after the reload: a browser asking for one first still
// gets it as saved, and Finish then finds any problem they have, as a
// clean build does.
func TestDirectoryPagesMadeAfterTheReloadAreTheBuilds(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 12})
	// A site's own filter page that links somewhere missing once
	// Nottingham has more than one signatory: a problem only the
	// directory's pages can have, which appears only after the save.
	src["templates/signatories-filter.html"] = &fstest.MapFile{Data: []byte(
		`{{define "main"}}<h1>{{.Page.Title}}</h1>{{with signatoryListing .Page.URL}}<ul>{{range .Items}}<li>{{.Title}}</li>{{end}}</ul>` +
			`{{if and .Value (eq .Value.Slug "nottingham") (gt .Total 1)}}<a href="{{relURL "/not-made/"}}">More</a>{{end}}{{end}}{{end}}`)}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	inc, out := startPreview(t, src, now)
	const filter = "signatories/region/nottingham/index.html" // one signatory so far
	file := sitegen.SignatoryFile(3)
	src[file].Data = []byte(strings.Replace(string(src[file].Data), `region: "Manchester"`, `region: "Nottingham"`, 1))

	ch := inc.Update([]string{file})
	if ch.Diags.HasErrors() {
		t.Fatalf("the save's own pages have errors: %v", ch.Diags)
	}
	page, ok := out.Get(filter)
	if !ok || !strings.Contains(string(page), ">"+sitegenTitle(src, file)+"<") {
		t.Fatalf("the Nottingham filter page asked for before Finish does not list the signatory moved there:\n%s", page)
	}

	problems, done := inc.Finish(context.Background())
	if !done {
		t.Fatal("Finish stopped with nothing to stop it")
	}
	clean := Build(Options{Source: src, Output: publish.NewMemory(), Now: now})
	if got, want := diagLines(problems), diagLines(clean.Diags); got != want || !strings.Contains(got, "/not-made/") {
		t.Errorf("after Finish the preview's problems are not a clean build's\npreview:\n%s\nbuild:\n%s", got, want)
	}
	if !strings.Contains(diagLines(problems), "templates/signatories-filter.html") {
		t.Errorf("the broken link is not placed at the template that made it:\n%s", diagLines(problems))
	}
}

// A save that comes while the directory's pages are being made stops
// Finish; the pages it did not make are still made when asked for.
func TestFinishStopsForTheNextSave(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 30})
	inc, out := startPreview(t, src, time.Time{})
	file := sitegen.SignatoryFile(4)
	src[file].Data = []byte(strings.Replace(string(src[file].Data), `region: "Cardiff"`, `region: "Leeds"`, 1))
	if ch := inc.Update([]string{file}); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	waiting := len(inc.later.waiting)
	if waiting == 0 {
		t.Fatal("a region's save left no directory page to be made after the reload")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, done := inc.Finish(ctx); done || len(inc.later.waiting) != waiting {
		t.Errorf("Finish with its save come did not stop (done %v, %d of %d pages still to make)", done, len(inc.later.waiting), waiting)
	}
	if page, ok := out.Get("signatories/region/leeds/index.html"); !ok || !strings.Contains(string(page), sitegenTitle(src, file)) {
		t.Errorf("a page Finish did not make is not made when asked for")
	}
	if _, done := inc.Finish(context.Background()); !done || len(inc.later.waiting) != 0 {
		t.Errorf("the next Finish did not make the rest")
	}
}

// sitegenTitle is the title written in a generated page's front matter.
func sitegenTitle(src fstest.MapFS, file string) string {
	for _, line := range strings.Split(string(src[file].Data), "\n") {
		if t, ok := strings.CutPrefix(line, "title: "); ok {
			return strings.Trim(t, `"`)
		}
	}
	return ""
}

// A principle's new title shows on every case study that names it. The
// save renders the principle now; the case studies are made after the
// reload, or at once when a browser asks for one, and equal a clean
// build's.
func TestPagesShowingASavedPageAreMadeAfterTheReload(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 40})
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	inc, out := startPreview(t, src, now)
	const file = "content/principles/creativity.md"
	src[file].Data = []byte(strings.Replace(string(src[file].Data), "title: ", "title: Made anew, ", 1))
	ch := inc.Update([]string{file})
	if ch.Diags.HasErrors() || ch.Pages != 1 {
		t.Fatalf("the save rendered %d pages now, want the principle alone (problems: %v)", ch.Pages, ch.Diags)
	}
	clean := publish.NewMemory()
	if res := Build(Options{Source: src, Output: clean, Now: now}); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	showing := 0
	for _, name := range clean.Names() {
		want, _ := clean.Get(name)
		if !strings.HasPrefix(name, "case-studies/") || !strings.Contains(string(want), "Made anew, ") {
			continue
		}
		showing++
		if got, _ := out.Get(name); string(got) != string(want) {
			t.Errorf("%s asked for before Finish is not the clean build's", name)
		}
	}
	if showing == 0 {
		t.Fatal("no case study shows the principle's title: the test shows nothing")
	}
	if problems, done := inc.Finish(context.Background()); !done || problems.HasErrors() {
		t.Errorf("Finish: done %v, problems %v", done, problems)
	}
}

// A page left for later by one save and asked for after the next save
// failed shows the first save's content: the failed save's templates and
// rows are not the ones it is made with.
func TestAPageLeftForLaterIsMadeWithItsOwnSave(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 30})
	inc, out := startPreview(t, src, time.Time{})
	moved := sitegen.SignatoryFile(4)
	src[moved].Data = []byte(strings.Replace(string(src[moved].Data), `region: "Cardiff"`, `region: "Leeds"`, 1))
	if ch := inc.Update([]string{moved}); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	const leeds = "signatories/region/leeds/index.html"
	if !out.Has(leeds) || len(inc.later.waiting) == 0 {
		t.Fatal("the region's save left no directory page for later")
	}
	broken := sitegen.SignatoryFile(1) // in Leeds
	old := sitegenTitle(src, broken)
	src[broken].Data = []byte(strings.Replace(strings.Replace(string(src[broken].Data), "title: ", "title: Renamed in a failed save ", 1),
		"---\n\n", "---\n\n[A link to nowhere](/nowhere/).\n\n", 1))
	if ch := inc.Update([]string{broken}); !ch.Diags.HasErrors() {
		t.Fatal("a save with a broken link has no error")
	}
	page, _ := out.Get(leeds)
	if strings.Contains(string(page), "Renamed in a failed save") || !strings.Contains(string(page), old) {
		t.Errorf("the Leeds page left for later shows the failed save's title, or not the last good one (%q)", old)
	}
}

// A mistake in a template that shows only on the directory's pages a save
// changed is reported once, in a clean build's words, however many of
// those pages it stops. (A build, stopped there, also reports the links
// to the pages it did not write; the preview keeps its last pages.)
func TestATemplateFaultInPagesMadeLaterIsReportedOnce(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 30})
	src["templates/signatories-filter.html"] = &fstest.MapFile{Data: []byte(
		`{{define "main"}}<h1>{{.Page.Title}}</h1>{{with signatoryListing .Page.URL}}{{if and .Value (eq .Value.Facet.Key "year") (gt .Total 20)}}{{index .Items 99}}{{end}}{{end}}{{end}}`)}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	inc, _ := startPreview(t, src, now)
	// Every signatory signed in 2024 now: its year has more than 20.
	var changed []string
	for i := range 30 {
		f := sitegen.SignatoryFile(i)
		data := string(src[f].Data)
		if at := strings.Index(data, "\nsigned: "); at >= 0 {
			end := at + 1 + strings.Index(data[at+1:], "\n")
			src[f].Data = []byte(data[:at] + "\nsigned: 2024-02-02" + data[end:])
			changed = append(changed, f)
		}
	}
	if ch := inc.Update(changed); ch.Diags.HasErrors() {
		t.Skipf("the save's own pages already show the fault: %v", ch.Diags)
	}
	problems, _ := inc.Finish(context.Background())
	clean := Build(Options{Source: src, Output: publish.NewMemory(), Now: now})
	var fault string
	for _, d := range clean.Diags {
		if strings.HasPrefix(d.File, "templates/signatories-filter.html") {
			fault = d.String()
		}
	}
	if fault == "" {
		t.Fatalf("the clean build does not report the template's fault:\n%s", diagLines(clean.Diags))
	}
	found := 0
	for _, d := range problems {
		if strings.HasPrefix(d.File, "templates/signatories-filter.html") {
			found++
			if d.String() != fault {
				t.Errorf("the preview reports the fault as\n%s\nthe build as\n%s", d, fault)
			}
		}
	}
	if found != 1 {
		t.Errorf("the preview reports the template's fault %d times, want once:\n%s", found, diagLines(problems))
	}
}

// startPreview makes the preview's first build of src for the day now
// (today when zero), failing on any error.
func startPreview(t *testing.T, src fstest.MapFS, now time.Time) (*Incremental, *publish.Memory) {
	t.Helper()
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: src, Now: now}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatalf("the first build has errors: %v", ch.Diags)
	}
	return inc, out
}
