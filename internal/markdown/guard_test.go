package markdown

import (
	"io"
	"strings"
	"testing"
)

// The shapes goldmark reads in time growing with the square of their size
// are refused at the place they pass the limit, with what to do instead;
// the same marks spread over paragraphs, as real pages have them, are
// read as before.
func TestGuardRefusesWhatTheParserCannotReadQuickly(t *testing.T) {
	for name, tc := range map[string]struct {
		body    string
		pos     Pos
		problem string
	}{
		"unmatched emphasis":     {"Intro.\n\n" + strings.Repeat("*a_ ", 300), Pos{3, 801}, "more than 400 of the marks * _ ~ and quotes"},
		"unmatched in a heading": {"## " + strings.Repeat("a* ", 401), Pos{1, 1205}, "more than 400 of the marks * _ ~ and quotes"},
		"quote marks in a row":   {"Say " + strings.Repeat("\"", 40), Pos{1, 5}, "more than 32 quote marks in a row"},
		"apostrophes in a row":   {"x\n\nSay " + strings.Repeat("'", 33), Pos{3, 5}, "more than 32 quote marks in a row"},
		"open brackets":          {strings.Repeat("[", 101) + "a", Pos{1, 101}, "more than 100 [ brackets that are not closed"},
		"nested brackets":        {strings.Repeat("[a ", 150) + strings.Repeat("]", 150), Pos{1, 301}, "more than 100 [ brackets"},
		"image openers":          {strings.Repeat("![", 120), Pos{1, 201}, "more than 100 [ brackets"},
		"link definitions":       {"Text.\n\n" + strings.Repeat("[a]: /\n", 600), Pos{503, 1}, "more than 500 lines in a row that give a link's address"},
		"too many marks":         {strings.Repeat("- a\n", 100_000) + "- b\n", Pos{100_001, 4}, "more than 100000 lines, links, list items"},
	} {
		t.Run(name, func(t *testing.T) {
			report, err := New().Convert([]byte(tc.body), io.Discard, nil)
			r, ok := err.(*Refusal)
			if !ok || report != nil {
				t.Fatalf("got %v, want a refusal", err)
			}
			if r.Pos != tc.pos || !strings.Contains(r.Problem, tc.problem) || r.Fix == "" {
				t.Errorf("got %+v: %s; %s, want %+v: %s", r.Pos, r.Problem, r.Fix, tc.pos, tc.problem)
			}
		})
	}
	for name, body := range map[string]string{
		"emphasis in many paragraphs": strings.Repeat(strings.Repeat("*a* _b_ ", 100)+"\n\n", 20),
		"a long list of bold terms":   strings.Repeat("- **Term**: what it means, don't you think?\n", 1000),
		"apostrophes and snake_case":  strings.Repeat("don't use file_name_here ", 1000),
		"links in brackets":           strings.Repeat("[a] [b](/) [[c]] ", 500),
		"separate definitions":        strings.Repeat(strings.Repeat("[a]: /\n", 400)+"\n", 5),
		"a table of marks":            "a|b\n-|-\n" + strings.Repeat("*x* | \"y\"\n", 1000),
		"code":                        "```\n" + strings.Repeat("\"\"\"\"[[[[****____\n", 1000) + "```\n",
		"4 MB of prose":               strings.Repeat("We met every week, and we wrote down what people said. ", 72_000),
	} {
		if _, err := New().Convert([]byte(body), io.Discard, nil); err != nil {
			t.Errorf("%s: refused: %v", name, err)
		}
	}
}

type panickingResolver struct{}

func (panickingResolver) Resolve(string, bool) (string, *Problem) { panic("resolver fault") }

// A fault while a page is converted is an error for that page, not a
// crash of the whole build.
func TestFaultWhileConvertingIsAnError(t *testing.T) {
	_, err := New().Convert([]byte("See [the page](other.md)."), io.Discard, panickingResolver{})
	if err == nil || !strings.Contains(err.Error(), "resolver fault") {
		t.Errorf("got %v, want an error naming the fault", err)
	}
}
