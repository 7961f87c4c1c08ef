package browsertest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// Two more sites than the example: the example with the worst signatory for
// a printed certificate added, and a generated register of 10,000
// signatories, for the tests of reading on paper and on slow phones.

// worstSignatorySlug is the signatory whose certificate is hardest to fit
// on a page: a 120-character name and ten long commitments of its own.
const worstSignatorySlug = "worst-case-certificate"

// worstSignatoryName is 120 characters long, in words that wrap as a
// real long name does.
var worstSignatoryName = func() string {
	words := "The Greater Northgate and Riverside Borough Council Adult Social Care, Housing and Wellbeing Partnership for Lived Experience"
	return words[:120]
}()

func worstSignatoryFile() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\n", worstSignatoryName)
	b.WriteString("summary: \"A made-up partnership whose long name and many promises test the printed certificate.\"\n")
	b.WriteString("website: \"https://worst-case.example.org/a/rather/long/address/for/a/website/\"\n")
	b.WriteString("signed: 2025-01-02\nreview: 2027-01-02\npledges: [two-way-pledge]\n")
	b.WriteString("sector: \"Local government\"\nregion: \"Greater Manchester\"\nsize: \"large\"\ncommitments:\n")
	for i := range 10 {
		fmt.Fprintf(&b, "  - \"Promise %d: we will pay experts by experience the same hourly rate as our advisers, and invite them to every board meeting.\"\n", i+1)
	}
	b.WriteString("---\n\nThis partnership is made up for a test.\n")
	return b.String()
}

// worstBuild is the example site with the worst signatory added.
var worstBuild = sync.OnceValues(func() (*site, error) {
	return exampleVariant("worst", func(content string) error {
		return os.WriteFile(filepath.Join(content, "signatories", worstSignatorySlug+".md"), []byte(worstSignatoryFile()), 0o644)
	})
})

// sizeLineRe is the size key of a signatory's front matter.
var sizeLineRe = regexp.MustCompile(`(?m)^size:.*\n`)

// noSizeBuild is the example site with no signatory giving its size, so
// the directory has a filter with no values.
var noSizeBuild = sync.OnceValues(func() (*site, error) {
	return exampleVariant("no-size", func(content string) error {
		files, err := filepath.Glob(filepath.Join(content, "signatories", "*.md"))
		if err != nil {
			return err
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			if err := os.WriteFile(f, sizeLineRe.ReplaceAll(b, nil), 0o644); err != nil {
				return err
			}
		}
		return nil
	})
})

// exampleVariant copies the example site, lets edit change its content
// folder, and builds and serves the copy.
func exampleVariant(name string, edit func(contentDir string) error) (*site, error) {
	src := filepath.Join(workDir, name+"-src")
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join(repoRoot(), "content"))); err != nil {
		return nil, err
	}
	yaml, err := os.ReadFile(filepath.Join(repoRoot(), "site.yaml"))
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(src, "site.yaml"), yaml, 0o644); err != nil {
		return nil, err
	}
	if err := edit(filepath.Join(src, "content")); err != nil {
		return nil, err
	}
	return buildSiteFrom(name, src)
}

// bigSignatories is the size of the large register: the issue measured the
// directory's search at 10,000.
const bigSignatories = 10000

// bigBuild is a generated site with bigSignatories signatories.
var bigBuild = sync.OnceValues(func() (*site, error) {
	src := filepath.Join(workDir, "big-src")
	if err := sitegen.Write(src, sitegen.Options{Signatories: bigSignatories, BodyBytes: 400}); err != nil {
		return nil, err
	}
	return buildSiteFrom("big", src)
})

// buildSiteFrom builds the site in src with the real CLI and serves it at
// the root of a test server.
func buildSiteFrom(name, src string) (*site, error) {
	bin, err := cliBinary()
	if err != nil {
		return nil, err
	}
	out := filepath.Join(workDir, name)
	if _, err := run(10*time.Minute, src, bin, "build", "-s", src, "-o", out); err != nil {
		return nil, fmt.Errorf("building the %s site: %w", name, err)
	}
	s := &site{name: name, dir: out, prefix: "/", baseURL: "/"}
	if s.pages, err = findPages(out, "/"); err != nil {
		return nil, err
	}
	s.server = httptest.NewServer(siteHandler(out, "/"))
	serversMu.Lock()
	servers = append(servers, s.server)
	serversMu.Unlock()
	return s, nil
}
