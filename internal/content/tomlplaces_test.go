package content

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzTOMLPlaces reads any text the TOML library accepts: it never hangs
// or panics, and every place it gives is inside the text and is where the
// key it names is written.
func FuzzTOMLPlaces(f *testing.F) {
	for _, tc := range append(append([]errorCase{}, errorCases...), validationCases...) {
		for _, text := range tc.files {
			if rest, ok := strings.CutPrefix(text, "+++\n"); ok {
				matter, _, _ := strings.Cut(rest, "+++\n")
				f.Add(matter)
			}
		}
	}
	f.Add("a = '''x\n'''\nb = \"\"\"y\"\"\"\"\nc = [[1, 2], {d = 3}]\n[[e]]\nf = 1\n")
	f.Fuzz(func(t *testing.T, text string) {
		var m map[string]any
		if _, err := toml.Decode(text, &m); err != nil {
			return
		}
		lines := strings.Split(text, "\n")
		for key, at := range tomlPlaces(text) {
			for _, p := range append([]tomlPlace{at.key, at.value}, at.items...) {
				if p.line < 1 || p.line > len(lines) || p.col < 1 || p.col > len([]rune(lines[p.line-1]))+1 {
					t.Fatalf("%q: place %v is outside the text", key, p)
				}
			}
			if _, top := m[key]; top {
				line := []rune(lines[at.key.line-1])
				if rest := string(line[at.key.col-1:]); !strings.HasPrefix(strings.Trim(rest, "[ \"'"), key) {
					t.Fatalf("key %q placed at %v, where the text is %q", key, at.key, rest)
				}
			}
		}
	})
}
