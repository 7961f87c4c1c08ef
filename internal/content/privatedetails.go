package content

import (
	"bytes"
	"unicode/utf8"

	"github.com/coproduce/coproduce/internal/privacy"
)

// PrivateDetail is a personal detail, such as a phone number, written in
// a case study's front matter, kept with its place so that package check
// can report it when the case study is anonymised. The detail itself is
// not kept: the place is enough to fix it.
type PrivateDetail struct {
	Kind privacy.Kind
	At   Place
}

// frontMatterDetails finds the personal details in the front matter of a
// case study: the lines of data above the body, which starts on bodyLine.
// The raw lines are read, rather than the values, so that the place is
// exact however a value is quoted or folded.
func frontMatterDetails(data []byte, bodyLine int) []PrivateDetail {
	end := 0
	for line := 1; line < bodyLine && end < len(data); line++ {
		i := bytes.IndexByte(data[end:], '\n')
		if i < 0 {
			end = len(data)
			break
		}
		end += i + 1
	}
	matter := data[:end]
	var out []PrivateDetail
	for _, f := range privacy.Find(string(matter), "") {
		lineStart := bytes.LastIndexByte(matter[:f.Start], '\n') + 1
		out = append(out, PrivateDetail{Kind: f.Kind, At: Place{
			Line: int32(bytes.Count(matter[:f.Start], []byte("\n")) + 1),
			Col:  int32(utf8.RuneCount(matter[lineStart:f.Start]) + 1),
		}})
	}
	return out
}
