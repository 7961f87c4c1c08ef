package signup

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
)

// Options are the inputs of an import.
type Options struct {
	Source  fs.FS    // the site folder: site.yaml and content/
	File    string   // the export's name, as problems name it
	Data    []byte   // the export
	Pledge  string   // the slug of the pledge every row signs; "" to take it from a column
	Mapping *Mapping // other headers, and the order of dates; may be nil
}

// Action is what the import does with a row.
type Action int

const (
	Create    Action = iota // a new signatory page
	Update                  // a page already there whose answers differ
	Unchanged               // a page already there with the same answers
	Repeat                  // the same organisation as an earlier row
	Invalid                 // a row with errors: nothing is written for it
)

// Item is the plan for one row.
type Item struct {
	Row      int
	Name     string
	Action   Action
	File     string   // the page made or matched, from the site folder
	Match    string   // why a page already there is this organisation
	Changes  []Change // for Update
	RepeatOf int      // for Repeat: the row it repeats

	text []byte // the new page, or the changed one
	old  []byte // the page as it was, to refuse a change made meanwhile
}

// Change is one key an update changes.
type Change struct {
	Key, Old, New string
}

// Plan is everything an import would do, worked out before anything is
// written.
type Plan struct {
	File     string
	Items    []Item
	Diags    diag.List
	Notes    []string // what happens to columns that are not used
	Contacts *Contacts
}

// Count returns how many rows have action a.
func (p *Plan) Count(a Action) int {
	n := 0
	for _, it := range p.Items {
		if it.Action == a {
			n++
		}
	}
	return n
}

// ErrPledge is returned when --pledge names no pledge of the site.
var ErrPledge = errors.New("no such pledge")

// Prepare reads the export and the site, and plans the import: which rows
// make new pages, which match pages already there, and every problem.
// It writes nothing. An error is returned only for a wrong --pledge;
// problems with the export are in the plan's diagnostics.
func Prepare(opts Options) (*Plan, error) {
	plan := &Plan{File: opts.File, Contacts: &Contacts{}}
	cfg, _ := config.Load(opts.Source) // check reports site.yaml's own problems
	site := loadSite(opts.Source, cfg, true)
	pledges := livePledges(site)
	var fixed *content.Page
	if opts.Pledge != "" {
		if fixed = pledgeBySlug(pledges, opts.Pledge); fixed == nil {
			return nil, fmt.Errorf("%w: there is no pledge called %q; write one of: %s", ErrPledge, opts.Pledge, strings.Join(pledgeSlugs(pledges), ", "))
		}
	}

	table, diags := ReadTable(opts.File, opts.Data)
	plan.Diags = diags
	if table == nil {
		return plan, nil
	}
	b := &builder{file: opts.File, src: opts.Source, table: table, pledges: pledges, fixed: fixed, lang: cfg.Language, mapping: opts.Mapping}
	b.cols = classify(table, opts.Mapping)
	if !b.findColumns(plan) {
		return plan, nil
	}
	b.orderDates(plan)
	plan.Contacts.header = b.personalHeaders()

	// Every row is built and checked first, so that a row with a mistake
	// neither counts as the organisation's first answer nor takes a file
	// name: a corrected answer further down is then imported as usual.
	drafts := make([]*draft, len(table.Rows))
	bad := map[int]bool{}
	for i, row := range table.Rows {
		d, rowDiags := b.build(row)
		plan.Diags = append(plan.Diags, rowDiags...)
		drafts[i], bad[i] = d, rowDiags.HasErrors()
	}
	pages := map[string]int{}
	for i, name := range rowPages(drafts) {
		pages[name] = i
	}
	for i := range b.validate(plan, drafts, pages, true, cfg) {
		bad[i] = true
	}

	reg := newRegister(site.Section("signatories"))
	updates := map[string]int{}
	for i, d := range drafts {
		it := Item{Row: d.row.Num, Name: d.name, Action: Create}
		repeatOf := 0
		if !bad[i] {
			repeatOf = reg.earlierRow(d)
		}
		switch {
		case bad[i]:
			it.Action = Invalid
		case repeatOf != 0:
			it.Action, it.RepeatOf = Repeat, repeatOf
		default:
			if page, why := reg.existing(d); page != nil {
				it.File, it.Match = page.File, why
				b.compare(&it, d, page, opts.Source, plan)
				if it.Action == Update && it.text != nil {
					updates[strings.TrimPrefix(page.File, "content/")] = i
				}
			} else {
				d.slug = reg.freeSlug(d.slug, func(s string) bool { return fileExists(opts.Source, signatoryFile(s)) })
				it.File, it.text = signatoryFile(d.slug), d.text
			}
		}
		plan.Items = append(plan.Items, it)
	}
	// An update is checked as the page it leaves, on the lines it writes.
	for i := range b.validate(plan, drafts, updates, false, cfg) {
		plan.Items[i].Action = Invalid
	}
	for i, it := range plan.Items {
		if it.Action != Invalid {
			plan.Contacts.add(b, drafts[i], it)
		}
	}
	return plan, nil
}

// signatoryFile is where the page with a slug lives, from the site folder.
func signatoryFile(slug string) string {
	return path.Join("content", content.SectionOf(content.KindSignatory), slug+".md")
}

func fileExists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// loadSite reads content/ as check does. Problems with pages already there
// are check's to report, not the import's.
func loadSite(src fs.FS, cfg *config.Config, drafts bool) *content.Site {
	contentFS, err := fs.Sub(src, "content")
	if err != nil {
		return &content.Site{}
	}
	site, _ := content.Load(contentFS, content.Options{Drafts: drafts, Dir: "content", Languages: cfg.OtherLanguages()})
	return site
}

// livePledges are the pledges a signatory can sign: not drafts, which a
// build leaves out, so a page naming one would not build.
func livePledges(site *content.Site) []*content.Page {
	var out []*content.Page
	for _, p := range site.Section("pledges") {
		if !p.Draft {
			out = append(out, p)
		}
	}
	return out
}

func pledgeBySlug(pledges []*content.Page, slug string) *content.Page {
	for _, p := range pledges {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

func pledgeSlugs(pledges []*content.Page) []string {
	var out []string
	for _, p := range pledges {
		out = append(out, p.Slug)
	}
	if len(out) == 0 {
		return []string{"(the site has no pledge yet: add one with coproduce new pledge NAME)"}
	}
	return out
}
