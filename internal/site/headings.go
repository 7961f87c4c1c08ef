package site

import "encoding/binary"

// headings are the ids of a page's headings, in page order, the anchors
// other pages may link to, kept to the end of a build for the links to
// #headings. They are one string, each id after its length, rather than a
// list of strings: at 100,000 signatories a list for each page was 20 MB
// more for the garbage collector to go through on every cycle. Two pages
// have the same headings exactly when their strings are equal.
type headings string

// headingsOf puts ids into one string.
func headingsOf(ids []string) headings {
	n := 0
	for _, id := range ids {
		n += binary.MaxVarintLen32 + len(id)
	}
	b := make([]byte, 0, n)
	for _, id := range ids {
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
	}
	return headings(b)
}

// next cuts the first id off h.
func (h headings) next() (id string, rest headings) {
	n, shift, i := 0, 0, 0
	for ; i < len(h); i++ {
		c := h[i]
		n |= int(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			i++
			break
		}
	}
	return string(h[i : i+n]), h[i+n:]
}

// has reports whether id is one of the headings.
func (h headings) has(id string) bool {
	for h != "" {
		var each string
		each, h = h.next()
		if each == id {
			return true
		}
	}
	return false
}

// ids lists the headings.
func (h headings) ids() []string {
	var out []string
	for h != "" {
		var id string
		id, h = h.next()
		out = append(out, id)
	}
	return out
}

// count is the number of headings.
func (h headings) count() int {
	n := 0
	for h != "" {
		_, h = h.next()
		n++
	}
	return n
}
