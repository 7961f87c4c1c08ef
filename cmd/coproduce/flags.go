package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags makes a flag set that neither prints nor exits: parseFlags
// reports its mistakes with the command's usage line.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args and handles -h and mistakes. It returns -1 to go
// on, or the exit code to return at once. Flags may come after arguments,
// as people often type them.
func parseFlags(fs *flag.FlagSet, args []string, usage, summary string, e *env) ([]string, int) {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(e.stdout, "Usage: %s\n\n%s.\n", usage, capitalise(summary))
			if flagsHelp := describeFlags(fs); flagsHelp != "" {
				fmt.Fprintf(e.stdout, "\nFlags:\n%s", flagsHelp)
			}
			return nil, exitOK
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "coproduce %s: %v\nUsage: %s\n", fs.Name(), err, usage)
			return nil, exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, -1
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func describeFlags(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		dash := "-"
		if len(f.Name) > 1 {
			dash = "--"
		}
		fmt.Fprintf(&b, "  %s%s\t%s", dash, f.Name, f.Usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(&b, " (default %s)", f.DefValue)
		}
		b.WriteByte('\n')
	})
	return b.String()
}

// usageError reports a wrong command line with the usage line.
func usageError(e *env, name, usage, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "coproduce %s: %s\nUsage: %s\n", name, fmt.Sprintf(format, args...), usage)
	return exitUsage
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
