package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
)

// Every command, including ones added later, explains itself with -h and
// with "help COMMAND", and answers a wrong flag with its usage line and
// exit status 2, so a user is never left guessing.
func TestEveryCommandHasHelpAndUsageErrors(t *testing.T) {
	for name, c := range commands() {
		t.Run(name, func(t *testing.T) {
			for _, args := range [][]string{{name, "-h"}, {name, "--help"}, {"help", name}} {
				var out, errOut bytes.Buffer
				code := run(args, &env{stdout: &out, stderr: &errOut, interrupt: make(chan struct{})})
				if code != exitOK {
					t.Errorf("coproduce %s: exit %d, want 0; stderr: %s", strings.Join(args, " "), code, errOut.String())
				}
				if !strings.HasPrefix(out.String(), "Usage: "+c.usage+"\n") {
					t.Errorf("coproduce %s printed %q, want it to start with the usage line %q", strings.Join(args, " "), out.String(), c.usage)
				}
			}

			var out, errOut bytes.Buffer
			code := run([]string{name, "--no-such-flag"}, &env{stdout: &out, stderr: &errOut, interrupt: make(chan struct{})})
			if code != exitUsage {
				t.Errorf("coproduce %s --no-such-flag: exit %d, want %d", name, code, exitUsage)
			}
			if !strings.Contains(errOut.String(), "\nUsage: "+c.usage+"\n") {
				t.Errorf("coproduce %s --no-such-flag said %q, want the usage line %q", name, errOut.String(), c.usage)
			}
		})
	}
}

// The README names every rule a user can give to check --rule.
func TestReadmeNamesEveryRule(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := strings.Join(strings.Fields(string(data)), " ")
	m := regexp.MustCompile(`lists them all: ([a-z, -]+) \(the last`).FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README.md has no list of the rules, after \"lists them all:\"")
	}
	listed := strings.Split(strings.ReplaceAll(m[1], " and ", ", "), ", ")
	if strings.Join(listed, ",") != strings.Join(diag.RuleNames(), ",") {
		t.Errorf("README.md lists the rules\n%v\nbut they are\n%v", listed, diag.RuleNames())
	}
}
