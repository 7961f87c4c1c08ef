package site_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// FuzzBuild builds a small site with one fuzzed page, through the link
// resolver, the link check, aliases, feed and sitemap: whatever an editor
// writes, the build reports problems and never panics.
func FuzzBuild(f *testing.F) {
	base := siteFS(f, "testdata/sites/kinds.txtar")
	for _, name := range []string{"content/about.md", "content/_index.md", "content/case-studies/panels.md", "content/signatories/kite.md", "content/principles/equal-voice.md"} {
		f.Add(uint8(0), base[name].Data)
	}
	f.Add(uint8(1), []byte("---\ntitle: \"\\x01 <b>\"\nsummary: \"]]> & \\u0000\"\naliases: [/a/, /b.html]\n---\n[x](#y) [z](../../x.md) ![](a.png) [[x]](<a b.md>)\n"))
	f.Add(uint8(2), []byte("---\ntitle: T\nsummary: S\naliases: [/]\n---\n# T\n## T\n[T](#t-1)\n"))
	paths := []string{"content/about.md", "content/principles/new.md", "content/case-studies/new.md", "content/signatories/new.md", "content/guides/a/b/new.md"}
	f.Fuzz(func(t *testing.T, where uint8, page []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[paths[int(where)%len(paths)]] = &fstest.MapFile{Data: page}
		done := make(chan *site.Result, 1)
		go func() {
			done <- site.Build(site.Options{Source: fsys, Output: publish.NewMemory(), Workers: 1, Drafts: where >= 128,
				Now: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})
		}()
		var res *site.Result
		select {
		case res = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("the build has not finished after 20 s with the page %q", page)
		}
		for _, d := range res.Diags {
			if d.File == "" || d.Problem == "" {
				t.Fatalf("diagnostic without a place or a problem: %+v", d)
			}
		}
	})
}
