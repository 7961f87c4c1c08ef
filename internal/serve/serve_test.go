package serve

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/sitegen"
)

// An editor's whole session: edit, break, fix, add a folder, delete.
func TestSaveBreakFixAddDelete(t *testing.T) {
	r := start(t, 10, nil)
	file := sitegen.SignatoryFile(3)
	page := sitegen.SignatoryURL(3)
	orig := read(t, r.dir, file)

	code, body := r.get(page)
	if code != 200 || !strings.Contains(body, `<script src="/__reload.js" defer></script></body>`) {
		t.Fatalf("GET %s: %d, and the reload script is not injected before </body>:\n%.500s", page, code, body)
	}

	edited := strings.Replace(orig, "---\n\n", "---\n\nA sentence saved by the editor just now.\n\n", 1)
	r.saveAndWait(file, edited, page, func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "A sentence saved by the editor just now.")
	})

	broken := strings.Replace(edited, "signed: ", "signed: the fourth of May ", 1)
	line := lineOf(broken, "signed: ")
	where := fmt.Sprintf("%s:%d:", file, line)
	_, body = r.saveAndWait(file, broken, page, func(code int, body string) bool {
		return code == 500 && strings.Contains(body, where)
	})
	for _, want := range []string{`<html lang="en">`, "<title>", "<h1>", "<main", "signed: the fourth of May", "How to fix it:"} {
		if !strings.Contains(body, want) {
			t.Errorf("the error page has no %q:\n%s", want, body)
		}
	}
	if code, other := r.get("/"); code != 500 || !strings.Contains(other, where) {
		t.Errorf("another page does not show the error page while the site is broken (%d)", code)
	}
	if code, _ := r.get("/robots.txt"); code != 200 {
		t.Errorf("the last good site's files are not served while broken: robots.txt %d", code)
	}

	r.saveAndWait(file, edited, page, func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "A sentence saved by the editor just now.")
	})

	newPage := "---\ntitle: \"Getting started\"\nsummary: \"Where to begin.\"\n---\n\nStart here.\n"
	r.saveAndWait("content/guides/start.md", newPage, "/guides/start/", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "Getting started")
	})

	_, body = r.saveAndWait("content/guides/start.md", "", "/guides/start/", func(code int, body string) bool {
		return code == 404
	})
	if want, _ := r.srv.Output().Get("404.html"); !strings.Contains(body, string(want[:200])) {
		t.Errorf("a missing page does not get the site's 404.html")
	}
}

// A folder made after the server started is watched, and the files that
// land in it before the watch is added are not missed.
func TestNewFolderIsWatched(t *testing.T) {
	r := start(t, 5, nil)
	page := "---\ntitle: \"Deep page\"\nsummary: \"A page in a new folder.\"\n---\n\nFirst.\n"
	r.saveAndWait("content/new/deeper/page.md", page, "/new/deeper/page/", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "First.")
	})
	r.saveAndWait("content/new/deeper/page.md", strings.Replace(page, "First.", "Second.", 1), "/new/deeper/page/", func(code int, body string) bool {
		return code == 200 && strings.Contains(body, "Second.")
	})
}

// Vim saves by writing a test file 4913, renaming the old file to name~,
// writing the new one and removing the backup. Only the page matters.
func TestRenameSaveAndTempFiles(t *testing.T) {
	r := start(t, 5, nil)
	file := sitegen.SignatoryFile(1)
	orig := read(t, r.dir, file)
	write(t, r.dir, "content/signatories/4913", "x")
	write(t, r.dir, "content/signatories/.page.md.swp", "x")
	write(t, r.dir, "content/signatories/.#page.md", "x")
	renameSave(t, r.dir, file, strings.Replace(orig, "---\n\n", "---\n\nSaved the vim way.\n\n", 1))
	for range 5 {
		r.event("reload")
		if _, body := r.get(sitegen.SignatoryURL(1)); strings.Contains(body, "Saved the vim way.") {
			break
		}
	}
	if _, body := r.get(sitegen.SignatoryURL(1)); !strings.Contains(body, "Saved the vim way.") {
		t.Fatal("a rename-based save was not picked up")
	}
	if d := r.srv.Diags(); d.HasErrors() {
		t.Errorf("temporary files made errors: %v", d)
	}
}
