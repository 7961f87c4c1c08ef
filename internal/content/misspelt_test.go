package content

import (
	"testing"
	"testing/fstest"
)

// A misspelt required key is reported once, where it is written, with the
// right spelling, and not a second time as a missing key.
func TestMisspeltRequiredKeyIsReportedOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"signatories/acme.md": {Data: []byte("---\ntitel: Acme\nsummary: A shop.\nwebsite: https://acme.example/\nsigend: 2024-03-01\npledges: [p]\n---\n")},
		"pledges/p.md":        {Data: []byte("---\ntitle: P\nsummary: A pledge.\ncommitments: [Be fair.]\n---\n")},
	}
	_, diags := Load(fsys, Options{Dir: "content"})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/signatories/acme.md:2:1: error: "titel" is not a key a signatory can have; did you mean "title"?`,
		`content/signatories/acme.md:5:1: error: "sigend" is not a key a signatory can have; did you mean "signed"?`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d messages, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("message %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}
