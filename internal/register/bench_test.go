package register

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coproduce/coproduce/internal/content"
)

// BenchmarkRegisterLifecycle builds the register, its open data and its
// search index for 10,000 signatories in every status: the cost of
// keeping former signatories apart and writing their status, on top of
// what the register cost before.
func BenchmarkRegisterLifecycle(b *testing.B) {
	fsys := fstest.MapFS{"pledges/two-way.md": {Data: []byte("---\ntitle: The two-way pledge\nsummary: A promise.\nrenew_every: 3 years\n" +
		"levels:\n  - name: Committed\n    summary: Signed.\n  - name: Leading\n    summary: Kept.\ncommitments: [We will listen.]\n---\n")}}
	for i := range 10000 {
		extra := fmt.Sprintf("signed: %d-%02d-01\nregion: R%d\n", 2019+(i/5)%5, 1+i%12, i%40)
		switch i % 5 {
		case 1:
			extra += "renewed: [2025-01-01]\n"
		case 2:
			extra += "withdrawn: 2026-01-01\n"
		}
		fsys[fmt.Sprintf("signatories/s%05d.md", i)] = &fstest.MapFile{Data: []byte(signatory(fmt.Sprintf("Org %05d", i), extra))}
	}
	site, diags := content.Load(fsys, content.Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	abs := func(p string) string { return "https://example.org" + p }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		reg := New(site)
		if _, err := reg.CSV(abs); err != nil {
			b.Fatal(err)
		}
		if _, err := reg.Index(); err != nil {
			b.Fatal(err)
		}
		_ = reg.Listings()
	}
}
