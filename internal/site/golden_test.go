package site_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output")

// goldenFiles are the outputs kept as golden files for every site in
// testdata/sites; a site's golden archive also lists every file written.
var goldenFiles = []string{
	"index.html",
	"about/index.html",
	"principles/index.html",
	"principles/equal-voice/index.html",
	"charter/fair-pay/index.html",
	"case-studies/panels/index.html",
	"pledges/two-way/index.html",
	"signatories/brightwater/index.html",
	"signatories/kite/index.html",
	"who-we-are/index.html",
	"old/about.html",
	"sitemap.xml",
	"feed.xml",
	"robots.txt",
}

// siteFS reads a txtar archive of a whole site into a file system.
func siteFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// TestGoldenSites builds each site in testdata/sites into memory and
// compares the output with testdata/golden/NAME.txtar. Run with -update to
// accept a change, then read the diff before committing it.
func TestGoldenSites(t *testing.T) {
	archives, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no sites in testdata/sites")
	}
	for _, archive := range archives {
		name := strings.TrimSuffix(filepath.Base(archive), ".txtar")
		t.Run(name, func(t *testing.T) {
			out := publish.NewMemory()
			res := site.Build(site.Options{Source: siteFS(t, archive), Output: out, Workers: 2,
				Now: time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)})
			for _, d := range res.Diags {
				if d.Severity == 0 {
					t.Error(d)
				}
			}
			got := &txtar.Archive{Comment: []byte("Golden output of testdata/sites/" + name + ".txtar; go test -run TestGoldenSites -update rewrites it.\n")}
			var names []string
			for _, n := range out.Names() {
				names = append(names, fingerprintRE.ReplaceAllString(n, ".HASH.$1"))
			}
			got.Files = append(got.Files, txtar.File{Name: "files", Data: []byte(strings.Join(names, "\n") + "\n")})
			for _, f := range goldenFiles {
				data, ok := out.Get(f)
				if !ok {
					continue // listed as missing by the "files" entry
				}
				if !bytes.HasSuffix(data, []byte("\n")) {
					data = append(bytes.Clone(data), '\n')
				}
				got.Files = append(got.Files, txtar.File{Name: f, Data: data})
			}
			goldenPath := filepath.Join("testdata", "golden", name+".txtar")
			if *update {
				if err := os.WriteFile(goldenPath, txtar.Format(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := txtar.ParseFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGoldenSites -update to make it)", err)
			}
			wantFiles := map[string]string{}
			for _, f := range want.Files {
				wantFiles[f.Name] = string(f.Data)
			}
			for _, f := range got.Files {
				w, ok := wantFiles[f.Name]
				if !ok {
					t.Errorf("%s is new in the output; run with -update if that is right", f.Name)
					continue
				}
				if w != string(f.Data) {
					t.Errorf("%s differs from %s:\n%s", f.Name, goldenPath, lineDiff(w, string(f.Data)))
				}
				delete(wantFiles, f.Name)
			}
			for f := range wantFiles {
				t.Errorf("%s is no longer written", f)
			}
		})
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 6; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("  line " + strconv.Itoa(i+1) + "\n    want: " + wl + "\n    got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// fingerprintRE matches the hash in a theme file's published name, which
// changes with every edit of the theme's CSS or scripts.
var fingerprintRE = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)$`)
