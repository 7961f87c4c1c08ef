package signup

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// rowsCSV writes an export of n sign-ups as Microsoft Forms would, each
// with a personal email column, commitments over two lines and a short
// description.
func rowsCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("\ufeffID,Start time,Completion time,Email,Name,Organisation name,Website,Sector,Region,Size,Date signed,Our commitments,About your organisation\r\n")
	for i := range n {
		fmt.Fprintf(&b, "%d,01/02/2025 09:00,01/02/2025 09:10,person%d@org%d.example.org,Person %d,Organisation number %d,https://org%d.example.org/,Housing,Leeds,small,%d/%d/2024,\"We will pay people for their time.\nWe will share what we learn, good and bad.\",\"We are a housing group in Leeds. People who live in our homes sit on our board.\"\r\n",
			i+1, i, i, i, i, i, i%28+1, i%12+1)
	}
	return []byte(b.String())
}

// BenchmarkImport10000Rows plans the import of 10,000 sign-ups into the
// example site: reading the export, matching every row against the
// register, and checking each page with the rules of check.
func BenchmarkImport10000Rows(b *testing.B) {
	dir := exampleSite(b)
	data := rowsCSV(10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		plan, err := Prepare(Options{Source: os.DirFS(dir), File: "big.csv", Data: data})
		if err != nil {
			b.Fatal(err)
		}
		if plan.Count(Create) != 10000 {
			b.Fatalf("%d pages to make, want 10000; %v", plan.Count(Create), plan.Diags)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/10000, "µs/row")
}

// BenchmarkImportOneRow is the cost of a small import, mostly reading the
// site.
func BenchmarkImportOneRow(b *testing.B) {
	dir := exampleSite(b)
	data := rowsCSV(1)
	for b.Loop() {
		if _, err := Prepare(Options{Source: os.DirFS(dir), File: "one.csv", Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}
