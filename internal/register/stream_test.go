package register

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
)

// streamSite is a register with current and former signatories, names
// that JSON escapes, and a pledge whose title it escapes.
func streamSite(t *testing.T, n int) *content.Site {
	t.Helper()
	files := map[string]string{
		"pledges/two-way.md":  pledgeFile,
		"pledges/fair-pay.md": "---\ntitle: Fair <pay> & more\nsummary: Another.\ncommitments: [We pay fairly.]\n---\n",
	}
	for i := range n {
		name := fmt.Sprintf("Org %d <b> & \"quoted\" Ŵyn", i)
		extra := fmt.Sprintf("signed: %d-%02d-01\nregion: Region %d\nsector: Arts & <crafts>\n", 2019+i%5, 1+i%12, i%7)
		if i%4 == 1 {
			extra += "withdrawn: 2025-01-01\n"
		}
		files[fmt.Sprintf("signatories/s%03d.md", i)] = signatory(name, extra)
	}
	return load(t, files)
}

// canonical reports whether data is one JSON value which encoding/json,
// reading it and writing it again, writes byte for byte the same: so a
// file written in parts is well formed and in the form the whole-file
// encoder wrote before.
func canonical(t *testing.T, name string, data []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s is not JSON: %v\n%s", name, err, data)
	}
	again, _ := json.Marshal(v)
	if !bytes.Equal(again, data) {
		t.Errorf("%s differs from encoding/json's output:\n%s\nwant\n%s", name, data, again)
	}
}

func TestOpenDataWrittenInPartsIsWhatTheWholeEncoderWrites(t *testing.T) {
	abs := func(p string) string { return "https://example.org" + p }
	for _, n := range []int{0, 1, 40} {
		site := streamSite(t, n)
		reg := New(site)

		var got bytes.Buffer
		if err := reg.WriteJSON(&got, site, "A <site>", abs); err != nil {
			t.Fatal(err)
		}
		d := OpenData{Title: "A <site>", URL: abs(reg.Root), Count: len(reg.All) + len(reg.Former), Current: len(reg.All), Pledges: []PledgeRecord{}, Signatories: reg.Records(abs)}
		for _, pl := range content.InLanguage(site.Section("pledges"), reg.Lang) {
			d.Pledges = append(d.Pledges, PledgeRecord{Slug: pl.Slug, Title: pl.Title, URL: abs(pl.URL)})
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", " ")
		enc.Encode(d)
		if got.String() != want.String() {
			t.Errorf("%d signatories: signatories.json is\n%s\nwant\n%s", n, got.String(), want.String())
		}

		var index bytes.Buffer
		if err := reg.WriteIndex(&index); err != nil {
			t.Fatal(err)
		}
		canonical(t, fmt.Sprintf("index.json of %d", n), index.Bytes())
		var idx struct{ Items []any }
		json.Unmarshal(index.Bytes(), &idx)
		if len(idx.Items) != len(reg.All) {
			t.Errorf("index.json has %d items; want %d", len(idx.Items), len(reg.All))
		}
		pieces := 0
		err := reg.WriteIndexPieces(func(path string, data []byte) error {
			pieces++
			canonical(t, path, data)
			return nil
		})
		if err != nil || pieces != len(reg.IndexPiecePaths()) {
			t.Errorf("%d pieces (%v); want %d", pieces, err, len(reg.IndexPiecePaths()))
		}
	}
}
