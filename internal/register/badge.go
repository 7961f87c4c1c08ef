package register

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
)

// The badge is a plain box with the pledge's name and the year signed:
// dark text (#0b0c0c) on white, 19.8:1, far above the 4.5:1 that WCAG asks
// for, with a 16px bold name so it reads at the size the snippet sets.
// Lines are broken here, since SVG text does not wrap by itself.
const (
	badgeWidth    = 240
	badgeLineLen  = 24 // characters of 16px bold text that fit in the width
	badgeMaxLines = 3
	badgeLineGap  = 20
	badgeTop      = 28
	badgeBottom   = 34 // room for the "Signed 2024" line and the margin
	badgeTextX    = 22
	badgeText     = "#0b0c0c"
	badgeAccent   = "#1d56a3"
	// A former signatory's badge has a grey bar, not the blue one, as
	// well as the words that say it lapsed or withdrew.
	badgeFormerAccent = "#505a5f"
)

// Badge is a signatory's badge: what it says, and its size.
type Badge struct {
	Lines  []string // the pledge name, broken into lines
	Level  string   // "Level: Leading", or ""
	Signed string   // "Signed 2024", or with what became of it: "Signed 2021, lapsed 2025"
	Alt    string   // who signed what, for alt and <title>
	Former bool     // the signatory lapsed or withdrew
	Width  int
	Height int
}

// BadgeFor lays out the badge of a signatory, in plain English.
func BadgeFor(p *content.Page) Badge { return BadgeIn(p, plainEnglish{}) }

// BadgeIn lays out the badge of a signatory with the words of its page's
// language: a Welsh page's badge, /cy/signatories/NAME/badge.svg, says
// "Llofnodwyd 2026" under the Welsh name of the pledge, and, like the
// English one, what became of the signature and the level it holds.
func BadgeIn(p *content.Page, w Words) Badge {
	b := Badge{Lines: wrap(pledgeNames(p, w), badgeLineLen, badgeMaxLines), Alt: badgeAlt(p, w), Width: badgeWidth,
		Level: levelLine(p, w), Signed: statusLine(p, w), Former: !p.Standing.Current()}
	if r := []rune(b.Level); len(r) > badgeLineLen+4 {
		b.Level = string(r[:badgeLineLen+3]) + "…"
	}
	b.Height = badgeTop + (len(b.Lines)-1)*badgeLineGap + badgeBottom
	if b.Level != "" {
		b.Height += badgeLineGap
	}
	return b
}

// PledgeNames names the pledges a signatory signed: "A", "A and B",
// "A, B and C".
func PledgeNames(p *content.Page) string { return pledgeNames(p, plainEnglish{}) }

func pledgeNames(p *content.Page, w Words) string {
	names := make([]string, 0, len(p.Pledges))
	for _, pl := range p.Pledges {
		names = append(names, pl.Title)
	}
	if len(names) == 0 {
		return w.Format("badge_pledge")
	}
	return JoinList(names, w)
}

// JoinList joins names the way a sentence lists them: "A", "A and B",
// "A, B and C", with the language's word for "and".
func JoinList(names []string, w Words) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + w.Format("list_and") + names[len(names)-1]
}

// BadgeAlt says who signed what and when, as the badge's alt text:
// "Kite Youth Arts signed The two-way pledge in 2026", with the level it
// holds and, for a former signatory, when it lapsed or withdrew.
func BadgeAlt(p *content.Page) string { return badgeAlt(p, plainEnglish{}) }

func badgeAlt(p *content.Page, w Words) string {
	var alt string
	if p.Signed.IsZero() {
		alt = w.Format("badge_alt_undated", "name", p.Title, "pledges", pledgeNames(p, w))
	} else {
		alt = w.Format("badge_alt", "name", p.Title, "pledges", pledgeNames(p, w), "year", strconv.Itoa(p.Signed.Year()))
	}
	if l := p.LevelNames(); len(l) > 0 {
		alt += w.Format("badge_alt_level", "levels", JoinList(slices.Compact(slices.Clone(l)), w))
	}
	switch st := p.Standing; st.Status {
	case content.Lapsed:
		alt += w.Format("badge_alt_lapsed", "year", strconv.Itoa(st.Lapsed.Year()))
	case content.Withdrawn:
		alt += w.Format("badge_alt_withdrew", "year", strconv.Itoa(st.Withdrawn.Year()))
	case content.Overdue:
		alt += w.Format("badge_alt_overdue")
	}
	return alt
}

// SVG is the badge as an SVG file, with role="img" and a <title> so
// screen readers announce it as one image when it is opened on its own.
func (b Badge) SVG() []byte {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="badge-title">`+"\n", b.Width, b.Height, b.Width, b.Height)
	fmt.Fprintf(&buf, "<title id=\"badge-title\">%s</title>\n", html.EscapeString(b.Alt))
	fmt.Fprintf(&buf, `<rect x="1" y="1" width="%d" height="%d" rx="4" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", b.Width-2, b.Height-2, badgeText)
	accent := badgeAccent
	if b.Former {
		accent = badgeFormerAccent
	}
	fmt.Fprintf(&buf, `<rect x="2" y="2" width="10" height="%d" fill="%s"/>`+"\n", b.Height-4, accent)
	buf.WriteString(`<g font-family="Arial, Helvetica, sans-serif" fill="` + badgeText + `">` + "\n")
	for i, line := range b.Lines {
		fmt.Fprintf(&buf, `<text x="%d" y="%d" font-size="16" font-weight="700">%s</text>`+"\n", badgeTextX, badgeTop+i*badgeLineGap, html.EscapeString(line))
	}
	if b.Level != "" {
		fmt.Fprintf(&buf, `<text x="%d" y="%d" font-size="15">%s</text>`+"\n", badgeTextX, b.Height-12-badgeLineGap, html.EscapeString(b.Level))
	}
	if b.Signed != "" {
		weight := ""
		if b.Former {
			weight = ` font-weight="700"`
		}
		fmt.Fprintf(&buf, `<text x="%d" y="%d" font-size="15"%s>%s</text>`+"\n", badgeTextX, b.Height-12, weight, html.EscapeString(b.Signed))
	}
	buf.WriteString("</g>\n</svg>\n")
	return buf.Bytes()
}

// wrap breaks text into lines of at most width characters at spaces. Text
// beyond the last line is cut with "…"; the full name is in the title.
func wrap(text string, width, lines int) []string {
	var out []string
	var cur string
	for _, w := range strings.Fields(text) {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			out = append(out, cur)
			cur = w
		}
	}
	if cur != "" || len(out) == 0 {
		out = append(out, cur)
	}
	for i, l := range out {
		if r := []rune(l); len(r) > width {
			out[i] = string(r[:width-1]) + "…"
		}
	}
	if len(out) > lines {
		last := []rune(out[lines-1])
		if len(last) > width-1 {
			last = last[:width-1]
		}
		out = append(out[:lines-1], string(last)+"…")
	}
	return out
}
