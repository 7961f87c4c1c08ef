package signup

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/coproduce/coproduce/internal/content"
)

// updatableKeys are the keys an update may change, in the order they are
// shown. The date signed and the page's text are never changed: the first
// is a fact of the signature, the second the editor's own.
var updatableKeys = []string{"title", "summary", "website", "pledges", "sector", "region", "size", "commitments"}

// compare works out how row d differs from the page already there, and the
// page as the update would leave it. An empty answer never empties a key.
func (b *builder) compare(it *Item, d *draft, page *content.Page, src fs.FS, plan *Plan) {
	it.Action = Unchanged
	old := map[string]string{
		"title": page.Title, "summary": page.Summary, "website": page.Website,
		"sector": page.Sector, "region": page.Region, "size": page.Size,
	}
	for _, key := range updatableKeys {
		switch key {
		case "pledges":
			have := refSlugs(page.PledgeSlugs)
			want := slices.Clone(have)
			for _, s := range d.pledges {
				if !slices.Contains(want, s) {
					want = append(want, s)
				}
			}
			if len(want) > len(have) {
				it.Changes = append(it.Changes, Change{Key: key, Old: strings.Join(have, ", "), New: strings.Join(want, ", ")})
			}
		case "commitments":
			if len(d.commitments) > 0 && !slices.Equal(trimAll(page.Commitments), d.commitments) {
				it.Changes = append(it.Changes, Change{Key: key, Old: strings.Join(trimAll(page.Commitments), " / "), New: strings.Join(d.commitments, " / ")})
			}
		default:
			v := d.values[key]
			if v != "" && !sameValue(key, old[key], v) {
				it.Changes = append(it.Changes, Change{Key: key, Old: old[key], New: v})
			}
		}
	}
	if len(it.Changes) == 0 {
		return
	}
	it.Action = Update
	data, err := fs.ReadFile(src, page.File)
	if err != nil {
		plan.Diags.Warnf(b.at(d.row, 0), "change "+page.File+" by hand", "the row has new answers for %s, which could not be read: %v", page.File, err)
		it.Action = Unchanged
		return
	}
	text, lines, err := b.rewrite(data, it.Changes, d)
	if err != nil {
		plan.Diags.Warnf(b.at(d.row, 0), "change "+page.File+" by hand", "the row has new answers for %s, which the import cannot write into it: %v", page.File, err)
		it.Action, it.Changes = Unchanged, nil
		return
	}
	it.old, it.text = data, text
	d.text, d.lines, d.quiet, d.bodyLine = text, lines, map[int]bool{}, 0
}

func refSlugs(refs []content.Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Slug
	}
	return out
}

func trimAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// sameValue compares an answer with the page: a website differing only in
// capitals or a closing slash, or a name only in spacing, is the same.
func sameValue(key, old, answer string) bool {
	switch key {
	case "website":
		norm := func(s string) string { return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "/") }
		return norm(old) == norm(answer)
	case "size":
		return strings.EqualFold(old, answer)
	}
	return oneLine(old) == oneLine(answer)
}

// rewrite writes changes into a page's YAML front matter, leaving every
// other line as it was (comments included), and says which column each
// changed line came from.
func (b *builder) rewrite(data []byte, changes []Change, d *draft) ([]byte, map[int]int, error) {
	text := string(data)
	bom := strings.HasPrefix(text, "\ufeff")
	text = strings.TrimPrefix(text, "\ufeff")
	crlf := strings.Contains(text, "\r\n")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) < 2 || strings.TrimRight(lines[0], " \t") != "---" {
		return nil, nil, errors.New("its front matter is not YAML between --- lines")
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, nil, errors.New("its front matter has no closing --- line")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines[1:end], "\n")), &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, errors.New("its front matter has mistakes; run coproduce check")
	}
	top := doc.Content[0]
	// where[key] is the first line (from 0) of the key and one past its last.
	where := map[string][2]int{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value == "pledges" && v.Kind == yaml.SequenceNode && slices.ContainsFunc(v.Content, func(n *yaml.Node) bool { return n.Kind != yaml.ScalarNode }) {
			for _, c := range changes {
				if c.Key == "pledges" {
					return nil, nil, errors.New("its pledges are written with more than their names")
				}
			}
		}
		start := k.Line // the line after "---" is line 1 of the matter, index 1 of lines
		stop := start + 1
		for stop < end && continues(lines[stop]) {
			stop++
		}
		where[k.Value] = [2]int{start, stop}
	}
	replace := map[int][]string{} // first line -> the lines in its place
	skip := map[int]bool{}
	lineCol := map[int]int{}
	colOf := map[string]int{}
	for _, c := range changes {
		col, ok := b.byKey[c.Key]
		if !ok {
			col = -1
		}
		colOf[c.Key] = col
		rendered := renderKey(c, d)
		if span, ok := where[c.Key]; ok {
			replace[span[0]] = rendered
			for i := span[0]; i < span[1]; i++ {
				skip[i] = true
			}
		}
	}
	var out []string
	emit := func(ls []string, key string) {
		for _, l := range ls {
			out = append(out, l)
			if key != "" && colOf[key] >= 0 {
				lineCol[len(out)] = colOf[key]
			}
		}
	}
	for i, l := range lines {
		if i == end {
			for _, c := range changes {
				if _, ok := where[c.Key]; !ok {
					emit(renderKey(c, d), c.Key)
				}
			}
		}
		if r, ok := replace[i]; ok {
			emit(r, keyAt(changes, where, i))
			continue
		}
		if !skip[i] {
			out = append(out, l)
		}
	}
	result := strings.Join(out, "\n")
	if crlf {
		result = strings.ReplaceAll(result, "\n", "\r\n")
	}
	if bom {
		result = "\ufeff" + result
	}
	return []byte(result), lineCol, nil
}

// continues reports whether a line belongs to the value of the key above
// it: indented, or a list item, and not a comment.
func continues(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" || strings.HasPrefix(t, "#") {
		return false
	}
	return line[0] == ' ' || line[0] == '\t' || strings.HasPrefix(line, "- ") || line == "-"
}

func keyAt(changes []Change, where map[string][2]int, line int) string {
	for _, c := range changes {
		if span, ok := where[c.Key]; ok && span[0] == line {
			return c.Key
		}
	}
	return ""
}

// renderKey writes one changed key as front matter lines.
func renderKey(c Change, d *draft) []string {
	switch c.Key {
	case "pledges":
		return []string{"pledges: " + yamlList(strings.Split(c.New, ", "))}
	case "commitments":
		out := []string{"commitments:"}
		for _, s := range d.commitments {
			out = append(out, "  - "+yamlString(s))
		}
		return out
	}
	return []string{c.Key + ": " + yamlString(c.New)}
}
