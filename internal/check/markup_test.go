package check

import (
	"strings"
	"testing"
)

func TestMarkupShownAsText(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"bold tag", "We <b>always</b> pay people.\n",
			[]string{"content/p.md:5:4: warning: the HTML <b> will show on the page as text, because HTML is not allowed in pages; for bold words, write **words** instead",
				"content/p.md:5:13: warning: the HTML </b> will show on the page as text, because HTML is not allowed in pages; for bold words, write **words** instead"}},
		{"span with a style", "Text <span style=\"color:red\">red</span>\n",
			[]string{"content/p.md:5:6: warning: the HTML <span> will show on the page as text, because HTML is not allowed in pages; delete the tags and keep the words; the site's design sets colours and sizes for every page",
				"content/p.md:5:33: warning: the HTML </span> will show on the page as text, because HTML is not allowed in pages; delete the tags and keep the words; the site's design sets colours and sizes for every page"}},
		{"embed code", "Watch:\n\n<iframe width=\"560\" src=\"https://www.youtube.com/embed/x\"></iframe>\n",
			[]string{"content/p.md:7:1: warning: the HTML <iframe> will show on the page as text, because HTML is not allowed in pages; embed codes are not allowed; link to the video or post instead, such as [Watch the video on YouTube](https://www.youtube.com/watch?v=...)"}},
		{"picture with a space", "Our team:\n\n![The team at work](My Photo.png)\n",
			[]string{`content/p.md:7:1: warning: the picture "My Photo.png" has a space in its file name, so the page will show this as text instead of the picture; write the file name between < and >, such as ![The team at work](<My Photo.png>), or rename the file without spaces, such as My-Photo.png`}},
		{"link with a space", "Read [our plan](our plan.md) today.\n",
			[]string{`content/p.md:5:6: warning: the link to "our plan.md" has a space in its address, so the page will show this as text instead of a link; write the address between < and >, such as [our plan](<our plan.md>), or rename the file without spaces`}},
		{"link with a title is fine", "Read [our plan](/plan/ \"Our plan\").\n", nil},
		{"angle brackets are fine", "![The team](<My Photo.png>)\n", nil},
		{"in code it is fine", "Write `<b>` or `![a](b c.png)`:\n\n```\n<b>bold</b>\n```\n", nil},
		{"email autolink is fine", "Write to <hello@example.org>.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := checkBody(t, tc.body, "")
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
