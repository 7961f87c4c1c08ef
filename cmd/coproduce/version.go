package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from go install is used.
var version = ""

func runVersion(e *env, args []string) int {
	c := commands()["version"]
	fs := newFlags("version")
	rest, code := parseFlags(fs, args, c.usage, c.summary, e)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return usageError(e, "version", c.usage, "unexpected %q", rest[0])
	}
	fmt.Fprintf(e.stdout, "coproduce %s (%s)\n", currentVersion(), runtime.Version())
	return exitOK
}

func currentVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
