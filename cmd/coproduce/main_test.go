package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets scripts run "coproduce" as a real process, with its real
// exit status, without building the binary first.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"coproduce": func() {
			os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, interrupt: make(chan struct{})}))
		},
		// coproduce as a release build: the values .goreleaser.yaml's
		// ldflags stamp in, set the same way (package variables).
		"coproduce-release": func() {
			version, commit, date = "v1.2.3", "4f0c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39", "2026-11-29T21:05:00Z"
			os.Exit(run(os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr, interrupt: make(chan struct{})}))
		},
	})
}

// TestScripts runs every testdata/script/*.txtar: the command line as a
// user meets it. $REPO is the repository root, for the example site.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("REPO", repo)
			// What "coproduce version" says about the Go that built it.
			e.Setenv("GOVERSION", runtime.Version())
			e.Setenv("PLATFORM", runtime.GOOS+"/"+runtime.GOARCH)
			return nil
		},
	})
}
