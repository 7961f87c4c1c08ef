package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func settings(kv ...string) []debug.BuildSetting {
	var s []debug.BuildSetting
	for i := 0; i+1 < len(kv); i += 2 {
		s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
	}
	return s
}

// Each way a person can come by coproduce, and what "coproduce version"
// must then say about it.
func TestDescribeBuild(t *testing.T) {
	const rev = "4f0c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"
	for _, tc := range []struct {
		name  string
		stamp stamp
		info  *debug.BuildInfo
		want  build
	}{
		{
			name:  "a release from the releases page: the stamped values, even where Go recorded others",
			stamp: stamp{version: "v1.2.3", commit: rev, date: "2026-11-29T21:05:00Z"},
			info: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"},
				Settings: settings("vcs.revision", "ffffffffffffffffffffffffffffffffffffffff", "vcs.time", "2000-01-01T00:00:00Z")},
			want: build{"v1.2.3", rev, "2026-11-29T21:05:00Z"},
		},
		{
			name: "go install of a release: the module version; the proxy has no Git history",
			info: &debug.BuildInfo{Main: debug.Module{Path: "github.com/coproduce/coproduce", Version: "v1.2.3"}},
			want: build{"v1.2.3", unknown, unknown},
		},
		{
			name: "go install @latest before any release: the commit and time the pseudo-version names",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261129210500-4f0c2a9d8e7b"}},
			want: build{"v0.0.0-20261129210500-4f0c2a9d8e7b", "4f0c2a9d8e7b", "2026-11-29T21:05:00Z"},
		},
		{
			name: "go install of a pseudo-version after a tag",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.4-0.20261129210500-4f0c2a9d8e7b"}},
			want: build{"v1.2.4-0.20261129210500-4f0c2a9d8e7b", "4f0c2a9d8e7b", "2026-11-29T21:05:00Z"},
		},
		{
			name: "go build in a clean checkout: Git's revision and time",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"},
				Settings: settings("vcs", "git", "vcs.revision", rev, "vcs.time", "2026-11-29T21:05:00Z", "vcs.modified", "false")},
			want: build{"v1.2.3", rev, "2026-11-29T21:05:00Z"},
		},
		{
			name: "go build in a checkout with changes: says so, so nobody takes it for the commit",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261129210500-4f0c2a9d8e7b+dirty"},
				Settings: settings("vcs.revision", rev, "vcs.time", "2026-11-29T21:05:00Z", "vcs.modified", "true")},
			want: build{"v0.0.0-20261129210500-4f0c2a9d8e7b+dirty", rev + " (with changes not yet committed)", "2026-11-29T21:05:00Z"},
		},
		{
			name: "a build Go recorded nothing about",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: build{"devel", unknown, unknown},
		},
		{
			name: "no build information at all",
			want: build{"devel", unknown, unknown},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := describeBuild(tc.stamp, tc.info); got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// A build from a Git checkout, as a contributor makes one, names the commit
// it was built from: the build information path, with a real go build.
func TestVersionOfABuildFromACheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program; skipped with -short")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed, so Go cannot record the commit")
	}
	head, err := exec.Command(git, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not in a Git checkout (%v), so Go cannot record the commit", err)
	}
	// Go looks for a .git folder; a git worktree has a .git file instead,
	// and Go records nothing there.
	if fi, err := os.Stat("../../.git"); err != nil || !fi.IsDir() {
		t.Skip("the repository's .git is not a folder (a git worktree?), so Go does not record the commit")
	}
	bin := filepath.Join(t.TempDir(), "coproduce")
	goBuild := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	if out, err := goBuild.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	if want := "commit:  " + strings.TrimSpace(string(head)); len(lines) < 3 || !strings.HasPrefix(lines[1], want) {
		t.Errorf("coproduce version printed\n%s\nwant the second line to start %q", out, want)
	}
	if len(lines) < 3 || !strings.HasPrefix(lines[2], "date:    20") {
		t.Errorf("coproduce version printed\n%s\nwant the commit's date on the third line", out)
	}
}

// The go install route the README and hosting guide give, for real: this
// source is served as release v0.1.0 from a module proxy on disk (the one
// on the internet does not have it), installed with go install into an
// empty folder, and the program it makes names that version.
func TestGoInstallOfAReleaseNamesItsVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program; skipped with -short")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed; it lists the module's files")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not installed")
	}
	listed, err := exec.Command(git, "-C", "../..", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("not in a Git checkout: %v", err)
	}
	const module, release = "github.com/coproduce/coproduce", "v0.1.0"
	proxy := t.TempDir()
	dir := filepath.Join(proxy, module, "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for _, name := range strings.Split(strings.TrimSuffix(string(listed), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join("../..", name))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted but not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(module + "@" + release + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	goMod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":            []byte(release + "\n"),
		release + ".info": []byte(`{"Version":"` + release + `","Time":"2026-11-29T21:05:00Z"}`),
		release + ".mod":  goMod,
		release + ".zip":  zipped.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// A module cache of its own, so the pretend release never reaches the
	// real one; the dependencies come from the real one's downloads, so
	// nothing is fetched from the internet.
	modcache, err := exec.Command(goTool, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(strings.TrimSpace(string(modcache)), "cache", "download")
	bin := t.TempDir()
	install := exec.Command(goTool, "install", module+"/cmd/coproduce@"+release)
	install.Dir = t.TempDir()
	install.Env = append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(downloads)+",off",
		"GOMODCACHE="+t.TempDir(), "GOBIN="+bin,
		// As .goreleaser.yaml builds, so the compiled packages of the
		// snapshot build are reused, wherever the module cache is.
		"GOFLAGS=-modcacherw -trimpath", "CGO_ENABLED=0",
		"GOSUMDB=off") // no checksum database offline; the proxy is this test's own
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install %s/cmd/coproduce@%s: %v\n%s", module, release, err, out)
	}
	out, err := exec.Command(filepath.Join(bin, "coproduce"), "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "coproduce " + release + "\ncommit:  unknown\ndate:    unknown\n"
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("coproduce version after go install @%s printed\n%s\nwant it to start\n%s", release, out, want)
	}
}
