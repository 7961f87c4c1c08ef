package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/serve"
)

// manyWarningsSite writes a site of n signatories, each with a warning of
// one of several kinds (a link whose text is "here", a skipped heading
// level, HTML pasted in, a long sentence, alt text that is a file name),
// and one signatory with an error (a date written 1/2/2025) in the
// middle, as the issue found it.
func manyWarningsSite(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Many\n")
	write("static/logo.png", "not really a picture")
	write("content/_index.md", "---\ntitle: Home\nsummary: The home page.\n---\nHello.\n")
	write("content/pledges/two-way.md", "---\ntitle: Two-way pledge\nsummary: What we promise.\ncommitments:\n  - We will listen.\n---\nWe promise to listen.\n")
	for i := range n {
		signed := "2024-03-14"
		if i == n/2 {
			signed = "1/2/2025"
		}
		body := []string{
			"Read about it [here](/).",
			"### Details\n\nWe listen.",
			"We <b>listen</b> to people.",
			"We listen to the people who use our services and to the staff who run them, and we plan what happens next with all of them together as equals.",
			"We listen.\n\n![logo.png](/logo.png)",
		}[i%5]
		write(fmt.Sprintf("content/signatories/org-%05d.md", i), fmt.Sprintf(
			"---\ntitle: Organisation %[1]d\nsummary: A group that signed.\nwebsite: https://org-%[1]d.example.net/\nsigned: %[2]s\npledges: [two-way]\n---\n%[3]s\n", i, signed, body))
	}
	return dir
}

func runCaptured(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = run(args, &env{stdout: &out, stderr: &errs, interrupt: make(chan struct{})})
	return code, out.String(), errs.String()
}

// On a large site with one error among thousands of warnings, the error
// comes first and build says the rest in a screenful.
func TestOneErrorAmongThousandsOfWarnings(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1500
	}
	dir := manyWarningsSite(t, n)
	errLine := regexpLine(t, `content/signatories/org-0`, `: error: `)

	code, _, stderr := runCaptured("build", "-s", dir)
	if code != exitContent {
		t.Fatalf("build exit %d, want %d", code, exitContent)
	}
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	buildLines := len(lines)
	if len(lines) > 40 {
		t.Errorf("build printed %d lines, want at most 40:\n%s", len(lines), strings.Join(lines[:50], "\n"))
	}
	if i := errLine(lines); i < 0 || i >= 5 {
		t.Errorf("the error is on line %d of build's output, want within the first 5:\n%s", i+1, strings.Join(lines[:min(len(lines), 12)], "\n"))
	}
	warnings := n + n/5 // <b> and </b> are a warning each
	want := fmt.Sprintf("1 error, %d warnings", warnings)
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "coproduce check -s "+dir) {
		t.Errorf("build's output does not give the count %q and the command that lists them all:\n%s", want, stderr)
	}

	code, _, stderr = runCaptured("check", "-s", dir)
	if code != exitContent {
		t.Fatalf("check exit %d", code)
	}
	lines = strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if i := errLine(lines); i < 0 || i >= 5 {
		t.Errorf("the error is on line %d of check's output, want within the first 5", i+1)
	}
	// check lists everything: every warning, one a line, and the count.
	if len(lines) != warnings+2 || lines[len(lines)-1] != want {
		t.Errorf("check printed %d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], warnings+2, want)
	}

	// --errors-only lists the error alone; --rule one kind of problem.
	code, _, stderr = runCaptured("check", "-s", dir, "--errors-only")
	lines = strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if code != exitContent || len(lines) != 3 || errLine(lines) != 0 {
		t.Errorf("check --errors-only exit %d, printed %d lines, want the error first and 3 lines:\n%s", code, len(lines), strings.Join(lines[:min(len(lines), 5)], "\n"))
	}
	_, _, stderr = runCaptured("check", "-s", dir, "--rule", "html")
	if got := strings.Count(stderr, "[html]\n"); got != 2*n/5 || strings.Count(stderr, ": warning: ") != 2*n/5 {
		t.Errorf("check --rule html listed %d html warnings of %d, want %d", got, strings.Count(stderr, ": warning: "), 2*n/5)
	}

	// serve prints the same as build, and its error page in the browser
	// stays small.
	var serveLog bytes.Buffer
	srv, err := serve.New(serve.Options{Dir: dir, Log: io.Discard, Errors: &serveLog})
	if err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimRight(serveLog.String(), "\n"), "\n")
	if len(lines) > 40 || errLine(lines) < 0 || errLine(lines) >= 5 {
		t.Errorf("serve printed %d lines with the error on line %d, want at most 40 with the error in the first 5", len(lines), errLine(lines)+1)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/signatories/", nil)
	req.Host = "127.0.0.1:1313"
	srv.ServeHTTP(rec, req)
	if page := rec.Body.String(); len(page) >= 100<<10 || !strings.Contains(page, "1/2/2025") {
		t.Errorf("the preview's error page is %d bytes, want under 100 KB with the error on it", len(page))
	} else {
		t.Logf("on %d signatories: build printed %d lines; the preview's error page is %d bytes", n, buildLines, len(page))
	}

	// build --warnings all lists them all too.
	_, _, stderr = runCaptured("build", "-s", dir, "--warnings", "all")
	if got := strings.Count(stderr, ": warning: "); got != warnings {
		t.Errorf("build --warnings all printed %d warnings, want %d", got, warnings)
	}
}

// regexpLine returns a finder of the first line holding both parts.
func regexpLine(t testing.TB, a, b string) func([]string) int {
	return func(lines []string) int {
		for i, l := range lines {
			if strings.Contains(l, a) && strings.Contains(l, b) {
				return i
			}
		}
		return -1
	}
}
