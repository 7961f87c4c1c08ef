package site

import (
	"net/url"
	"testing"
)

// parseLink must read every link exactly as url.Parse does: its short way
// for plain paths only saves time.
func FuzzParseLink(f *testing.F) {
	for _, seed := range []string{
		"/principles/", "../pledges/two-way.md#our-part", "#top", "trust.md", "panel.png",
		"https://example.org/", "mailto:a@example.org", "//host/x", "a b", "a%20b", "x?y=1#z",
		"#", "a#b#c", "/ü/", "\x7f", "javascript:alert(1)", "./a/../b/", "c:\\x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, dest string) {
		got, gotErr := parseLink(dest)
		want, wantErr := url.Parse(dest)
		if (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("%q: parseLink error %v, url.Parse error %v", dest, gotErr, wantErr)
		}
		if wantErr != nil {
			return
		}
		if got.Scheme != want.Scheme || got.Host != want.Host || got.Path != want.Path || got.Fragment != want.Fragment {
			t.Fatalf("%q: parseLink = %#v, url.Parse = %#v", dest, got, want)
		}
	})
}
