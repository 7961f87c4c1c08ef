package serve

import (
	"bytes"
)

// reloadTag loads the live reload script. It is a file, not inline code,
// so the page's Content-Security-Policy (script-src 'self') allows it.
const reloadTag = `<script src="/__reload.js" defer></script>`

// inject puts extra before the last </body> of an HTML page, or at the end
// when the page has none. The page in memory is never changed: this runs
// on the copy sent to the browser.
func inject(page []byte, extra string) []byte {
	at := lastIndexFold(page, []byte("</body>"))
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(extra))
	out = append(out, page[:at]...)
	out = append(out, extra...)
	return append(out, page[at:]...)
}

// lastIndexFold is bytes.LastIndex ignoring ASCII case.
func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
