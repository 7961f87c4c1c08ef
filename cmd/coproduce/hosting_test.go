package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/scaffold"
)

// currentActions are the versions the GitHub Pages workflows must name:
// the current major versions, so GitHub does not warn about or stop
// running an old one.
var currentActions = []string{
	"actions/checkout@v4",
	"actions/setup-go@v5",
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
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
			With map[string]any    `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// checkPagesWorkflow reads a workflow and checks it would build with
// coproduce under the address Pages gives, and deploy with current actions.
func checkPagesWorkflow(t *testing.T, name string, data []byte) {
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
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if s.Uses != "" {
				uses = append(uses, s.Uses)
			}
			if s.Uses == "actions/upload-pages-artifact@v3" && s.With["path"] != "public" {
				t.Errorf("%s uploads %v, want public", name, s.With["path"])
			}
			if strings.Contains(s.Run, "coproduce build") && strings.Contains(s.Run, `--base-url "$BASE_URL"`) &&
				s.Env["BASE_URL"] == "${{ steps.pages.outputs.base_url }}" {
				baseFromPages = true
			}
		}
	}
	for _, u := range uses {
		if !slices.Contains(currentActions, u) {
			t.Errorf("%s uses %s, which is not one of the current actions %v", name, u, currentActions)
		}
	}
	for _, want := range currentActions {
		if !slices.Contains(uses, want) {
			t.Errorf("%s does not use %s", name, want)
		}
	}
	if !baseFromPages {
		t.Errorf("%s does not build with --base-url from configure-pages' base_url output, so a project site under a sub-path would link outside itself", name)
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
	checkPagesWorkflow(t, ".github/workflows/pages.yml", data)
	if !strings.Contains(string(data), "go run ./cmd/coproduce build") {
		t.Error("the repository's workflow should build with the coproduce in the repository")
	}
}

func TestPagesWorkflowOfTheStarter(t *testing.T) {
	data, err := fs.ReadFile(scaffold.Starter(), ".github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	checkPagesWorkflow(t, "starter .github/workflows/pages.yml", data)
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
