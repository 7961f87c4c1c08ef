package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

func runBuild(e *env, args []string) int {
	c := commands()["build"]
	fs := newFlags("build")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	out := fs.String("o", "", "the output folder (default SRC/public)")
	baseURL := fs.String("base-url", "", "the address the site will live at, overriding base_url in site.yaml")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	warnings := fs.String("warnings", "summary", "summary: every error, and warnings summed up by kind when there are many; all: every warning too")
	rest, code := parseFlags(fs, args, c.usage, c.summary, e)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return usageError(e, "build", c.usage, "unexpected %q", rest[0])
	}
	allWarnings, ok := warningsFlag(*warnings)
	if !ok {
		return usageError(e, "build", c.usage, "--warnings must be summary or all, not %q", *warnings)
	}
	var base *url.URL
	if *baseURL != "" {
		u, err := config.ParseBaseURL(*baseURL)
		if err != nil {
			return usageError(e, "build", c.usage, "--base-url: %v", err)
		}
		base = u
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "build", c.usage, "%s is not a folder", *src)
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}

	dir, err := publish.NewDir(*out, *src, filepath.Join(*src, "content"), filepath.Join(*src, "static"), filepath.Join(*src, "templates"), filepath.Join(*src, "themes"))
	if err != nil {
		fmt.Fprintf(e.stderr, "coproduce build: %v\n", err)
		return exitContent
	}
	source, err := site.OpenSource(*src)
	if err != nil {
		dir.Abort()
		fmt.Fprintf(e.stderr, "coproduce build: %v\n", err)
		return exitContent
	}
	built := make(chan *site.Result, 1)
	go func() { built <- site.Build(site.Options{Source: source, Output: dir, BaseURL: base, Drafts: *drafts}) }()
	var res *site.Result
	select {
	case res = <-built:
	case <-e.interrupt:
		// Ctrl-C: throw the half-made build away; the old output stays.
		// Writes already under way may land after the first removal, so
		// give them a moment and remove again.
		dir.Abort()
		select {
		case <-built:
		case <-time.After(2 * time.Second):
		}
		dir.Abort()
		fmt.Fprintf(e.stderr, "Stopped. Nothing was published: %s was left as it was.\n", *out)
		return exitContent
	}
	printDiags(e.stderr, res.Diags, *src, allWarnings)
	if res.Diags.HasErrors() {
		dir.Abort()
		fmt.Fprintf(e.stderr, "Nothing was published: %s was left as it was. Fix the errors above and build again.\n", *out)
		return exitContent
	}
	if err := dir.Commit(); err != nil {
		fmt.Fprintf(e.stderr, "coproduce build: %v\n", err)
		return exitContent
	}
	pages, files := res.Counts()
	if res.Reused {
		fmt.Fprintf(e.stdout, "Nothing changed since the last build: %s already holds its %d pages (%d files)\n", *out, pages, files)
		return exitOK
	}
	fmt.Fprintf(e.stdout, "Built %d pages (%d files) into %s\n", pages, files, *out)
	return exitOK
}
