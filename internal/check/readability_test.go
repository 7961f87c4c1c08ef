package check

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/coproduce/coproduce/internal/content"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []int // words in each sentence
	}{
		{"We meet. We plan!  Do we agree?", []int{2, 2, 3}},
		{"Bring proof, e.g. a letter. Then wait.", []int{5, 2}},
		{"Ask Dr. Jones or J. Smith about it. Thanks.", []int{8, 1}},
		{"Pay, travel etc. are covered. Good.", []int{5, 1}},
		{"She said “stop.” We stopped.", []int{3, 2}},
		{"Lived-experience work/life balance — it matters", []int{7}},
		{"No full stop at the end", []int{6}},
		{"It costs £3.50 a day. Fine.", []int{5, 1}},
		{"", nil},
		{"... ?!", nil},
	}
	for _, tt := range tests {
		var got []int
		for _, s := range new(scratch).sentences([]byte(tt.text)) {
			got = append(got, len(s.words))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %v sentences, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMeasureCountsProseOnly(t *testing.T) {
	body := "# Heading words not counted\n\nOne two three.\n\n- Four five\n- Six\n\n> Seven eight.\n\n| nine | ten |\n|---|---|\n\n```\neleven\n```\n\n![twelve thirteen](a.png) Fourteen `code span` and <https://example.org/>.\n"
	p := Measure([]byte(body))
	if p.Words != 12 || p.Sentences != 5 {
		t.Errorf("got %d words in %d sentences, want 12 words in 5 sentences", p.Words, p.Sentences)
	}
}

func TestSitePageNames(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"principles/listening.md", "principles/Listening.md", "Our Story.md", "café.md"} {
		fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: T\nsummary: S.\nweight: 1\n---\nText.\n")}
	}
	s, _ := content.Load(fsys, content.Options{Dir: "content"})
	var got []string
	diags := Site(s, Options{})
	diags.Sort()
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		"content/Our Story.md:1:1: warning: the file name has a space in it, which makes its web address hard to type and to share; rename the file to content/our-story.md",
		"content/café.md:1:1: warning: the file name has the character 'é', which makes its web address hard to type and to share; rename the file to content/cafe.md",
		"content/principles/Listening.md:1:1: warning: the file name has capital letters, which makes its web address hard to type and to share; rename the file to content/principles/listening.md",
		"content/principles/listening.md:1:1: error: this page and content/principles/Listening.md have the same name apart from capital letters; rename one of them: use only lower-case letters, numbers and dashes in file names",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", join(got), join(want))
	}
}

func join(lines []string) string {
	out := ""
	for _, l := range lines {
		out += "  " + l + "\n"
	}
	return out
}
