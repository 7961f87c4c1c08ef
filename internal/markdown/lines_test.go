package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// Easy Read is written one sentence to a line; ConvertKeepingLines keeps
// those lines, except after a picture that opens a paragraph, which the
// theme sets beside the words.
func TestConvertKeepingLines(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"One sentence.\nTwo sentences.\nThree.\n", "<p>One sentence.<br>\nTwo sentences.<br>\nThree.</p>\n"},
		{"![A hand](hand.svg)\nThis is a **pledge**.\nA pledge is a promise.\n", `<p><img src="hand.svg" alt="A hand">` + "\nThis is a <strong>pledge</strong>.<br>\nA pledge is a promise.</p>\n"},
		{"- one\n  two\n", "<ul>\n<li>one<br>\ntwo</li>\n</ul>\n"},
		{"No break at the end.\n\nA new paragraph.\n", "<p>No break at the end.</p>\n<p>A new paragraph.</p>\n"},
	} {
		var buf bytes.Buffer
		if _, err := New().ConvertKeepingLines([]byte(tc.src), &buf, nil); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("ConvertKeepingLines(%q)\n got %q\nwant %q", tc.src, got, tc.want)
		}
		// The ordinary conversion still runs lines together.
		buf.Reset()
		if _, err := New().Convert([]byte(tc.src), &buf, nil); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), "<br>") {
			t.Errorf("Convert(%q) keeps line breaks: %q", tc.src, buf.String())
		}
	}
}
