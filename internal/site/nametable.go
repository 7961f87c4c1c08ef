package site

import (
	"hash/maphash"
	"strings"
)

// nameTable finds a name among many by its hash, in a table of positions
// in the list of names. The table holds no pointers, so the collector
// never goes through it, and a lookup reads memory once or twice. A binary
// search of the 224,000 files a 100,000-signatory build claims read
// eighteen names from all over the heap for each address checked: ten
// seconds of processor time, growing faster than the site.
type nameTable struct {
	names []string
	seed  maphash.Seed
	slots []uint32 // 1 + a position in names; 0 is an empty slot
}

// newNameTable indexes names, which must all differ.
func newNameTable(names []string) nameTable {
	size := 1
	for size < 2*len(names) {
		size <<= 1
	}
	t := nameTable{names: names, seed: maphash.MakeSeed(), slots: make([]uint32, size)}
	mask := uint64(size - 1)
	for i, name := range names {
		j := maphash.String(t.seed, name) & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = uint32(i + 1)
	}
	return t
}

// has reports whether name is one of the names.
func (t nameTable) has(name string) bool {
	_, ok := t.find(name)
	return ok
}

// find returns the table's own copy of name, if it is one of the names.
func (t nameTable) find(name string) (string, bool) {
	if len(t.names) == 0 {
		return "", false
	}
	mask := uint64(len(t.slots) - 1)
	for j := maphash.String(t.seed, name) & mask; t.slots[j] != 0; j = (j + 1) & mask {
		if found := t.names[t.slots[j]-1]; found == name {
			return found, true
		}
	}
	return "", false
}

// packNames points each of names at one string holding them all, in
// order. The names of the files a build writes are kept to its end, and
// the recorder and the output share these copies (recorder.claimedName):
// one allocation instead of 224,000 at 100,000 signatories, which the
// collector would otherwise find one by one on every run.
func packNames(names []string) {
	all := strings.Join(names, "")
	for i, name := range names {
		names[i], all = all[:len(name)], all[len(name):]
	}
}
