package sitegen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

type named struct{ slug, title string }

var principles = []named{
	{"relationships", "Relationships"},
	{"creativity", "Creativity"},
	{"resources", "Resources"},
	{"sustainability", "Sustainability"},
	{"trauma-informed", "Trauma informed"},
	{"equality-diversity-inclusion", "Equality, diversity and inclusion"},
}

var values = []named{
	{"open-recruitment", "Open recruitment"},
	{"support-at-work", "Support at work"},
	{"progression", "Progression"},
	{"fair-workplace", "A fair workplace"},
	{"raising-awareness", "Raising awareness"},
	{"sharing-good-practice", "Sharing good practice"},
}

var pledges = []named{
	{"two-way-pledge", "The two-way pledge"},
	{"fair-pay-pledge", "The fair pay pledge"},
}

type section struct{ dir, title string }

var sections = []section{
	{"principles", "Principles"},
	{"charter", "Charter values"},
	{"case-studies", "Case studies"},
	{"pledges", "Pledges"},
	{"signatories", "Signatories"},
}

var (
	adjectives = []string{"bright", "open", "north", "river", "meadow", "hill", "kite", "green", "harbour", "oak", "clear", "new", "common", "fair", "stone", "willow"}
	nouns      = []string{"water", "door", "gate", "street", "bridge", "field", "lane", "way", "path", "start", "ground", "light", "wood", "point", "haven", "view"}
	kinds      = []string{"housing", "health", "arts", "council", "recovery", "youth", "justice", "care", "trust", "network"}
	sectors    = []string{"Housing", "Health", "Arts", "Local government", "Criminal justice", "Youth work", "Social care", "Employment"}
	regions    = []string{"Bristol", "Leeds", "Nottingham", "Manchester", "Cardiff", "Norwich", "Exeter", "Newcastle", "London", "Sheffield"}
	sizes      = []string{"micro", "small", "medium", "large"}
	words      = strings.Fields("people staff panel ideas plan work trust power share listen change decide check pay time skills team help home voice choice fair honest learn story group money hire job week year town talk meet ask")
	headings   = []string{"What we did", "What changed", "What people said", "What we learned", "How we pay people", "How we check our work", "What comes next", "Who took part"}
)

type gen struct{ opts Options }

func newGen(opts Options) *gen { return &gen{opts: opts} }

// rng gives file kind k, index i its own stream, so a file never depends
// on the ones generated before it.
func (g *gen) rng(kind, i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.opts.Seed, uint64(kind)<<40|uint64(i)))
}

func signatorySlug(i int) string {
	return fmt.Sprintf("%s%s-%s-%d", adjectives[i%len(adjectives)], nouns[i/len(adjectives)%len(nouns)], kinds[i%len(kinds)], i)
}

func caseStudySlug(i int) string {
	return fmt.Sprintf("story-%s-%s-%d", adjectives[(i*7)%len(adjectives)], nouns[i%len(nouns)], i)
}

func title(slug string) string {
	parts := strings.Split(slug, "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, " ")
}

func date(r *rand.Rand, fromYear, years int) string {
	d := time.Date(fromYear, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(365*years))
	return d.Format("2006-01-02")
}

func (g *gen) home() []byte {
	var b bytes.Buffer
	frontMatter(&b, "Working together as equals", "Guides, stories and a shared pledge for services and people with lived experience.")
	b.WriteString("---\n\n")
	g.body(&b, g.rng(0, 0), "")
	return b.Bytes()
}

func (g *gen) sectionIndex(s section) []byte {
	var b bytes.Buffer
	frontMatter(&b, s.title, "Every page in the "+strings.ToLower(s.title)+" section.")
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "These are the %s of this site. Each one has its own page.\n", strings.ToLower(s.title))
	return b.Bytes()
}

func (g *gen) principle(i int) []byte {
	var b bytes.Buffer
	frontMatter(&b, principles[i].title, "Why "+strings.ToLower(principles[i].title)+" matters when people and services work as equals.")
	fmt.Fprintf(&b, "weight: %d\n---\n\n", i+1)
	g.body(&b, g.rng(1, i), "principles")
	b.WriteString("\n## Questions to ask\n\n- Does each person know who to call?\n- Have we told people what we did with their ideas?\n")
	return b.Bytes()
}

func (g *gen) value(i int) []byte {
	var b bytes.Buffer
	frontMatter(&b, values[i].title, "What "+strings.ToLower(values[i].title)+" asks of an employer.")
	fmt.Fprintf(&b, "weight: %d\n---\n\n", i+1)
	g.body(&b, g.rng(2, i), "charter")
	return b.Bytes()
}

func (g *gen) pledge(i int) []byte {
	var b bytes.Buffer
	frontMatter(&b, pledges[i].title, "A shared promise that services and people with lived experience make to each other.")
	b.WriteString("opened: 2023-01-16\ncommitments:\n")
	for j := range 5 {
		fmt.Fprintf(&b, "  - \"We will %s the %s of people with lived experience (%d).\"\n", words[(i+j)%len(words)], words[(i+j+5)%len(words)], j+1)
	}
	b.WriteString("---\n\n")
	g.body(&b, g.rng(3, i), "pledges")
	return b.Bytes()
}

func (g *gen) caseStudy(i int) []byte {
	r := g.rng(4, i)
	slug := caseStudySlug(i)
	var b bytes.Buffer
	frontMatter(&b, title(slug), "How a team and people with lived experience changed a service together.")
	fmt.Fprintf(&b, "date: %s\norganisation: %q\n", date(r, 2019, 7), title(signatorySlug(r.IntN(g.opts.Signatories))))
	n := 1 + r.IntN(3)
	b.WriteString("principles: [")
	for j := range n {
		if j > 0 {
			b.WriteString(", ")
		}
		b.WriteString(principles[(i+j)%len(principles)].slug)
	}
	b.WriteString("]\n")
	if r.IntN(2) == 0 {
		b.WriteString("anonymised: true\n")
	} else {
		fmt.Fprintf(&b, "consent: %s\n", date(r, 2019, 7))
	}
	b.WriteString("---\n\n")
	g.body(&b, r, "case-studies")
	return b.Bytes()
}

func (g *gen) signatory(i, edit int) []byte {
	r := g.rng(5, i)
	slug := signatorySlug(i)
	var b bytes.Buffer
	frontMatter(&b, title(slug), fmt.Sprintf("A %s organisation in %s that works with people with lived experience.", strings.ToLower(sectors[i%len(sectors)]), regions[i%len(regions)]))
	signed := date(r, 2018, 8)
	fmt.Fprintf(&b, "website: \"https://%s.example.org/\"\nsigned: %s\n", slug, signed)
	if r.IntN(3) == 0 {
		// A review falls after the signing, as the loader insists, and
		// after the day the tests build on (2026-11-23), so every
		// generated signatory is current and in every filter.
		at, _ := time.Parse("2006-01-02", signed)
		if floor := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC); at.Before(floor) {
			at = floor
		}
		fmt.Fprintf(&b, "review: %s\n", at.AddDate(0, 0, 1+r.IntN(365*4)).Format("2006-01-02"))
	}
	b.WriteString("pledges: [two-way-pledge")
	if r.IntN(4) == 0 {
		b.WriteString(", fair-pay-pledge")
	}
	fmt.Fprintf(&b, "]\nsector: %q\nregion: %q\nsize: %s\n", sectors[i%len(sectors)], regions[i%len(regions)], sizes[r.IntN(len(sizes))])
	if r.IntN(2) == 0 {
		b.WriteString("commitments:\n  - \"We will pay panel members for their time.\"\n  - \"We will publish what changed each year.\"\n")
	}
	b.WriteString("---\n\n")
	if edit != 0 {
		fmt.Fprintf(&b, "This page was edited (%d).\n\n", edit)
	}
	g.body(&b, r, "signatories")
	return b.Bytes()
}

// body writes about BodyBytes of Markdown: paragraphs with emphasis and
// links, headings and lists. Every link points at a page the site has, and
// the words and sentences are short enough to pass the plain English
// checks, so a build reports nothing.
func (g *gen) body(b *bytes.Buffer, r *rand.Rand, sectionDir string) {
	start := b.Len()
	for n := 0; b.Len()-start < g.opts.BodyBytes; n++ {
		switch {
		case n > 0 && n%3 == 0:
			fmt.Fprintf(b, "## %s %d\n\n", headings[r.IntN(len(headings))], n/3)
		case n%4 == 2:
			for range 3 + r.IntN(3) {
				b.WriteString("- ")
				g.sentence(b, r, sectionDir, 5)
				b.WriteByte('\n')
			}
			b.WriteByte('\n')
		default:
			for range 3 + r.IntN(3) {
				g.sentence(b, r, sectionDir, 8)
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
	}
}

func (g *gen) sentence(b *bytes.Buffer, r *rand.Rand, sectionDir string, length int) {
	n := length/2 + r.IntN(length)
	for j := range n {
		w := words[r.IntN(len(words))]
		if j == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		switch r.IntN(40) {
		case 0:
			b.WriteString("*" + w + "*")
		case 1:
			b.WriteString("**" + w + "**")
		case 2, 3:
			g.link(b, r, w, sectionDir)
		default:
			b.WriteString(w)
		}
	}
	b.WriteByte('.')
}

// link writes one internal link in one of the forms editors use: a site
// path, a path with a heading anchor, or a relative .md file.
func (g *gen) link(b *bytes.Buffer, r *rand.Rand, text, sectionDir string) {
	switch r.IntN(6) {
	case 0:
		fmt.Fprintf(b, "[%s](/principles/%s/)", text, principles[r.IntN(len(principles))].slug)
	case 1:
		fmt.Fprintf(b, "[%s](/principles/%s/#questions-to-ask)", text, principles[r.IntN(len(principles))].slug)
	case 2:
		fmt.Fprintf(b, "[%s](/signatories/%s/)", text, signatorySlug(r.IntN(g.opts.Signatories)))
	case 3:
		rel := "../pledges/"
		if sectionDir == "" {
			rel = "pledges/"
		}
		fmt.Fprintf(b, "[%s](%s%s.md)", text, rel, pledges[r.IntN(len(pledges))].slug)
	case 4:
		if g.opts.CaseStudies > 0 {
			fmt.Fprintf(b, "[%s](/case-studies/%s/)", text, caseStudySlug(r.IntN(g.opts.CaseStudies)))
			return
		}
		fmt.Fprintf(b, "[%s](/case-studies/)", text)
	default:
		fmt.Fprintf(b, "[%s](/charter/%s/)", text, values[r.IntN(len(values))].slug)
	}
}
