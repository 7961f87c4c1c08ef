package signup

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Contacts are the personal details the export held (the respondent's
// email address, name, phone), kept apart from the site: they are what the
// register uses to send renewal reminders, and under UK GDPR they must
// not be published.
type Contacts struct {
	header []int // the export's personal columns
	cols   []string
	rows   [][]string
}

// contactsLead are the first columns of a contacts file: which page the
// person is the contact for.
var contactsLead = []string{"Signatory page", "Organisation"}

// Len is how many people's details there are.
func (c *Contacts) Len() int { return len(c.rows) }

// Columns are the personal columns found, by header.
func (c *Contacts) Columns() []string { return c.cols }

func (c *Contacts) add(b *builder, d *draft, it Item) {
	if len(c.header) == 0 {
		return
	}
	if c.cols == nil {
		for _, i := range c.header {
			c.cols = append(c.cols, b.table.Header[i])
		}
	}
	rec := []string{strings.TrimSuffix(path.Base(it.File), ".md"), d.name}
	empty := true
	for _, i := range c.header {
		v := strings.TrimSpace(d.row.Cell(i))
		empty = empty && v == ""
		rec = append(rec, inert(v))
	}
	if !empty {
		c.rows = append(c.rows, rec)
	}
}

// merge adds the details to a contacts file's text, keeping what it held
// and leaving out rows it has already, so a second import adds nothing.
// Columns are matched by header; new ones are added at the end.
func (c *Contacts) merge(old []byte) ([]byte, int, error) {
	header := append(slices.Clone(contactsLead), c.cols...)
	var rows [][]string
	if len(bytes.TrimSpace(old)) > 0 {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(old, []byte("\xef\xbb\xbf"))))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return nil, 0, err
		}
		if len(recs) > 0 {
			header = recs[0]
			for _, h := range c.cols {
				if !slices.Contains(header, h) {
					header = append(header, h)
				}
			}
			rows = recs[1:]
		}
	}
	seen := map[string]bool{}
	key := func(rec []string) string { return strings.Join(rec, "\x00") }
	for i, rec := range rows {
		for len(rec) < len(header) {
			rec = append(rec, "")
		}
		rows[i] = rec
		seen[key(rec)] = true
	}
	mine := append(slices.Clone(contactsLead), c.cols...)
	added := 0
	for _, rec := range c.rows {
		out := make([]string, len(header))
		for j, h := range mine {
			if k := slices.Index(header, h); k >= 0 {
				out[k] = rec[j]
			}
		}
		if !seen[key(out)] {
			seen[key(out)] = true
			rows = append(rows, out)
			added++
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(header)
	w.WriteAll(rows)
	return buf.Bytes(), added, w.Error()
}

// inert keeps a spreadsheet from running an answer as a formula when the
// contacts file is opened: an answer starting with = + - or @ is written
// after an apostrophe, which Excel and Google Sheets hide.
func inert(v string) string {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		return "'" + v
	}
	return v
}

// ContactsPlace checks where a contacts file is to be written. It refuses a
// place that is published (content/, static/, the output) and warns about
// one inside the site folder, which is often kept in a public repository.
func ContactsPlace(siteDir, file string) (warning string, err error) {
	site, err1 := filepath.Abs(siteDir)
	abs, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return "", fmt.Errorf("cannot tell where %s is", file)
	}
	rel, err := filepath.Rel(site, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", nil // outside the site folder: where it belongs
	}
	top := strings.Split(filepath.ToSlash(rel), "/")[0]
	switch top {
	case "content", "static", "public", "templates", "themes":
		return "", fmt.Errorf("%s is inside %s/, which is published or built into the site; the contacts file holds people's personal details, so write it outside the site folder, such as ../contacts.csv", file, top)
	}
	return fmt.Sprintf("%s is inside the site folder; if the site is kept in Git, add it to .gitignore so it is never put in a public repository", file), nil
}
