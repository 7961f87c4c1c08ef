package main

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Set by release builds with -ldflags "-X main.version=... -X main.commit=...
// -X main.date=..." (see .goreleaser.yaml). A build from source leaves them
// empty, and Go's own build information fills in what it can.
var (
	version = "" // the release, such as v1.2.3
	commit  = "" // the full Git commit the release was built from
	date    = "" // when that commit was made, RFC 3339 in UTC
)

// licence is named by every build, so whoever has the program knows the
// terms they may use, change and share it under.
const licence = "Apache License 2.0 (the LICENSE file, or https://www.apache.org/licenses/LICENSE-2.0)"

// unknown is printed for a detail the build did not record, such as the
// commit of a go install from the module proxy, which has no Git history.
const unknown = "unknown"

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
	info, _ := debug.ReadBuildInfo()
	b := describeBuild(stamp{version: version, commit: commit, date: date}, info)
	fmt.Fprintf(e.stdout, "coproduce %s\ncommit:  %s\ndate:    %s\nGo:      %s %s/%s\nlicence: %s\n",
		b.version, b.commit, b.date, runtime.Version(), runtime.GOOS, runtime.GOARCH, licence)
	return exitOK
}

// stamp is what a release build sets with -ldflags -X.
type stamp struct{ version, commit, date string }

// build is what "coproduce version" reports about where this program came
// from. Every field is set; a detail nobody recorded is "unknown".
type build struct{ version, commit, date string }

// pseudoVersion matches the end of a Go pseudo-version, such as
// v0.0.0-20261129230000-0123456789ab: what go install @latest records for a
// module with no release tag, naming the commit's time and its first 12
// hex digits.
var pseudoVersion = regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+incompatible)?$`)

// describeBuild works out the version, commit and date, in this order of
// trust: the values a release build stamped in; the Git details Go records
// when it builds from a checkout (vcs.revision, vcs.time, vcs.modified);
// and for go install of a module version, what that version names.
func describeBuild(s stamp, info *debug.BuildInfo) build {
	b := build(s) // what was stamped; the gaps are filled below
	if info != nil {
		settings := map[string]string{}
		for _, kv := range info.Settings {
			settings[kv.Key] = kv.Value
		}
		moduleVersion := info.Main.Version
		if moduleVersion == "(devel)" {
			moduleVersion = ""
		}
		if b.version == "" {
			b.version = moduleVersion
		}
		if b.commit == "" && settings["vcs.revision"] != "" {
			b.commit = settings["vcs.revision"]
			if settings["vcs.modified"] == "true" {
				b.commit += " (with changes not yet committed)"
			}
		}
		if b.date == "" {
			b.date = settings["vcs.time"]
		}
		if m := pseudoVersion.FindStringSubmatch(strings.TrimSuffix(moduleVersion, "+dirty")); m != nil {
			if b.commit == "" {
				b.commit = m[2]
			}
			if t, err := time.Parse("20060102150405", m[1]); b.date == "" && err == nil {
				b.date = t.UTC().Format(time.RFC3339)
			}
		}
	}
	if b.version == "" {
		b.version = "devel"
	}
	if b.commit == "" {
		b.commit = unknown
	}
	if b.date == "" {
		b.date = unknown
	}
	return b
}
