package main

import (
	"bytes"
	"strings"
	"testing"
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
