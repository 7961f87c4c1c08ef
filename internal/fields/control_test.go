package fields

import (
	"bytes"
	"testing"
)

func TestFirstControlPlacesTheCharacter(t *testing.T) {
	for text, want := range map[string][3]int{
		"ok\n\tok\r\n":       {0, 0, 0},
		"a\nbé\x00":          {2, 3, 0},
		"title: x\n\x0bnext": {2, 1, 0x0b},
		"é\u0085":            {1, 2, 0x85},
		"x\x7f":              {1, 2, 0x7f},
		"ok \ufffe":          {1, 4, 0xfffe},
	} {
		line, col, c, ok := FirstControl([]byte(text))
		if got := [3]int{line, col, int(c)}; got != want || ok != (want[0] > 0) {
			t.Errorf("FirstControl(%q) = %v %v, want %v", text, got, ok, want)
		}
	}
}

// BenchmarkFirstControl reads a page of the largest size allowed: every
// page is read this way once per build.
func BenchmarkFirstControl(b *testing.B) {
	page := bytes.Repeat([]byte("Ein Satz mit Wörtern, die gelesen werden.\n"), 4<<20/43)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, _, _, ok := FirstControl(page); ok {
			b.Fatal("found a control character")
		}
	}
}
