package content

import "sync"

// Many pages write the same few words: a register's signatories share a
// handful of sectors, regions and sizes, copy their pledges' commitments,
// and name the same pledges and levels. Each value read from front matter
// is a string of its own, so 100,000 signatories would keep 100,000 copies
// of "Housing". A load keeps one copy of each such value (sharedStrings),
// for all its pages. Values that are each page's own (title, summary,
// website) are left as they are: sharing them would only cost a lookup.

// sharedStrings keeps one copy of each repeated value for the length of
// one load. Pages are read on every core, so it is locked; it is asked a
// few times a page, against the parsing of a whole file. The nil
// sharedStrings shares nothing.
type sharedStrings struct {
	mu   sync.Mutex
	seen map[string]string
}

func newSharedStrings() *sharedStrings { return &sharedStrings{seen: map[string]string{}} }

// of returns the copy kept of s, keeping s when it is the first.
func (ss *sharedStrings) of(s string) string {
	if ss == nil || s == "" {
		return s
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if kept, ok := ss.seen[s]; ok {
		return kept
	}
	ss.seen[s] = s
	return s
}

// share puts the copies kept in place of p's values that repeat from page
// to page. The values are equal, so nothing a page shows changes.
func (ss *sharedStrings) share(p *Page) {
	if ss == nil {
		return
	}
	p.Sector, p.Region, p.Size = ss.of(p.Sector), ss.of(p.Region), ss.of(p.Size)
	if o := p.others; o != nil {
		o.Organisation = ss.of(o.Organisation)
	}
	for i := range p.Commitments {
		p.Commitments[i] = ss.of(p.Commitments[i])
	}
	ss.refs(p.PrincipleSlugs())
	ss.refs(p.PledgeSlugs)
	for i := range p.Signings {
		sg := &p.Signings[i]
		sg.Ref.Slug, sg.Level, sg.Version = ss.of(sg.Ref.Slug), ss.of(sg.Level), ss.of(sg.Version)
		for j := range sg.Steps {
			sg.Steps[j].Level = ss.of(sg.Steps[j].Level)
		}
	}
	if o := p.others; o != nil {
		o.SignatoryRef.Slug, o.PledgeRef.Slug = ss.of(o.SignatoryRef.Slug), ss.of(o.PledgeRef.Slug)
		for i := range o.Progress {
			o.Progress[i].Commitment = ss.of(o.Progress[i].Commitment)
		}
	}
}

func (ss *sharedStrings) refs(refs []Ref) {
	for i := range refs {
		refs[i].Slug = ss.of(refs[i].Slug)
	}
}
