package check

import (
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
	"github.com/coproduce/coproduce/internal/markdown"
)

// activeLink reports a link whose address would run a program or open
// something other than a web page, an email or a phone number, such as
// <javascript:alert(1)>, and says whether it did. The advice never repeats
// the address: an editor who copies a fix must not copy the attack. A
// written [text](address) link with such an address is already refused by
// the build's link resolver (Broken is set), so only the address is left
// unsaid here; the other link rules are not run on it, since their advice
// shows the address.
func activeLink(l markdown.Link, where func(markdown.Link) diag.Pos, diags *messages) bool {
	scheme := fields.Scheme(l.Dest)
	if fields.SafeScheme(scheme) {
		return false
	}
	if l.Broken == nil {
		diags.Errorf(where(l), "delete it, or write the address of a web page, such as <https://example.org/>; links may only start with https://, http://, mailto: or tel:",
			"this link starts with %s:, which could run a program in the reader's browser", strings.ToLower(scheme))
	}
	return true
}
