package check_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// buildReport builds the site in dir into nowhere, as "coproduce check"
// does, and returns its diagnostics sorted.
func buildReport(t *testing.T, dir string) diag.List {
	t.Helper()
	return buildSite(t, dir).Diags
}

func buildSite(t *testing.T, dir string) *site.Result {
	t.Helper()
	// A day after every date in the example site: a consent or signing
	// date after the day of the build is an error.
	res := site.Build(site.Options{Source: os.DirFS(dir), Output: publish.Nowhere{}, Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	res.Diags.Sort()
	return res
}

// textReport is the report as "coproduce check" prints it.
func textReport(diags diag.List) []byte {
	var b bytes.Buffer
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
	}
	b.WriteString(diags.Summary() + "\n")
	return b.Bytes()
}

// TestGoldenReports checks the whole report of two broken sites: matter/
// has front matter and file problems (the build stops before rendering, yet
// body problems are still reported), body/ has valid front matter and
// every kind of body problem, including broken links.
func TestGoldenReports(t *testing.T) {
	for _, name := range []string{"matter", "body"} {
		t.Run(name, func(t *testing.T) {
			diags := buildReport(t, filepath.Join("testdata", name))
			js, err := json.MarshalIndent(diags, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", name+".golden.txt"), textReport(diags))
			golden(t, filepath.Join("testdata", name+".golden.json"), append(js, '\n'))
		})
	}
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update if the change is right)\n got:\n%s\nwant:\n%s", file, got, want)
	}
}
