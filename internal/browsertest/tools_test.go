package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The tools the tests need are not Go modules, so a developer may not have
// them. Each test asks only for the tools it uses, so that, for example, the
// HTML checker still runs on a machine without Chromium.

// chromiumPath is where Debian's chromium package puts the browser; CI
// installs it there (see .ci/run).
const chromiumPath = "/usr/bin/chromium"

// missingTool skips the test, or fails it when CI is set. CI must never go
// green because a tool was missing and every browser check skipped.
func missingTool(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so a missing tool fails the test instead of skipping it)", msg)
	}
	t.Skip(msg)
}

func requireChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		missingTool(t, "chromium not found at "+chromiumPath+": apt-get install chromium to run the browser tests")
	}
}

// axeScriptPath is the browser build of axe-core that `npm ci` installs.
func axeScriptPath() string {
	return filepath.Join(repoRoot(), "node_modules", "axe-core", "axe.min.js")
}

func requireAxe(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(axeScriptPath()); err != nil {
		missingTool(t, "axe-core not found at "+axeScriptPath()+": run `npm ci --ignore-scripts` in the repository root")
	}
}

// vnuJarPath is the Nu HTML Checker that the npm package vnu-jar ships.
func vnuJarPath() string {
	return filepath.Join(repoRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
}

func requireVNU(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		missingTool(t, "java not found: apt-get install default-jre-headless to run the Nu HTML Checker")
	}
	if _, err := os.Stat(vnuJarPath()); err != nil {
		missingTool(t, "vnu.jar not found at "+vnuJarPath()+": run `npm ci --ignore-scripts` in the repository root")
	}
}
