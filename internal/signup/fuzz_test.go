package signup

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzReadTable: whatever the bytes, reading never panics, every row has
// an answer for each column, rows are numbered upwards from 2, and every
// problem names the file and a row.
func FuzzReadTable(f *testing.F) {
	for _, c := range dialects(f) {
		f.Add(c.data)
	}
	for _, name := range []string{"testdata/microsoft-forms.csv", "testdata/google-forms.csv"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("a,b\n\"x\ny\",\"z\"\"\"\r\n"))
	f.Add([]byte("\xff\xfea\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, diags := ReadTable("a.csv", data)
		for _, d := range diags {
			if d.File != "a.csv" || d.Line < 1 || d.Problem == "" || d.Fix == "" {
				t.Fatalf("a problem without a place or advice: %+v", d)
			}
		}
		if tab == nil {
			return
		}
		last := 1
		for _, r := range tab.Rows {
			if len(r.Cells) != len(tab.Header) || r.Num <= last {
				t.Fatalf("row %d after row %d has %d cells for %d headers", r.Num, last, len(r.Cells), len(tab.Header))
			}
			last = r.Num
		}
	})
}

// fuzzSite is a small site to import into: one pledge and one signatory.
var fuzzSite = fstest.MapFS{
	"content/pledges/our-pledge.md":          {Data: []byte("---\ntitle: Our pledge\nsummary: A pledge.\ncommitments: [We will listen.]\n---\n")},
	"content/signatories/kite-youth-arts.md": {Data: []byte("---\ntitle: Kite Youth Arts\nsummary: An arts charity.\nwebsite: https://kite.example.org/\nsigned: 2025-01-01\npledges: [our-pledge]\n---\n")},
}

// FuzzPrepare: any export, under the headers the import knows, is planned
// without a panic; each row gets one action; a row planned as new has a
// page content reads without an error; and no answer in the email column
// reaches a page.
func FuzzPrepare(f *testing.F) {
	header := "Organisation name,Website,Date signed,Size,Our commitments,About your organisation,Email\n"
	f.Add(header + "Nour Café,nour.example.org,1/2/2025,small,\"One\nTwo\",\"# Hi <b>\",amal@nour.example.org\n")
	f.Add(header + "Kite Youth Arts,https://kite.example.org/,2025-02-01,huge,,,x@y.example\n")
	f.Add(header + ",,,,,,\n\"a\"\"b\",https://x.example.org/,31/2/2025,,,\"\",\n")
	f.Fuzz(func(t *testing.T, csv string) {
		if !strings.HasPrefix(csv, header) {
			csv = header + csv
		}
		plan, err := Prepare(Options{Source: fuzzSite, File: "a.csv", Data: []byte(csv)})
		if err != nil {
			t.Fatal(err)
		}
		tab, _ := ReadTable("a.csv", []byte(csv))
		for _, it := range plan.Items {
			if it.Action == Create && len(it.text) == 0 {
				t.Fatalf("row %d is to be made with no page", it.Row)
			}
			if it.Action != Create {
				continue
			}
			for _, r := range tab.Rows {
				email := strings.TrimSpace(r.Cell(6))
				if r.Num != it.Row || !looksLikeEmail(email) || strings.Contains(strings.Join(r.Cells[:6], "\n"), email) {
					continue // the same text may be given in another answer
				}
				if strings.Contains(string(it.text), email) {
					t.Fatalf("row %d's email address is on its page:\n%s", it.Row, it.text)
				}
			}
		}
	})
}

// FuzzParseMapping: any mapping file is read without a panic, and every
// problem has a place and advice.
func FuzzParseMapping(f *testing.F) {
	f.Add([]byte("columns:\n  \"What is your organisation called?\": title\n  Email: contact\ndates: day first\n"))
	f.Add([]byte("columns:\n  Website: webiste\n"))
	f.Add([]byte("colums: [a]\ndates: {x: y}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := ParseMapping("map.yaml", data)
		for _, d := range diags {
			if d.File != "map.yaml" || d.Line < 1 || d.Fix == "" {
				t.Fatalf("a problem without a place or advice: %+v", d)
			}
		}
		if m == nil && !diags.HasErrors() {
			t.Fatal("no mapping and no error")
		}
	})
}

// FuzzRewrite: an update reads any page already on the site without a
// panic, and what it writes keeps the front matter's opening line and
// every line it did not change.
func FuzzRewrite(f *testing.F) {
	f.Add([]byte("---\ntitle: Kite\nregion: Bristol\ncommitments:\n  - One\n---\nText\n"))
	f.Add([]byte("\ufeff---\r\n# note\r\ntitle: Kite\r\npledges:\r\n- a\r\n- b\r\n---\r\n"))
	f.Add([]byte("---\npledges: [{pledge: a, level: gold}]\n---\n"))
	b := &builder{byKey: map[string]int{"region": 3, "commitments": 4, "pledges": 5}}
	d := &draft{commitments: []string{"We will listen."}}
	changes := []Change{{Key: "region", New: "Bath"}, {Key: "pledges", New: "a, b, c"}, {Key: "commitments", New: "We will listen."}}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, lines, err := b.rewrite(data, changes, d)
		if err != nil {
			return
		}
		if !strings.HasPrefix(strings.TrimPrefix(string(out), "\ufeff"), "---") {
			t.Fatalf("the front matter lost its opening line:\n%s", out)
		}
		if len(lines) == 0 {
			t.Fatalf("no line of the update was placed:\n%s", out)
		}
	})
}
