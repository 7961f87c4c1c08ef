package main

// These tests check what a release gives people, using the snapshot release
// GoReleaser leaves in dist/ (.ci/run makes it before it runs go test):
// the six binaries, what the Linux one says about itself, and the README's
// and hosting guide's install commands, run as written on a machine with
// nothing but the download. Without dist/ they skip and say how to make
// it; with CI set they fail instead, so CI never goes green untested.

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

// The repository root and its dist/ folder, from cmd/coproduce.
const (
	repoRoot = "../.."
	distDir  = repoRoot + "/dist"
)

// releaseAddress is where GitHub serves the files of a release; the guides
// download from it. The tests serve dist/ in its place.
const releaseAddress = "https://github.com/coproduce/coproduce/releases/download/"

// artifact is one file GoReleaser made, as dist/artifacts.json lists it.
type artifact struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Goos   string `json:"goos"`
	Goarch string `json:"goarch"`
	Type   string `json:"type"`
}

// snapshot is what GoReleaser left in dist/.
type snapshot struct {
	Version   string // such as 0.1.1-snapshot.0123abc, without the v
	Commit    string
	Artifacts []artifact
}

// needDist skips the test when dist/ holds no GoReleaser output, or fails
// it when CI is set. what says which command makes what the test needs.
func needDist(t *testing.T, what string) snapshot {
	t.Helper()
	missing := func(msg string) {
		t.Helper()
		msg += "; run `" + what + "` in the repository root first, as .ci/run does"
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (CI is set, so this fails instead of skipping)", msg)
		}
		t.Skip(msg)
	}
	var s snapshot
	var meta struct {
		Version string `json:"version"`
		Commit  string `json:"commit"`
	}
	data, err := os.ReadFile(filepath.Join(distDir, "metadata.json"))
	if err != nil {
		missing("no GoReleaser output in dist/")
		return s
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		t.Fatalf("dist/metadata.json: %v", err)
	}
	data, err = os.ReadFile(filepath.Join(distDir, "artifacts.json"))
	if err != nil {
		missing("no dist/artifacts.json")
		return s
	}
	if err := json.Unmarshal(data, &s.Artifacts); err != nil {
		t.Fatalf("dist/artifacts.json: %v", err)
	}
	s.Version, s.Commit = meta.Version, meta.Commit
	return s
}

// find returns the artifact of a type for a system, or "" when there is none.
func (s snapshot) find(typ, goos, goarch string) string {
	for _, a := range s.Artifacts {
		if a.Type == typ && a.Goos == goos && a.Goarch == goarch {
			return filepath.Join(repoRoot, filepath.FromSlash(a.Path))
		}
	}
	return ""
}

// needArchives is needDist for the archives and checksums.txt, which only
// `goreleaser release` makes.
func needArchives(t *testing.T) snapshot {
	t.Helper()
	const what = "goreleaser release --snapshot --clean --skip=publish"
	s := needDist(t, what)
	if s.find("Archive", "linux", runtime.GOARCH) == "" {
		msg := "dist/ has binaries but no archives; run `" + what + "` in the repository root first, as .ci/run does"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return s
}

var desktops = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// Every desktop gets a binary; their sizes are logged (go test -v) for the
// release notes and to notice one growing.
func TestReleaseHasABinaryForEveryDesktop(t *testing.T) {
	s := needDist(t, "goreleaser build --snapshot --clean")
	for _, d := range desktops {
		path := s.find("Binary", d.goos, d.goarch)
		if path == "" {
			t.Errorf("dist/ has no binary for %s/%s", d.goos, d.goarch)
			continue
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Errorf("%s/%s: %v", d.goos, d.goarch, err)
			continue
		}
		if want := map[bool]string{true: "coproduce.exe", false: "coproduce"}[d.goos == "windows"]; filepath.Base(path) != want {
			t.Errorf("%s/%s binary is called %s, want %s", d.goos, d.goarch, filepath.Base(path), want)
		}
		t.Logf("%s/%s: %.1f MB (%d bytes)", d.goos, d.goarch, float64(fi.Size())/1e6, fi.Size())
		// The release is compiled with the profile of a build
		// (cmd/coproduce/default.pgo, see docs/performance.md): without
		// it a build of 10,000 signatories takes about 8 % longer.
		if info, err := buildinfo.ReadFile(path); err != nil {
			t.Errorf("%s/%s: reading its build information: %v", d.goos, d.goarch, err)
		} else if pgo := buildSetting(info, "-pgo"); filepath.Base(pgo) != "default.pgo" {
			t.Errorf("%s/%s was compiled without cmd/coproduce/default.pgo (-pgo=%q); keep the profile in the repository and build the main package", d.goos, d.goarch, pgo)
		}
	}
}

// buildSetting is the value of one setting go build recorded, or "".
func buildSetting(info *debug.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// The Linux binary says the version, commit and date stamped in by
// .goreleaser.yaml, and its file date is the commit's, as reproducible
// builds need.
func TestReleaseBinaryVersion(t *testing.T) {
	s := needDist(t, "goreleaser build --snapshot --clean")
	if runtime.GOOS != "linux" {
		t.Skipf("runs the Linux binary; this is %s", runtime.GOOS)
	}
	bin := s.find("Binary", "linux", runtime.GOARCH)
	if bin == "" {
		t.Fatalf("dist/ has no linux/%s binary", runtime.GOARCH)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("coproduce version printed %d lines, want 5:\n%s", len(lines), out)
	}
	if want := "coproduce v" + s.Version; lines[0] != want {
		t.Errorf("line 1 = %q, want %q", lines[0], want)
	}
	if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(s.Commit) {
		t.Errorf("GoReleaser found no Git commit (it says %q), so the binaries are stamped without one; is the repository a Git clone with a remote? (.ci/run gives it one)", s.Commit)
	}
	if want := "commit:  " + s.Commit; lines[1] != want {
		t.Errorf("line 2 = %q, want %q", lines[1], want)
	}
	date, err := time.Parse(time.RFC3339, strings.TrimPrefix(lines[2], "date:    "))
	if err != nil || !strings.HasPrefix(lines[2], "date:    ") || date.Year() < 2020 {
		t.Errorf("line 3 = %q, want the commit's date, such as date:    2026-11-29T21:05:00Z", lines[2])
	}
	if !regexp.MustCompile(`^Go:      go1\.\d+\S* linux/` + runtime.GOARCH + `$`).MatchString(lines[3]) {
		t.Errorf("line 4 = %q, want the Go version and linux/%s", lines[3], runtime.GOARCH)
	}
	if !strings.HasPrefix(lines[4], "licence: Apache License 2.0") {
		t.Errorf("line 5 = %q, want the licence", lines[4])
	}
	if git, err := exec.LookPath("git"); err == nil {
		if c, err := exec.Command(git, "show", "-s", "--format=%cI", s.Commit).Output(); err == nil {
			commitTime, err := time.Parse(time.RFC3339, strings.TrimSpace(string(c)))
			if err == nil && !commitTime.Equal(date) {
				t.Errorf("the stamped date %s is not the commit's, %s", date, commitTime)
			}
		}
	}
	if fi, err := os.Stat(bin); err == nil && !fi.ModTime().Equal(date) {
		t.Errorf("the binary's modification time is %s, want the commit's %s (mod_timestamp), so a rebuild gives the same archive", fi.ModTime().UTC(), date)
	}
}

// Every archive holds the program, the README, the licence and the example
// site, in a folder named like the archive, with the commit's date on
// every file.
func TestReleaseArchivesHoldWhatTheReadmeNeeds(t *testing.T) {
	s := needArchives(t)
	license, err := os.ReadFile(filepath.Join(repoRoot, "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range desktops {
		path := s.find("Archive", d.goos, d.goarch)
		if path == "" {
			t.Errorf("dist/ has no archive for %s/%s", d.goos, d.goarch)
			continue
		}
		folder := fmt.Sprintf("coproduce_%s_%s_%s", s.Version, d.goos, d.goarch)
		ext, program := ".tar.gz", "coproduce"
		if d.goos == "windows" {
			ext, program = ".zip", "coproduce.exe"
		}
		if filepath.Base(path) != folder+ext {
			t.Errorf("%s/%s archive is %s, want %s", d.goos, d.goarch, filepath.Base(path), folder+ext)
		}
		files, err := readArchive(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, want := range []string{program, "README.md", "LICENSE", "site.yaml", "content/_index.md", "content/guide/_index.md", "docs/hosting.md"} {
			if _, ok := files[folder+"/"+want]; !ok {
				t.Errorf("%s has no %s/%s", filepath.Base(path), folder, want)
			}
		}
		if got := files[folder+"/LICENSE"].data; !bytes.Equal(got, license) {
			t.Errorf("%s: LICENSE is not the repository's", filepath.Base(path))
		}
		var mtime time.Time
		for name, f := range files {
			if mtime.IsZero() {
				mtime = f.mtime
			}
			if !f.mtime.Equal(mtime) {
				t.Errorf("%s: %s is dated %s, others %s; every file should have the commit's date", filepath.Base(path), name, f.mtime, mtime)
				break
			}
		}
	}
}

type archived struct {
	data  []byte
	mtime time.Time
}

// readArchive reads a .tar.gz or .zip into memory: the files are small.
func readArchive(path string) (map[string]archived, error) {
	files := map[string]archived{}
	if strings.HasSuffix(path, ".zip") {
		r, err := zip.OpenReader(path)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		for _, f := range r.File {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			files[f.Name] = archived{data, f.Modified.UTC().Truncate(2 * time.Second)}
		}
		return files, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[h.Name] = archived{data, h.ModTime.UTC()}
	}
}

// cleanMachine is an empty folder, a PATH with only the system's own
// programs (no Go), and a local server standing in for GitHub's releases,
// serving dist/ under /download/vVERSION/.
type cleanMachine struct {
	t       *testing.T
	s       snapshot
	dir     string
	env     []string
	release string // the server's address in place of releaseAddress
}

func newCleanMachine(t *testing.T, s snapshot) *cleanMachine {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("follows the Linux instructions; this is %s", runtime.GOOS)
	}
	for _, tool := range []string{"sh", "bash", "curl", "tar", "sha256sum"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " is not installed; the install instructions need it"
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	files := map[string]string{}
	for _, a := range s.Artifacts {
		if a.Type == "Archive" || a.Type == "Checksum" {
			files["/download/v"+s.Version+"/"+a.Name] = filepath.Join(repoRoot, filepath.FromSlash(a.Path))
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, path)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	return &cleanMachine{
		t:       t,
		s:       s,
		dir:     dir,
		env:     []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + dir, "LANG=C.UTF-8"},
		release: srv.URL + "/download/",
	}
}

// localise turns instructions for the pinned release into ones for the
// snapshot, from the local server, for this machine's processor.
func (m *cleanMachine) localise(text string) string {
	text = strings.ReplaceAll(text, pinnedRelease, m.s.Version)
	text = strings.ReplaceAll(text, "linux_amd64", "linux_"+runtime.GOARCH)
	return strings.ReplaceAll(text, releaseAddress, m.release)
}

// sh runs a shell command as the instructions give it, in dir, with more
// environment variables (such as a workflow step's COPRODUCE_VERSION), both
// localised, and returns its output.
func (m *cleanMachine) sh(dir, command string, env ...string) string {
	m.t.Helper()
	cmd := exec.Command("bash", "-e", "-c", m.localise(command))
	cmd.Dir = dir
	cmd.Env = append([]string{}, m.env...)
	for _, kv := range env {
		cmd.Env = append(cmd.Env, m.localise(kv))
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		m.t.Fatalf("in %s:\n%s\nfailed: %v\n%s", dir, m.localise(command), err, out)
	}
	return string(out)
}

// download copies a release file into dir, as a browser would save it.
func (m *cleanMachine) download(dir, name string) {
	m.t.Helper()
	resp, err := http.Get(m.release + "v" + m.s.Version + "/" + name)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		m.t.Fatalf("GET %s: %s", name, resp.Status)
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// codeBlocks returns the fenced blocks of a language in the part of a
// Markdown document between two headings ("" for the end).
func codeBlocks(t *testing.T, doc, from, to, lang string) []string {
	t.Helper()
	i := strings.Index(doc, "\n"+from+"\n")
	if i < 0 {
		t.Fatalf("no heading %q", from)
	}
	part := doc[i:]
	if to != "" {
		if j := strings.Index(part, "\n"+to+"\n"); j >= 0 {
			part = part[:j]
		}
	}
	var blocks []string
	for _, m := range regexp.MustCompile("(?s)\n```"+regexp.QuoteMeta(lang)+"\n(.*?)```\n").FindAllStringSubmatch(part, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// The README's Install and Try it sections, followed word for word with
// nothing but the downloaded archive and checksums.txt: the check passes,
// the program runs, and the example site in the archive builds and serves.
func TestReadmeInstallOnACleanMachine(t *testing.T) {
	s := needArchives(t)
	m := newCleanMachine(t, s)
	readme := readFile(t, filepath.Join(repoRoot, "README.md"))

	// "Download ... with the file checksums.txt ... into one folder."
	archive := fmt.Sprintf("coproduce_%s_linux_%s.tar.gz", s.Version, runtime.GOARCH)
	m.download(m.dir, archive)
	m.download(m.dir, "checksums.txt")

	install := codeBlocks(t, readme, "## Install", "## Try it", "sh")
	var commands []string
	for _, block := range install {
		if !strings.Contains(block, "go install") { // that is the route with Go
			commands = append(commands, block)
		}
	}
	if len(commands) != 2 || !strings.Contains(commands[0], "sha256sum --check") || !strings.Contains(commands[1], "tar -xzf") {
		t.Fatalf("README's Install section should have the checksum check and then the unpacking, as sh blocks; found %q", commands)
	}
	out := m.sh(m.dir, commands[0])
	if want := archive + ": OK"; !strings.Contains(out, want) {
		t.Errorf("the checksum check printed %q, want %q", out, want)
	}
	out = m.sh(m.dir, commands[1])
	if !strings.HasPrefix(out, "coproduce v"+s.Version+"\n") {
		t.Errorf("./coproduce version in the unpacked folder printed %q", out)
	}

	// A damaged download fails the same check.
	damaged := t.TempDir()
	m.download(damaged, "checksums.txt")
	if err := os.WriteFile(filepath.Join(damaged, archive), []byte("not the release"), 0o644); err != nil {
		t.Fatal(err)
	}
	check := exec.Command("bash", "-c", commands[0])
	check.Dir, check.Env = damaged, m.env
	if out, err := check.CombinedOutput(); err == nil || !strings.Contains(string(out), "FAILED") {
		t.Errorf("the checksum check passed a damaged download: %v\n%s", err, out)
	}

	// "In the unpacked folder ... build and serve the example site."
	folder := filepath.Join(m.dir, strings.TrimSuffix(archive, ".tar.gz"))
	try := codeBlocks(t, readme, "## Try it", "## Guides", "sh")
	if len(try) != 1 {
		t.Fatalf("README's Try it section should have one command; found %q", try)
	}
	build, serve, ok := strings.Cut(strings.TrimSpace(try[0]), " && ")
	if !ok || build != "./coproduce build" || serve != "./coproduce serve" {
		t.Fatalf("README's Try it command is %q; this test knows ./coproduce build && ./coproduce serve", try[0])
	}
	m.sh(folder, build)
	if _, err := os.Stat(filepath.Join(folder, "public", "guide", "index.html")); err != nil {
		t.Errorf("the example site did not build into public/: %v", err)
	}
	// On port 0 rather than 1313, which another program may be using.
	base := startServe(t, folder, m.env, serve+" --addr 127.0.0.1:0")
	for _, path := range []string{"", "guide/", "signatories/"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<h1") {
			t.Errorf("GET /%s from the unpacked coproduce: %s, want a page", path, resp.Status)
		}
	}
}

// startServe starts a serve command and returns the address it serves at;
// the test's end stops it.
func startServe(t *testing.T, dir string, env []string, command string) string {
	t.Helper()
	cmd := exec.Command("bash", "-c", "exec "+command)
	cmd.Dir, cmd.Env = dir, env
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		wg.Wait()
	})
	found := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if a := addr.FindString(sc.Text()); a != "" {
				select {
				case found <- a:
				default:
				}
			}
		}
	}()
	select {
	case a := <-found:
		return a
	case <-time.After(60 * time.Second):
		t.Fatalf("%s never said where it serves; stderr:\n%s", command, stderr.String())
		return ""
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// No two files in the repository may have names that differ only in
// capital letters. Go refuses such a module ("case-insensitive file name
// collision"), so go install of a release would fail for everyone, and
// on a Mac or Windows a checkout would silently lose one of the files.
func TestNoFileNamesDifferOnlyInCase(t *testing.T) {
	seen := map[string]string{}
	err := filepath.WalkDir(repoRoot, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() && path != repoRoot && (strings.HasPrefix(d.Name(), ".") && d.Name() != ".github" && d.Name() != ".ci" ||
			rel == "node_modules" || rel == "dist" || rel == "public") {
			return filepath.SkipDir // not part of the module, or made by tools
		}
		folded := strings.ToLower(rel)
		if other, ok := seen[folded]; ok {
			t.Errorf("%s and %s differ only in capital letters; rename one (go install of the module fails, and a Mac or Windows checkout loses one)", other, rel)
		}
		seen[folded] = rel
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
