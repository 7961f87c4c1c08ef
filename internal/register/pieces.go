package register

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The search index in pieces, so that the directory's search answers within
// a second on a slow phone connection whatever the size of the register.
// The whole index (index.json) is 600 KB at 10,000 signatories; the script
// instead fetches, on first use, only what the words typed need:
//
//   - signatories/index/names.json, the table of pieces:
//     {"total": 10000, "parts": 20, "names": {"n": 2410, "no": 812, ...}}
//     (how many signatories each piece holds);
//   - signatories/index/name-HEX-N.json, piece N (from 1) of the signatories
//     with a word in their name that starts with the letter or two letters
//     whose UTF-8 is HEX (6e6f is "no", 6e is "n"): {"parts": 5, "items":
//     [...]}. The script fetches the pieces of the rarest key of the words
//     typed, newest signatories first, so the first results show after one
//     small file;
//   - signatories/index/part-N.json, the whole register in parts of
//     PartSize, for filtering with no name typed: {"parts": 20, "items": [...]}.
//
// Items are as in index.json. Names are matched as the script folds them:
// accents off, lower case, split into words at anything not a letter or a
// number (see fold and words; directory.js does the same).

// PartSize is how many signatories a part of the whole index holds.
const PartSize = 500

// FirstNamePieceSize and NamePieceSize are how many signatories the first
// piece of a name key holds, and each piece after it. The first is what
// the first results wait for: about 2 KB, which a slow 3G connection
// brings in a twentieth of a second after its round trip. The others, 6
// KB each, are fetched together once the first has come.
const (
	FirstNamePieceSize = 25
	NamePieceSize      = 100
)

// namePieceBounds are where the pieces of a list of n signatories start,
// and n at the end.
func namePieceBounds(n int) []int {
	bounds := []int{0}
	for at := min(n, FirstNamePieceSize); ; at = min(n, at+NamePieceSize) {
		bounds = append(bounds, at)
		if at == n {
			return bounds
		}
	}
}

// IndexDir is the folder of the pieces, below the site root.
const IndexDir = Section + "/index/"

// IndexFile is one file of the search index in pieces.
type IndexFile struct {
	Path string // from the site root: signatories/index/names.json
	Data []byte
}

// piecePlan is how the index is cut up: the number of parts, and for each
// name key (in order of first use) the positions of its signatories in the
// directory's order. The plan is kept to the end of a build, so the
// positions are 32-bit: a register has far fewer than 2 billion
// signatories, and 100,000 of them have about 300,000 positions.
type piecePlan struct {
	parts int
	keys  []string
	byKey map[string][]int32
	// keysOf are each signatory's keys, in the order its name gives
	// them, kept only for a register made with KeepNameKeys.
	keysOf [][]string
}

func (r *Register) piecePlan() piecePlan {
	r.plan.once.Do(func() { r.plan.plan = r.makePiecePlan() })
	return r.plan.plan
}

// sharedPlan is a register's piecePlan, made when first asked for and
// shared by a register remapped from it (Remap), whose names are the same.
type sharedPlan struct {
	once sync.Once
	plan piecePlan
	// keep is set by KeepNameKeys; from is the register whose keys to
	// take for the names it has (NameKeysFrom).
	keep bool
	from *Register
}

// KeepNameKeys makes r keep each signatory's name keys with its plan, for
// a register made after the next save to take (NameKeysFrom). The live
// preview does; a final build does not, as they are a few megabytes at
// 100,000 signatories.
func (r *Register) KeepNameKeys() { r.plan.keep = true }

// NameKeysFrom makes r take the name keys of old's signatories for the
// names old has, when r's plan is made, instead of working them out again:
// a signatory added or removed changes the plan, but not the keys of the
// other names, and working them out was most of the plan's cost.
func (r *Register) NameKeysFrom(old *Register) {
	if old != nil && old.plan.keep && old.plan != r.plan {
		r.plan.from = old
	}
}

// SharePlanOf gives r the plan of old's search index when their
// signatories have the same names in the same order, all the plan is made
// from: the live preview makes the register again when a signatory's
// region changes, and the plan was a quarter of that.
func (r *Register) SharePlanOf(old *Register) {
	if old == nil || len(r.All) != len(old.All) {
		return
	}
	for i := range r.All {
		if r.All[i].Title != old.All[i].Title {
			return
		}
	}
	r.plan = old.plan
}

func (r *Register) makePiecePlan() piecePlan {
	plan := piecePlan{parts: (len(r.All) + PartSize - 1) / PartSize, byKey: map[string][]int32{}}
	known := r.knownNameKeys()
	if r.plan.keep {
		plan.keysOf = make([][]string, len(r.All))
	}
	for i, p := range r.All {
		keys, ok := known[p.Title]
		if !ok {
			keys = titleKeys(p.Title)
		}
		if plan.keysOf != nil {
			plan.keysOf[i] = keys
		}
		for _, k := range keys {
			if _, ok := plan.byKey[k]; !ok {
				plan.keys = append(plan.keys, k)
			}
			plan.byKey[k] = append(plan.byKey[k], int32(i))
		}
	}
	r.plan.from = nil // taken: the old register need not be kept for it
	return plan
}

// titleKeys are the name keys of a signatory's name, each once, in the
// order its words give them.
func titleKeys(title string) []string {
	var keys []string
	for _, w := range words(title) {
		for _, k := range nameKeys(w) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// knownNameKeys are the keys of the names of the register NameKeysFrom
// gave, by name; nil when there is none.
func (r *Register) knownNameKeys() map[string][]string {
	from := r.plan.from
	if from == nil {
		return nil
	}
	old := from.piecePlan()
	if old.keysOf == nil {
		return nil
	}
	known := make(map[string][]string, len(from.All))
	for i, p := range from.All {
		known[p.Title] = old.keysOf[i]
	}
	return known
}

// IndexPiecePaths lists the files IndexPieces makes, without making them,
// so a build can claim them first.
func (r *Register) IndexPiecePaths() []string {
	plan := r.piecePlan()
	var out []string
	for n := range plan.parts {
		out = append(out, IndexDir+"part-"+strconv.Itoa(n+1)+".json")
	}
	for _, k := range plan.keys {
		for n := range len(namePieceBounds(len(plan.byKey[k]))) - 1 {
			out = append(out, IndexDir+NamePiecePath(k, n+1))
		}
	}
	return append(out, IndexDir+"names.json")
}

// IndexPieces returns the files of the search index in pieces, in the
// order IndexPiecePaths lists them (see WriteIndexPieces).
func (r *Register) IndexPieces() ([]IndexFile, error) {
	var out []IndexFile
	err := r.WriteIndexPieces(func(path string, data []byte) error {
		out = append(out, IndexFile{Path: path, Data: bytes.Clone(data)})
		return nil
	})
	return out, err
}

// WriteIndexPieces makes the files of the search index in pieces, in the
// order IndexPiecePaths lists them, and hands each to write as it is
// made, so they are never all in memory at once. write must not keep
// data. Each signatory's item is encoded once, for its part and its name
// pieces.
func (r *Register) WriteIndexPieces(write func(path string, data []byte) error) error {
	items := make([][]byte, 0, len(r.All))
	err := r.eachItem(func(_ int, item []byte) error {
		items = append(items, bytes.Clone(item))
		return nil
	})
	if err != nil {
		return err
	}
	plan := r.piecePlan()
	var buf []byte
	// A piece is {"items":[...],"parts":N}, as encoding/json writes a map.
	piece := func(path string, parts int, from []int32, lo, hi int) error {
		buf = append(buf[:0], `{"items":[`...)
		for i := lo; i < hi; i++ {
			if i > lo {
				buf = append(buf, ',')
			}
			at := i
			if from != nil {
				at = int(from[i])
			}
			buf = append(buf, items[at]...)
		}
		buf = append(buf, `],"parts":`...)
		buf = strconv.AppendInt(buf, int64(parts), 10)
		buf = append(buf, '}')
		return write(IndexDir+path, buf)
	}
	for n := range plan.parts {
		if err := piece("part-"+strconv.Itoa(n+1)+".json", plan.parts, nil, n*PartSize, min((n+1)*PartSize, len(items))); err != nil {
			return err
		}
	}
	counts := make(map[string]int, len(plan.keys))
	for _, k := range plan.keys {
		list := plan.byKey[k]
		counts[k] = len(list)
		bounds := namePieceBounds(len(list))
		pieces := len(bounds) - 1
		for n := range pieces {
			if err := piece(NamePiecePath(k, n+1), pieces, list, bounds[n], bounds[n+1]); err != nil {
				return err
			}
		}
	}
	names, err := json.Marshal(map[string]any{"total": len(items), "parts": plan.parts, "names": counts})
	if err != nil {
		return err
	}
	return write(IndexDir+"names.json", names)
}

// NamePiecePath is the file, below IndexDir, of piece n of a name key.
func NamePiecePath(key string, n int) string {
	return "name-" + hex.EncodeToString([]byte(key)) + "-" + strconv.Itoa(n) + ".json"
}

// fold makes a name comparable as the script does: accents off, lower case.
func fold(s string) string {
	// Most names are plain ASCII, which has no accents to take off: the
	// register folds every name each time it is made, and the live
	// preview makes it on every save.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// words splits a folded name into words at anything not a letter or number.
func words(name string) []string {
	return strings.FieldsFunc(fold(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// nameKeys are the pieces a word is found in: under its first letter, and
// under its first two letters. The script looks a query up under the
// rarest key of its words, so the first letter typed already finds names.
func nameKeys(w string) []string {
	first, size := utf8.DecodeRuneInString(w)
	if first == utf8.RuneError && size == 0 {
		return nil
	}
	keys := []string{w[:size]}
	if _, second := utf8.DecodeRuneInString(w[size:]); second > 0 {
		keys = append(keys, w[:size+second])
	}
	return keys
}
