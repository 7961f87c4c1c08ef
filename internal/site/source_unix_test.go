//go:build unix

package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A pipe where a folder should be is refused at once, as the root
// refuses it, rather than opened as a folder, which would wait for a
// writer for ever.
func TestAPipeWhereAFolderShouldBeIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe"), 0o644); err != nil {
		t.Skip("cannot make a pipe here: ", err)
	}
	fsys, err := OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := fs.ReadFile(fsys, "content/pipe/page.md")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a file inside a pipe was read")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a file inside a pipe did not return")
	}
}

// Messages name a file once, without a doubled slash, however the site's
// folder was written.
func TestMessagesNameTheFileAsWritten(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "stories", "deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	fsys, err := OpenSource(dir + "/")
	if err != nil {
		t.Fatal(err)
	}
	// A folder opens, and reading it as a file fails after the open.
	_, err = fs.ReadFile(fsys, "content/stories/deeper")
	if err == nil {
		t.Fatal("a folder was read as a file")
	}
	if want := dir + "/content/stories/deeper"; !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "//") {
		t.Errorf("the message is %q, want it to name %s", err, want)
	}
}
