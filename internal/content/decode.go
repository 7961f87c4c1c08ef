package content

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
)

// commonKeys may be set on any page.
var commonKeys = []string{"title", "summary", "date", "updated", "draft", "weight", "aliases", "content_note", "quick_exit", "params"}

// kindKeys are the extra keys each kind may have, as in the content model.
var kindKeys = map[Kind][]string{
	KindCaseStudy: {"organisation", "principles", "anonymised", "consent"},
	KindPledge:    {"commitments", "opened"},
	KindSignatory: {"website", "signed", "pledges", "sector", "region", "size", "review", "logo", "logo_alt", "commitments"},
}

// KnownKeys returns every front matter key a page of kind k may have.
func KnownKeys(k Kind) []string {
	return append(append(slices.Clone(commonKeys), kindKeys[k]...), lifecycleKeys[k]...)
}

// decode reads the front matter mapping into p, reporting every problem.
func decode(r fields.Reader, m *splitFile, p *Page, now time.Time) {
	known := KnownKeys(p.Kind)
	present := map[string]fields.Entry{}
	// misspelt are the known keys a misspelt key was taken for: "titel"
	// is reported once, as "did you mean title?", and not again as a
	// missing title.
	misspelt := map[string]bool{}
	for _, e := range r.Entries(m.matter, "the front matter") {
		if !slices.Contains(known, e.Key) {
			misspelt[r.Unknown(e, known, "a "+kindName(p.Kind))] = true
			continue
		}
		present[e.Key] = e
		p.noteKey(e.Key, r.Pos(e.KeyNode))
		if !readLifecycleKey(r, e, p) {
			readKey(r, e, p)
		}
	}
	requireKeys(r, m, p, present, misspelt)
	checkDates(r, p, present, now)
	requireLifecycle(r, m, p, present)
}

func readKey(r fields.Reader, e fields.Entry, p *Page) {
	switch e.Key {
	case "title":
		p.Title = strings.TrimSpace(r.String(e))
	case "summary":
		p.Summary = strings.TrimSpace(r.String(e))
		p.SummaryAt = placeOf(r, e)
	case "date":
		p.Date = r.Date(e)
	case "updated":
		p.Updated = r.Date(e)
	case "draft":
		p.Draft = r.Bool(e)
	case "weight":
		p.Weight = r.Int(e)
	case "aliases":
		p.Aliases, p.AliasPos = readAliases(r, e)
	case "content_note":
		p.ContentNote = strings.TrimSpace(r.String(e))
	case "quick_exit":
		p.QuickExit = r.Bool(e)
	case "params":
		p.Params = r.Map(e)
	case "organisation":
		p.own().Organisation = r.String(e)
	case "principles":
		p.own().PrincipleSlugs = readRefs(r, e)
	case "anonymised":
		p.own().Anonymised = r.Bool(e)
	case "consent":
		p.own().Consent = r.Date(e)
	case "commitments":
		p.Commitments = r.StringList(e)
	case "opened":
		p.own().Opened = r.Date(e)
	case "website":
		p.Website = r.HTTPURL(e)
		p.WebsiteAt = placeOf(r, e)
	case "signed":
		p.Signed = r.Date(e)
	case "pledges":
		readPledges(r, e, p)
	case "sector":
		p.Sector = r.String(e)
	case "region":
		p.Region = r.String(e)
	case "size":
		p.Size = strings.ToLower(strings.TrimSpace(r.String(e)))
		if p.Size != "" && !slices.Contains(Sizes, p.Size) {
			r.Diags.Errorf(r.Pos(e.Value), "write one of: "+strings.Join(Sizes, ", "), "size %q is not one of the allowed sizes", p.Size)
		}
	case "review":
		p.Review = r.Date(e)
	case "logo":
		s := strings.TrimSpace(r.String(e))
		switch {
		case s == "":
		case strings.Contains(s, ":") || strings.HasPrefix(s, "//"):
			// The site's security rules (img-src 'self') block pictures
			// from elsewhere, and an address here would reach the open data.
			r.Diags.Errorf(r.Pos(e.Value), "save the picture beside this page and write its file name, such as logo: "+p.Slug+"-logo.svg", "the logo must be a picture file in this site, not an address")
		case strings.Contains(s, "..") || strings.IndexFunc(s, unsafeInLogo) >= 0:
			r.Diags.Errorf(r.Pos(e.Value), "save the picture beside this page and write its file name, such as logo: "+p.Slug+"-logo.svg", "the logo %q is not the name of a picture in this site", s)
		case !slices.Contains(pictureTypes, strings.ToLower(path.Ext(s))):
			// A logo is shown with <img>: a web page or a script named
			// here would be linked from the open data and the badge.
			r.Diags.Errorf(r.Pos(e.Value), "save the logo as an SVG, PNG, JPEG, GIF or WebP picture beside this page and write its file name, such as logo: "+p.Slug+"-logo.svg", "the logo %q is not a picture file", s)
		default:
			p.Logo, p.LogoPos = s, r.Pos(e.Value)
		}
	case "logo_alt":
		p.LogoAlt = strings.TrimSpace(r.String(e))
		p.LogoAltAt = placeOf(r, e)
	}
}

// placeOf is where the value of e is written.
func placeOf(r fields.Reader, e fields.Entry) Place {
	pos := r.Pos(e.Value)
	return Place{Line: int32(pos.Line), Col: int32(pos.Col)}
}

// pictureTypes are the endings of the picture files a logo may be.
var pictureTypes = []string{".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}

// requireKeys reports keys the content model requires but the page lacks.
func requireKeys(r fields.Reader, m *splitFile, p *Page, present map[string]fields.Entry, misspelt map[string]bool) {
	at := r.Pos(m.matter)
	missing := func(key, what, example string) {
		if misspelt[key] {
			return // already reported where the misspelt key is
		}
		if e, ok := present[key]; ok {
			if isEmpty(e) {
				r.Diags.Errorf(r.Pos(e.KeyNode), "write it after "+key+": on the same line, such as "+example, "%s is empty", key)
			}
			return // a wrong value is reported where it is written
		}
		r.Diags.Errorf(at, "add a line such as "+example, "the %s has no %s", kindName(p.Kind), what)
	}
	if p.Title == "" {
		missing("title", "title", "title: A short name for the page")
	}
	if p.Summary == "" {
		missing("summary", "summary", "summary: One plain sentence about the page.")
	}
	if p.IsTwin() {
		return // its facts come from its main page (translate.go)
	}
	switch p.Kind {
	case KindCaseStudy:
		if p.Date.IsZero() {
			missing("date", "date", "date: 2024-03-01")
		}
		consent, hasConsent := present["consent"]
		if !p.Anonymised() && !hasConsent && !misspelt["anonymised"] && !misspelt["consent"] {
			r.Diags.Errorf(at, "add anonymised: true if no one can be named or recognised, or consent: with the date people agreed to be named", "the case study does not say whether people agreed to be named")
		}
		if p.Anonymised() && hasConsent {
			r.Diags.Errorf(r.Pos(consent.KeyNode), "keep anonymised: true or consent:, not both", "the case study is marked both anonymised and named with consent")
		}
	case KindPledge:
		if len(p.Commitments) == 0 {
			missing("commitments", "commitments", "commitments: followed by lines like - We will pay people for their time.")
		}
	case KindSignatory:
		if p.Website == "" {
			missing("website", "website", "website: https://example.org/")
		}
		if p.Signed.IsZero() {
			missing("signed", "signed date", "signed: 2024-03-01")
		}
		if len(p.PledgeSlugs) == 0 {
			missing("pledges", "pledges", "pledges: [name-of-pledge], with the file name of each pledge it signed, without .md")
		}
		if logo, ok := present["logo"]; ok && p.LogoAlt == "" {
			r.Diags.Errorf(r.Pos(logo.KeyNode), "add logo_alt: with the words a blind reader should hear, such as logo_alt: "+fmt.Sprintf("%q", p.Title+" logo"), "the logo has no logo_alt text")
		}
	}
}

// isEmpty reports whether a key was written with nothing after it.
func isEmpty(e fields.Entry) bool {
	n := e.Value
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag == "!!null" || strings.TrimSpace(n.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(n.Content) == 0
	}
	return false
}

func readRefs(r fields.Reader, e fields.Entry) []Ref {
	items, at := r.StringListAt(e)
	refs := make([]Ref, 0, len(items))
	if e.Value.Kind == yaml.ScalarNode && strings.Contains(e.Value.Value, ",") {
		// "pledges: a, b" is one name with a comma in YAML.
		r.Diags.Errorf(r.Pos(e.Value), fmt.Sprintf("put the list in square brackets: %s: [%s]", e.Key, e.Value.Value),
			"%s is written as one name with commas in it", e.Key)
		return nil
	}
	for i, s := range items {
		refs = append(refs, Ref{Slug: strings.TrimSpace(s), Pos: at[i]})
	}
	return refs
}

// readAliases reads old paths and makes them site-relative with a trailing
// slash. A path that climbs out of the site with ".." is refused.
func readAliases(r fields.Reader, e fields.Entry) ([]string, []diag.Pos) {
	var out []string
	var at []diag.Pos
	items, pos := r.StringListAt(e)
	seen := map[string]bool{}
	for i, a := range items {
		a = strings.TrimSpace(a)
		if scheme := fields.Scheme(a); !fields.SafeScheme(scheme) {
			// Never repeated in the message: it may be javascript:.
			r.Diags.Errorf(pos[i], "write the old path inside this site, such as /signatories/old-name/", "the alias starts with %s:, so it is an address, not a path inside this site", scheme)
			continue
		}
		if strings.Contains(a, "://") || strings.HasPrefix(a, "//") || strings.Contains(a, "..") || strings.Contains(a, "\\") || a == "" {
			r.Diags.Errorf(pos[i], "write the old path inside this site, such as /signatories/old-name/", "the alias %q is not a path inside this site", a)
			continue
		}
		if strings.IndexFunc(a, unsafeInPath) >= 0 {
			// Hosts read ":name" and "*" in _redirects as patterns, and a
			// space or "#" would make a folder no address can reach.
			r.Diags.Errorf(pos[i], "use only letters, numbers, dashes and slashes, such as /signatories/old-name/", "the alias %q has a space or a character that cannot be part of an address", a)
			continue
		}
		clean := path.Clean("/" + a)
		if !strings.HasSuffix(clean, "/") && path.Ext(clean) == "" {
			clean += "/"
		}
		if seen[clean] {
			// "/old" and "/old/" are one address, so one redirect.
			r.Diags.Errorf(pos[i], "delete one of them", "the alias %s is written twice", clean)
			continue
		}
		seen[clean] = true
		out = append(out, clean)
		at = append(at, pos[i])
	}
	return out, at
}

func kindName(k Kind) string {
	switch k {
	case KindValue:
		return "charter value"
	case KindCaseStudy:
		return "case study"
	case KindHome:
		return "home page"
	case KindReport:
		return "progress report"
	case KindList:
		return "list page"
	}
	return string(k)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// unsafeInPath reports characters that may not stand in an alias or a file
// name that becomes an address: spaces and controls, and characters with a
// meaning of their own in addresses or in hosts' redirect rules.
// unsafeInLogo is unsafeInPath allowing a plain space, as in
// "Riverside Logo.png": file names with spaces are common, and the logo's
// address is written with the space encoded.
func unsafeInLogo(c rune) bool { return c != ' ' && unsafeInPath(c) }

func unsafeInPath(c rune) bool {
	return c <= ' ' || c == 0x7f || strings.ContainsRune(":*?#%\"<>|", c) || unicode.IsSpace(c)
}
