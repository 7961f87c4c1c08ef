package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// createNew makes a new file whatever is at its name: a file written
// before in the same build, which may be a hard link to the earlier
// build's file and must keep its bytes, or an empty folder.
func TestCreateNewLeavesWhatWasThereAlone(t *testing.T) {
	dir := t.TempDir()
	earlier := filepath.Join(dir, "earlier.html")
	if err := os.WriteFile(earlier, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(dir, "linked.html")
	if err := os.Link(earlier, linked); err != nil {
		t.Skip("no hard links here: ", err)
	}
	folder := filepath.Join(dir, "folder.html")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(dir, "fresh.html")
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	for _, c := range []struct {
		target string
		data   []byte
	}{{linked, []byte("new")}, {folder, []byte("was a folder")}, {fresh, big}, {fresh, []byte("again")}, {filepath.Join(dir, "empty.html"), nil}} {
		if err := createNew(c.target, c.data); err != nil {
			t.Fatalf("%s: %v", filepath.Base(c.target), err)
		}
		if got, err := os.ReadFile(c.target); err != nil || string(got) != string(c.data) {
			t.Errorf("%s holds %d bytes (%v), want %d", filepath.Base(c.target), len(got), err, len(c.data))
		}
		if info, err := os.Stat(c.target); err != nil || info.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("%s: %v, %v", filepath.Base(c.target), info, err)
		}
	}
	if got, _ := os.ReadFile(earlier); string(got) != "earlier" {
		t.Errorf("the earlier build's file now holds %q", got)
	}
	// A folder that cannot be written to gives the system's error.
	if err := createNew(filepath.Join(dir, "missing", "page.html"), []byte("x")); !os.IsNotExist(err) {
		t.Errorf("writing into a missing folder: %v", err)
	}
}
