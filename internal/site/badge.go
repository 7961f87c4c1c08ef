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
func (b *builder) writeBadges(o output) error {
	all := b.badgePages()
	if b.change != nil {
		all = b.change.changedSignatories(b.rs.Content, all) // an update writes the badges the save changed
	}
	return b.parallel(len(all), func(i int) error {
		p := all[i]
		return o.rec.WriteFile(badgeFile(p), register.BadgeIn(p, b.rs.Words(b.rs.LangOf(p))).SVG())
	})
}

// badgePages are the signatory pages that have a badge: every signatory
// and each of its translations.
func (b *builder) badgePages() []*content.Page {
	var all []*content.Page
	for _, p := range b.rs.Content.Section(register.Section) {
		all = append(all, p)
		all = append(all, p.Translations...)
	}
	return all
}

// badgeFiles lists the badges writeBadges writes.
func (b *builder) badgeFiles() []string {
	all := b.badgePages()
	files := make([]string, len(all))
	for i, p := range all {
		files[i] = badgeFile(p)
	}
	return files
}

// badgeFile is where a signatory's badge is published: beside its page.
func badgeFile(p *content.Page) string { return strings.TrimPrefix(p.URL, "/") + "badge.svg" }
