package signup

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/scaffold"
)

// sharedHosts are websites where many organisations each have a page of
// their own: on these the first part of the path names the organisation,
// so two charities' Facebook pages are not taken for one organisation.
var sharedHosts = []string{"facebook.com", "instagram.com", "linkedin.com", "x.com", "twitter.com", "linktr.ee", "sites.google.com", "youtube.com", "tiktok.com", "threads.net", "bsky.app", "github.com", "medium.com", "justgiving.com"}

// domainKey is what makes two websites the same organisation's: the host
// without "www.", or on a shared host the host and the first path part.
// It is "" for an answer that is not a web address.
func domainKey(website string) string {
	u, err := url.Parse(strings.TrimSpace(website))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	host = strings.TrimPrefix(host, "m.") // mobile versions of the same site
	if slices.Contains(sharedHosts, host) {
		parts := strings.Split(strings.Trim(u.Path, "/"), "/")
		if parts[0] == "company" || parts[0] == "pages" || parts[0] == "in" {
			if len(parts) > 1 {
				return host + "/" + strings.ToLower(parts[0]+"/"+parts[1])
			}
		}
		return host + "/" + strings.ToLower(parts[0])
	}
	return host
}

// nameKey is what makes two names the same organisation's: letters and
// numbers only, without case or accents, and without a leading "The".
func nameKey(name string) string {
	key := scaffold.Slug(name)
	return strings.TrimPrefix(key, "the-")
}

// register finds the organisations already on the site, and those met
// earlier in the same export.
type register struct {
	byDomain map[string]*content.Page
	byName   map[string]*content.Page
	slugs    map[string]bool // slugs in use, by pages or files of any kind

	rowByDomain map[string]int
	rowByName   map[string]int
}

func newRegister(signatories []*content.Page) *register {
	r := &register{
		byDomain: map[string]*content.Page{}, byName: map[string]*content.Page{}, slugs: map[string]bool{},
		rowByDomain: map[string]int{}, rowByName: map[string]int{},
	}
	for _, p := range signatories {
		r.slugs[p.Slug] = true
		if k := domainKey(p.Website); k != "" {
			if _, ok := r.byDomain[k]; !ok {
				r.byDomain[k] = p
			}
		}
		if k := nameKey(p.Title); k != "" {
			if _, ok := r.byName[k]; !ok {
				r.byName[k] = p
			}
		}
	}
	return r
}

// existing returns the signatory already on the site that d is, and why.
func (r *register) existing(d *draft) (*content.Page, string) {
	if p := r.byDomain[domainKey(d.values["website"])]; p != nil && domainKey(d.values["website"]) != "" {
		return p, "the same website"
	}
	if p := r.byName[nameKey(d.name)]; p != nil && nameKey(d.name) != "" {
		return p, "the same name"
	}
	return nil, ""
}

// earlierRow returns the row of this export that d repeats, or 0, and
// remembers d for the rows after it.
func (r *register) earlierRow(d *draft) int {
	dk, nk := domainKey(d.values["website"]), nameKey(d.name)
	if dk != "" {
		if row := r.rowByDomain[dk]; row != 0 {
			return row
		}
	}
	if nk != "" {
		if row := r.rowByName[nk]; row != 0 {
			return row
		}
	}
	if dk != "" {
		r.rowByDomain[dk] = d.row.Num
	}
	if nk != "" {
		r.rowByName[nk] = d.row.Num
	}
	return 0
}

// freeSlug is slug, or slug-2, slug-3 and so on when a page or file has it.
func (r *register) freeSlug(slug string, taken func(string) bool) string {
	try := slug
	for n := 2; r.slugs[try] || taken(try); n++ {
		try = slug + "-" + strconv.Itoa(n)
	}
	r.slugs[try] = true
	return try
}
