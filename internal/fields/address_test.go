package fields

import "testing"

// Scheme reads the kind of link as a browser would, so that a dangerous
// link cannot hide behind capitals, a tab or a leading space.
func TestSchemeAsABrowserReadsIt(t *testing.T) {
	for in, want := range map[string]string{
		"javascript:alert(1)":   "javascript",
		" JavaScript:alert(1)":  "JavaScript",
		"java\tscript:alert(1)": "javascript",
		"java\nscript:x":        "javascript",
		"\x01javascript:x":      "javascript",
		"https://example.org/":  "https",
		"mailto:a@example.org":  "mailto",
		"hello@example.org":     "",
		"/old:name/":            "",
		"1http:x":               "",
		"":                      "",
	} {
		if got := Scheme(in); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", in, got, want)
		}
	}
	for _, safe := range []string{"", "http", "HTTPS", "mailto", "tel"} {
		if !SafeScheme(safe) {
			t.Errorf("%q should be safe", safe)
		}
	}
	for _, bad := range []string{"javascript", "data", "vbscript", "file", "ftp", "blob"} {
		if SafeScheme(bad) {
			t.Errorf("%q should not be safe", bad)
		}
	}
}

func TestIsEmail(t *testing.T) {
	for s, want := range map[string]bool{
		"hello@example.org": true, "a.b+c@mail.example.co.uk": true,
		"hello": false, "@example.org": false, "a@b": false, "a@@b.org": false,
		"a b@example.org": false, "a@example..org": false, "<a@example.org>": false,
	} {
		if IsEmail(s) != want {
			t.Errorf("IsEmail(%q) = %v", s, !want)
		}
	}
}
