package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// TestPreviewFollowsSiteContent: a template that reads every page through
// .Site.Content shows a changed title on every page after the save, as a
// build would.
func TestPreviewFollowsSiteContent(t *testing.T) {
	fsys := sitegen.MapFS(sitegen.Options{Signatories: 6, Seed: 2, BodyBytes: 300})
	fsys["templates/partials/page-heading.html"] = &fstest.MapFile{Data: []byte(templates[0].text)}
	now := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	out := publish.NewMemory()
	inc := NewIncremental(Options{Source: fsys, Now: now, Workers: 2}, out)
	if ch := inc.Update(nil); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	sig := sitegen.SignatoryFile(3)
	fsys[sig] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[sig].Data), "title: ", "title: Renamed ", 1))}
	if ch := inc.Update([]string{sig}); ch.Diags.HasErrors() {
		t.Fatal(ch.Diags)
	}
	sameAsClean(t, "title edit", fsys, out, now)
}
