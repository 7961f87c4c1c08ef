package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/scaffold"
	"github.com/coproduce/coproduce/internal/site"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Café Bristol & Co", "cafe-bristol-co"},
		{"Share power", "share-power"},
		{"  People's Voice!  ", "peoples-voice"},
		{"Ysgol Gymraeg Llanŵ", "ysgol-gymraeg-llanw"},
		{"Straße Øresund Łódź", "strasse-oresund-lodz"},
		{"Fair pay -- 2025", "fair-pay-2025"},
		{"ﬁne ①", "fine-1"}, // compatibility forms fold to plain letters
		{"!!!", ""},
		{"日本", ""},
	} {
		if got := scaffold.Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Café Bristol & Co", "People's Voice", "Straße", "--a--", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := scaffold.Slug(name)
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q has %q", name, s, r)
			}
		}
		if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("Slug(%q) = %q has a stray dash", name, s)
		}
	})
}

// build builds the site in dir and fails the test on any error.
func build(t *testing.T, dir string) *site.Result {
	t.Helper()
	res := site.Build(site.Options{Source: os.DirFS(dir), Output: publish.NewMemory(), Now: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	if res.Diags.HasErrors() {
		t.Fatalf("the site does not build:\n%v", res.Diags.Error())
	}
	return res
}

func TestStarterBuildsWithoutProblems(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	files, err := scaffold.Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	res := build(t, dir)
	if len(res.Diags) > 0 {
		t.Errorf("the starter site has problems:\n%v", res.Diags.Error())
	}
	kinds := map[content.Kind]bool{}
	for _, p := range res.Site.Pages {
		kinds[p.Kind] = true
	}
	for _, k := range []content.Kind{content.KindHome, content.KindList, content.KindPrinciple, content.KindValue, content.KindCaseStudy, content.KindPledge, content.KindSignatory, content.KindPage} {
		if !kinds[k] {
			t.Errorf("the starter has no %s page", k)
		}
	}
	if res.Site.Page("/start-here/") == nil {
		t.Error("the starter has no start here page")
	}
	if !strings.Contains(strings.Join(files, " "), ".gitignore") {
		t.Error("the starter does not keep public/ out of Git")
	}
}

// Every site.yaml key must be shown to a new site owner, switched on or
// behind a "#", so they never have to look one up.
func TestStarterSiteYAMLShowsEveryKey(t *testing.T) {
	data, err := os.ReadFile("starter/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, diags := config.Parse(data); len(diags) > 0 {
		t.Fatalf("starter site.yaml: %v", diags.Error())
	}
	text := string(data)
	// The key lists of package config are unexported; read them from its
	// source, so a key added there fails here until the starter shows it.
	src, err := os.ReadFile("../config/config.go")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, list := range regexp.MustCompile(`(?m)^var \w+Keys = \[\]string\{(.*)\}$`).FindAllSubmatch(src, -1) {
		for _, q := range regexp.MustCompile(`"(\w+)"`).FindAllSubmatch(list[1], -1) {
			keys = append(keys, string(q[1]))
		}
	}
	if len(keys) < 20 {
		t.Fatalf("found only %d keys in internal/config/config.go: %v", len(keys), keys)
	}
	for _, key := range keys {
		if !strings.Contains(text, key+":") {
			t.Errorf("starter site.yaml does not mention %s", key)
		}
	}
	// Every key line has a comment above it.
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimSpace(l), "# "), " ")
		if i == 0 || strings.HasPrefix(l, " ") && strings.HasPrefix(strings.TrimSpace(l), "-") {
			continue
		}
		if strings.HasSuffix(strings.SplitN(trimmed, " ", 2)[0], ":") && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			if !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
				t.Errorf("starter site.yaml line %d, %q, has no comment above it", i+1, l)
			}
		}
	}
}

func TestInitRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Init(dir); !errors.Is(err, scaffold.ErrNotEmpty) {
		t.Fatalf("Init into a folder with files: err = %v, want scaffold.ErrNotEmpty", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Init wrote into a folder with files: it now has %d entries", len(entries))
	}
}

func TestNewPageOfEveryKindBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, k := range scaffold.Kinds {
		p, err := scaffold.New(dir, k, "Café Bristol & Co", today)
		if err != nil {
			t.Fatalf("new %s: %v", k.Name, err)
		}
		if !strings.HasSuffix(p.File, "/cafe-bristol-co.md") && p.File != "content/cafe-bristol-co.md" {
			t.Errorf("new %s wrote %s", k.Name, p.File)
		}
		if p.Warning != "" {
			t.Errorf("new %s warns: %s", k.Name, p.Warning)
		}
	}
	res := build(t, dir)
	for _, k := range scaffold.Kinds {
		url := "/" + strings.TrimPrefix(k.Section+"/cafe-bristol-co/", "/")
		pg := res.Site.Page(url)
		if pg == nil {
			t.Errorf("new %s: no page at %s", k.Name, url)
			continue
		}
		if pg.Title != "Café Bristol & Co" {
			t.Errorf("new %s: title %q", k.Name, pg.Title)
		}
	}
	cs := res.Site.Page("/case-studies/cafe-bristol-co/")
	if cs != nil && (!cs.Anonymised() || !cs.Date.Equal(today)) {
		t.Errorf("new case study: anonymised %v, date %v; want true and today", cs.Anonymised(), cs.Date)
	}
	sig := res.Site.Page("/signatories/cafe-bristol-co/")
	if sig != nil && (len(sig.PledgeSlugs) != 1 || !sig.Signed.Equal(today)) {
		t.Errorf("new signatory: pledges %v, signed %v; want one pledge and today", sig.PledgeSlugs, sig.Signed)
	}
	if p := res.Site.Page("/principles/cafe-bristol-co/"); p != nil && p.Weight != 2 {
		t.Errorf("new principle has weight %d, want 2 (after the starter's 1)", p.Weight)
	}
}

// The skeleton names every key its kind may have, so editors can see them.
func TestSkeletonHasEveryKey(t *testing.T) {
	kindOf := map[string]content.Kind{"principle": content.KindPrinciple, "value": content.KindValue, "case-study": content.KindCaseStudy, "pledge": content.KindPledge, "signatory": content.KindSignatory, "report": content.KindReport, "page": content.KindPage}
	for _, k := range scaffold.Kinds {
		text := string(scaffold.Skeleton(k, scaffold.Facts{Title: "X", Today: time.Now(), Weight: 1}))
		for _, key := range content.KnownKeys(kindOf[k.Name]) {
			if !strings.Contains(text, "\n"+key+":") && !strings.Contains(text, "\n# "+key+":") {
				t.Errorf("the %s skeleton does not show %s", k.Name, key)
			}
		}
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	k, _ := scaffold.LookupKind("principle")
	before, _ := os.ReadFile(filepath.Join(dir, "content/principles/share-power.md"))
	if _, err := scaffold.New(dir, k, "Share Power", time.Now()); !errors.Is(err, scaffold.ErrExists) {
		t.Fatalf("New over an existing page: err = %v, want scaffold.ErrExists", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "content/principles/share-power.md"))
	if string(before) != string(after) {
		t.Error("New changed an existing page")
	}
}

func TestNewSignatoryWithoutPledgeSaysWhatToDo(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	k, _ := scaffold.LookupKind("signatory")
	p, err := scaffold.New(dir, k, "Kite Arts", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Warning, "coproduce new pledge") {
		t.Errorf("warning %q does not say how to add a pledge", p.Warning)
	}
}

func TestNewRefusesAFolderThatIsNotASite(t *testing.T) {
	k, _ := scaffold.LookupKind("page")
	if _, err := scaffold.New(t.TempDir(), k, "About", time.Now()); err == nil || !strings.Contains(err.Error(), "-s") {
		t.Errorf("New outside a site: err = %v, want advice about -s", err)
	}
}

// A plain page must not take the address of a section's list page.
func TestNewPageRefusesASectionAddress(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir); err != nil {
		t.Fatal(err)
	}
	k, _ := scaffold.LookupKind("page")
	_, err := scaffold.New(dir, k, "Principles", time.Now())
	if err == nil || !strings.Contains(err.Error(), "choose another name") {
		t.Fatalf("new page Principles: err = %v, want advice to choose another name", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "principles.md")); err == nil {
		t.Error("new page wrote content/principles.md over the principles list address")
	}
}
