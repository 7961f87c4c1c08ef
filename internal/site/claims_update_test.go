package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// When a save adds, removes or moves pages, aliases or files beside the
// pages, the preview brings the last build's claims up to date instead of
// claiming every output again. The claims it ends with must be the ones a
// whole build makes, or a later save could write a file nobody claimed, or
// miss a clash with one that went.
func TestClaimsUpdatedByASaveAreTheBuilds(t *testing.T) {
	src := sitegen.MapFS(sitegen.Options{Signatories: 20})
	inc, _ := startPreview(t, src, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	saves := []struct {
		what  string
		apply func() []string
	}{
		{"a new signatory", func() []string {
			f := "content/signatories/a-new-one.md"
			src[f] = &fstest.MapFile{Data: []byte("---\ntitle: A New One\nsummary: New.\nwebsite: https://new.example.org/\nsigned: 2024-03-01\npledges: [two-way-pledge]\nregion: Nowhere Else\n---\nHello.\n")}
			return []string{f}
		}},
		{"a deleted signatory", func() []string {
			f := "content/signatories/a-new-one.md"
			delete(src, f)
			return []string{f}
		}},
		{"an alias", func() []string {
			f := sitegen.SignatoryFile(5)
			src[f].Data = []byte(string(src[f].Data[:4]) + "aliases: [/old-address/]\n" + string(src[f].Data[4:]))
			return []string{f}
		}},
		{"a file beside the pages", func() []string {
			f := "content/signatories/a-leaflet.pdf"
			src[f] = &fstest.MapFile{Data: []byte("%PDF-1.4 a leaflet")}
			return []string{f}
		}},
	}
	for _, s := range saves {
		before := inc.b
		saved := s.apply()
		ch := inc.Update(saved)
		if ch.Diags.HasErrors() || ch.Full {
			t.Fatalf("%s: the save gave a full rebuild or errors: %v", s.what, ch.Diags)
		}
		if inc.b == before {
			t.Fatalf("%s: the save did not make a new build", s.what)
		}
		var names []string
		for _, f := range saved {
			names = append(names, strings.TrimPrefix(f, "content/"))
		}
		updated, ok := inc.b.updateClaims(before, names)
		if !ok {
			t.Fatalf("%s: the claims were not brought up to date, but made again", s.what)
		}
		got := slices.Sorted(maps.Keys(updated.owners))
		if kept := slices.Sorted(maps.Keys(inc.b.claims.owners)); !slices.Equal(kept, got) {
			t.Errorf("%s: the preview keeps other claims than the save's:\n%s", s.what, claimDiff(kept, got))
		}
		whole := inc.b.claimOutputs(false, nil)
		want := slices.Sorted(maps.Keys(whole.owners))
		if !slices.Equal(got, want) {
			t.Errorf("%s: the preview's claims are not a whole build's:\n%s", s.what, claimDiff(got, want))
		}
	}
}

func claimDiff(got, want []string) string {
	in := func(list []string, s string) bool { _, ok := slices.BinarySearch(list, s); return ok }
	var out string
	for _, g := range got {
		if !in(want, g) {
			out += fmt.Sprintf("  claimed, but a build does not: %s\n", g)
		}
	}
	for _, w := range want {
		if !in(got, w) {
			out += fmt.Sprintf("  not claimed, but a build does: %s\n", w)
		}
	}
	return out
}
