package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"syscall"

	"github.com/coproduce/coproduce/internal/scaffold"
)

func runInit(e *env, args []string) int {
	c := commands()["init"]
	fs := newFlags("init")
	more := c.summary + ".\n\nThe new site has a site.yaml that explains every setting, an example page of each kind, a start here page, and a workflow that publishes it on GitHub Pages. DIR must be new or empty"
	rest, code := parseFlags(fs, args, c.usage, more, e)
	if code >= 0 {
		return code
	}
	switch {
	case len(rest) == 0:
		return usageError(e, "init", c.usage, "say which folder to make the site in, such as: coproduce init my-site")
	case len(rest) > 1:
		return usageError(e, "init", c.usage, "unexpected %q; give one folder", rest[1])
	}
	dir := rest[0]
	files, err := scaffold.Init(dir)
	if errors.Is(err, scaffold.ErrNotEmpty) {
		fmt.Fprintf(e.stderr, "coproduce init: %s already has files in it, and init never writes over them. Give the name of a new or empty folder.\n", dir)
		return exitContent
	}
	if errors.Is(err, syscall.ENOTDIR) {
		fmt.Fprintf(e.stderr, "coproduce init: %s is a file, not a folder. Give the name of a new or empty folder.\n", dir)
		return exitContent
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "coproduce init: could not make the site: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(e.stdout, "Made a new site in %s (%d files).\n\nNext:\n  cd %s\n  coproduce serve\n\nThen open http://127.0.0.1:1313/ and read %s first.\n",
		dir, len(files), shellWord(dir), filepath.FromSlash("content/start-here.md"))
	return exitOK
}

// shellWord quotes a folder name for the "cd" hint when it has spaces.
func shellWord(s string) string {
	for _, r := range s {
		if r == ' ' || r == '\'' || r == '"' || r == '&' || r == '(' || r == ')' {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}
