package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/coproduce/coproduce/internal/config"
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/register"
	"github.com/coproduce/coproduce/internal/site"
)

// runDue lists the signatories that are due, overdue or lapsed, for the
// people who send reminders to renew.
func runDue(e *env, args []string) int {
	c := commands()["due"]
	fset := newFlags("due")
	src := fset.String("s", ".", "the site folder, with site.yaml and content/")
	within := fset.Int("within", -1, "count a signatory as due when its review date is within this many days (default: renewal: due_within in site.yaml, or 60)")
	format := fset.String("format", "text", "text: a table, for people; csv: for a spreadsheet or mail merge; json: for other tools")
	date := fset.String("date", "", "the day to ask about, as YYYY-MM-DD (default: today)")
	rest, code := parseFlags(fset, args, c.usage, c.summary, e)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		return usageError(e, "due", c.usage, "unexpected %q", rest[0])
	}
	if *format != "text" && *format != "csv" && *format != "json" {
		return usageError(e, "due", c.usage, "--format must be text, csv or json, not %q", *format)
	}
	if *within < -1 || *within > 3650 {
		return usageError(e, "due", c.usage, "--within must be a number of days from 0 to 3650, not %d", *within)
	}
	today := time.Now()
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return usageError(e, "due", c.usage, "--date must be a date written YYYY-MM-DD, such as 2026-03-01, not %q", *date)
		}
		today = t
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		return usageError(e, "due", c.usage, "%s is not a folder", *src)
	}
	source, err := site.OpenSource(*src)
	if err != nil {
		return usageError(e, "due", c.usage, "%v", err)
	}
	cfg, diags := config.Load(source)
	renewal := content.Renewal{DueWithin: cfg.Renewal.DueWithin, Grace: cfg.Renewal.Grace, Set: true}
	var pages *content.Site
	if contentFS, err := fs.Sub(source, "content"); err == nil {
		var cdiags = diags
		// The pages are checked against today, as a build checks them;
		// --date only changes the day the statuses are worked out for.
		pages, cdiags = content.Load(contentFS, content.Options{Dir: "content", Languages: cfg.OtherLanguages(), Renewal: renewal})
		diags = append(diags, cdiags...)
	}
	if diags.HasErrors() || pages == nil {
		printDiags(e.stderr, diags, *src, false)
		fmt.Fprintln(e.stderr, "Fix the errors above first: the dates in a page with errors cannot be trusted.")
		return exitContent
	}
	list := register.Reminders(pages, today, renewal, *within)
	switch *format {
	case "json":
		js, err := json.MarshalIndent(list, "", "  ")
		if err != nil {
			return exitContent
		}
		if list == nil {
			js = []byte("[]")
		}
		fmt.Fprintf(e.stdout, "%s\n", js)
	case "csv":
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write([]string{"status", "slug", "name", "signed", "renewed", "review", "lapses", "website", "file"})
		for _, r := range list {
			w.Write([]string{string(r.Status), r.Slug, csvText(r.Name), r.Signed, r.Renewed, r.Review, r.Lapses, r.Website, r.File})
		}
		w.Flush()
		e.stdout.Write(buf.Bytes())
	default:
		days := renewal.DueWithin
		if *within >= 0 {
			days = *within
		}
		day := today.Format("2 January 2006")
		if len(list) == 0 {
			fmt.Fprintf(e.stdout, "No signatory is due, overdue or lapsed on %s (due means a review date within %d days).\n", day, days)
			return exitOK
		}
		fmt.Fprintf(e.stdout, "%d %s due, overdue or lapsed on %s (due means a review date within %d days):\n\n", len(list), plural(len(list), "signatory is", "signatories are"), day, days)
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "STATUS\tNAME\tRENEW BY\tLAPSES\tPAGE")
		for _, r := range list {
			lapses := r.Lapses
			if r.Status == content.Lapsed {
				lapses = "lapsed " + r.Lapses
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Status, oneLine(r.Name), r.Review, lapses, r.File)
		}
		tw.Flush()
		fmt.Fprintln(e.stdout, "\nWhen one renews, add the date to renewed: in its page, such as renewed: ["+today.Format("2006-01-02")+"].")
	}
	return exitOK
}

// csvText stops a spreadsheet from running a name as a formula.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// oneLine keeps a name on its row of the table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
