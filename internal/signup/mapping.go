package signup

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/diag"
)

// Mapping is what a mapping file says: which key each of the form's own
// headers fills, and which way round its dates are written.
//
//	columns:
//	  "What is your organisation called?": title
//	  "Email for reminders": contact
//	  "How did you hear about us?": skip
//	dates: day first
type Mapping struct {
	Columns map[string]string // normalised header -> key, "contact" or "skip"
	Dates   DateOrder
}

// The uses a mapping file may give a column besides a signatory key.
const (
	mapContact = "contact" // personal data, for the contacts file only
	mapSkip    = "skip"    // left out
)

// mapTargets lists what a column may be mapped to, for messages.
func mapTargets() []string {
	var keys []string
	for _, f := range Fields {
		keys = append(keys, f.Key)
	}
	return append(keys, mapContact, mapSkip)
}

// ParseMapping reads a mapping file, reporting every problem against file.
func ParseMapping(file string, data []byte) (*Mapping, diag.List) {
	var diags diag.List
	m := &Mapping{Columns: map[string]string{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "write one line for each column, as \"Header in the form\": key, under a line columns:", "the mapping file could not be read: %v", err)
		return nil, diags
	}
	at := func(n *yaml.Node) diag.Pos { return diag.Pos{File: file, Line: n.Line, Col: n.Column} }
	if len(doc.Content) == 0 {
		return m, diags // an empty file maps nothing
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		diags.Errorf(at(top), "start the file with a line columns: and list the headers below it", "the mapping file should be a set of keys and values")
		return nil, diags
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "columns":
			readColumns(v, m, at, &diags)
		case "dates":
			order, ok := parseDateOrder(v.Value)
			if v.Kind != yaml.ScalarNode || !ok {
				diags.Errorf(at(v), "write dates: day first (as in 1/2/2025 for 1 February) or dates: month first (for 2 January)", "dates should say which comes first in the form's dates, the day or the month")
				continue
			}
			m.Dates = order
		default:
			fix := "use columns: and dates:"
			if near := diag.Nearest(k.Value, []string{"columns", "dates"}); near != "" {
				fix = "did you mean " + near + "?"
			}
			diags.Errorf(at(k), fix, "%q is not a setting of a mapping file", k.Value)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return m, diags
}

func readColumns(v *yaml.Node, m *Mapping, at func(*yaml.Node) diag.Pos, diags *diag.List) {
	if v.Kind != yaml.MappingNode {
		diags.Errorf(at(v), "list each column below columns:, indented, as \"Header in the form\": key", "columns should be a list of headers and keys")
		return
	}
	targets := mapTargets()
	for j := 0; j+1 < len(v.Content); j += 2 {
		h, key := v.Content[j], v.Content[j+1]
		target := strings.ToLower(strings.TrimSpace(key.Value))
		if key.Kind != yaml.ScalarNode || !containsString(targets, target) {
			fix := "write one of: " + strings.Join(targets, ", ")
			if near := diag.Nearest(target, targets); near != "" {
				fix = fmt.Sprintf("did you mean %s? Write one of: %s", near, strings.Join(targets, ", "))
			}
			diags.Errorf(at(key), fix, "%q is not something a column can fill", key.Value)
			continue
		}
		m.Columns[normHeader(h.Value)] = target
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// classify decides what the import does with each column of a table.
func classify(t *Table, m *Mapping) []column {
	cols := make([]column, len(t.Header))
	for i, h := range t.Header {
		c := column{index: i, header: h, use: useUnknown}
		mapped := ""
		if m != nil {
			mapped = m.Columns[normHeader(h)]
		}
		switch {
		case mapped == mapSkip:
			c.use = useSkip
		case mapped == mapContact:
			c.use = usePersonal
		case mapped != "":
			c.use, c.field = useField, fieldByKey(mapped)
		case matchesAny(h, formColumns):
			c.use = useForm
		case fieldFor(h) != nil:
			c.use, c.field = useField, fieldFor(h)
		case isPersonalHeader(h):
			c.use = usePersonal
		case columnOfEmails(t, i):
			c.use = usePersonal
		}
		cols[i] = c
	}
	return cols
}

// columnOfEmails reports whether any answer in a column is an email
// address: such a column is personal whatever its header says.
func columnOfEmails(t *Table, col int) bool {
	for _, r := range t.Rows {
		if looksLikeEmail(r.Cell(col)) {
			return true
		}
	}
	return false
}
