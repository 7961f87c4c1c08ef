package main

import (
	"os"
	"path/filepath"
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
			return nil
		},
	})
}
