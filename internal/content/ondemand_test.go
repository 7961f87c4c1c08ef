package content

import (
	"bytes"
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// onDemandFiles are pages whose body is found after the BOM, carriage
// returns and TOML front matter are dealt with, and one with no body.
var onDemandFiles = map[string]string{
	"about.md":  "\xef\xbb\xbf---\r\ntitle: About us\r\nsummary: Who we are.\r\n---\r\n# Hello\r\n\r\nText with “quotes”.\r\n",
	"team.md":   "+++\r\ntitle = \"Team\"\r\nsummary = \"Who works here.\"\r\n+++\r\nBody\r\n",
	"empty.md":  "---\ntitle: Empty\nsummary: Nothing below.\n---\n",
	"plain.md":  "---\ntitle: Plain\nsummary: x\n---\n\nA [link](/about/).\n",
	"_index.md": "---\ntitle: Home\nsummary: x\n---\nWelcome.\n",
}

func TestBodiesOnDemandAreTheBodiesLoaded(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, text := range onDemandFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	kept, diags := Load(fsys, Options{Dir: "content"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	lazy, _ := Load(fsys, Options{Dir: "content", BodiesOnDemand: true})
	for i, p := range lazy.Pages {
		if len(p.Body) != 0 {
			t.Errorf("%s holds its body after loading, want it read when asked", p.File)
		}
		body, bad := lazy.Body(p)
		if bad != nil {
			t.Fatalf("%s: %v", p.File, bad)
		}
		if want := kept.Pages[i].Body; !bytes.Equal(body, want) || p.BodyLine != kept.Pages[i].BodyLine {
			t.Errorf("%s: body read again is %q at line %d, want %q at line %d", p.File, body, p.BodyLine, want, kept.Pages[i].BodyLine)
		}
	}
}

func TestABodyChangedSinceLoadingIsAnErrorAboutItsFile(t *testing.T) {
	saves := map[string]func([]byte) []byte{
		"the body edited":         func(b []byte) []byte { return bytes.Replace(b, []byte("Text"), []byte("Tekst"), 1) },
		"same length, new words":  func(b []byte) []byte { return bytes.Replace(b, []byte("Hello"), []byte("Howdy"), 1) },
		"the front matter edited": func(b []byte) []byte { return bytes.Replace(b, []byte("About us"), []byte("About them"), 1) },
		"emptied":                 func([]byte) []byte { return nil },
		"not UTF-8 any more":      func(b []byte) []byte { return append(b, 0xff) },
	}
	for name, save := range saves {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range onDemandFiles {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			site, _ := Load(fsys, Options{Dir: "content", BodiesOnDemand: true})
			fsys["about.md"].Data = save(fsys["about.md"].Data)
			p := site.Page("/about/")
			body, bad := site.Body(p)
			if bad == nil {
				t.Fatalf("the body read again is %q, want an error: the page would mix two versions of the file", body)
			}
			if bad.File != "content/about.md" || bad.Line != 1 || !strings.Contains(bad.Problem, "changed while the site was being built") || bad.Fix == "" {
				t.Errorf("got %v, want an error at content/about.md:1:1 saying the file changed, with what to do", bad)
			}
			if _, other := site.Body(site.Page("/team/")); other != nil {
				t.Errorf("a file that did not change is reported: %v", other)
			}
		})
	}
	t.Run("removed", func(t *testing.T) {
		fsys := fstest.MapFS{"about.md": &fstest.MapFile{Data: []byte(onDemandFiles["about.md"])}}
		site, _ := Load(fsys, Options{Dir: "content", BodiesOnDemand: true})
		delete(fsys, "about.md")
		if _, bad := site.Body(site.Page("/about/")); bad == nil || bad.File != "content/about.md" || !strings.Contains(bad.Problem, "could not be read again") {
			t.Errorf("got %v, want an error at content/about.md that it could not be read again", bad)
		}
	})
}

// A site loaded for a final build keeps, per page, its front matter and
// where its body is, not the body: on the generated site a page's
// Markdown is about 3 KB, more than all the rest a loaded page holds.
func TestAPageLoadedForAFinalBuildKeepsNoMarkdown(t *testing.T) {
	src, err := fs.Sub(sitegen.MapFS(sitegen.Options{Signatories: 2000}), "content")
	if err != nil {
		t.Fatal(err)
	}
	perPage := func(opts Options) (int, *Site) {
		before := liveHeap()
		site, diags := Load(src, opts)
		if diags.HasErrors() {
			t.Fatal(diags[0])
		}
		kept := liveHeap() - before
		runtime.KeepAlive(site)
		return kept / len(site.Pages), site
	}
	withBodies, site := perPage(Options{Dir: "content"})
	bodies := 0
	for _, p := range site.Pages {
		bodies += len(p.Body)
	}
	onDemand, _ := perPage(Options{Dir: "content", BodiesOnDemand: true})
	t.Logf("a loaded page keeps %d bytes with its body, %d without (bodies: %d bytes a page)", withBodies, onDemand, bodies/len(site.Pages))
	if onDemand > withBodies-bodies/len(site.Pages)*3/4 {
		t.Errorf("a page loaded for a final build keeps %d bytes, want at most the %d a page keeps with its body less most of the body's %d",
			onDemand, withBodies, bodies/len(site.Pages))
	}
}

// liveHeap is the memory in use once the garbage is collected.
func liveHeap() int {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int(m.HeapAlloc)
}
