package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// manyWarningsSite writes a site of n signatories, each with a warning (a
// link whose text is "here"), and one signatory with an error (a date
// written 1/2/2025) in the middle, as the issue found it.
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
	write("content/_index.md", "---\ntitle: Home\nsummary: The home page.\n---\nHello.\n")
	write("content/pledges/two-way.md", "---\ntitle: Two-way pledge\nsummary: What we promise.\ncommitments:\n  - We will listen.\n---\nWe promise to listen.\n")
	for i := range n {
		signed := "2024-03-14"
		if i == n/2 {
			signed = "1/2/2025"
		}
		write(fmt.Sprintf("content/signatories/org-%05d.md", i), fmt.Sprintf(
			"---\ntitle: Organisation %[1]d\nsummary: A group that signed.\nwebsite: https://org-%[1]d.example.net/\nsigned: %[2]s\npledges: [two-way]\n---\nRead about it [here](/).\n", i, signed))
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
	if len(lines) > 40 {
		t.Errorf("build printed %d lines, want at most 40:\n%s", len(lines), strings.Join(lines[:50], "\n"))
	}
	if i := errLine(lines); i < 0 || i >= 5 {
		t.Errorf("the error is on line %d of build's output, want within the first 5:\n%s", i+1, strings.Join(lines[:min(len(lines), 12)], "\n"))
	}
	want := fmt.Sprintf("1 error, %d warnings", n)
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
	if len(lines) != n+2 || lines[len(lines)-1] != want {
		t.Errorf("check printed %d lines ending %q, want %d ending %q", len(lines), lines[len(lines)-1], n+2, want)
	}

	// build --warnings all lists them all too.
	_, _, stderr = runCaptured("build", "-s", dir, "--warnings", "all")
	if got := strings.Count(stderr, ": warning: "); got != n {
		t.Errorf("build --warnings all printed %d warnings, want %d", got, n)
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
