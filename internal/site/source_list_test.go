//go:build unix

package site

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A site folder opened for a build lists every folder as the file system
// has it: the same names in the same order, of the same types, with the
// same facts about each, as Go's own listing of the folder, whatever the
// entries are (files, folders, links inside and outside the site, pipes).
func TestListingAFolderGivesWhatTheFileSystemHas(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content", "signatories", "a-folder"), 0o755))
	for i := 0; i < 300; i++ { // more than one read of the folder
		must(os.WriteFile(filepath.Join(dir, "content", "signatories", fmt.Sprintf("org-%03d.md", i)), []byte("---\ntitle: x\n---\n"), 0o644))
	}
	must(os.WriteFile(filepath.Join(dir, "content", "signatories", ".hidden.md"), []byte("x"), 0o600))
	must(os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("outside"), 0o644))
	must(os.Symlink("org-001.md", filepath.Join(dir, "content", "signatories", "link-to-page.md")))
	must(os.Symlink("a-folder", filepath.Join(dir, "content", "signatories", "link-to-folder")))
	must(os.Symlink(outside, filepath.Join(dir, "content", "signatories", "link-outside")))
	must(os.Symlink("nowhere", filepath.Join(dir, "content", "signatories", "dangling.md")))
	must(syscall.Mkfifo(filepath.Join(dir, "content", "signatories", "a-pipe.md"), 0o644))
	src, err := OpenSource(dir)
	must(err)
	for _, name := range []string{".", "content", "content/signatories", "content/signatories/a-folder"} {
		got, gotErr := fs.ReadDir(src, name)
		want, wantErr := os.ReadDir(filepath.Join(dir, filepath.FromSlash(name)))
		if (gotErr != nil) != (wantErr != nil) {
			t.Fatalf("%s: error %v, want %v", name, gotErr, wantErr)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d entries, want %d", name, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Name() != w.Name() || g.IsDir() != w.IsDir() || g.Type() != w.Type() {
				t.Errorf("%s: entry %d is %s, want %s", name, i, fs.FormatDirEntry(g), fs.FormatDirEntry(w))
				continue
			}
			gi, gerr := g.Info()
			wi, werr := w.Info()
			if (gerr != nil) != (werr != nil) || gerr == nil && (gi.Mode() != wi.Mode() || gi.Size() != wi.Size() || gi.Name() != wi.Name()) {
				t.Errorf("%s/%s: info %v %v, want %v %v", name, g.Name(), gi, gerr, wi, werr)
			}
		}
	}
	for _, bad := range []string{"../x", "/etc", "content/../.."} {
		if _, err := fs.ReadDir(src, bad); err == nil {
			t.Errorf("listing %q outside the site did not fail", bad)
		}
	}
	if _, err := fs.ReadDir(src, "content/signatories/link-outside"); err == nil {
		t.Error("a link to a folder outside the site was listed")
	}
}
