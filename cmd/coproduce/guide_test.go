package main

import (
	"os"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// The editors' guide is part of the example site and must itself pass
// every check, the plain English ones included: a guide that tells editors
// to write short sentences cannot have long ones.
func TestEditorsGuidePassesCheckWithNoWarnings(t *testing.T) {
	res := site.Build(site.Options{Source: os.DirFS("../.."), Output: publish.NewMemory()})
	guide := 0
	for _, p := range res.Site.Pages {
		if strings.HasPrefix(p.URL, "/guide/") {
			guide++
		}
	}
	if guide < 8 {
		t.Errorf("the example site has %d guide pages under /guide/, want the list page and at least 7 more", guide)
	}
	for _, d := range res.Diags {
		if strings.HasPrefix(d.File, "content/guide/") {
			t.Errorf("%s", d.String())
		}
	}
}
