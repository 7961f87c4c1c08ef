package check

import (
	"slices"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
)

// checkEasy runs Page on an Easy Read twin whose body starts on line 5.
func checkEasy(t *testing.T, body string) []string {
	t.Helper()
	p := &content.Page{File: "content/p.easy.md", BodyLine: 5, Body: []byte(body), Variant: "easy"}
	_, report, err := markdown.New().ConvertString(body)
	if err != nil {
		t.Fatal(err)
	}
	diags := Page(p, report, Options{})
	diags.Sort()
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestEasyReadRules(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"short sentences pass", "![A clock](c.svg)\nTrust takes **time** to grow.\n", nil},
		{"sentence over 15 words",
			"We will ask you what you think about the service and then we will change it.\n",
			[]string{`content/p.easy.md:5:1: warning: this Easy Read sentence has 16 words; Easy Read sentences have 15 words or fewer: split it into two sentences, one idea each`}},
		{"long word not explained",
			"Staff need your **permission** first.\n",
			[]string{`content/p.easy.md:5:19: warning: "permission" is a long word for an Easy Read page; use a shorter word, or explain it in the next sentence, such as "Permission means ..."`}},
		{"long word explained in the next sentence",
			"Staff need your **permission** first.\nPermission means you say yes.\n", nil},
		{"long word explained with this means",
			"Staff need your **permission** first.\nThis means you say yes.\n", nil},
		{"explained once is enough",
			"Coproduction means working as a team.\n\nCoproduction takes time.\n", nil},
		{"names are not hard words",
			"We met at Birmingham library.\n", nil},
		{"one warning a word",
			"Your **permission** matters.\n\nWe ask permission first.\n",
			[]string{`content/p.easy.md:5:8: warning: "permission" is a long word for an Easy Read page; use a shorter word, or explain it in the next sentence, such as "Permission means ..."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkEasy(t, tt.body); !slices.Equal(got, tt.want) {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// The same words on a standard page are not held to Easy Read rules.
func TestEasyReadRulesOnlyOnTwins(t *testing.T) {
	body := "We will ask you what you think about the service and then we will change it.\n"
	if got := checkBody(t, body, ""); len(got) != 0 {
		t.Errorf("a standard page got Easy Read warnings: %q", got)
	}
}
