package site

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// A name table finds every name it was made from, gives back its own
// copy, and finds no other, however the names crowd its slots.
func TestNameTableFindsExactlyItsNames(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 7, 100, 5000} {
		r := rand.New(rand.NewPCG(uint64(n), 1))
		var names []string
		in := map[string]bool{}
		for len(names) < n {
			name := fmt.Sprintf("signatories/org-%d/index.html", r.IntN(4*n+1))
			if !in[name] {
				in[name] = true
				names = append(names, name)
			}
		}
		table := newNameTable(names)
		for _, name := range names {
			own, ok := table.find(name)
			if !ok || own != name {
				t.Fatalf("%d names: %q not found (got %q, %v)", n, name, own, ok)
			}
		}
		for i := range 4*n + 2 {
			for _, other := range []string{
				fmt.Sprintf("signatories/org-%d/index.html", i),
				fmt.Sprintf("signatories/org-%d/", i),
				fmt.Sprintf("Signatories/org-%d/index.html", i),
			} {
				if table.has(other) != in[other] {
					t.Fatalf("%d names: has(%q) = %v, want %v", n, other, table.has(other), in[other])
				}
			}
		}
		if table.has("") {
			t.Fatalf("%d names: the empty name was found", n)
		}
	}
}

// Packed names read as they did, however long, and share one string.
func TestPackNamesKeepsEveryName(t *testing.T) {
	names := []string{"", "a", "index.html", "", "signatories/org-1/badge.svg", "cy/ê/index.html"}
	want := append([]string(nil), names...)
	packNames(names)
	for i := range names {
		if names[i] != want[i] {
			t.Fatalf("name %d is %q, want %q", i, names[i], want[i])
		}
	}
	if unsafe.StringData(names[2]) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(names[1])), len(names[1]))) {
		t.Fatalf("the names were not packed into one string")
	}
}
