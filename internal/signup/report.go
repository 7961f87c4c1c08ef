package signup

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// WriteReport lists what the plan does with each row, for the person
// running the import: what it would make, change and leave alone, or,
// after Write, what it did.
func (p *Plan) WriteReport(w io.Writer, update bool, done *Written) {
	verb := func(would, did string) string {
		if done != nil {
			return did
		}
		return would
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(w, "%s (%d):\n", title, len(lines))
		for _, l := range lines {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	var created, updates, same, repeats, invalid []string
	for _, it := range p.Items {
		it.Name = printable(it.Name)
		row := fmt.Sprintf("row %d", it.Row)
		switch it.Action {
		case Create:
			created = append(created, fmt.Sprintf("%s  %s  %s", row, it.File, it.Name))
		case Update:
			line := fmt.Sprintf("%s  %s  %s (%s):", row, it.File, it.Name, it.Match)
			for _, c := range it.Changes {
				old := c.Old
				if old == "" {
					old = "(nothing)"
				}
				line += fmt.Sprintf("\n      %s: %q -> %q", c.Key, old, c.New)
			}
			updates = append(updates, line)
		case Unchanged:
			same = append(same, fmt.Sprintf("%s  %s  already on the site as %s (%s)", row, it.Name, it.File, it.Match))
		case Repeat:
			repeats = append(repeats, fmt.Sprintf("%s  %s  the same organisation as row %d, so left out; if it is a correction, delete row %d and import again", row, it.Name, it.RepeatOf, it.RepeatOf))
		case Invalid:
			name := it.Name
			if name == "" {
				name = "(no name)"
			}
			invalid = append(invalid, fmt.Sprintf("%s  %s  has errors, listed below", row, name))
		}
	}
	section(verb("Would make", "Made"), created)
	switch {
	case update:
		section(verb("Would update", "Updated"), updates)
	default:
		section("Different from the page already on the site; import with --update to change the page", updates)
	}
	section("Already on the site, nothing to change", same)
	section("Repeated in this file", repeats)
	section("Not imported", invalid)
	for _, n := range p.Notes {
		fmt.Fprintln(w, n)
	}
	if done != nil {
		for _, f := range done.Left {
			fmt.Fprintf(w, "Left alone: %s was made or changed by someone else while the import ran; import again to see it.\n", f)
		}
		return
	}
	if len(created) > 0 || update && len(updates) > 0 {
		fmt.Fprintln(w, "Nothing was written. Check the list, then run the same command with --write to make these changes.")
	} else {
		fmt.Fprintln(w, "Nothing to write.")
	}
}

// printable drops control characters from a name before it is shown, so
// an answer cannot move the cursor or ring the bell in a terminal; the
// problem itself is reported at the answer.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
