package signup

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
)

// Questions writes the questions a sign-up form needs for the site in src,
// worded as the import recognises them, with the type of answer and the
// choices each takes from the site, so an editor can build a matching
// Microsoft or Google form. pledge, when not "", is the one pledge the form
// is for; it returns ErrPledge when the site has no such pledge.
func Questions(w io.Writer, src fs.FS, pledge string) error {
	cfg, _ := config.Load(src)
	site := loadSite(src, cfg, false)
	pledges := livePledges(site)
	if pledge != "" {
		p := pledgeBySlug(pledges, pledge)
		if p == nil {
			return fmt.Errorf("%w: there is no pledge called %q; write one of: %s", ErrPledge, pledge, strings.Join(pledgeSlugs(pledges), ", "))
		}
		pledges = []*content.Page{p}
	}
	sectors, regions := usedValues(site.Section("signatories"))

	fmt.Fprintf(w, "Questions for a sign-up form for %s\n\n", cfg.Title)
	fmt.Fprintln(w, "Make one question for each of these, worded as in quotes, so the import knows each answer.")
	fmt.Fprintln(w, "Questions marked required must be answered. The import leaves out any other question, and says so.")
	fmt.Fprintln(w)
	n, pledgeNote := 0, ""
	for _, f := range Fields {
		choices, note := "", f.Help
		switch f.Key {
		case "pledges":
			if len(pledges) <= 1 {
				if len(pledges) == 1 {
					pledgeNote = fmt.Sprintf("No question about the pledge is needed: every answer signs %s. Import with --pledge %s.", pledges[0].Title, pledges[0].Slug)
				}
				continue
			}
			choices = titlesOf(pledges)
			note = "Let people choose more than one if they may sign several."
		case "level":
			choices = levelsOf(pledges)
			if choices == "" {
				continue // no pledge has levels: there is nothing to ask
			}
			note = "The level of the pledge the organisation has reached. Leave it out if it has not reached one yet."
		case "size":
			choices = strings.Join(content.Sizes, "; ")
		case "sector":
			choices = sectors
		case "region":
			choices = regions
		case "signed":
			note = "The date the organisation agreed to the pledge. Without this question, the day the form was sent is used."
		}
		n++
		fmt.Fprintf(w, "%2d. %q (%s)\n", n, f.Headers[0], f.Question)
		if choices != "" {
			label := "Choices"
			if f.Key == "sector" || f.Key == "region" {
				label = "Answers already on the site"
			}
			fmt.Fprintf(w, "    %s: %s\n", label, choices)
		}
		if note != "" {
			fmt.Fprintf(w, "    %s\n", note)
		}
	}
	if pledgeNote != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, pledgeNote)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "For renewal reminders, you may also ask for \"Email\" (short answer). The import never")
	fmt.Fprintln(w, "puts an email address on the site. Import with --contacts FILE to keep the addresses in")
	fmt.Fprintln(w, "a private file outside the site folder, or leave --contacts out and they are dropped.")
	return nil
}

func titlesOf(pages []*content.Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Title)
	}
	return strings.Join(out, "; ")
}

// usedValues lists the sectors and regions signatories already give, so a
// form can offer them as choices and the directory's filters stay tidy.
func usedValues(signatories []*content.Page) (sectors, regions string) {
	var s, r []string
	for _, p := range signatories {
		if p.Sector != "" && !slices.Contains(s, p.Sector) {
			s = append(s, p.Sector)
		}
		if p.Region != "" && !slices.Contains(r, p.Region) {
			r = append(r, p.Region)
		}
	}
	slices.Sort(s)
	slices.Sort(r)
	// Semicolons between them, as a sector may have a comma in it.
	return strings.Join(s, "; "), strings.Join(r, "; ")
}

// levelsOf lists the levels of the pledges, each once, with the pledge's
// name when more than one pledge has levels.
func levelsOf(pledges []*content.Page) string {
	var out []string
	with := 0
	for _, p := range pledges {
		if len(p.Levels()) > 0 {
			with++
		}
	}
	for _, p := range pledges {
		for _, l := range p.Levels() {
			name := l.Name
			if with > 1 {
				name += " (" + p.Title + ")"
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return strings.Join(out, "; ")
}
