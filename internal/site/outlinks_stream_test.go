package site

import (
	"fmt"
	"io"
	"maps"
	"testing"
)

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// A streamed file is read for addresses however its writes cut it: the
// addresses found are those of the whole file read at once.
func TestStreamedFileFindsTheAddressesOfTheWholeFile(t *testing.T) {
	text := []byte(`{"url": "https://example.org/co/signatories/a-b/", "badge": "https://example.org/co/signatories/a-b/badge.svg"},` +
		"\r\nslug,https://example.org/co/missing/page/,https://example.org/co/x.csv\r\n" + `"https://example.org/co/logo.png"`)
	for _, name := range []string{"signatories.json", "signatories.csv", "page/index.html"} {
		whole := newOutputLinks("/co/", "https://example.org/co/")
		whole.scan(name, text)
		if len(whole.uses) == 0 {
			t.Fatalf("%s: the whole file has no addresses", name)
		}
		for size := 1; size <= 9; size++ {
			streamed := newOutputLinks("/co/", "https://example.org/co/")
			w := streamed.stream(name, nopCloser{io.Discard})
			for rest := text; len(rest) > 0; {
				n := min(size, len(rest))
				w.Write(rest[:n])
				rest = rest[n:]
			}
			w.Close()
			if !maps.Equal(streamed.uses, whole.uses) {
				t.Errorf("%s in writes of %d bytes: found %v; want %v", name, size, fmt.Sprint(streamed.uses), fmt.Sprint(whole.uses))
			}
		}
	}
}
