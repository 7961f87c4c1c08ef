package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestReportPutsErrorsFirstAndSumsUpManyWarnings(t *testing.T) {
	var l List
	for i := range 30 {
		l.Warnf(Pos{File: fmt.Sprintf("content/a%02d.md", i), Line: 3, Col: 1}, "write ## Details", "the heading %q skips from level 1 to level 3", fmt.Sprint("H", i))
	}
	l.Warnf(Pos{File: "content/a00.md", Line: 9, Col: 2}, "", "this sentence has 41 words, more than 25")
	l.Errorf(Pos{File: "content/z.md", Line: 5, Col: 9}, "write it as 2025-02-01", "signed: 1/2/2025 is not a date")

	var b strings.Builder
	Report{ListAll: "coproduce check -s site"}.Write(&b, l)
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	want := []string{
		"content/z.md:5:9: error: signed: 1/2/2025 is not a date; write it as 2025-02-01",
		"31 warnings, of 2 kinds. The first of each kind is below. To list them all, run: coproduce check -s site (or add --rule and the name in brackets to list one kind)",
		`30× content/a00.md:3:1: warning: the heading "H0" skips from level 1 to level 3; write ## Details [headings]`,
		"   also at content/a01.md:3:1, content/a02.md:3:1, content/a03.md:3:1 and 26 more",
		"1× content/a00.md:9:2: warning: this sentence has 41 words, more than 25 [long-sentence]",
		"1 error, 31 warnings",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", b.String(), strings.Join(want, "\n"))
	}

	b.Reset()
	Report{AllWarnings: true}.Write(&b, l)
	lines = strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != 33 || !strings.Contains(lines[0], ": error: ") || lines[32] != "1 error, 31 warnings" {
		t.Errorf("with every warning: %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

func TestKindIgnoresParticulars(t *testing.T) {
	a := Kind(`the heading "Details" skips from level 1 to level 3`)
	b := Kind(`the heading "Our aims" skips from level 2 to level 4`)
	if a != b {
		t.Errorf("%q and %q differ", a, b)
	}
	if Kind("the sentence is long") == Kind("the word is long") {
		t.Error("different problems are one kind")
	}
}
