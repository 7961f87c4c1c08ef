package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A site with a folder for every page keeps only a few of them open, and
// reads every file as it is, whether its folder is kept or not.
func TestASiteOfManyFoldersKeepsFewOpen(t *testing.T) {
	dir := t.TempDir()
	const folders = 3 * maxKeptFolders
	for i := range folders {
		name := filepath.Join(dir, "content", "stories", fmt.Sprintf("story-%d", i), "index.md")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(fmt.Sprintf("---\ntitle: Story %d\n---\nStory %d.\n", i, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fsys, err := OpenSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	open := openFiles(t)
	for round := range 2 {
		for i := range folders {
			name := fmt.Sprintf("content/stories/story-%d/index.md", i)
			data, err := fs.ReadFile(fsys, name)
			if want := fmt.Sprintf("---\ntitle: Story %d\n---\nStory %d.\n", i, i); err != nil || string(data) != want {
				t.Fatalf("round %d, %s: %q, %v", round+1, name, data, err)
			}
		}
	}
	if kept := fsys.(*source).kept.Load(); kept != maxKeptFolders {
		t.Errorf("%d folders kept open, want %d", kept, maxKeptFolders)
	}
	if open >= 0 {
		if now := openFiles(t); now-open > maxKeptFolders {
			t.Errorf("%d files open after reading %d folders, %d before", now, folders, open)
		}
	}
}

// openFiles counts the files the process has open, or -1 where the
// system does not list them.
func openFiles(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}
