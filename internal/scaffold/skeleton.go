package scaffold

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Facts are what a skeleton needs to know about the site it goes into, so
// that the page it makes builds at once.
type Facts struct {
	Title      string
	Today      time.Time
	Weight     int      // next free weight in the section
	Pledges    []string // slugs of the site's pledges
	Principles []string // slugs of the site's principles
	// Signatories are the slugs of the site's signatories, newest file
	// name first does not matter: a report names one.
	Signatories []string
}

// Skeleton returns the text of a new page of kind k: front matter with
// every key the kind may have, each under a short comment, then a body to
// replace. Keys the kind requires get a value that builds; the others are
// left switched off with "#" so an editor sees them without having to
// fill them in.
func Skeleton(k Kind, f Facts) []byte {
	var b strings.Builder
	day := f.Today.Format(time.DateOnly)
	line := func(comment, key string) {
		fmt.Fprintf(&b, "# %s\n%s\n", comment, key)
	}
	b.WriteString("---\n")
	line("The name of the "+k.Noun+". It is the main heading and shows in lists.", "title: "+quote(f.Title))
	line("One plain sentence about it. Lists, feeds and search engines show it.", "summary: "+quote(placeholderSummary+k.Noun+" here."))

	switch k.Name {
	case "case-study":
		line("The date the work happened or the story was written, as YYYY-MM-DD.", "date: "+day)
		line("The organisation the story is about. Leave it out to keep it private.", `# organisation: "Name of the organisation"`)
		line("The principles this story shows: the names of their files, without .md.", "principles: "+slugList(f.Principles, 1))
		line("true means no one in the story can be named or recognised.", "anonymised: true")
		line("If people agreed to be named, delete anonymised above and the # below.\n# Write the date they agreed. Keep the signed form safe.", "# consent: "+day)
	case "pledge":
		line("The promises an organisation makes when it signs. Write one a line.", "commitments:\n  - "+quote("We will write our first promise here."))
		line("The date the pledge opened for signing, as YYYY-MM-DD.", "opened: "+day)
		line("How often signatories renew, such as 2 years or 36 months. Leave it out if they never need to.", "# renew_every: 3 years")
		line("The levels a signatory can reach, lowest first, each with what it asks.", "# levels:\n#   - name: \"Committed\"\n#     summary: \"Signed, with a plan to keep each promise.\"\n#   - name: \"Leading\"\n#     summary: \"Has kept the promises for a year.\"")
		line("The version of the pledge's words, when they change.", `# version: "1"`)
		line("What changed in each version, with its date.", "# changes:\n#   - date: "+day+"\n#     version: \"1\"\n#     summary: \"The first version.\"")
	case "signatory":
		line("The organisation's own website. Change it to the real address.", "website: "+quote(placeholderWebsite))
		line("The date the organisation signed, as YYYY-MM-DD.", "signed: "+day)
		pledges := slugList(f.Pledges, 1)
		if len(f.Pledges) == 0 {
			pledges = "[write-the-pledge-file-name-here]"
		}
		line("The pledges it signed: the names of their files, without .md.", "pledges: "+pledges)
		line("The kind of work it does, such as Housing or Health.", `# sector: "Housing"`)
		line("Where it works, such as a town or a county.", `# region: "Bristol"`)
		line("How big it is: micro, small, medium or large.", `# size: "small"`)
		line("The date to check how it is keeping its promises, as YYYY-MM-DD. Leave it\n# out if the pledge has renew_every: the date is worked out from it.", "# review: "+f.Today.AddDate(3, 0, 0).Format(time.DateOnly))
		line("The dates it renewed its signature, oldest first.", "# renewed: ["+day+"]")
		line("The date it withdrew, if it did, and why, in its own words.", "# withdrawn: "+day)
		line("Why it withdrew.", `# withdrawn_reason: "We closed the service that kept the promises."`)
		line("A picture of its logo, saved beside this file.", `# logo: "logo.svg"`)
		line("What the logo says, for people who cannot see it. Needed with a logo.", `# logo_alt: "`+strings.ReplaceAll(f.Title, `"`, `'`)+` logo"`)
		line("Its own extra promises, one a line.", "# commitments:\n#   - \"We will add our own promise here.\"")
	}

	if k.Name == "report" {
		line("The date the report was published, as YYYY-MM-DD.", "date: "+day)
		sig := "write-the-signatory-file-name-here"
		if len(f.Signatories) > 0 {
			sig = f.Signatories[0]
		}
		line("The signatory the report is by: the name of its file, without .md.", "signatory: "+sig)
		line("The pledge it reports on, if the signatory signed more than one.", "# pledge: "+firstOr(f.Pledges, "write-the-pledge-file-name-here"))
		line("What was done on each of the pledge's promises. commitment is its number\n# in the pledge's list; done_by_people is what the people who use the\n# services did, for a two-way pledge.",
			"# progress:\n#   - commitment: 1\n#     done: \"What the organisation did.\"\n#     done_by_people: \"What the people who use its services did.\"")
	}
	if k.Name != "case-study" && k.Name != "report" {
		line("The date it was first published, as YYYY-MM-DD.", "# date: "+day)
	}
	line("The date of the last big change, as YYYY-MM-DD.", "# updated: "+day)
	line("Delete the # below to hide the page until it is ready.", "# draft: true")
	if k.Name == "principle" || k.Name == "value" {
		line("Where it comes in the list. Lower numbers come first.", "weight: "+strconv.Itoa(f.Weight))
	} else {
		line("Where it comes in its list. Lower numbers come first.", "# weight: 1")
	}
	line("Old web addresses of this page that must keep working.", "# aliases: [/old-address/]")
	line("A warning shown before the page if it talks about something upsetting.", `# content_note: "mentions of self-harm"`)
	line("Delete the # below to add a \"Leave this site\" button, for pages about abuse.", "# quick_exit: true")
	line("Your own settings, for templates you write yourself.", "# params:\n#   colour: \"green\"")
	b.WriteString("---\n\n")
	b.WriteString(bodyFor(k))
	return []byte(b.String())
}

func bodyFor(k Kind) string {
	switch k.Name {
	case "case-study":
		return "Write the story here. Say who took part, what they did and what changed.\n\n## What happened\n\nWrite what happened here.\n\n## What changed\n\nWrite what changed here.\n"
	case "signatory":
		return "Write a few sentences about the organisation here. Say why it signed.\n"
	case "pledge":
		return "Write here why the pledge matters and who wrote it.\n"
	case "report":
		return "Write here, in a few sentences, what went well this year and what was hard.\n"
	}
	return "Write the " + k.Noun + " here. Use short sentences and common words.\n"
}

// slugList writes up to n slugs as a YAML flow list.
func slugList(slugs []string, n int) string {
	if len(slugs) > n {
		slugs = slugs[:n]
	}
	return "[" + strings.Join(slugs, ", ") + "]"
}

// quote writes s as a YAML double-quoted string. YAML's escapes are a
// superset of the ones strconv uses for printable text.
func quote(s string) string {
	return strconv.Quote(s)
}

// placeholderSummary starts the summary every new page is given, so check
// can tell a page whose summary was never written.
const placeholderSummary = "Write one plain sentence about this "

// placeholderWebsite is the website every new signatory is given.
const placeholderWebsite = "https://example.org/"

// LeftAsWritten lists the front matter keys of p that still hold the
// example text "coproduce new" wrote, so the page would go live saying it.
func LeftAsWritten(summary, website string) []string {
	var keys []string
	if strings.HasPrefix(summary, placeholderSummary) {
		keys = append(keys, "summary")
	}
	if website == placeholderWebsite {
		keys = append(keys, "website")
	}
	return keys
}

// firstOr is the first of slugs, or or when there is none.
func firstOr(slugs []string, or string) string {
	if len(slugs) > 0 {
		return slugs[0]
	}
	return or
}
