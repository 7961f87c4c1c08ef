package signup

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// utf16 encodes text as Excel's "Unicode Text" does: UTF-16 with a
// byte-order mark.
func utf16(t testing.TB, text string, big bool) []byte {
	order := unicode.LittleEndian
	if big {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func windows1252(t testing.TB, text string) []byte {
	out, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// dialects are the ways a form's answers reach the import: each must give
// the same table, with rows numbered as a spreadsheet numbers them.
func dialects(t testing.TB) []struct {
	name string
	data []byte
} {
	return []struct {
		name string
		data []byte
	}{
		{"UTF-8 with a byte-order mark and CRLF, as Excel's CSV UTF-8", []byte("\ufeffOrganisation name,Website\r\nCafé Nour,https://nour.example.org/\r\n\"Bread, Butter & Co\",https://bread.example.org/\r\n")},
		{"UTF-8 without a mark and LF, as Google Forms", []byte("Organisation name,Website\nCafé Nour,https://nour.example.org/\n\"Bread, Butter & Co\",https://bread.example.org/\n")},
		{"semicolons, as Excel writes in much of Europe", []byte("Organisation name;Website\r\nCafé Nour;https://nour.example.org/\r\nBread, Butter & Co;https://bread.example.org/\r\n")},
		{"Excel's sep= line", []byte("sep=;\r\nOrganisation name;Website\r\nCafé Nour;https://nour.example.org/\r\nBread, Butter & Co;https://bread.example.org/\r\n")},
		{"UTF-16 little-endian with tabs, as Excel's Unicode Text", utf16(t, "Organisation name\tWebsite\r\nCafé Nour\thttps://nour.example.org/\r\nBread, Butter & Co\thttps://bread.example.org/\r\n", false)},
		{"UTF-16 big-endian", utf16(t, "Organisation name,Website\nCafé Nour,https://nour.example.org/\n\"Bread, Butter & Co\",https://bread.example.org/\n", true)},
		{"Windows-1252, as Excel's plain CSV on Windows", windows1252(t, "Organisation name,Website\r\nCafé Nour,https://nour.example.org/\r\n\"Bread, Butter & Co\",https://bread.example.org/\r\n")},
		{"classic Mac line ends", []byte("Organisation name,Website\rCafé Nour,https://nour.example.org/\r\"Bread, Butter & Co\",https://bread.example.org/\r")},
		{"blank rows and empty trailing columns", []byte("Organisation name,Website,,\n\nCafé Nour,https://nour.example.org/,,\n,,,\n\"Bread, Butter & Co\",https://bread.example.org/\n")},
	}
}

func TestReadTableDialects(t *testing.T) {
	want := [][]string{{"Café Nour", "https://nour.example.org/"}, {"Bread, Butter & Co", "https://bread.example.org/"}}
	for _, c := range dialects(t) {
		t.Run(c.name, func(t *testing.T) {
			tab, diags := ReadTable("answers.csv", c.data)
			if diags.HasErrors() || tab == nil {
				t.Fatalf("problems: %v", diags)
			}
			if !slices.Equal(tab.Header, []string{"Organisation name", "Website"}) {
				t.Errorf("header %q", tab.Header)
			}
			if len(tab.Rows) != 2 {
				t.Fatalf("%d rows, want 2: %v", len(tab.Rows), tab.Rows)
			}
			for i, r := range tab.Rows {
				if !slices.Equal(r.Cells, want[i]) {
					t.Errorf("row %d: %q, want %q", r.Num, r.Cells, want[i])
				}
			}
			if strings.Contains(c.name, "Windows-1252") != (len(diags) == 1) {
				t.Errorf("a warning about the encoding only for Windows text; got %v", diags)
			}
		})
	}
}

// An answer over several lines is one cell, and the rows after it keep the
// numbers a spreadsheet shows, not the file's line numbers.
func TestReadTableMultiLineAnswersKeepRowNumbers(t *testing.T) {
	data := "Organisation name,Our commitments\r\n" +
		"Kite,\"We will pay people.\r\nWe will say \"\"thank you\"\".\"\r\n" +
		"Nour,One\r\n"
	tab, diags := ReadTable("a.csv", []byte(data))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	if got := tab.Rows[0].Cells[1]; got != "We will pay people.\nWe will say \"thank you\"." {
		t.Errorf("multi-line answer read as %q", got)
	}
	if tab.Rows[1].Num != 3 {
		t.Errorf("the row after a two-line answer is row %d, want 3", tab.Rows[1].Num)
	}
}

func TestReadTableProblems(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		{"unclosed quote", "Organisation name,Website\nKite,\"https://kite.example.org/\nNour,x\n", "a.csv:2:1: error: a quote mark that opens an answer is never closed"},
		{"bare quote", "Organisation name,Website\nKite \"the best\" Arts,x\n", "a.csv:2:1: error: an answer has a quote mark in it but is not inside quote marks itself"},
		{"too many answers", "Organisation name,Website\nKite,Arts,https://kite.example.org/\n", "a.csv:2:3: error: this row has 3 answers but there are only 2 column headers"},
		{"not text", "Organisation name\x00,Website\n", "a.csv:1:1: error: the file is not a CSV file"},
		{"empty", "", "a.csv:1:1: error: the file is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := ReadTable("a.csv", []byte(c.data))
			if !strings.Contains(diags.Error(), c.want) {
				t.Errorf("got %q, want %q", diags.Error(), c.want)
			}
		})
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
}
