package site_test

import (
	"bytes"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/coproduce/coproduce/internal/publish"
	. "github.com/coproduce/coproduce/internal/site"
)

// strictOutput is an output that fails the test for a file name that is
// not a plain path inside the output folder, and keeps what is written.
type strictOutput struct {
	t *testing.T
	m *publish.Memory
}

func (o *strictOutput) WriteFile(name string, data []byte) error {
	if clean, ok := publish.CleanName(name); !ok || clean != name || strings.HasPrefix(name, "/") || name == "" {
		o.t.Errorf("the build wrote %q, which is not a plain path inside the output folder", name)
	}
	return o.m.WriteFile(name, data)
}

// FuzzSite builds whole sites made of random file trees: any file names,
// front matter and bodies, under content/, static/ and templates/. Whatever
// is there, the build ends in time without a panic, writes only inside its
// output, gives every problem a place, and gives the same files and the same
// problems on one worker and on three.
func FuzzSite(f *testing.F) {
	kinds, err := txtar.ParseFile("testdata/sites/kinds.txtar")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(txtar.Format(kinds))
	for _, c := range collisions {
		a := &txtar.Archive{}
		for name, data := range c.files {
			a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
		}
		f.Add(txtar.Format(a))
	}
	f.Add([]byte("-- content/#a.md# --\n---\ntitle: x\n---\n-- content/../../x.md --\nx\n-- static/../out --\nx\n-- content/a/index.html --\n<script>\n"))
	f.Add([]byte("-- templates/partials/loop.html --\n{{partial \"partials/loop.html\" .}}\n-- templates/page.html --\n{{define \"main\"}}{{partial \"partials/loop.html\" .}}{{end}}\n"))
	base := siteFS(f, "testdata/sites/kinds.txtar")
	f.Fuzz(func(t *testing.T, archive []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		for _, file := range txtar.Parse(archive).Files {
			name := path.Clean(file.Name)
			if !fsValid(name) {
				continue
			}
			fsys[name] = &fstest.MapFile{Data: file.Data}
		}
		build := func(workers int) (*publish.Memory, string) {
			out := &strictOutput{t: t, m: publish.NewMemory()}
			done := make(chan *Result, 1)
			go func() {
				done <- Build(Options{Source: fsys, Output: out, Workers: workers, Now: collisionDay})
			}()
			select {
			case res := <-done:
				var diags []string
				for _, d := range res.Diags {
					if d.File == "" || d.Problem == "" {
						t.Errorf("a problem without a place or words: %+v", d)
					}
					diags = append(diags, d.String())
				}
				return out.m, strings.Join(diags, "\n")
			case <-time.After(30 * time.Second):
				t.Fatalf("the build has not finished after 30 s")
				return nil, ""
			}
		}
		one, diagsOne := build(1)
		three, diagsThree := build(3)
		if diagsOne != diagsThree {
			t.Fatalf("problems differ between one worker and three:\n%s\n---\n%s", diagsOne, diagsThree)
		}
		names := one.Names()
		if strings.Join(names, "\n") != strings.Join(three.Names(), "\n") {
			t.Fatalf("files differ between one worker and three")
		}
		for _, n := range names {
			a, _ := one.Get(n)
			b, _ := three.Get(n)
			if !bytes.Equal(a, b) {
				t.Fatalf("%s differs between one worker and three", n)
			}
		}
	})
}

// fsValid reports whether name can be a key of an fstest.MapFS.
func fsValid(name string) bool {
	if name == "." || name == "" || strings.HasPrefix(name, "../") || name == ".." || strings.HasPrefix(name, "/") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return true
}
