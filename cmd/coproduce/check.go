package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// runCheck builds the site into nowhere (publish.Nowhere), so every check
// runs exactly as in a build, and reports what it found without writing
// or keeping anything.
func runCheck(e *env, args []string) int {
	c := commands()["check"]
	fs := newFlags("check")
	src := fs.String("s", ".", "the site folder, with site.yaml and content/")
	format := fs.String("format", "text", "text: one problem a line, for people; json: an array, for other tools; github: GitHub Actions workflow commands, so each problem shows on its line of the file in a pull request")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true as well")
	warnings := fs.String("warnings", "all", "all: every warning, after the errors; summary: warnings summed up by kind when there are many")
	errorsOnly := fs.Bool("errors-only", false, "list only the errors, the problems that stop the site being published")
	rule := fs.String("rule", "", "list only the problems of one rule, such as --rule reading-age; the rule of each problem is in brackets at the end of its line; several rules can be given with commas between them")
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
	keep, msg := ruleFilter(*rule)
	if msg != "" {
		return usageError(e, "check", c.usage, "%s", msg)
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "check", c.usage, "%s is not a folder", *src)
	}

	source, err := site.OpenSource(*src)
	if err != nil {
		return usageError(e, "check", c.usage, "%v", err)
	}
	res := site.Build(site.Options{Source: source, Output: publish.Nowhere{}, Drafts: *drafts})
	pages := 0
	if res.Site != nil {
		pages = len(res.Site.Pages)
	}
	diags := res.Diags.Named().Only(func(d diag.Diagnostic) bool {
		return keep(d) && (!*errorsOnly || d.Severity == diag.Error)
	})
	diags.Sort()
	// What was left out is said, so that "No problems found" is never
	// read as a clean site.
	none := fmt.Sprintf("No problems found in %d pages.", pages)
	narrowed := len(diags) < len(res.Diags)
	if narrowed {
		none = fmt.Sprintf("No problems of the kind asked for in %d pages. In all, the site has %s.", pages, res.Diags.Summary())
	}
	if *format == "json" {
		if err := writeJSON(e, diags); err != nil {
			fmt.Fprintf(e.stderr, "coproduce check: %v\n", err)
			return exitContent
		}
	} else if *format == "github" {
		// Workflow commands go to stdout, where the runner reads them;
		// the count goes with them so the log says it too.
		diag.WriteGitHub(e.stdout, diags)
		if len(diags) > 0 {
			fmt.Fprintln(e.stdout, diags.Summary())
		} else {
			fmt.Fprintln(e.stdout, none)
		}
	} else if len(diags) == 0 {
		fmt.Fprintln(e.stdout, none)
	} else {
		listAll := "coproduce check"
		if *src != "" && *src != "." {
			listAll += " -s " + *src
		}
		diag.Report{AllWarnings: allWarnings, ListAll: listAll, ShowRules: true}.Write(e.stderr, diags)
		if narrowed {
			fmt.Fprintf(e.stderr, "Only the problems asked for are listed. In all, the site has %s.\n", res.Diags.Summary())
		}
	}
	// The exit status is for what was listed: "check --rule privacy" in
	// a workflow fails on that rule's errors alone.
	if diags.HasErrors() {
		return exitContent
	}
	return exitOK
}

// ruleFilter reads --rule: one rule name or several with commas. It
// returns what to keep, or a message naming the rules when a name is not
// one of them.
func ruleFilter(value string) (keep func(diag.Diagnostic) bool, problem string) {
	if strings.TrimSpace(value) == "" {
		return func(diag.Diagnostic) bool { return true }, ""
	}
	wanted := map[string]bool{}
	for _, name := range strings.Split(value, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if _, ok := diag.FindRule(name); !ok {
			msg := fmt.Sprintf("there is no rule called %q.", name)
			if near := diag.Nearest(name, diag.RuleNames()); near != "" {
				msg += fmt.Sprintf(" Did you mean %q?", near)
			}
			var b strings.Builder
			b.WriteString(msg + " The rules are:")
			for _, r := range diag.Rules {
				fmt.Fprintf(&b, "\n  %-17s %s", r.Name, r.About)
			}
			return nil, b.String()
		}
		wanted[name] = true
	}
	return func(d diag.Diagnostic) bool { return wanted[d.RuleName()] }, ""
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
