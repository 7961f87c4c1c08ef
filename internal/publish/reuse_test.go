package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// snapshot is every file and folder under dir with its mode, bytes and
// file information, stamp included, to tell whether a folder changed in
// any way and which files are the same file on disk.
type snapshot map[string]entry

type entry struct {
	mode os.FileMode
	data []byte
	info os.FileInfo
}

func takeSnapshot(t *testing.T, dir string) snapshot {
	t.Helper()
	s := snapshot{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		e := entry{mode: info.Mode(), info: info}
		if !info.IsDir() {
			if e.data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		s[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sameAs reports the first difference between two snapshots, or "".
func (s snapshot) sameAs(o snapshot) string {
	for name, e := range s {
		f, ok := o[name]
		switch {
		case !ok:
			return name + " is gone"
		case e.mode != f.mode:
			return name + " changed mode"
		case !bytes.Equal(e.data, f.data):
			return name + " changed"
		}
	}
	for name := range o {
		if _, ok := s[name]; !ok {
			return name + " was added"
		}
	}
	return ""
}

func build(t *testing.T, public string, files map[string]string) *Dir {
	t.Helper()
	d, err := NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, d, files)
	return d
}

var first = map[string]string{"index.html": "<p>home</p>", "about/index.html": "<p>about</p>", "a/b/c.css": "p{}", "same.txt": "same"}

func TestRebuildLinksUnchangedFilesAndLeavesTheEarlierBuildAlone(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if err := build(t, public, first).Commit(); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, public)

	d := build(t, public, map[string]string{"index.html": "<p>home</p>", "about/index.html": "<p>about us</p>", "a/b/c.css": "p{}", "new.txt": "new"})
	if d.Linked() != 2 {
		t.Errorf("linked %d files from the earlier build; want the 2 whose bytes did not change", d.Linked())
	}
	// The same name written again, with other bytes: the earlier build's
	// file, which the new one is a link to, must not change.
	if err := d.WriteFile("index.html", []byte("<p>home, again</p>")); err != nil {
		t.Fatal(err)
	}
	if diff := before.sameAs(takeSnapshot(t, public)); diff != "" {
		t.Fatalf("the earlier build changed before the swap: %s", diff)
	}
	d.Abort()
	if diff := before.sameAs(takeSnapshot(t, public)); diff != "" {
		t.Fatalf("a stopped rebuild changed the earlier build: %s", diff)
	}

	d = build(t, public, map[string]string{"index.html": "<p>home</p>", "about/index.html": "<p>about us</p>", "a/b/c.css": "p{}"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	after := takeSnapshot(t, public)
	want := map[string]string{"index.html": "<p>home</p>", "about/index.html": "<p>about us</p>", "a/b/c.css": "p{}"}
	if got := tree(t, public); len(got) != len(want) || got["about/index.html"] != want["about/index.html"] || got["index.html"] != want["index.html"] {
		t.Fatalf("public = %v; want %v", got, want)
	}
	if !os.SameFile(before["a/b/c.css"].info, after["a/b/c.css"].info) || os.SameFile(before["about/index.html"].info, after["about/index.html"].info) {
		t.Error("want the unchanged file kept (the same file on disk) and the changed one written new")
	}
	if before["a/b/c.css"].mode != after["a/b/c.css"].mode || after["about/index.html"].mode != before["about/index.html"].mode {
		t.Error("modes differ between linked and written files")
	}
}

func TestRebuildWritesAgainAFileEditedByHand(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if err := build(t, public, first).Commit(); err != nil {
		t.Fatal(err)
	}
	// Same size, other bytes, written after the build.
	edited := filepath.Join(public, "same.txt")
	os.WriteFile(edited, []byte("SAME"), 0o644)
	later := time.Now().Add(time.Second)
	os.Chtimes(edited, later, later)

	d := build(t, public, first)
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, public)["same.txt"]; got != "same" {
		t.Errorf("same.txt = %q; want the build's own bytes, not the hand edit", got)
	}
	if d.Linked() != len(first)-1 {
		t.Errorf("linked %d files; want every file but the edited one (%d)", d.Linked(), len(first)-1)
	}
}

func TestUnchangedOnlyForTheSameInputsAndAnIntactFolder(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	d := build(t, public, first)
	d.Remember("inputs-1", []byte("the report"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, public)

	d, _ = NewDir(public)
	rec, ok := d.Unchanged("inputs-1")
	if !ok || string(rec) != "the report" {
		t.Fatalf("Unchanged = %q, %v; want the kept record", rec, ok)
	}
	d.Keep()
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if diff := before.sameAs(takeSnapshot(t, public)); diff != "" {
		t.Fatalf("a kept build changed: %s", diff)
	}
	if entries, _ := os.ReadDir(filepath.Dir(public)); len(entries) != 1 {
		t.Errorf("left beside public: %v", names(entries))
	}
	if _, ok := d.Unchanged("inputs-2"); ok {
		t.Error("Unchanged for other inputs")
	}

	later := time.Now().Add(time.Second)
	for name, change := range map[string]func(public string){
		"a file added":   func(public string) { os.WriteFile(filepath.Join(public, "extra.html"), nil, 0o644) },
		"a file removed": func(public string) { os.Remove(filepath.Join(public, "same.txt")) },
		"a file edited":  func(public string) { os.Chtimes(filepath.Join(public, "same.txt"), later, later) },
		"a file resized": func(public string) { os.Truncate(filepath.Join(public, "a/b/c.css"), 1) },
		"a folder added": func(public string) { os.Mkdir(filepath.Join(public, "empty"), 0o755) },
		"a file made a folder": func(public string) {
			os.Remove(filepath.Join(public, "same.txt"))
			os.Mkdir(filepath.Join(public, "same.txt"), 0o755)
		},
	} {
		t.Run(name, func(t *testing.T) {
			public := filepath.Join(t.TempDir(), "public")
			d := build(t, public, first)
			d.Remember("inputs-1", nil)
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			change(public)
			d, _ = NewDir(public)
			defer d.Abort()
			if _, ok := d.Unchanged("inputs-1"); ok {
				t.Errorf("Unchanged after %s by hand", name)
			}
		})
	}
}
