// Command coproduce builds, checks and serves coproduction websites.
//
// This package only reads the command line, calls the internal packages and
// turns their results into messages and exit codes: 0 done, 1 the content
// has errors, 2 wrong usage. It is the one place that calls os.Exit.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// Exit codes, as promised in the content model.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// command is one subcommand: its usage line, what it does, and how to run it.
type command struct {
	usage   string
	summary string
	run     func(env *env, args []string) int
}

// env is what a command may touch: its output streams and where it runs.
// Tests give their own.
type env struct {
	stdout, stderr io.Writer
	// interrupt is closed when the user presses Ctrl-C; serve stops then.
	interrupt <-chan struct{}
}

func commands() map[string]command {
	return map[string]command{
		"build":   {usage: "coproduce build [-s DIR] [-o DIR] [--base-url URL] [--drafts] [--warnings summary|all]", summary: "build the site into public/", run: runBuild},
		"serve":   {usage: "coproduce serve [-s DIR] [--addr 127.0.0.1:1313] [--drafts]", summary: "preview the site, rebuilding and reloading the browser on every save", run: runServe},
		"check":   {usage: "coproduce check [-s DIR] [--format text|json|github] [--drafts] [--warnings all|summary] [--errors-only] [--rule NAME]", summary: "check the content for problems, without writing anything", run: runCheck},
		"due":     {usage: "coproduce due [-s DIR] [--within DAYS] [--format text|csv|json] [--date YYYY-MM-DD]", summary: "list the signatories that are due, overdue or lapsed, to remind them to renew", run: runDue},
		"init":    {usage: "coproduce init DIR", summary: "make a new site in an empty folder", run: runInit},
		"import":  {usage: "coproduce import FILE.csv [-s DIR] [--pledge SLUG] [--map FILE] [--write] [--update]", summary: "turn a sign-up form's answers into signatory pages, showing what would change first", run: runImport},
		"new":     {usage: "coproduce new [--lang CODE | --easy] KIND NAME [-s DIR]", summary: "make a new page of a kind: principle, value, case-study, pledge, signatory, report, page", run: runNew},
		"version": {usage: "coproduce version", summary: "print the version of coproduce, the commit and date it was built from, the Go version and the licence", run: runVersion},
		"help":    {usage: "coproduce help [COMMAND]", summary: "explain a command", run: runHelp},
	}
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, interrupt: interruptChannel()}))
}

// run is main without the exit, so tests can call it.
func run(args []string, e *env) int {
	if len(args) == 0 {
		printOverview(e.stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" || name == "-help" {
		printOverview(e.stdout)
		return exitOK
	}
	cmds := commands()
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintf(e.stderr, "coproduce: %q is not a command.", name)
		if near := diag.Nearest(name, commandNames(cmds)); near != "" {
			fmt.Fprintf(e.stderr, " Did you mean %q?", near)
		}
		fmt.Fprintln(e.stderr, " Run \"coproduce help\" to see the commands.")
		return exitUsage
	}
	return cmd.run(e, args[1:])
}

func commandNames(cmds map[string]command) []string {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func printOverview(w io.Writer) {
	fmt.Fprintln(w, "coproduce builds websites about coproduction: principles, charters, case studies and pledges.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	cmds := commands()
	for _, n := range commandNames(cmds) {
		fmt.Fprintf(w, "  %-60s %s\n", cmds[n].usage, cmds[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"coproduce help COMMAND\" or \"coproduce COMMAND -h\" for more about a command.")
}

func runHelp(e *env, args []string) int {
	if len(args) == 0 {
		printOverview(e.stdout)
		return exitOK
	}
	cmds := commands()
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		// "help -h" and "help help" explain help itself.
		fmt.Fprintf(e.stdout, "Usage: %s\n\n%s.\n", cmds["help"].usage, capitalise(cmds["help"].summary))
		return exitOK
	}
	if strings.HasPrefix(args[0], "-") || len(args) > 1 {
		bad := args[len(args)-1]
		if strings.HasPrefix(args[0], "-") {
			bad = args[0]
		}
		return usageError(e, "help", cmds["help"].usage, "unexpected %q; name one command, such as: coproduce help build", bad)
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		return run(args, e) // reports the unknown command with a suggestion
	}
	return cmd.run(&env{stdout: e.stdout, stderr: e.stdout, interrupt: e.interrupt}, []string{"-h"})
}

// printDiags writes problems to w: every error first, then the warnings
// (summed up by kind when there are many, unless allWarnings), then the
// count. src is the site folder, named in the command that lists them all.
func printDiags(w io.Writer, diags diag.List, src string, allWarnings bool) {
	listAll := "coproduce check"
	if src != "" && src != "." {
		listAll += " -s " + src
	}
	diag.Report{AllWarnings: allWarnings, ListAll: listAll}.Write(w, diags)
}

// warningsFlag reads --warnings: "all" lists every warning, "summary"
// sums them up by kind when there are more than diag.ManyWarnings.
func warningsFlag(value string) (all bool, ok bool) {
	switch value {
	case "all":
		return true, true
	case "summary":
		return false, true
	}
	return false, false
}
