package diag

import (
	"strings"
	"testing"
)

func TestListReport(t *testing.T) {
	var l List
	l.Warnf(Pos{File: "content/b.md", Line: 2, Col: 1}, "shorten it", "the sentence is long")
	l.Errorf(Pos{File: "content/b.md", Line: 2, Col: 1}, "write a date", "date is wrong")
	l.Errorf(Pos{File: "content/a.md", Line: 10, Col: 3}, "", "second")
	l.Errorf(Pos{File: "content/a.md", Line: 9, Col: 7}, "", "first")
	l.Errorf(Pos{File: "site.yaml"}, "", "no place")
	l.Sort()
	want := []string{
		"content/a.md:9:7: error: first",
		"content/a.md:10:3: error: second",
		"content/b.md:2:1: error: date is wrong; write a date",
		"content/b.md:2:1: warning: the sentence is long; shorten it",
		"site.yaml:1:1: error: no place",
	}
	if got := l.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if !l.HasErrors() || l.Summary() != "4 errors, 1 warning" {
		t.Errorf("summary %q", l.Summary())
	}
	var one List
	one.Warnf(Pos{}, "", "x")
	if one.HasErrors() || one.Summary() != "0 errors, 1 warning" {
		t.Errorf("summary %q", one.Summary())
	}
}

func TestNearest(t *testing.T) {
	known := []string{"title", "summary", "signed", "website", "weight", "pledges"}
	for word, want := range map[string]string{
		"sumary":   "summary",
		"Title":    "title",
		"wieght":   "weight",
		"sined":    "signed",
		"webiste":  "website",
		"pledge":   "pledges",
		"colour":   "",
		"x":        "",
		"":         "",
		"signatur": "",
	} {
		if got := Nearest(word, known); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", word, got, want)
		}
	}
	if got := Nearest("café", []string{"cafe", "coffee"}); got != "cafe" {
		t.Errorf("runes: got %q", got)
	}
}

// Two letters typed the wrong way round are one slip: "nwe" is "new",
// not "due", which needs two letters changed.
func TestNearestCountsASwapAsOneSlip(t *testing.T) {
	if got := Nearest("nwe", []string{"due", "new"}); got != "new" {
		t.Errorf("Nearest(nwe) = %q, want new", got)
	}
	if got := Nearest("wieght", []string{"weight", "width"}); got != "weight" {
		t.Errorf("Nearest(wieght) = %q, want weight", got)
	}
}
