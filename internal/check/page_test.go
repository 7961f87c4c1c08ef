package check

import (
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/markdown"
)

// checkBody runs Page on a body that starts on line 5 of content/p.md, as
// it would after four lines of front matter, and returns the messages.
func checkBody(t *testing.T, body string, lang string) []string {
	t.Helper()
	p := &content.Page{File: "content/p.md", BodyLine: 5, Body: []byte(body), Lang: lang}
	_, report, err := markdown.New().ConvertString(body)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	diags := Page(p, report, Options{})
	diags.Sort()
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

func TestPageRules(t *testing.T) {
	longSentence := "When the people who use a service and the staff who run it sit down together as equals and plan what happens next, everyone gains something from it."
	tests := []struct {
		name, body string
		want       []string
	}{
		{"image without alt text", "Text.\n\n![](team.png)\n",
			[]string{"content/p.md:7:1: error: the image team.png has no alt text, so blind readers will not know what it shows; say what the picture shows between the brackets: ![A group of people around a table](team.png)"}},
		{"image alt text of spaces", "A picture: ![  ](a.svg)\n",
			[]string{"content/p.md:5:12: error: the image a.svg has no alt text, so blind readers will not know what it shows; say what the picture shows between the brackets: ![A group of people around a table](a.svg)"}},
		{"image with alt text", "![Two people talk](a.svg)\n", nil},
		{"empty link", "Go to [](/principles/) now.\n",
			[]string{"content/p.md:5:7: error: the link to /principles/ has no words, so screen readers read out the address; put words that say where the link goes between the brackets: [words](address)"}},
		{"click here", "Our aims: [Click here!](/aims/)\n",
			[]string{`content/p.md:5:11: warning: the link text "Click here!" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/aims/)`}},
		{"here", "Read it [here](/a/).\n",
			[]string{`content/p.md:5:9: warning: the link text "here" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/a/)`}},
		{"read more", "[Read more](/a/)\n",
			[]string{`content/p.md:5:1: warning: the link text "Read more" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/a/)`}},
		{"more", "And [more](/a/).\n",
			[]string{`content/p.md:5:5: warning: the link text "more" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/a/)`}},
		{"this page", "See\n[this page](/a/).\n",
			[]string{`content/p.md:6:1: warning: the link text "this page" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/a/)`}},
		{"link", "A [link](/a/).\n",
			[]string{`content/p.md:5:3: warning: the link text "link" does not say where the link goes; write words that say where it goes instead, such as [what the page is about](/a/)`}},
		{"words that say where", "Read [our principles](/principles/).\n", nil},
		{"bare address", "See https://example.org/ today.\n",
			[]string{"content/p.md:5:5: warning: the link text is a bare web address, which is hard to read and to listen to; write words that say where it goes instead, such as [the name of the page](https://example.org/)"}},
		{"address as text", "See [www.example.org](https://www.example.org/).\n",
			[]string{"content/p.md:5:5: warning: the link text is a web address, which is hard to read and to listen to; write words that say where it goes instead, such as [the name of the page](https://www.example.org/)"}},
		{"email address is fine", "Write to <hello@example.org>.\n", nil},
		{"h1 in the body", "# Welcome\n\nText.\n",
			[]string{`content/p.md:5:1: warning: the heading "Welcome" is a main heading, but the page title is already the main heading; start headings in the body with ##, or move this text to title:`}},
		{"second h1 in the body", "## One\n\nText.\n\n# Two\n",
			[]string{`content/p.md:9:1: warning: the heading "Two" is a main heading, but the page title is already the main heading; start headings in the body with ##, or move this text to title:`}},
		{"skips from the title", "### Details\n",
			[]string{`content/p.md:5:1: warning: the heading "Details" skips from level 1 to level 3; write ## Details, or add the missing level above it`}},
		{"skips inside the body", "## A\n\n### B\n\n##### C\n\n## D\n",
			[]string{`content/p.md:9:1: warning: the heading "C" skips from level 3 to level 5; write #### C, or add the missing level above it`}},
		{"setext heading", "Big\n===\n",
			[]string{`content/p.md:5:1: warning: the heading "Big" is a main heading, but the page title is already the main heading; start headings in the body with ##, or move this text to title:`}},
		{"empty heading", "##\n\nText.\n",
			[]string{"content/p.md:5:1: warning: the heading has no words; write the words of the heading after the # signs, or delete the line"}},
		{"long sentence", "## Why\n\n" + longSentence + "\n",
			[]string{`content/p.md:7:1: warning: this sentence has 28 words, more than 25; split this sentence after "down together as equals", and keep each sentence to 25 words or fewer`}},
		{"long sentence in a list item", "- Short item.\n- " + longSentence + "\n",
			[]string{`content/p.md:6:3: warning: this sentence has 28 words, more than 25; split this sentence after "down together as equals", and keep each sentence to 25 words or fewer`}},
		{"long sentence mid-line", "We met. " + longSentence + "\n",
			[]string{`content/p.md:5:9: warning: this sentence has 28 words, more than 25; split this sentence after "down together as equals", and keep each sentence to 25 words or fewer`}},
		{"long sentence with no place to split", strings.Repeat("word ", 30) + "\n",
			[]string{"content/p.md:5:1: warning: this sentence has 30 words, more than 25; split this sentence into two or more, each of 25 words or fewer"}},
		{"long paragraph", strings.Repeat("We meet every week to plan. ", 14) + "\n",
			[]string{"content/p.md:5:1: warning: this paragraph has 84 words, more than 80; split it into shorter paragraphs of one idea each, of 80 words or fewer"}},
		{"tables and code are not prose", "| " + longSentence + " |\n|---|\n\n```\n" + longSentence + "\n```\n\n    " + longSentence + "\n", nil},
		{"a Welsh page is not measured", longSentence + "\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := ""
			if strings.Contains(tt.name, "Welsh") {
				lang = "cy"
			}
			got := checkBody(t, tt.body, lang)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("body %q\n got: %s\nwant: %s", tt.body, strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}

// paras repeats a sentence n times, two sentences to a paragraph.
func paras(sentence string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(sentence)
		if i%2 == 1 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

func TestReadingAgeWarning(t *testing.T) {
	hard := paras("Organisational accountability mechanisms demonstrated considerable improvements.", 20) +
		"Comprehensive evaluation methodologies established substantial evidence and unquestionable responsibilities.\n"
	got := checkBody(t, "\n"+hard, "")
	want := []string{"content/p.md:6:1: warning: the page reads at an adult level (age 18 or older), above the site's target of 9; use shorter sentences and everyday words; start with the hardest sentences, on lines 6, 8"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// The same words on a page of fewer than MinWordsForAge words are too
	// few to judge.
	if got := checkBody(t, paras("Organisational accountability mechanisms demonstrated considerable improvements.", 10), ""); got != nil {
		t.Errorf("a short page was judged: %q", got)
	}

	// Plain words pass at the default target.
	if got := checkBody(t, paras("We meet each week to talk about what went well and what to do next.", 12), ""); got != nil {
		t.Errorf("plain text was flagged: %q", got)
	}

	// Names do not make a page harder: they are left out of word length.
	named := paras("We met Councillor Abernethy-Montgomery at Westminster Bridge Community Centre.", 16)
	if age := Measure([]byte(named)).ReadingAge(); age > 9 {
		t.Errorf("a page of short words and long names reads at %d, want 9 or less", age)
	}
}

func TestReadingAgeTarget(t *testing.T) {
	text := paras("People told us that the meetings felt more welcoming after the changes we made together.", 8)
	p := &content.Page{File: "content/p.md", BodyLine: 1, Body: []byte(text)}
	_, report, _ := markdown.New().ConvertString(text)
	if age := Measure(p.Body).ReadingAge(); age != 14 {
		t.Fatalf("reading age %d, want 14", age)
	}
	want := "content/p.md:1:1: warning: the page reads at about age 14, above the site's target of 9; use shorter sentences and everyday words; start with the hardest sentences, on lines 1, 3"
	if got := Page(p, report, Options{}); len(got) != 1 || got[0].String() != want {
		t.Errorf("got  %v\nwant %s", got, want)
	}
	// The target is the target: a page one year above it is flagged, a
	// page at it or below it is not. Target 0 means the default, 9.
	for target, flagged := range map[int]bool{0: true, 9: true, 12: true, 13: true, 14: false, 15: false} {
		diags := Page(p, report, Options{ReadingAge: target})
		if got := len(diags) == 1; got != flagged {
			t.Errorf("target %d: flagged=%v, want %v (%v)", target, got, flagged, diags)
		}
	}
}
