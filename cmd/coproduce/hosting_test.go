package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/scaffold"
)

// currentActions are the versions the GitHub Pages workflows may name:
// the current major versions, so GitHub does not warn about or stop
// running an old one.
var currentActions = []string{
	"actions/checkout@v4",
	"actions/setup-go@v5",
	"actions/configure-pages@v5",
	"actions/upload-pages-artifact@v3",
	"actions/deploy-pages@v4",
}

// pagesActions are the actions every Pages workflow needs. Only this
// repository's also sets up Go, to build from source; a site's installs a
// released binary.
var pagesActions = []string{
	"actions/checkout@v4",
	"actions/configure-pages@v5",
	"actions/upload-pages-artifact@v3",
	"actions/deploy-pages@v4",
}

type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Needs       any `yaml:"needs"`
		Environment struct {
			Name string `yaml:"name"`
		} `yaml:"environment"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Name string            `yaml:"name"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
			With map[string]any    `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// checkPagesWorkflow reads a workflow and checks it would build with
// coproduce under the address Pages gives, and deploy with current actions.
func checkPagesWorkflow(t *testing.T, name string, data []byte, required []string) {
	t.Helper()
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
	if _, ok := w.On["push"]; !ok {
		t.Errorf("%s does not run on push", name)
	}
	for key, want := range map[string]string{"pages": "write", "id-token": "write", "contents": "read"} {
		if got := w.Permissions[key]; got != want {
			t.Errorf("%s: permissions.%s = %q, want %q", name, key, got, want)
		}
	}
	var uses []string
	baseFromPages := false
	checked, checkedFirst := false, false
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if strings.Contains(s.Run, "coproduce check --format github") {
				checked = true
			}
			if s.Uses != "" {
				uses = append(uses, s.Uses)
			}
			if s.Uses == "actions/upload-pages-artifact@v3" && s.With["path"] != "public" {
				t.Errorf("%s uploads %v, want public", name, s.With["path"])
			}
			if strings.Contains(s.Run, "coproduce build") && strings.Contains(s.Run, `--base-url "$BASE_URL"`) &&
				s.Env["BASE_URL"] == "${{ steps.pages.outputs.base_url }}" {
				baseFromPages = true
				checkedFirst = checked
			}
		}
	}
	for _, u := range uses {
		if !slices.Contains(currentActions, u) {
			t.Errorf("%s uses %s, which is not one of the current actions %v", name, u, currentActions)
		}
	}
	for _, want := range required {
		if !slices.Contains(uses, want) {
			t.Errorf("%s does not use %s", name, want)
		}
	}
	if !baseFromPages {
		t.Errorf("%s does not build with --base-url from configure-pages' base_url output, so a project site under a sub-path would link outside itself", name)
	}
	if !checkedFirst {
		t.Errorf("%s does not run coproduce check --format github before the build, so problems would not show on their lines of the files", name)
	}
	deploy, ok := w.Jobs["deploy"]
	if !ok || deploy.Needs != "build" || deploy.Environment.Name != "github-pages" {
		t.Errorf("%s: the deploy job must need build and use the github-pages environment", name)
	}
}

func TestPagesWorkflowOfThisRepository(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	checkPagesWorkflow(t, ".github/workflows/pages.yml", data, append([]string{"actions/setup-go@v5"}, pagesActions...))
	if !strings.Contains(string(data), "go run ./cmd/coproduce build") {
		t.Error("the repository's workflow should build with the coproduce in the repository")
	}
}

func TestPagesWorkflowOfTheStarter(t *testing.T) {
	data, err := fs.ReadFile(scaffold.Starter(), ".github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	checkPagesWorkflow(t, "starter .github/workflows/pages.yml", data, pagesActions)
	if strings.Contains(string(data), "actions/setup-go") || strings.Contains(string(data), "go install") {
		t.Error("a site's workflow should install a released coproduce, not Go")
	}
}

// The README must lead to the guides, and every guide it names must exist.
func TestReadmeLinksTheGuides(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`\]\(([^)#\s]+)`).FindAllStringSubmatch(string(data), -1)
	var targets []string
	for _, m := range links {
		if !strings.Contains(m[1], "://") {
			targets = append(targets, m[1])
		}
	}
	for _, want := range []string{"docs/hosting.md", "content/guide/_index.md"} {
		if !slices.Contains(targets, want) {
			t.Errorf("README.md does not link %s", want)
		}
	}
	for _, target := range targets {
		if _, err := os.Stat(filepath.Join("../..", filepath.FromSlash(target))); err != nil {
			t.Errorf("README.md links %s, which does not exist", target)
		}
	}
}

// Hosting docs must not point at a file that is not there.
func TestHostingGuideLinksExist(t *testing.T) {
	data, err := os.ReadFile("../../docs/hosting.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\]\(([^)#\s]+)`).FindAllStringSubmatch(string(data), -1) {
		if strings.Contains(m[1], "://") {
			continue
		}
		if _, err := os.Stat(filepath.Join("../../docs", filepath.FromSlash(m[1]))); err != nil {
			t.Errorf("docs/hosting.md links %s, which does not exist", m[1])
		}
	}
}

// pinnedRelease is the coproduce release the README and the hosting guides
// name. docs/releasing.md says when to move it on; TestGuidesPinOneRelease
// checks they all name the same one.
const pinnedRelease = "0.1.0"

// TestGuidesPinOneRelease: every version a guide names, in an archive's
// name, a COPRODUCE_VERSION or a go install, is the same pinned release,
// so an editor copying from two places never mixes versions.
func TestGuidesPinOneRelease(t *testing.T) {
	starter, err := fs.ReadFile(scaffold.Starter(), ".github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{
		"README.md":                   readFile(t, "../../README.md"),
		"docs/hosting.md":             readFile(t, "../../docs/hosting.md"),
		"starter pages.yml":           string(starter),
		".github/workflows/pages.yml": readFile(t, "../../.github/workflows/pages.yml"),
	}
	mention := regexp.MustCompile(`coproduce_(\d+\.\d+\.\d+)_|COPRODUCE_VERSION[=:] *"?(\d+\.\d+\.\d+)|coproduce@v(\d+\.\d+\.\d+)`)
	for name, text := range docs {
		found := 0
		for _, m := range mention.FindAllStringSubmatch(text, -1) {
			found++
			if v := m[1] + m[2] + m[3]; v != pinnedRelease {
				t.Errorf("%s names coproduce %s (%q); the guides pin %s", name, v, m[0], pinnedRelease)
			}
		}
		if found == 0 && name != ".github/workflows/pages.yml" {
			t.Errorf("%s names no release of coproduce; it should install %s", name, pinnedRelease)
		}
	}
}

// The hosting guide's workflow for a site's own repository is the one
// coproduce init writes, so copying either gives the same.
func TestHostingGuideShowsTheStarterWorkflow(t *testing.T) {
	starter, err := fs.ReadFile(scaffold.Starter(), ".github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	blocks := codeBlocks(t, readFile(t, "../../docs/hosting.md"), "## GitHub Pages", "## Netlify", "yaml")
	if len(blocks) != 1 || blocks[0] != string(starter) {
		t.Errorf("docs/hosting.md's GitHub Pages workflow is not internal/scaffold/starter/.github/workflows/pages.yml; copy the file into the guide")
	}
}

// Every install and build command in the hosting guide, run as the guide
// gives it on a Linux machine with nothing installed, against the snapshot
// release standing in for the pinned one: the script downloads and checks
// coproduce, and each host's build command builds the site at the address
// that host gives.
func TestHostingGuideCommandsWork(t *testing.T) {
	s := needArchives(t)
	m := newCleanMachine(t, s)
	guide := readFile(t, "../../docs/hosting.md")

	site := filepath.Join(m.dir, "my-site")
	var out, errOut lockedBuffer
	if code := run([]string{"init", site}, &env{stdout: &out, stderr: &errOut}); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, errOut.String())
	}

	// "Save these lines as install-coproduce.sh in the top folder of your site."
	var script string
	for _, b := range codeBlocks(t, guide, "## Installing coproduce", "## GitHub Pages", "sh") {
		if strings.HasPrefix(b, "#!/bin/sh\n") {
			script = b
		}
	}
	if script == "" {
		t.Fatal("docs/hosting.md's Installing section has no install-coproduce.sh")
	}
	if err := os.WriteFile(filepath.Join(site, "install-coproduce.sh"), []byte(m.localise(script)), 0o644); err != nil {
		t.Fatal(err)
	}
	installed := m.sh(site, "sh install-coproduce.sh")
	if !strings.Contains(installed, "_linux_"+runtime.GOARCH+".tar.gz: OK") || !strings.Contains(installed, "coproduce v"+s.Version+"\n") {
		t.Errorf("install-coproduce.sh printed\n%s\nwant the checksum OK and the version", installed)
	}
	if leftover, _ := filepath.Glob(filepath.Join(site, "*.tar.gz")); len(leftover) > 0 {
		t.Errorf("install-coproduce.sh left %v in the site's folder", leftover)
	}

	// builds runs a build command and checks the sitemap has the address.
	builds := func(host, command, address string, env ...string) {
		t.Helper()
		os.RemoveAll(filepath.Join(site, "public"))
		m.sh(site, command, env...)
		sitemap, err := os.ReadFile(filepath.Join(site, "public", "sitemap.xml"))
		if err != nil {
			t.Errorf("%s: %q built no sitemap: %v", host, command, err)
			return
		}
		if !strings.Contains(string(sitemap), "<loc>"+address) {
			t.Errorf("%s: %q built a site whose addresses do not start %s:\n%.300s", host, command, address, sitemap)
		}
	}
	siteYAML := readFile(t, filepath.Join(site, "site.yaml"))
	starterBase := regexp.MustCompile(`(?m)^base_url: *"?([^"\s]+)`).FindStringSubmatch(siteYAML)
	if starterBase == nil {
		t.Fatal("the starter site.yaml has no base_url")
	}

	// GitHub Pages: the workflow's own steps, with the environment it gives.
	var wf workflow
	data, err := fs.ReadFile(scaffold.Starter(), ".github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, step := range wf.Jobs["build"].Steps {
		if step.Run == "" {
			continue
		}
		var env []string
		for k, v := range step.Env {
			if k == "BASE_URL" {
				v = "https://owner.github.io/repository" // configure-pages' base_url
			}
			env = append(env, k+"="+v)
		}
		if step.Name == "Build the site" {
			builds("GitHub Pages", step.Run, "https://owner.github.io/repository/", env...)
		} else if out := m.sh(site, step.Run, env...); step.Name == "Check the site" && !strings.Contains(out, "No problems found") && !strings.Contains(out, " 0 errors") {
			t.Errorf("the starter site's check step printed\n%s\nwant no errors", out)
		}
		ran++
	}
	if ran != 3 {
		t.Errorf("the starter workflow has %d run steps; this test knows Install coproduce, Check the site and Build the site", ran)
	}

	// Netlify: netlify.toml's commands, with the addresses Netlify sets.
	tomls := codeBlocks(t, guide, "## Netlify", "## Cloudflare Pages", "toml")
	if len(tomls) != 1 {
		t.Fatalf("docs/hosting.md's Netlify section should have one netlify.toml; found %d", len(tomls))
	}
	var netlify struct {
		Build struct {
			Publish, Command string
		}
		Context map[string]struct{ Command string }
	}
	if _, err := toml.Decode(tomls[0], &netlify); err != nil {
		t.Fatalf("the guide's netlify.toml: %v", err)
	}
	if netlify.Build.Publish != "public" {
		t.Errorf("netlify.toml publishes %q, want public", netlify.Build.Publish)
	}
	netlifyEnv := []string{"URL=https://coproduce-example.netlify.app", "DEPLOY_PRIME_URL=https://deploy-preview-7--coproduce-example.netlify.app"}
	builds("Netlify", netlify.Build.Command, "https://coproduce-example.netlify.app/", netlifyEnv...)
	for _, context := range []string{"deploy-preview", "branch-deploy"} {
		builds("Netlify "+context, netlify.Context[context].Command, "https://deploy-preview-7--coproduce-example.netlify.app/", netlifyEnv...)
	}

	// Cloudflare Pages: the build command in the table, then the one for
	// previews, on the main branch and another.
	cloudflare := guide[strings.Index(guide, "\n## Cloudflare Pages\n"):strings.Index(guide, "\n## Any web server\n")]
	cell := regexp.MustCompile("\\| Build command \\| `([^`]+)` \\|").FindStringSubmatch(cloudflare)
	if cell == nil {
		t.Fatal("docs/hosting.md's Cloudflare Pages table has no build command")
	}
	builds("Cloudflare Pages", cell[1], starterBase[1])
	previews := codeBlocks(t, guide, "## Cloudflare Pages", "## Any web server", "sh")
	if len(previews) != 1 {
		t.Fatalf("docs/hosting.md's Cloudflare Pages section should have one command for previews; found %d", len(previews))
	}
	builds("Cloudflare Pages, main", previews[0], starterBase[1], "CF_PAGES_BRANCH=main", "CF_PAGES_URL=https://0123abcd.coproduce-example.pages.dev")
	builds("Cloudflare Pages, a preview", previews[0], "https://0123abcd.coproduce-example.pages.dev/", "CF_PAGES_BRANCH=new-pledge", "CF_PAGES_URL=https://0123abcd.coproduce-example.pages.dev")

	// Any web server: the build on a Linux machine (the copy to a server
	// needs a server).
	for _, b := range codeBlocks(t, guide, "## Any web server", "## Checking the result", "sh") {
		if strings.Contains(b, "install-coproduce.sh") {
			builds("any web server", b, "https://example.org/coproduction/")
		}
	}
}
