package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// runCheck builds the site in memory, so every check runs exactly as in a
// build, and reports what it found without writing anything.
func runCheck(e *env, args []string) int {
	c := commands()["check"]
	fs := newFlags("check")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	format := fs.String("format", "text", "text: one problem a line, for people; json: an array, for other tools; github: GitHub Actions workflow commands, so each problem shows on its line of the file in a pull request")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true as well")
	warnings := fs.String("warnings", "all", "all: every warning, after the errors; summary: warnings summed up by kind when there are many")
	rest, code := parseFlags(fs, args, c.usage, c.summary, e)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return usageError(e, "check", c.usage, "unexpected %q", rest[0])
	}
	if *format != "text" && *format != "json" && *format != "github" {
		return usageError(e, "check", c.usage, "--format must be text, json or github, not %q", *format)
	}
	allWarnings, ok := warningsFlag(*warnings)
	if !ok {
		return usageError(e, "check", c.usage, "--warnings must be all or summary, not %q", *warnings)
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "check", c.usage, "%s is not a folder", *src)
	}

	source, err := site.OpenSource(*src)
	if err != nil {
		return usageError(e, "check", c.usage, "%v", err)
	}
	res := site.Build(site.Options{Source: source, Output: publish.NewMemory(), Drafts: *drafts})
	res.Diags.Sort()
	pages := 0
	if res.Site != nil {
		pages = len(res.Site.Pages)
	}
	if *format == "json" {
		if err := writeJSON(e, res.Diags); err != nil {
			fmt.Fprintf(e.stderr, "coproduce check: %v\n", err)
			return exitContent
		}
	} else if *format == "github" {
		// Workflow commands go to stdout, where the runner reads them;
		// the count goes with them so the log says it too.
		diag.WriteGitHub(e.stdout, res.Diags)
		if len(res.Diags) > 0 {
			fmt.Fprintln(e.stdout, res.Diags.Summary())
		} else {
			fmt.Fprintf(e.stdout, "No problems found in %d pages.\n", pages)
		}
	} else if len(res.Diags) == 0 {
		fmt.Fprintf(e.stdout, "No problems found in %d pages.\n", pages)
	} else {
		printDiags(e.stderr, res.Diags, *src, allWarnings)
	}
	if res.Diags.HasErrors() {
		return exitContent
	}
	return exitOK
}

// writeJSON prints the diagnostics as one JSON array, [] when there are none.
func writeJSON(e *env, diags diag.List) error {
	out := make(diag.List, len(diags))
	for i, d := range diags {
		// The same place the text report shows: line and column 1 when
		// the problem is with a whole file or folder.
		d.Line, d.Col = max(d.Line, 1), max(d.Col, 1)
		out[i] = d
	}
	js, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", js)
	return err
}
