package signup

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/coproduce/coproduce/internal/diag"
)

// Table is a form's export as a spreadsheet shows it: a header row and the
// answers below it.
type Table struct {
	File   string   // the name problems are reported against
	Header []string // the column headers, row 1
	Rows   []Row    // the answers, in file order, without empty rows
}

// Row is one response.
type Row struct {
	Num   int      // the row number a spreadsheet shows, the header being 1
	Cells []string // one a column, padded to the header's length
}

// Cell returns the answer in column col (from 0), or "" past the end.
func (r Row) Cell(col int) string {
	if col < 0 || col >= len(r.Cells) {
		return ""
	}
	return r.Cells[col]
}

// MaxTableSize is the largest export read: far more than any form collects,
// small enough that a wrong file (a video, a database) is refused quickly.
const MaxTableSize = 64 << 20

// ReadTable reads a CSV export. It reports every problem with the file
// against file, and returns nil when no row can be trusted.
func ReadTable(file string, data []byte) (*Table, diag.List) {
	var diags diag.List
	at := func(row, col int) diag.Pos { return diag.Pos{File: file, Line: row, Col: col} }
	if len(data) > MaxTableSize {
		diags.Errorf(at(1, 1), "export the answers again, or split the file", "the file is %d MB, more than the %d MB a form's export may be", len(data)>>20, MaxTableSize>>20)
		return nil, diags
	}
	text, encoding := decodeText(data)
	if encoding == "windows-1252" {
		diags.Warnf(at(1, 1), "if letters such as é or £ look wrong in the new pages, save the file from Excel as \"CSV UTF-8\" and import it again",
			"the file is not UTF-8 text, so it was read as Excel's Windows text")
	}
	if strings.IndexByte(text, 0) >= 0 {
		diags.Errorf(at(1, 1), "export the answers as CSV from the form, or save the spreadsheet as \"CSV UTF-8\"", "the file is not a CSV file")
		return nil, diags
	}
	text, sep := separator(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1 // a short row is padded, a long one reported
	t := &Table{File: file}
	for n := 1; ; n++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			diags = append(diags, parseProblem(file, n, err))
			return nil, diags
		}
		if n == 1 {
			t.Header = trimHeader(rec)
			continue
		}
		if blank(rec) {
			continue
		}
		if len(rec) > len(t.Header) {
			extra := len(t.Header)
			for extra < len(rec)-1 && strings.TrimSpace(rec[extra]) == "" {
				extra++
			}
			if strings.TrimSpace(rec[extra]) != "" {
				diags.Errorf(at(n, extra+1), "check that answers with a "+separatorName(sep)+" in them are inside quote marks, or export the file again",
					"this row has %d answers but there are only %d column headers", len(rec), len(t.Header))
				continue
			}
			rec = rec[:len(t.Header)]
		}
		for len(rec) < len(t.Header) {
			rec = append(rec, "")
		}
		t.Rows = append(t.Rows, Row{Num: n, Cells: rec})
	}
	if len(t.Header) == 0 {
		diags.Errorf(at(1, 1), "export the answers from the form again: the first row should hold the questions", "the file is empty")
		return nil, diags
	}
	return t, diags
}

// decodeText turns the bytes into text, and says which encoding it was in.
func decodeText(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		// Excel's "Unicode Text". The decoder reads the byte-order mark,
		// drops it, and replaces an odd last byte rather than failing.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(data); err == nil {
			return normaliseLines(string(out)), "utf-16"
		}
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	}
	if utf8.Valid(data) {
		return normaliseLines(string(data)), "utf-8"
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data) // never fails: every byte is a character
	return normaliseLines(string(out)), "windows-1252"
}

// normaliseLines makes the line ends LF. encoding/csv does the same for
// CRLF, but a classic Mac export ends lines with a lone CR, which it would
// keep as part of an answer.
func normaliseLines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// separator finds what stands between answers: Excel's "sep=;" line when
// there is one (it is then removed, as Excel hides it), else whichever of
// comma, semicolon and tab is most common outside quotes in the header
// row. Excel in much of Europe writes semicolons, and "Unicode Text" tabs.
func separator(text string) (string, rune) {
	if rest, ok := strings.CutPrefix(text, "sep="); ok {
		if c, size := utf8.DecodeRuneInString(rest); size > 0 && c != '\n' && c != '"' {
			after := rest[size:]
			if i := strings.IndexByte(after, '\n'); i >= 0 && strings.TrimSpace(after[:i]) == "" {
				return after[i+1:], c
			} else if i < 0 && strings.TrimSpace(after) == "" {
				return "", c
			}
		}
	}
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted && (c == ',' || c == ';' || c == '\t') {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return text, best
}

func separatorName(c rune) string {
	switch c {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

func trimHeader(rec []string) []string {
	out := make([]string, len(rec))
	for i, h := range rec {
		out[i] = strings.TrimSpace(h)
	}
	// Trailing columns with no header and no use are common in Excel files.
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseProblem words encoding/csv's error for an editor. The row is the
// record being read; the column is counted in answers, not characters.
func parseProblem(file string, row int, err error) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Pos{File: file, Line: row, Col: 1}, Severity: diag.Error}
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote):
		d.Problem = "a quote mark that opens an answer is never closed, so the rest of the file reads as one answer"
		d.Fix = "find the answer that starts with a quote mark and put another at its end, or export the file again"
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
		d.Problem = "an answer has a quote mark in it but is not inside quote marks itself"
		d.Fix = "put the whole answer inside quote marks and write each quote mark in it twice, or export the file again"
	default:
		d.Problem = fmt.Sprintf("the file could not be read as CSV: %v", err)
		d.Fix = "export the answers from the form again as CSV"
	}
	return d
}

// ColumnName is the letter a spreadsheet shows above column col (from 0):
// A to Z, then AA, AB and so on.
func ColumnName(col int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name
}
