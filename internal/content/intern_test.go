package content

import (
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unsafe"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// The values many signatories write (sector, region, size, the
// commitments copied from their pledge, the pledges and levels they name)
// are kept once for the whole site, not once a page, and read back as
// written.
func TestValuesManyPagesWriteAreKeptOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"pledges/two-way-pledge.md": {Data: []byte("---\ntitle: Two-way pledge\nsummary: x\ncommitments:\n  - We will listen.\nlevels:\n  - name: Committed\n---\n")},
	}
	for i := range 3 {
		fsys[fmt.Sprintf("signatories/org-%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(`---
title: Org %d
summary: An organisation.
website: https://org-%d.example.org/
signed: 2024-03-01
pledges:
  - pledge: two-way-pledge
    level: Committed
sector: "Housing"
region: "Bristol"
size: small
commitments:
  - "We will pay people for their time."
---
`, i, i))}
	}
	site, diags := Load(fsys, Options{Dir: "content", Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	orgs := site.Section("signatories")
	if len(orgs) != 3 {
		t.Fatalf("loaded %d signatories, want 3", len(orgs))
	}
	values := map[string]func(*Page) string{
		"sector":       func(p *Page) string { return p.Sector },
		"region":       func(p *Page) string { return p.Region },
		"size":         func(p *Page) string { return p.Size },
		"commitment":   func(p *Page) string { return p.Commitments[0] },
		"pledge named": func(p *Page) string { return p.PledgeSlugs[0].Slug },
		"signing":      func(p *Page) string { return p.Signings[0].Ref.Slug },
		"level":        func(p *Page) string { return p.Signings[0].Level },
	}
	want := map[string]string{"sector": "Housing", "region": "Bristol", "size": "small", "commitment": "We will pay people for their time.",
		"pledge named": "two-way-pledge", "signing": "two-way-pledge", "level": "Committed"}
	for name, get := range values {
		first := get(orgs[0])
		for _, p := range orgs {
			if got := get(p); got != want[name] {
				t.Errorf("%s: %s is %q, want %q as written", p.File, name, got, want[name])
			} else if unsafe.StringData(got) != unsafe.StringData(first) {
				t.Errorf("%s: its %s %q is a copy of its own, want the one copy the site keeps", p.File, name, got)
			}
		}
	}
}

// What a page loaded for a final build keeps, measured on the generated
// site of 2,000 signatories: each of 100,000 signatories keeps it to the
// end of a build. It was 2,247 bytes before 30 November, when the values
// many pages write were not yet kept once (2,146 without that alone),
// then about 2,040 while a Page kept room for every kind's fields (1,408
// bytes), and is about 1,700 now that a signatory keeps none for the
// fields of other kinds (1,024 bytes; see otherKinds). The limit leaves
// room for noise, not for a field of every page that could be kept
// elsewhere.
func TestAPageLoadedForAFinalBuildKeepsLittle(t *testing.T) {
	const most = 1800
	src, err := fs.Sub(sitegen.MapFS(sitegen.Options{Signatories: 2000}), "content")
	if err != nil {
		t.Fatal(err)
	}
	before := liveHeap()
	site, diags := Load(src, Options{Dir: "content", BodiesOnDemand: true})
	if diags.HasErrors() {
		t.Fatal(diags[0])
	}
	kept := (liveHeap() - before) / len(site.Pages)
	runtime.KeepAlive(site)
	t.Logf("a page loaded for a final build keeps %d bytes", kept)
	if kept > most {
		t.Errorf("a page loaded for a final build keeps %d bytes, want at most %d: 100,000 signatories keep this to the end of a build", kept, most)
	}
}

// Pages are made in one block that lives as long as any of them, so what
// a draft left out or a file that could not be read as a page held must
// not stay with it to the end of a build: each keeps its place in the
// block (a kilobyte) and its name, not its Markdown and front matter (with
// those, about 4 KB each here). A picture takes no place in the block.
func TestFilesLeftOutOfALoadKeepNoPage(t *testing.T) {
	const n = 500
	body := strings.Repeat("We meet every month and share what we learned. ", 60)
	pages := fstest.MapFS{}
	for i := range n {
		pages[fmt.Sprintf("p%d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Page %d\n---\n%s", i, body))}
	}
	kept := func(fsys fs.FS) int {
		before := liveHeap()
		site, _ := Load(fsys, Options{})
		after := liveHeap()
		if len(site.Pages) != n {
			t.Fatalf("loaded %d pages, want %d", len(site.Pages), n)
		}
		runtime.KeepAlive(site)
		runtime.KeepAlive(fsys) // its files are not what a load keeps
		return after - before
	}
	kept(pages) // what the first load sets up once is not counted
	alone := kept(pages)
	for _, c := range []struct {
		what string
		most int
		file func(i int) (string, string)
	}{
		{"a draft", 1300, func(i int) (string, string) {
			return fmt.Sprintf("draft%d.md", i), fmt.Sprintf("---\ntitle: Draft %d\ndraft: true\n---\n%s", i, body)
		}},
		{"a page whose front matter never ends", 1300, func(i int) (string, string) {
			return fmt.Sprintf("broken%d.md", i), fmt.Sprintf("---\ntitle: Broken %d\n%s", i, body)
		}},
		{"a picture", 400, func(i int) (string, string) {
			return fmt.Sprintf("logo%d.svg", i), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`
		}},
	} {
		more := fstest.MapFS{}
		maps.Copy(more, pages)
		for i := range n {
			name, data := c.file(i)
			more[name] = &fstest.MapFile{Data: []byte(data)}
		}
		each := (kept(more) - alone) / n
		t.Logf("%s keeps %d bytes", c.what, each)
		if each > c.most {
			t.Errorf("%s keeps %d bytes once loaded, want at most %d", c.what, each, c.most)
		}
	}
}
