package site

import (
	"github.com/coproduce/coproduce/internal/content"
	"strings"

	"github.com/coproduce/coproduce/internal/register"
)

// writeBadges writes each signatory's badge, a file rather than inline SVG
// so it can be linked from anywhere. It is written as made: it is small and
// already compact. The QR code of the printed certificate is drawn inline in
// the page instead (the qrCode template function): a file each would add
// one file to write for every signatory.
func (b *builder) writeBadges() error {
	all := b.rs.Content.Section(register.Section)
	return b.parallel(len(all), func(i int) error {
		p := all[i]
		return b.raw.WriteFile(badgeFile(p), register.BadgeFor(p).SVG())
	})
}

// badgeFiles lists the badges writeBadges writes.
func (b *builder) badgeFiles() []string {
	all := b.rs.Content.Section(register.Section)
	files := make([]string, len(all))
	for i, p := range all {
		files[i] = badgeFile(p)
	}
	return files
}

// badgeFile is where a signatory's badge is published: beside its page.
func badgeFile(p *content.Page) string { return strings.TrimPrefix(p.URL, "/") + "badge.svg" }
