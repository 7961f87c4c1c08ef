package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/fields"
)

// The pledge lifecycle: what happens after a signature. A pledge may ask to
// be renewed (renew_every), have levels and versions; a signatory records
// the level and version it signed, its renewals and a withdrawal; progress
// reports in content/reports/ say what a signatory did. status.go works out
// from these where each signatory stands on the day of the build.

// KindReport is a progress report, a page of content/reports/.
const KindReport Kind = "report"

// Lifecycle holds the lifecycle keys of signatories. It is part of Page,
// so templates read .Withdrawn, .Standing and so on; those of pledges
// and reports are kept apart (see otherKinds) and read the same way.
type Lifecycle struct {
	// The pledges' renew_every, levels, version and changes, and the
	// reports' signatory, pledge and progress, are among Page.others.

	// Signatories.
	Signings        []Signing   // one for each entry of pledges, in order
	Renewed         []time.Time // the dates it renewed, oldest first
	Withdrawn       time.Time
	WithdrawnReason string
	// Standing is where the signatory stands on the day of the build,
	// worked out by cross-referencing (see status.go).
	Standing Standing
	// Reports are a signatory's progress reports, newest first.
	Reports []*Page

	renewedAt []diag.Pos // where each renewal date is written
}

// Period is how long a signature lasts before it must be renewed.
type Period struct {
	Years, Months, Days int
}

// IsZero reports whether no period is set.
func (d Period) IsZero() bool { return d == Period{} }

// From is the day the period ends when it starts on t.
func (d Period) From(t time.Time) time.Time { return t.AddDate(d.Years, d.Months, d.Days) }

// String writes the period as an editor writes it: "2 years".
func (d Period) String() string {
	unit := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + one + "s"
	}
	switch {
	case d.Years > 0:
		return unit(d.Years, "year")
	case d.Months > 0:
		return unit(d.Months, "month")
	case d.Days%7 == 0 && d.Days > 0:
		return unit(d.Days/7, "week")
	}
	return unit(d.Days, "day")
}

// ParsePeriod reads "1 year", "2 years", "36 months", "6 weeks" or "90
// days". It is also what coproduce import and the config share.
func ParsePeriod(s string) (Period, bool) {
	parts := strings.Fields(strings.ToLower(s))
	if len(parts) != 2 {
		return Period{}, false
	}
	n, err := strconv.Atoi(parts[0])
	if err != nil || n <= 0 || n > 1200 {
		return Period{}, false
	}
	switch strings.TrimSuffix(parts[1], "s") {
	case "year":
		return Period{Years: n}, true
	case "month":
		return Period{Months: n}, true
	case "week":
		return Period{Days: 7 * n}, true
	case "day":
		return Period{Days: n}, true
	}
	return Period{}, false
}

// Level is one level of a pledge, such as "Leading".
type Level struct {
	Name    string
	Summary string // what the level asks of a signatory
}

// Change is one dated change to a pledge's text.
type Change struct {
	Date    time.Time
	Version string
	Summary string
}

// Signing is one entry of a signatory's pledges: the pledge, and the level
// and version it signed. An entry written as a bare slug has only Ref.
type Signing struct {
	Ref     Ref
	Pledge  *Page     // filled in by cross-referencing
	Level   string    // the level it holds now, "" when none
	Signed  time.Time // when it signed this pledge; the signatory's signed date when not set
	Version string    // the version it signed, "" when not recorded
	// Steps are the levels it reached, oldest first: the history of its
	// level. The last is the level it holds now.
	Steps []LevelStep

	// Where level and version are written, in the file of Ref.Pos: a
	// line and column rather than a whole diag.Pos each, as a register
	// of 100,000 signatories keeps one Signing or more for each.
	levelAt, versionAt Place
}

// pos is the position of place in the file the signing is written in.
func (s *Signing) pos(place Place) diag.Pos {
	return diag.Pos{File: s.Ref.Pos.File, Line: int(place.Line), Col: int(place.Col)}
}

// placeOfPos is the line and column of pos, for a Place kept in a file
// known from elsewhere.
func placeOfPos(pos diag.Pos) Place { return Place{Line: int32(pos.Line), Col: int32(pos.Col)} }

// LevelStep is a level reached on a date.
type LevelStep struct {
	Level string
	Date  time.Time
	at    Place // in the file of its Signing
}

// Progress is what was done on one commitment, by the organisation and,
// for a two-way pledge, by the people who use its services.
type Progress struct {
	Commitment   string // the commitment's words
	Number       int    // its number in the pledge's list, 0 when written as words
	Done         string // what the organisation did
	DoneByPeople string // what the people who use its services did
	at           diag.Pos
}

// OutdatedVersion reports whether a signing is of a version other than
// its pledge's current one.
func (s Signing) OutdatedVersion() bool {
	return s.Pledge != nil && s.Version != "" && s.Pledge.Version() != "" && s.Version != s.Pledge.Version()
}

// lifecycleKeys are the keys each kind gains for the lifecycle.
var lifecycleKeys = map[Kind][]string{
	KindPledge:    {"renew_every", "levels", "version", "changes"},
	KindSignatory: {"renewed", "withdrawn", "withdrawn_reason"},
	KindReport:    {"signatory", "pledge", "progress"},
}

// PledgeEntryKeys are the keys of an entry of pledges written as a
// mapping.
var PledgeEntryKeys = []string{"pledge", "level", "signed", "version", "levels"}

// readLifecycleKey reads a lifecycle key into p. It reports whether key
// is one.
func readLifecycleKey(r fields.Reader, e fields.Entry, p *Page) bool {
	switch {
	case e.Key == "renew_every" && p.Kind == KindPledge:
		s := strings.TrimSpace(r.String(e))
		d, ok := ParsePeriod(s)
		if !ok && s != "" {
			r.Diags.Errorf(r.Pos(e.Value), "write a number and years, months, weeks or days, such as renew_every: 2 years", "renew_every: %q is not a length of time", s)
		}
		p.own().RenewEvery = d
	case e.Key == "levels" && p.Kind == KindPledge:
		p.own().Levels = readLevels(r, e)
	case e.Key == "version" && p.Kind == KindPledge:
		p.own().Version = strings.TrimSpace(r.String(e))
	case e.Key == "changes" && p.Kind == KindPledge:
		p.own().Changes = readChanges(r, e)
	case e.Key == "renewed":
		items := listItems(e.Value)
		for _, n := range items {
			p.Renewed = append(p.Renewed, r.Date(fields.Entry{Key: "renewed", KeyNode: e.KeyNode, Value: n}))
			p.renewedAt = append(p.renewedAt, r.Pos(n))
		}
	case e.Key == "withdrawn":
		p.Withdrawn = r.Date(e)
	case e.Key == "withdrawn_reason":
		p.WithdrawnReason = strings.TrimSpace(r.String(e))
	case e.Key == "signatory" && p.Kind == KindReport:
		p.own().SignatoryRef = Ref{Slug: strings.TrimSpace(r.String(e)), Pos: r.Pos(e.Value)}
	case e.Key == "pledge" && p.Kind == KindReport:
		p.own().PledgeRef = Ref{Slug: strings.TrimSpace(r.String(e)), Pos: r.Pos(e.Value)}
	case e.Key == "progress" && p.Kind == KindReport:
		p.own().Progress = readProgress(r, e)
	default:
		return false
	}
	return true
}

// listItems is a list's items, or the value itself when one item is
// written without a list ("renewed: 2024-03-01").
func listItems(n *yaml.Node) []*yaml.Node {
	if n.Kind == yaml.SequenceNode {
		out := make([]*yaml.Node, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind == yaml.AliasNode && c.Alias != nil {
				c = c.Alias
			}
			out = append(out, c)
		}
		return out
	}
	if n.Kind == yaml.ScalarNode && isNullNode(n) {
		return nil
	}
	return []*yaml.Node{n}
}

func isNullNode(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// mappingItems reads a list whose items are each a set of keys, calling
// item for each. An item that is not a set of keys is reported with an
// example of one.
func mappingItems(r fields.Reader, e fields.Entry, example string, item func(n *yaml.Node, entries []fields.Entry)) {
	for _, n := range listItems(e.Value) {
		if n.Kind != yaml.MappingNode {
			r.Diags.Errorf(r.Pos(n), "write each item of "+e.Key+" as keys on lines of their own, such as:  - "+example, "an item of %s is not a set of keys", e.Key)
			continue
		}
		item(n, r.Entries(n, "an item of "+e.Key))
	}
}

func readLevels(r fields.Reader, e fields.Entry) []Level {
	var out []Level
	mappingItems(r, e, "name: Committed", func(n *yaml.Node, entries []fields.Entry) {
		var l Level
		for _, sub := range entries {
			switch sub.Key {
			case "name":
				l.Name = strings.TrimSpace(r.String(sub))
			case "summary":
				l.Summary = strings.TrimSpace(r.String(sub))
			default:
				r.Unknown(sub, []string{"name", "summary"}, "a level")
			}
		}
		if l.Name == "" {
			r.Diags.Errorf(r.Pos(n), "add name: with the level's name, such as name: Committed", "a level has no name")
			return
		}
		for _, o := range out {
			if strings.EqualFold(o.Name, l.Name) {
				r.Diags.Errorf(r.Pos(n), "give each level a different name", "the level %q is written twice", l.Name)
				return
			}
		}
		out = append(out, l)
	})
	return out
}

func readChanges(r fields.Reader, e fields.Entry) []Change {
	var out []Change
	mappingItems(r, e, "date: 2025-01-10", func(n *yaml.Node, entries []fields.Entry) {
		var c Change
		for _, sub := range entries {
			switch sub.Key {
			case "date":
				c.Date = r.Date(sub)
			case "version":
				c.Version = strings.TrimSpace(r.String(sub))
			case "summary":
				c.Summary = strings.TrimSpace(r.String(sub))
			default:
				r.Unknown(sub, []string{"date", "version", "summary"}, "a change")
			}
		}
		if c.Date.IsZero() && !hasKey(entries, "date") {
			r.Diags.Errorf(r.Pos(n), "add date: with the day the change was made, such as date: 2025-01-10", "a change has no date")
		}
		if c.Summary == "" && !hasKey(entries, "summary") {
			r.Diags.Errorf(r.Pos(n), "add summary: with one sentence on what changed", "a change has no summary")
		}
		out = append(out, c)
	})
	return out
}

func hasKey(entries []fields.Entry, key string) bool {
	for _, e := range entries {
		if e.Key == key {
			return true
		}
	}
	return false
}

func readProgress(r fields.Reader, e fields.Entry) []Progress {
	var out []Progress
	mappingItems(r, e, "commitment: 1", func(n *yaml.Node, entries []fields.Entry) {
		pr := Progress{at: r.Pos(n)}
		for _, sub := range entries {
			switch sub.Key {
			case "commitment":
				if sub.Value.Kind == yaml.ScalarNode && sub.Value.Tag == "!!int" {
					pr.Number = r.Int(sub)
					pr.at = r.Pos(sub.Value)
				} else {
					pr.Commitment = strings.TrimSpace(r.String(sub))
				}
			case "done":
				pr.Done = strings.TrimSpace(r.String(sub))
			case "done_by_people":
				pr.DoneByPeople = strings.TrimSpace(r.String(sub))
			default:
				r.Unknown(sub, []string{"commitment", "done", "done_by_people"}, "an item of progress")
			}
		}
		if pr.Number == 0 && pr.Commitment == "" {
			r.Diags.Errorf(r.Pos(n), "add commitment: with the number of the pledge's commitment, such as commitment: 1", "an item of progress does not say which commitment it is about")
		}
		if pr.Done == "" && pr.DoneByPeople == "" {
			r.Diags.Errorf(r.Pos(n), "add done: with what the organisation did, in a sentence or two", "an item of progress does not say what was done")
		}
		out = append(out, pr)
	})
	return out
}

// readPledges reads a signatory's pledges: each entry is a pledge's slug
// ("two-way-pledge"), as it always was, or a set of keys with pledge and
// optional level, signed, version and levels.
func readPledges(r fields.Reader, e fields.Entry, p *Page) {
	n := e.Value
	if n.Kind != yaml.SequenceNode {
		p.PledgeSlugs = readRefs(r, e)
		if len(p.PledgeSlugs) > 0 {
			p.Signings = make([]Signing, 0, len(p.PledgeSlugs)) // kept to the end of a build: no room to spare
		}
		for _, ref := range p.PledgeSlugs {
			p.Signings = append(p.Signings, Signing{Ref: ref})
		}
		return
	}
	seen := map[string]bool{}
	twice := func(ref Ref) bool {
		// A pledge named twice is reported, as for any list; names count
		// as the same whatever their capitals and spacing.
		key := strings.ToLower(strings.Join(strings.Fields(ref.Slug), " "))
		if seen[key] {
			r.Diags.Errorf(ref.Pos, "delete one of them", "%s has %q twice", e.Key, ref.Slug)
			return true
		}
		seen[key] = true
		return false
	}
	items := listItems(n)
	if len(items) > 0 {
		// Kept to the end of a build: grown once, to the size written.
		p.PledgeSlugs, p.Signings = make([]Ref, 0, len(items)), make([]Signing, 0, len(items))
	}
	for _, item := range items {
		switch item.Kind {
		case yaml.ScalarNode:
			if isNullNode(item) || strings.TrimSpace(item.Value) == "" {
				r.Diags.Errorf(r.Pos(item), "write the file name of a pledge after the dash, such as - two-way-pledge", "an item of pledges is empty")
				continue
			}
			ref := Ref{Slug: strings.TrimSpace(item.Value), Pos: r.Pos(item)}
			if twice(ref) {
				continue
			}
			p.PledgeSlugs = append(p.PledgeSlugs, ref)
			p.Signings = append(p.Signings, Signing{Ref: ref})
		case yaml.MappingNode:
			if s, ok := readSigning(r, item); ok && !twice(s.Ref) {
				p.PledgeSlugs = append(p.PledgeSlugs, s.Ref)
				p.Signings = append(p.Signings, s)
			}
		default:
			r.Diags.Errorf(r.Pos(item), "write each pledge as - its-file-name, or as - pledge: its-file-name with level: below it", "an item of pledges is neither a pledge's name nor a set of keys")
		}
	}
}

func readSigning(r fields.Reader, n *yaml.Node) (Signing, bool) {
	var s Signing
	hasPledge := false
	for _, sub := range r.Entries(n, "an item of pledges") {
		switch sub.Key {
		case "pledge":
			hasPledge = true
			s.Ref = Ref{Slug: strings.TrimSpace(r.String(sub)), Pos: r.Pos(sub.Value)}
		case "level":
			s.Level, s.levelAt = strings.TrimSpace(r.String(sub)), placeOfPos(r.Pos(sub.Value))
		case "signed":
			s.Signed = r.Date(sub)
		case "version":
			s.Version, s.versionAt = strings.TrimSpace(r.String(sub)), placeOfPos(r.Pos(sub.Value))
		case "levels":
			mappingItems(r, sub, "level: Committed", func(m *yaml.Node, entries []fields.Entry) {
				st := LevelStep{at: placeOfPos(r.Pos(m))}
				for _, x := range entries {
					switch x.Key {
					case "level":
						st.Level, st.at = strings.TrimSpace(r.String(x)), placeOfPos(r.Pos(x.Value))
					case "date":
						st.Date = r.Date(x)
					default:
						r.Unknown(x, []string{"level", "date"}, "an item of levels")
					}
				}
				if st.Level == "" || st.Date.IsZero() && !hasKey(entries, "date") {
					r.Diags.Errorf(r.Pos(m), "write each level reached with its date, such as - level: Committed and date: 2024-03-01 below it", "an item of levels needs both level: and date:")
					return
				}
				s.Steps = append(s.Steps, st)
			})
		default:
			r.Unknown(sub, PledgeEntryKeys, "an item of pledges")
		}
	}
	if !hasPledge || s.Ref.Slug == "" {
		if !hasPledge {
			r.Diags.Errorf(r.Pos(n), "add pledge: with the file name of the pledge (without .md), such as pledge: two-way-pledge", "an item of pledges does not say which pledge")
		} else {
			r.Diags.Errorf(s.Ref.Pos, "write the file name of the pledge after pledge:, such as pledge: two-way-pledge", "pledge is empty")
		}
		return s, false
	}
	if len(s.Steps) > 0 {
		slices.SortStableFunc(s.Steps, func(a, b LevelStep) int { return a.Date.Compare(b.Date) })
		last := s.Steps[len(s.Steps)-1]
		switch {
		case s.Level == "":
			s.Level, s.levelAt = last.Level, last.at
		case !strings.EqualFold(s.Level, last.Level):
			r.Diags.Errorf(diag.Pos{File: r.File, Line: int(s.levelAt.Line), Col: int(s.levelAt.Col)}, fmt.Sprintf("write level: %s, the last level in levels, or add the date it reached %s to levels", last.Level, s.Level),
				"level: %s is not the last level this signatory reached", s.Level)
		}
	}
	return s, true
}

// requireLifecycle reports lifecycle keys a page lacks or has in a way
// that cannot be true.
func requireLifecycle(r fields.Reader, m *splitFile, p *Page, present map[string]fields.Entry) {
	at := r.Pos(m.matter)
	switch p.Kind {
	case KindReport:
		if p.IsTwin() {
			break // its signatory and date come from its main page (translate.go)
		}
		if _, ok := present["signatory"]; !ok || p.SignatoryRef().Slug == "" {
			r.Diags.Errorf(at, "add a line such as signatory: kite-youth-arts, with the file name of the signatory's page without .md", "the report does not say which signatory it is by")
		}
		if _, ok := present["date"]; !ok {
			r.Diags.Errorf(at, "add a line such as date: 2025-06-01, the day the report was published", "the report has no date")
		}
	case KindSignatory:
		for i, d := range p.Renewed {
			if !d.IsZero() && !p.Signed.IsZero() && d.Before(p.Signed) {
				r.Diags.Errorf(p.renewedAt[i], "check the date: a renewal comes after signing, on "+p.Signed.Format(fields.DateLayout)+" or later", "renewed %s is before the date signed", d.Format(fields.DateLayout))
			}
		}
		slices.SortFunc(p.Renewed, func(a, b time.Time) int { return a.Compare(b) })
		if w, ok := present["withdrawn"]; ok && !p.Withdrawn.IsZero() && p.Withdrawn.Before(p.Signed) {
			r.Diags.Errorf(r.Pos(w.Value), "check the date: an organisation withdraws after it signs", "withdrawn %s is before the date signed", p.Withdrawn.Format(fields.DateLayout))
		}
		if w, ok := present["withdrawn_reason"]; ok && p.Withdrawn.IsZero() && !isEmpty(w) {
			if _, has := present["withdrawn"]; !has {
				r.Diags.Errorf(r.Pos(w.KeyNode), "add withdrawn: with the date it withdrew, such as withdrawn: 2025-03-01", "withdrawn_reason is given but not the date it withdrew")
			}
		}
	}
}

// linkLifecycle checks what lifecycle keys name (levels and versions of
// pledges, a report's signatory and commitments) and fills in the pages
// they show: a signing's pledge, a signatory's reports and standing.
func (s *Site) linkLifecycle(opts Options, diags *diag.List) {
	for _, p := range s.Pages {
		if p.Lang != "" || p.Variant != "" {
			continue
		}
		switch p.Kind {
		case KindSignatory:
			for i := range p.Signings {
				sg := &p.Signings[i]
				sg.Pledge = s.pledgeAt(sg.Ref.Slug)
				if sg.Signed.IsZero() {
					sg.Signed = p.Signed
				}
				checkSigning(sg, diags)
			}
		case KindReport:
			s.linkReport(p, diags)
		}
	}
	for _, p := range s.Pages {
		if p.Kind == KindSignatory && p.Lang == "" && p.Variant == "" {
			slices.SortStableFunc(p.Reports, func(a, b *Page) int { return b.Date.Compare(a.Date) })
			p.Standing = standingOf(p, opts.statusDay(), opts.renewal())
		}
	}
	s.inheritLifecycle()
}

// inheritLifecycle gives every translation and Easy Read twin the
// lifecycle facts of its main page, as inheritFacts does the others: a
// Welsh signatory page says the signatory renewed, lapsed or withdrew
// exactly when the English one does, and holds the same level. Words a
// twin may put in its own language (a withdrawal's reason, a pledge's
// levels and changes) are taken from the main page only when the twin
// leaves them out.
func (s *Site) inheritLifecycle() {
	for _, p := range s.Pages {
		o := p.Original
		if o == nil || !p.IsTwin() {
			continue
		}
		t := p.own() // let go again if it stays empty (dropEmptyOthers)
		t.RenewEvery, t.Version = o.RenewEvery(), o.Version()
		t.SignatoryRef, t.PledgeRef = o.SignatoryRef(), o.PledgeRef()
		if o.Signatory() != nil {
			t.Signatory = InLanguage([]*Page{o.Signatory()}, p.Lang)[0]
		}
		if o.ReportPledge() != nil {
			t.ReportPledge = InLanguage([]*Page{o.ReportPledge()}, p.Lang)[0]
		}
		p.Renewed, p.Withdrawn, p.Standing = o.Renewed, o.Withdrawn, o.Standing
		p.Signings = make([]Signing, len(o.Signings))
		for i, sg := range o.Signings {
			if sg.Pledge != nil {
				sg.Pledge = InLanguage([]*Page{sg.Pledge}, p.Lang)[0]
			}
			p.Signings[i] = sg
		}
		p.Reports = InLanguage(o.Reports, p.Lang)
		if !p.wrote("withdrawn_reason") {
			p.WithdrawnReason = o.WithdrawnReason
		}
		// A level's name is a fact: signatories hold it and the
		// directory files them under it, so it stays the main page's.
		// Its summary is words, taken from the twin where it gives one,
		// level by level in the same order.
		if p.wrote("levels") {
			levels := slices.Clone(o.Levels())
			for i := range levels {
				if i < len(p.Levels()) && p.Levels()[i].Summary != "" {
					levels[i].Summary = p.Levels()[i].Summary
				}
			}
			t.Levels = levels
		} else {
			t.Levels = o.Levels()
		}
		if !p.wrote("changes") {
			t.Changes = o.Changes()
		}
		if !p.wrote("progress") {
			t.Progress = o.Progress()
		}
	}
}

func (s *Site) pledgeAt(slug string) *Page {
	if p := s.byURL["/pledges/"+slug+"/"]; p != nil && p.Kind == KindPledge {
		return p
	}
	return nil
}

// checkSigning reports a level or version the pledge does not have.
func checkSigning(sg *Signing, diags *diag.List) {
	pl := sg.Pledge
	if pl == nil {
		return // reported by resolve
	}
	names := make([]string, len(pl.Levels()))
	for i, l := range pl.Levels() {
		names[i] = l.Name
	}
	checkLevel := func(level string, at diag.Pos) {
		if level == "" {
			return
		}
		if len(names) == 0 {
			diags.Errorf(at, "remove level:, or add levels: to content/pledges/"+pl.Slug+".md", "the pledge %q has no levels", pl.Slug)
			return
		}
		for _, n := range names {
			if strings.EqualFold(n, level) {
				return
			}
		}
		fix := "write one of: " + strings.Join(names, ", ")
		if near := diag.Nearest(level, names); near != "" {
			fix = fmt.Sprintf("did you mean %q?", near)
		}
		diags.Errorf(at, fix, "the pledge %q has no level called %q", pl.Slug, level)
	}
	checkLevel(sg.Level, sg.pos(sg.levelAt))
	for _, st := range sg.Steps {
		if st.Level != sg.Level {
			checkLevel(st.Level, sg.pos(st.at))
		}
	}
	// Write the levels as the pledge spells them, so filters group them.
	for _, n := range names {
		if strings.EqualFold(n, sg.Level) {
			sg.Level = n
		}
		for i := range sg.Steps {
			if strings.EqualFold(n, sg.Steps[i].Level) {
				sg.Steps[i].Level = n
			}
		}
	}
	if sg.Version != "" {
		known := pl.Versions()
		if !slices.Contains(known, sg.Version) {
			fix := "write the version it signed, as the pledge's version: or changes: give it"
			if len(known) > 0 {
				fix = "write one of: " + strings.Join(known, ", ")
			} else {
				fix = "remove version:, or add version: to content/pledges/" + pl.Slug + ".md"
			}
			diags.Errorf(sg.pos(sg.versionAt), fix, "the pledge %q has no version %q", pl.Slug, sg.Version)
		}
	}
}

// Versions lists the versions a pledge has had: those in its changes and
// its current one.
func (p *Page) Versions() []string {
	var out []string
	for _, c := range p.Changes() {
		if c.Version != "" && !slices.Contains(out, c.Version) {
			out = append(out, c.Version)
		}
	}
	if p.Version() != "" && !slices.Contains(out, p.Version()) {
		out = append(out, p.Version())
	}
	return out
}

// ChangesSince are the changes made to a pledge after version v.
func (p *Page) ChangesSince(v string) []Change {
	for i, c := range p.Changes() {
		if c.Version == v {
			return p.Changes()[i+1:]
		}
	}
	return p.Changes()
}

// linkReport joins a report to its signatory, and checks the commitments
// it reports on.
func (s *Site) linkReport(p *Page, diags *diag.List) {
	if p.SignatoryRef().Slug == "" {
		return
	}
	sig := s.resolve([]Ref{p.SignatoryRef()}, "signatories", "signatory", diags)
	if len(sig) == 0 {
		return
	}
	p.own().Signatory = sig[0]
	p.Signatory().Reports = append(p.Signatory().Reports, p)
	if p.PledgeRef().Slug != "" {
		pl := s.resolve([]Ref{p.PledgeRef()}, "pledges", "pledge", diags)
		if len(pl) == 0 {
			return
		}
		p.own().ReportPledge = pl[0]
	} else if len(p.Signatory().PledgeSlugs) == 1 {
		p.own().ReportPledge = s.pledgeAt(p.Signatory().PledgeSlugs[0].Slug)
	}
	for i := range p.Progress() {
		pr := &p.Progress()[i]
		if pr.Number == 0 {
			continue
		}
		if p.ReportPledge() == nil {
			diags.Errorf(pr.at, "add pledge: with the pledge this report is about, or write the commitment in words", "the signatory has signed more than one pledge, so commitment %d could be either's", pr.Number)
			continue
		}
		n := len(p.ReportPledge().Commitments)
		if pr.Number < 1 || pr.Number > n {
			diags.Errorf(pr.at, fmt.Sprintf("write a number from 1 to %d, for the pledge's commitments in order", n), "the pledge %q has no commitment %d", p.ReportPledge().Slug, pr.Number)
			continue
		}
		pr.Commitment = p.ReportPledge().Commitments[pr.Number-1]
	}
}

// ReportedSince counts a pledge's current signatories (not lapsed or
// withdrawn) and those of them that published a report on or after from.
func (p *Page) ReportedSince(from time.Time) (reported, of int) {
	for _, sig := range p.Signatories {
		if !sig.Standing.Current() {
			continue
		}
		of++
		for _, r := range sig.Reports {
			if !r.Date.Before(from) {
				reported++
				break
			}
		}
	}
	return reported, of
}
