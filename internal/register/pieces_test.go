package register

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestIndexPiecesFindEveryName proves the promise of the pieces: the
// pieces under each key a query word can have hold every signatory with a
// word starting with it, in the directory's order, and the parts hold the
// whole register, so a search that reads them misses no one.
func TestIndexPiecesFindEveryName(t *testing.T) {
	files := map[string]string{"pledges/two-way.md": pledgeFile}
	names := []string{"Ynys Môn Housing", "Ŵyl Arts", "Wyldoor Trust", "1st Step Recovery", "Éclair Youth", "Eclectic Care", "A B"}
	for i := range 260 {
		names = append(names, fmt.Sprintf("Northgate Project %d", i))
	}
	for i, n := range names {
		files[fmt.Sprintf("signatories/s%d.md", i)] = signatory(n, fmt.Sprintf("signed: 2024-01-%02d\n", 1+i%28))
	}
	reg := New(load(t, files))
	got, err := reg.IndexPieces()
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range got {
		byPath[f.Path] = f.Data
	}
	type piece struct {
		Parts int
		Items [][]any
	}
	read := func(path string) (piece, bool) {
		b, ok := byPath[IndexDir+path]
		var p piece
		if ok {
			if err := json.Unmarshal(b, &p); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		return p, ok
	}
	// search reads every piece of a key, as the script does.
	search := func(key string) []string {
		var out []string
		first, ok := read(NamePiecePath(key, 1))
		if !ok {
			return nil
		}
		for n := 1; n <= first.Parts; n++ {
			p, ok := read(NamePiecePath(key, n))
			if !ok {
				t.Fatalf("piece %d of %d of %q is missing", n, first.Parts, key)
			}
			for _, it := range p.Items {
				out = append(out, it[0].(string))
			}
		}
		return out
	}
	var all []string
	for _, p := range reg.All {
		all = append(all, p.Title)
	}
	for query, wantWord := range map[string]string{"y": "ynys", "yn": "ynys", "w": "wyl", "wy": "wyldoor", "ec": "eclair", "1s": "1st", "no": "northgate", "n": "northgate", "12": "12"} {
		var want []string
		for _, name := range all {
			for _, w := range words(name) {
				if strings.HasPrefix(w, query) {
					want = append(want, name)
					break
				}
			}
		}
		if len(want) == 0 {
			t.Fatalf("no name has a word starting %q (%s): the test is wrong", query, wantWord)
		}
		if got := search(query); !slices.Equal(got, want) {
			t.Errorf("the pieces of %q hold %d names %q..., want %d %q...", query, len(got), got[:min(3, len(got))], len(want), want[:min(3, len(want))])
		}
	}
	// Accents do not count: Ŵyl is found by "wy", Éclair by "ec".
	if !slices.Contains(search("wy"), "Ŵyl Arts") || !slices.Contains(search("ec"), "Éclair Youth") {
		t.Errorf("a name with an accent is not under the key without it")
	}
	var parts []string
	first, _ := read("part-1.json")
	for n := 1; n <= first.Parts; n++ {
		p, _ := read(fmt.Sprintf("part-%d.json", n))
		for _, it := range p.Items {
			parts = append(parts, it[0].(string))
		}
	}
	if !slices.Equal(parts, all) {
		t.Errorf("the parts hold %d names, want all %d in the directory's order", len(parts), len(all))
	}
	var table struct {
		Total int
		Names map[string]int
	}
	if err := json.Unmarshal(byPath[IndexDir+"names.json"], &table); err != nil || table.Total != len(all) {
		t.Fatalf("names.json: total %d, %v", table.Total, err)
	}
	if table.Names["no"] != len(search("no")) {
		t.Errorf("names.json says %d names under \"no\", the pieces hold %d", table.Names["no"], len(search("no")))
	}
}

// TestLettersListEveryNameAToZ proves the no-JavaScript way to find a name:
// every signatory is under exactly one first letter, A to Z in order, with
// names in alphabetical order inside it.
func TestLettersListEveryNameAToZ(t *testing.T) {
	files := map[string]string{"pledges/two-way.md": pledgeFile}
	for i, n := range []string{"Zebra Trust", "apple Arts", "Éclair Youth", "Eagle Care", "1st Step", "Ash Housing"} {
		files[fmt.Sprintf("signatories/s%d.md", i)] = signatory(n, fmt.Sprintf("signed: 2024-01-%02d\n", i+1))
	}
	f := New(load(t, files)).Facet(LetterKey)
	var got []string
	count := 0
	for _, v := range f.Values {
		var ns []string
		for _, p := range v.Signatories {
			ns = append(ns, p.Title)
		}
		count += len(ns)
		got = append(got, v.Label+": "+strings.Join(ns, ", "))
	}
	want := []string{"A: apple Arts, Ash Housing", "E: Eagle Care, Éclair Youth", "Z: Zebra Trust", "0 to 9: 1st Step"}
	if !slices.Equal(got, want) || count != 6 {
		t.Errorf("letters:\n got %q\nwant %q", got, want)
	}
}

// TestIndexPiecePathsListWhatIsMade proves that a build can claim the
// pieces before making them: the paths are those of the files, in order.
func TestIndexPiecePathsListWhatIsMade(t *testing.T) {
	files := map[string]string{"pledges/two-way.md": pledgeFile}
	for i := range 130 {
		files[fmt.Sprintf("signatories/s%d.md", i)] = signatory(fmt.Sprintf("Harbour Arts %d", i), "signed: 2024-01-01\n")
	}
	reg := New(load(t, files))
	made, err := reg.IndexPieces()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range made {
		paths = append(paths, f.Path)
	}
	if got := reg.IndexPiecePaths(); !slices.Equal(got, paths) {
		t.Errorf("IndexPiecePaths = %q,\nIndexPieces made %q", got, paths)
	}
}

// Folding takes accents off and lowers the case, the same for plain ASCII
// names (taken a shorter way) as for any other.
func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Riverside Trust":       "riverside trust",
		"Café Ôl-Troed":         "cafe ol-troed",
		"ÅNGSTRÖM 2 Housing":    "angstrom 2 housing",
		"":                      "",
		"Ysgol Gymraeg Bro Dŵr": "ysgol gymraeg bro dwr",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// A register made again after a save takes the search index's plan of the
// register before only when every name is as it was, in the same place:
// the pieces it makes are then those it would make with a plan of its own.
func TestSharedPlanMakesTheSamePieces(t *testing.T) {
	site := func(region string, renamed bool) map[string]string {
		files := map[string]string{"pledges/two-way.md": pledgeFile}
		for i := range 140 {
			name := fmt.Sprintf("Harbour Arts %d", i)
			if renamed && i == 7 {
				name = "Zebra Crossing Collective"
			}
			files[fmt.Sprintf("signatories/s%d.md", i)] = signatory(name, fmt.Sprintf("signed: 2024-01-%02d\nregion: %s\n", 1+i%28, region))
		}
		return files
	}
	old := New(load(t, site("Bristol", false)))
	if _, err := old.IndexPieces(); err != nil { // the old plan is made
		t.Fatal(err)
	}
	for _, c := range []struct {
		what    string
		renamed bool
	}{{"another region, the same names", false}, {"one signatory renamed", true}} {
		files := site("Leeds", c.renamed)
		shared := New(load(t, files))
		shared.SharePlanOf(old)
		own := New(load(t, files))
		samePieces(t, c.what, shared, own)
		if sharedPlan := shared.plan == old.plan; sharedPlan == c.renamed {
			t.Errorf("%s: plan shared = %v", c.what, sharedPlan)
		}
	}
}

// A register made after a signatory came or went takes the other names'
// keys from the register before, and makes the pieces a register working
// every key out makes.
func TestNameKeysTakenFromTheRegisterBeforeMakeTheSamePieces(t *testing.T) {
	site := func(skip int, extra string) map[string]string {
		files := map[string]string{"pledges/two-way.md": pledgeFile}
		for i := range 140 {
			if i != skip {
				files[fmt.Sprintf("signatories/s%d.md", i)] = signatory(fmt.Sprintf("Harbour Arts %d %s", i, []string{"Trust", "Ŵyl Café", "1st Step", "Project"}[i%4]), fmt.Sprintf("signed: 2024-01-%02d\n", 1+i%28))
			}
		}
		if extra != "" {
			files["signatories/extra.md"] = signatory(extra, "signed: 2024-02-01\n")
		}
		return files
	}
	old := New(load(t, site(-1, "")))
	old.KeepNameKeys()
	if _, err := old.IndexPieces(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what  string
		files map[string]string
	}{{"a signatory added", site(-1, "Zebra Crossing Collective")}, {"a signatory removed", site(3, "")}, {"one added, one removed", site(70, "Aardvark Ŵyl Trust")}} {
		taken := New(load(t, c.files))
		taken.NameKeysFrom(old)
		if known := taken.knownNameKeys(); len(known) == 0 {
			t.Fatalf("%s: no keys were taken from the register before", c.what)
		}
		own := New(load(t, c.files))
		samePieces(t, c.what, taken, own)
	}
}

// samePieces fails the test unless got makes the search index's pieces
// want makes, byte for byte and in the same order.
func samePieces(t *testing.T, what string, got, want *Register) {
	t.Helper()
	g, err := got.IndexPieces()
	if err != nil {
		t.Fatal(err)
	}
	w, err := want.IndexPieces()
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != len(w) {
		t.Fatalf("%s: %d pieces, %d with a plan of its own", what, len(g), len(w))
	}
	for i := range g {
		if g[i].Path != w[i].Path || !bytes.Equal(g[i].Data, w[i].Data) {
			t.Fatalf("%s: piece %s differs from the register's own plan's %s", what, g[i].Path, w[i].Path)
		}
	}
}
