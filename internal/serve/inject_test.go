package serve

import "testing"

func TestInject(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>X</body></html>"},
		{"<html><BODY><p>x</p></BODY></html>", "<html><BODY><p>x</p>X</BODY></html>"},
		{"<p>a</body> in text</p></body>", "<p>a</body> in text</p>X</body>"},
		{"<p>no body end</p>", "<p>no body end</p>X"},
		{"", "X"},
	} {
		if got := string(inject([]byte(c.in), "X")); got != c.want {
			t.Errorf("inject(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
