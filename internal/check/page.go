package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// Options are the site's settings that the checks follow.
type Options struct {
	// ReadingAge is the plain English target; 0 means DefaultReadingAge.
	ReadingAge int
	// SiteDomain is the host name of the site's own address, such as
	// example.org: an email address there, in an anonymised case study,
	// is the site's contact and not a person's.
	SiteDomain string
}

func (o Options) target() int {
	if o.ReadingAge <= 0 {
		return DefaultReadingAge
	}
	return o.ReadingAge
}

// Page checks one page's body, as the Markdown converter reported it. Pages
// in another language than the site's are spared the plain English checks,
// whose formula is for English.
func Page(p *content.Page, r *markdown.Report, opts Options) diag.List {
	var diags messages
	if r == nil {
		return nil
	}
	at := func(pos markdown.Pos) diag.Pos {
		return diag.Pos{File: p.File, Line: p.BodyLine + pos.Line - 1, Col: pos.Col}
	}
	sc := getScratch()
	defer putScratch(sc)
	var ix *lineIndex // made only when a link, the prose or a message needs it
	index := func() *lineIndex {
		if ix == nil {
			ix = &sc.ix
			ix.reset(p.Body)
		}
		return ix
	}
	if p.Kind == content.KindCaseStudy && p.Anonymised() {
		// First, so that no other message crowds these errors out.
		checkPrivacy(p, index(), at, opts.SiteDomain, &diags)
	}
	checkHeadings(r.Headings, at, &diags)
	checkThemeIDs(p, r.Headings, at, &diags)
	var rf refiner
	checkLinks(r.Links, func(l markdown.Link) diag.Pos { return at(rf.refine(index(), l)) }, &diags)
	checkImages(r.Images, at, &diags)
	checkAltText(p, r.Images, at, &diags)
	checkPictures(r.Images, at, &diags)
	checkMarkup(p.Body, r.Doc, index(), at, &diags)
	if p.Lang == "" {
		// The prose is read once for both the plain English and the Easy
		// Read rules.
		blocks := proseBlocks(p.Body, index(), r.Doc, sc)
		plainEnglish(p.File, p.BodyLine, blocks, ix, sc, opts.target(), &diags)
		if p.Variant == "easy" {
			easyRead(p.File, p.BodyLine, blocks, ix, sc, &diags)
		}
	}
	diags.summarise(diag.Pos{File: p.File, Line: p.BodyLine, Col: 1})
	if len(diags.List) > 0 {
		index()
		// The line itself, for the live preview to show: one string for
		// all the messages on a line.
		lines := map[int]string{}
		for i := range diags.List {
			n := diags.List[i].Line - p.BodyLine + 1
			src, ok := lines[n]
			if !ok {
				src = ix.sourceLine(n)
				lines[n] = src
			}
			diags.List[i].Source = src
		}
	}
	return diags.List
}

// MaxMessagesPerPage is the most messages the body checks give one page.
// A page can hold a hundred thousand links with no words; a message for
// each would take hundreds of megabytes and help nobody, so the rest are
// counted and summed up in one last message.
const MaxMessagesPerPage = 100

// messages are a page's messages, up to MaxMessagesPerPage.
type messages struct {
	diag.List
	more, moreErrors int // messages left out
}

func (m *messages) Errorf(pos diag.Pos, fix, format string, args ...any) {
	if len(m.List) >= MaxMessagesPerPage {
		m.more++
		m.moreErrors++
		return
	}
	m.List.Errorf(pos, fix, format, args...)
}

func (m *messages) Warnf(pos diag.Pos, fix, format string, args ...any) {
	if len(m.List) >= MaxMessagesPerPage {
		m.more++
		return
	}
	m.List.Warnf(pos, fix, format, args...)
}

// summarise adds the message that says how many were left out, an error
// when any of them was.
func (m *messages) summarise(at diag.Pos) {
	if m.more == 0 {
		return
	}
	fix := "fix the problems above, then check again to see the rest"
	if m.moreErrors > 0 {
		m.List.Errorf(at, fix, "the page has %d more problems (%d of them errors) than the %d shown", m.more, m.moreErrors, MaxMessagesPerPage)
		return
	}
	m.List.Warnf(at, fix, "the page has %d more warnings than the %d shown", m.more, MaxMessagesPerPage)
}

// checkHeadings warns about a heading level 1 in the body (the page title is
// the one h1) and about headings that skip a level, which leave screen
// reader users wondering what they missed.
func checkHeadings(hs []markdown.Heading, at func(markdown.Pos) diag.Pos, diags *messages) {
	prev := 1 // the page title
	for _, h := range hs {
		h.Pos.Col = 1 // point at the # signs, not the words
		switch {
		case strings.TrimSpace(h.Text) == "":
			diags.Warnf(at(h.Pos), "write the words of the heading after the # signs, or delete the line", "the heading has no words")
		case h.Level == 1:
			diags.Warnf(at(h.Pos), "start headings in the body with ##, or move this text to title:",
				"the heading %q is a main heading, but the page title is already the main heading", h.Text)
			prev = 1
			continue
		case h.Level > prev+1:
			diags.Warnf(at(h.Pos), fmt.Sprintf("write %s %s, or add the missing level above it", strings.Repeat("#", prev+1), h.Text),
				"the heading %q skips from level %d to level %d", h.Text, prev, h.Level)
		}
		prev = h.Level
	}
}

// vague are link texts that say nothing about where a link goes. Screen
// reader users often list the links of a page, and "here" tells them nothing.
var vague = map[string]bool{
	"click here": true, "here": true, "read more": true, "more": true, "this page": true,
	"link": true, "this link": true, "click": true, "click this link": true, "this": true,
	"find out more": true, "more info": true, "more information": true, "go here": true, "learn more": true,
}

func checkLinks(links []markdown.Link, where func(markdown.Link) diag.Pos, diags *messages) {
	for _, l := range links {
		at := func(markdown.Pos) diag.Pos { return where(l) }
		if activeLink(l, where, diags) {
			continue
		}
		text := normaliseLinkText(l.Text)
		switch {
		case l.Bare:
			diags.Warnf(at(l.Pos), fmt.Sprintf("write words that say where it goes instead, such as [the name of the page](%s)", l.Dest),
				"the link text is a bare web address, which is hard to read and to listen to")
		case text == "":
			diags.Errorf(at(l.Pos), "put words that say where the link goes between the brackets: [words](address)",
				"the link to %s has no words, so screen readers read out the address", l.Dest)
		case vague[text]:
			diags.Warnf(at(l.Pos), fmt.Sprintf("write words that say where it goes instead, such as [what the page is about](%s)", l.Dest),
				"the link text %q does not say where the link goes", l.Text)
		case looksLikeURL(text):
			diags.Warnf(at(l.Pos), fmt.Sprintf("write words that say where it goes instead, such as [the name of the page](%s)", l.Dest),
				"the link text is a web address, which is hard to read and to listen to")
		}
	}
}

func checkImages(images []markdown.Link, at func(markdown.Pos) diag.Pos, diags *messages) {
	for _, img := range images {
		if activeLink(img, func(l markdown.Link) diag.Pos { return at(l.Pos) }, diags) {
			continue
		}
		if strings.TrimSpace(img.Text) == "" {
			diags.Errorf(at(img.Pos), fmt.Sprintf("say what the picture shows between the brackets: ![A group of people around a table](%s)", img.Dest),
				"the image %s has no alt text, so blind readers will not know what it shows", img.Dest)
		}
	}
}

// normaliseLinkText lowers the case and drops the punctuation around a
// link's words, so "Click here!" and "click here" are the same.
func normaliseLinkText(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.Trim(s, ".,:;!?…\"'“”‘’()[]")
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// refiner finds the column of a link the converter could only place at
// the start of its line: a bare address, or a link with no words. Links
// come in the order they are written, so it looks for each one after the
// last it found on the same line: a line of thousands of such links is
// read once, not once per link.
type refiner struct {
	line, from int  // the line of the last link found, and where to look next on it
	lost       bool // a link on this line was not found, so the rest are not looked for
}

func (rf *refiner) refine(ix *lineIndex, l markdown.Link) markdown.Pos {
	if l.Pos.Col != 1 || (!l.Bare && strings.TrimSpace(l.Text) != "") {
		return l.Pos
	}
	if l.Pos.Line != rf.line {
		rf.line, rf.from, rf.lost = l.Pos.Line, 0, false
	}
	if rf.lost {
		return l.Pos
	}
	line := ix.lineBytes(l.Pos.Line)
	needle := l.Dest
	if !l.Bare {
		needle = "[](" + l.Dest
	}
	i := bytes.Index(line[rf.from:], []byte(needle))
	if i < 0 {
		rf.lost = true // written differently, such as with escapes
		return l.Pos
	}
	i += rf.from
	rf.from = i + len(needle)
	if i == 0 {
		return l.Pos
	}
	return ix.pos(ix.starts[l.Pos.Line-1] + i)
}
