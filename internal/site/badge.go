package site

import (
	"strings"

	"github.com/coproduce/coproduce/internal/content"

	"github.com/coproduce/coproduce/internal/register"
)

// writeBadges writes each signatory's badge, a file rather than inline SVG
// so it can be linked from anywhere. It is written as made: it is small and
// already compact. The QR code of the printed certificate is drawn inline in
// the page instead (the qrCode template function): a file each would add
// one file to write for every signatory.
//
// A translated signatory page has its own badge beside it, in its
// language: the Welsh page's "HTML to copy" shows the Welsh badge.
func (b *builder) writeBadges() error {
	var all []*content.Page
	for _, p := range b.rs.Content.Section(register.Section) {
		all = append(all, p)
		all = append(all, p.Translations...)
	}
	return b.parallel(len(all), func(i int) error {
		p := all[i]
		w := b.rs.Words(b.rs.LangOf(p))
		return b.raw.WriteFile(strings.TrimPrefix(p.URL, "/")+"badge.svg", register.BadgeIn(p, w).SVG())
	})
}
