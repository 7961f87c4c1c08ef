package signup

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/scaffold"
)

// builder turns the rows of one export into signatory pages.
type builder struct {
	file    string
	src     fs.FS
	table   *Table
	cols    []column
	pledges []*content.Page
	fixed   *content.Page // the pledge every row signs, or nil to read a column
	lang    string
	mapping *Mapping

	byKey       map[string]int // signatory key -> column
	signedCol   int
	order       DateOrder
	guessed     bool // the order of dates came from the site's language
	warnedOrder bool // the guess has been pointed out once
}

func (b *builder) at(row Row, col int) diag.Pos {
	return diag.Pos{File: b.file, Line: row.Num, Col: col + 1}
}

// label names a column as an editor sees it in a spreadsheet.
func (b *builder) label(col int) string {
	if col < 0 || col >= len(b.table.Header) {
		return "the row"
	}
	h := b.table.Header[col]
	if h == "" {
		h = "The column with no header"
	}
	return fmt.Sprintf("%s (column %s)", h, ColumnName(col))
}

// findColumns matches the header row, reporting a column the import needs
// but cannot find. It returns false when no row can be imported.
func (b *builder) findColumns(plan *Plan) bool {
	var diags diag.List
	header := Row{Num: 1}
	b.byKey = map[string]int{}
	var left, form, personal []string
	stamp := -1
	for _, c := range b.cols {
		switch c.use {
		case useField:
			if first, ok := b.byKey[c.field.Key]; ok {
				diags.Errorf(b.at(header, c.index), fmt.Sprintf("keep one: in a mapping file, write %q: skip for the other", c.header),
					"%s and %s both give the %s", b.label(first), b.label(c.index), c.field.Key)
				continue
			}
			b.byKey[c.field.Key] = c.index
		case useForm:
			form = append(form, c.header)
			if stamp < 0 && matchesAny(c.header, timestampColumns) {
				stamp = c.index
			}
		case usePersonal:
			personal = append(personal, c.header)
		case useSkip:
			left = append(left, c.header)
		case useUnknown:
			diags.Warnf(b.at(header, c.index), fmt.Sprintf("if its answers belong on the signatory pages, name the column in a mapping file with the key it fills; if not, write %q: skip there to hide this warning", c.header),
				"%s is not a question the import knows, so its answers are left out", b.label(c.index))
		}
	}
	need := func(key, what, header string) {
		if _, ok := b.byKey[key]; !ok {
			diags.Errorf(diag.Pos{File: b.file, Line: 1, Col: 1}, fmt.Sprintf("call the question %q in the form, or name its column in a mapping file as %s", header, key),
				"no column gives %s", what)
		}
	}
	need("title", "the organisation's name", "Organisation name")
	need("website", "the organisation's website", "Website")
	b.signedCol = -1
	if c, ok := b.byKey["signed"]; ok {
		b.signedCol = c
	} else if stamp >= 0 {
		b.signedCol = stamp
		plan.Notes = append(plan.Notes, fmt.Sprintf("There is no \"Date signed\" column, so the day each form was sent (%s) is the date signed.", b.label(stamp)))
	} else {
		need("signed", "the date signed", "Date signed")
	}
	b.findPledge(plan, &diags)
	if len(form) > 0 {
		plan.Notes = append(plan.Notes, "Left out, as the form's own columns: "+strings.Join(form, ", ")+".")
	}
	if len(left) > 0 {
		plan.Notes = append(plan.Notes, "Left out, as the mapping file says: "+strings.Join(left, ", ")+".")
	}
	if len(personal) > 0 {
		plan.Notes = append(plan.Notes, "Never written to the site, as they are about a person: "+strings.Join(personal, ", ")+".")
	}
	plan.Diags = append(plan.Diags, diags...)
	return !diags.HasErrors()
}

// findPledge decides which pledge the rows sign: --pledge, else a Pledge
// column, else the site's only pledge.
func (b *builder) findPledge(plan *Plan, diags *diag.List) {
	col, hasCol := b.byKey["pledges"]
	switch {
	case b.fixed != nil && hasCol:
		plan.Notes = append(plan.Notes, fmt.Sprintf("Every row signs %s, as --pledge says; %s is left out.", b.fixed.Title, b.label(col)))
		delete(b.byKey, "pledges")
	case b.fixed != nil, hasCol:
	case len(b.pledges) == 1:
		b.fixed = b.pledges[0]
		plan.Notes = append(plan.Notes, fmt.Sprintf("Every row signs %s, the site's only pledge.", b.fixed.Title))
	case len(b.pledges) == 0:
		diags.Errorf(diag.Pos{File: b.file, Line: 1, Col: 1}, "add the pledge first, with coproduce new pledge NAME", "the site has no pledge for organisations to sign")
	default:
		diags.Errorf(diag.Pos{File: b.file, Line: 1, Col: 1}, "say which pledge with --pledge, such as --pledge "+b.pledges[0].Slug+", or add a question \"Pledge\" to the form",
			"no column says which pledge each organisation signed, and the site has %d pledges", len(b.pledges))
	}
}

// orderDates decides how dates in figures are read: as the mapping file
// says, else as the column's answers show, else as the site's language
// writes them.
func (b *builder) orderDates(plan *Plan) {
	if b.mapping != nil && b.mapping.Dates != OrderUnknown {
		b.order = b.mapping.Dates
		return
	}
	if b.signedCol >= 0 {
		answers := make([]string, len(b.table.Rows))
		for i, r := range b.table.Rows {
			answers[i] = r.Cell(b.signedCol)
		}
		if b.order = columnOrder(answers); b.order != OrderUnknown {
			return
		}
	}
	b.order, b.guessed = languageOrder(b.lang), true
}

func (b *builder) personalHeaders() []int {
	var out []int
	for _, c := range b.cols {
		if c.use == usePersonal {
			out = append(out, c.index)
		}
	}
	return out
}

// oneLine is a short answer with its spacing tidied: a name or a region
// typed over two lines, or with a double space, is the same name.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// build makes the page one row would become, reporting what the import
// itself cannot read (an empty answer, a date, a pledge). What the page
// then says is checked by package content and package check, in validate.
func (b *builder) build(row Row) (*draft, diag.List) {
	var diags diag.List
	d := &draft{row: row, values: map[string]string{}, descCol: -1}
	fm := newFrontMatter()
	cell := func(key string) (string, int) {
		c, ok := b.byKey[key]
		if !ok {
			return "", -1
		}
		return strings.TrimSpace(row.Cell(c)), c
	}
	fail := func(col int, fix, format string, args ...any) {
		diags.Errorf(b.at(row, col), fix, b.label(col)+": "+format, args...)
	}
	emailCheck := func(text string, col int) {
		if col >= 0 && containsEmail(text) {
			diags.Warnf(b.at(row, col), "take it out unless it is the organisation's own public address",
				"%s: the answer has an email address in it, which would be published on the site", b.label(col))
		}
	}

	name, nameCol := cell("title")
	name = oneLine(name)
	d.name, d.slug = name, scaffold.Slug(name)
	switch {
	case name == "":
		fail(nameCol, "write the organisation's name, or delete the row if it is not a sign-up", "the answer is empty")
	case d.slug == "":
		fail(nameCol, "write the name in letters and numbers, such as Kite Youth Arts", "%q has no letters or numbers to make the page's file name from", name)
	}
	emailCheck(name, nameCol)
	fm.add("title", name, nameCol, name == "")
	d.values["title"] = name

	desc, descCol := cell(Description)
	d.description, d.descCol = desc, descCol
	emailCheck(desc, descCol)
	pledges := &frontMatter{line: 1, lines: map[int]int{}, quiet: map[int]bool{}}
	slugs, titles := b.readPledges(row, pledges, &diags)
	d.pledges = slugs
	summary, sumCol := cell("summary")
	summary = oneLine(summary)
	emailCheck(summary, sumCol)
	if summary != "" {
		d.values["summary"] = summary
	} else if s := firstSentence(desc); s != "" {
		summary, sumCol, d.summaryMade = s, descCol, true
	} else {
		summary, sumCol, d.summaryMade = madeSummary(name, titles), -1, true
	}
	// A summary made from the name has the name's problems, which are
	// reported at the name.
	fm.add("summary", summary, sumCol, sumCol < 0)

	web, webCol := cell("website")
	web = oneLine(web)
	if bareDomain(web) {
		web = "https://" + web
	}
	if web == "" {
		fail(webCol, "write the organisation's website, such as https://example.org/", "the answer is empty")
	}
	fm.add("website", web, webCol, web == "")
	d.values["website"] = web

	b.readSigned(row, fm, &diags)
	fm.splice(pledges) // written after the summary, which names the pledges
	for _, key := range []string{"sector", "region", "size"} {
		v, col := cell(key)
		v = oneLine(v)
		if key == "size" {
			v = normaliseSize(v)
		}
		emailCheck(v, col)
		if v != "" {
			fm.add(key, v, col, false)
			d.values[key] = v
		}
	}
	if raw, col := cell("commitments"); raw != "" {
		emailCheck(raw, col)
		d.commitments = splitLines(raw)
		fm.raw("commitments:", col, false)
		for _, c := range d.commitments {
			fm.raw("  - "+yamlString(c), col, false)
		}
	}
	fm.b.WriteString("---\n")
	d.bodyLine = fm.line + 1
	if body := paragraphs(desc); body != "" {
		fm.b.WriteString("\n" + body + "\n")
	}
	d.text, d.lines, d.quiet = []byte(fm.b.String()), fm.lines, fm.quiet
	return d, diags
}

// readSigned writes the date signed, read from the form's way of writing
// dates.
func (b *builder) readSigned(row Row, fm *frontMatter, diags *diag.List) {
	col := b.signedCol
	raw := strings.TrimSpace(row.Cell(col))
	a := readDate(raw, b.order)
	switch {
	case a.ok:
		if a.ambiguous && b.guessed && !b.warnedOrder {
			b.warnedOrder = true
			diags.Warnf(b.at(row, col), fmt.Sprintf("if the form writes the month first, add the line dates: month first to a mapping file and import with --map; all the dates are read %s", b.order),
				"%s: %s was read as %s", b.label(col), raw, longDate(a.date))
		}
		fm.raw("signed: "+formatDate(a.date), col, false)
		return
	case raw == "":
		diags.Errorf(b.at(row, col), "write the date the organisation signed, such as 2025-02-01", "%s: the answer is empty", b.label(col))
	case a.nearly:
		diags.Errorf(b.at(row, col), "check the day and the month, and write the date as year-month-day, such as 2025-02-01", "%s: %q is not a real date", b.label(col), raw)
	default:
		diags.Errorf(b.at(row, col), "write the date as year-month-day, such as 2025-02-01", "%s: %q is not a date", b.label(col), raw)
	}
	fm.add("signed", raw, col, true)
}

// readPledges writes the pledges a row signs, and returns their slugs and
// titles. A Level answer makes each entry a pledge: with its level:
// below it, as the content model writes a level reached.
func (b *builder) readPledges(row Row, fm *frontMatter, diags *diag.List) ([]string, []string) {
	var signed []*content.Page
	col := -1
	if b.fixed != nil {
		signed = []*content.Page{b.fixed}
	} else {
		col = b.byKey["pledges"]
		raw := strings.TrimSpace(row.Cell(col))
		var all []string
		for _, p := range b.pledges {
			all = append(all, p.Title)
		}
		for _, answer := range b.splitChoices(raw) {
			p := b.pledgeByAnswer(answer)
			if p == nil {
				diags.Errorf(b.at(row, col), "write one of: "+strings.Join(all, "; "), "%s: %q is not a pledge on this site", b.label(col), answer)
				continue
			}
			signed = append(signed, p)
		}
		if raw == "" {
			diags.Errorf(b.at(row, col), "write the pledge the organisation signed: "+strings.Join(all, "; "), "%s: the answer is empty", b.label(col))
		}
		if len(signed) == 0 {
			fm.add("pledges", raw, col, true)
			return nil, nil
		}
	}
	var slugs, titles []string
	for _, p := range signed {
		slugs, titles = append(slugs, p.Slug), append(titles, p.Title)
	}
	levels, levelCol := b.readLevel(row, signed, diags)
	if levels == nil {
		fm.raw("pledges: "+yamlList(slugs), col, false)
		return slugs, titles
	}
	fm.raw("pledges:", col, false)
	for _, p := range signed {
		if l := levels[p]; l != "" {
			fm.raw("  - pledge: "+p.Slug, col, false)
			fm.raw("    level: "+yamlString(l), levelCol, false)
		} else {
			fm.raw("  - "+p.Slug, col, false)
		}
	}
	return slugs, titles
}

// readLevel reads a row's Level answer: the level reached in each pledge
// signed that has one of that name. It returns nil when the row gives no
// level, or gives one no pledge signed has (reported).
func (b *builder) readLevel(row Row, signed []*content.Page, diags *diag.List) (map[*content.Page]string, int) {
	col, ok := b.byKey["level"]
	if !ok {
		return nil, -1
	}
	answer := oneLine(row.Cell(col))
	if answer == "" {
		return nil, col
	}
	out := map[*content.Page]string{}
	var names []string
	for _, p := range signed {
		for _, l := range p.Levels() {
			names = append(names, l.Name)
			if normHeader(l.Name) == normHeader(answer) {
				out[p] = l.Name // as the pledge spells it
			}
		}
	}
	if len(out) > 0 {
		return out, col
	}
	if len(names) == 0 {
		diags.Errorf(b.at(row, col), "leave the answer empty, or add levels: to the pledge first", "%s: %q is a level, but the pledge signed has no levels", b.label(col), answer)
	} else {
		diags.Errorf(b.at(row, col), "write one of: "+strings.Join(names, "; "), "%s: %q is not a level of the pledge signed", b.label(col), answer)
	}
	return nil, col
}

// splitChoices splits a multiple-choice answer: Microsoft Forms puts ";"
// between the choices, Google Forms ", ". A pledge whose own title has a
// comma is still found whole.
func (b *builder) splitChoices(raw string) []string {
	if raw == "" {
		return nil
	}
	if b.pledgeByAnswer(raw) != nil {
		return []string{raw}
	}
	var out []string
	for _, part := range strings.Split(raw, ";") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		if b.pledgeByAnswer(part) != nil {
			out = append(out, part)
			continue
		}
		for _, p := range strings.Split(part, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// pledgeByAnswer finds the pledge an answer names, by its title or its
// file name, whatever the case and spacing.
func (b *builder) pledgeByAnswer(answer string) *content.Page {
	n := normHeader(answer)
	for _, p := range b.pledges {
		if normHeader(p.Title) == n || p.Slug == strings.TrimSpace(answer) || scaffold.Slug(answer) == p.Slug {
			return p
		}
	}
	return nil
}
