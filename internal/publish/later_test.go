package publish

import (
	"slices"
	"testing"
)

// Files written for later are listed at once, made once when first asked
// for, and replaced or removed like any other file.
func TestWriteLaterMakesFilesWhenFirstAskedFor(t *testing.T) {
	m := NewMemory()
	made := 0
	if err := m.WriteLater([]string{"a.json", "b.json"}, func(out Output) error {
		made++
		return writeFiles(out, map[string]string{"a.json": "A", "b.json": "B"})
	}); err != nil {
		t.Fatal(err)
	}
	if got := m.Names(); !slices.Equal(got, []string{"a.json", "b.json"}) || m.Len() != 2 {
		t.Fatalf("Names = %q, Len = %d; want both files listed before they are made", got, m.Len())
	}
	if made != 0 {
		t.Fatal("the files were made before anyone asked for them")
	}
	for range 3 {
		if a, ok := m.Get("a.json"); !ok || string(a) != "A" {
			t.Errorf("Get(a.json) = %q, %v", a, ok)
		}
		if b, ok := m.Get("b.json"); !ok || string(b) != "B" {
			t.Errorf("Get(b.json) = %q, %v", b, ok)
		}
	}
	if made != 1 {
		t.Errorf("made %d times, want once for both files", made)
	}

	// An update carries files for later, and a later write replaces them.
	next := NewMemory()
	if err := next.WriteLater([]string{"a.json"}, func(out Output) error {
		return writeFiles(out, map[string]string{"a.json": "A2"})
	}); err != nil {
		t.Fatal(err)
	}
	m.Apply(next, []string{"b.json"})
	if a, _ := m.Get("a.json"); string(a) != "A2" {
		t.Errorf("after Apply, a.json = %q, want the update's A2", a)
	}
	if _, ok := m.Get("b.json"); ok {
		t.Error("b.json was removed by the update but is still there")
	}
	if err := m.WriteFile("a.json", []byte("now")); err != nil {
		t.Fatal(err)
	}
	if a, _ := m.Get("a.json"); string(a) != "now" {
		t.Errorf("a file written over one for later reads %q, want now", a)
	}
	if err := m.WriteLater([]string{`a\\b`}, nil); err == nil {
		t.Error("WriteLater accepted a name outside the output")
	}
}

func writeFiles(out Output, files map[string]string) error {
	for name, data := range files {
		if err := out.WriteFile(name, []byte(data)); err != nil {
			return err
		}
	}
	return nil
}
