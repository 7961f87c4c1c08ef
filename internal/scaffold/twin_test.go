package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// new --lang and --easy write the words to put in other words and none of
// the facts, as a draft beside the main page, and never overwrite it.
func TestNewTwinHasTheWordsAndNoFacts(t *testing.T) {
	dir := t.TempDir()
	if _, err := Init(dir); err != nil {
		t.Fatal(err)
	}
	sig, _ := LookupKind("signatory")
	if _, err := New(dir, sig, "Kite Youth Arts", time.Date(2026, 5, 18, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	p, err := NewTwin(dir, sig, "Kite Youth Arts", "cy", false)
	if err != nil {
		t.Fatal(err)
	}
	if p.File != "content/signatories/kite-youth-arts.cy.md" || p.URL != "/cy/signatories/kite-youth-arts/" {
		t.Errorf("the translation is %s at %s", p.File, p.URL)
	}
	text, _ := os.ReadFile(filepath.Join(dir, p.File))
	for _, want := range []string{"Welsh", "draft: true\n", `title: "Kite Youth Arts"`, "summary: "} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the skeleton has no %q:\n%s", want, text)
		}
	}
	for _, fact := range []string{"website:", "signed:", "pledges:"} {
		if strings.Contains(string(text), "\n"+fact) {
			t.Errorf("the skeleton states the fact %s, which comes from the main page:\n%s", fact, text)
		}
	}
	if _, err := NewTwin(dir, sig, "Kite Youth Arts", "cy", false); !errors.Is(err, ErrExists) {
		t.Errorf("a second translation gave %v, want ErrExists", err)
	}
	if _, err := NewTwin(dir, sig, "No Such Org", "cy", false); err == nil || !strings.Contains(err.Error(), "coproduce new signatory") {
		t.Errorf("a translation of a page that does not exist gave %v", err)
	}
	pledge, _ := LookupKind("pledge")
	e, err := NewTwin(dir, pledge, "our-pledge", "", true)
	if err != nil {
		t.Fatal(err)
	}
	easy, _ := os.ReadFile(filepath.Join(dir, e.File))
	if e.URL != "/pledges/our-pledge/easy-read/" || !strings.Contains(string(easy), ": Easy Read\"") || !strings.Contains(string(easy), "commitments:\n  - ") {
		t.Errorf("the Easy Read skeleton at %s is:\n%s", e.URL, easy)
	}
}

// Whatever the main page holds, a twin's skeleton is made without a panic
// and is front matter the loader can read: it starts with --- and closes it.
func FuzzTwinSkeleton(f *testing.F) {
	f.Add([]byte("---\ntitle: Kite\nsummary: Arts.\ncommitments: [a, b]\n---\nBody.\n"))
	f.Add([]byte("no front matter"))
	f.Add([]byte("---\ntitle: [unclosed\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: x\r\n---"))
	sig, _ := LookupKind("signatory")
	f.Fuzz(func(t *testing.T, page []byte) {
		matter, body := splitMatter(page)
		out := string(twinSkeleton(sig, matter, body, "cy", false, "content/signatories/kite.md"))
		if !strings.HasPrefix(out, "---\n") || !strings.Contains(out, "\n---\n") {
			t.Errorf("the skeleton has no front matter:\n%s", out)
		}
	})
}
